package app.scantill.catalog;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import java.time.ZoneOffset;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a catalog CSV file with the header {@code sku,barcode,name,price,currency,category}, optionally
 * followed by a {@code tax_rate} column (a percentage included in the price, such as {@code 19} or
 * {@code 7.7}; blank for the till's default rate).
 *
 * <p>Every row is validated on its own; a bad row is skipped and reported with its line number and
 * a reason a shop owner can act on, and all good rows still load. Nothing a file can contain makes
 * this class throw: a missing, unreadable, binary or non-UTF-8 file gives an empty (or partial)
 * catalog and problems that say why.
 */
public final class CatalogLoader {

    public static final List<String> HEADER = List.of("sku", "barcode", "name", "price", "currency", "category");
    /** The header of a catalog that gives each product its tax rate. */
    public static final List<String> HEADER_WITH_TAX_RATE = List.of("sku", "barcode", "name", "price", "currency",
            "category", "tax_rate");

    static final int MAX_NAME_LENGTH = ProductRules.MAX_NAME_LENGTH;
    /** Far above any real catalog; protects the till from reading a disk image by mistake. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** Beyond this the panel would be unreadable anyway; the count of the rest is still reported. */
    static final int MAX_REPORTED_PROBLEMS = 500;

    private static final System.Logger LOG = System.getLogger(CatalogLoader.class.getName());
    /** The log is read by whoever runs the till, and grepped: English. */
    private static final Translator ENGLISH = Translator.forLocale(Locale.ENGLISH, ZoneOffset.UTC);

    /** Loads the file at {@code path}. Never throws. */
    public CatalogLoadResult load(Path path) {
        String source = String.valueOf(path);
        try {
            Path absolute = path.toAbsolutePath();
            if (!Files.exists(absolute)) {
                return fileProblem(source, Message.of("catalog.file.not_found", absolute.toString()));
            }
            if (Files.isDirectory(absolute)) {
                return fileProblem(source, Message.of("catalog.file.folder", absolute.toString()));
            }
            long size = Files.size(absolute);
            if (size > MAX_FILE_BYTES) {
                return fileProblem(source, Message.of("catalog.file.too_big", absolute.toString(),
                        size / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024)));
            }
            return parse(Files.readAllBytes(absolute), source);
        } catch (NoSuchFileException e) {
            return fileProblem(source, Message.of("catalog.file.not_found", source));
        } catch (IOException | SecurityException e) {
            return fileProblem(source, Message.of("catalog.file.unreadable", source, describe(e)));
        } catch (OutOfMemoryError e) {
            return fileProblem(source, Message.of("catalog.file.too_large_to_read", source));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Unexpected failure reading catalog " + source, e);
            return fileProblem(source, Message.of("catalog.file.unreadable", source, describe(e)));
        }
    }

    /** Parses catalog text already in memory (tests, and the path above). Never throws. */
    public CatalogLoadResult parse(String text, String source) {
        return parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Parses the raw bytes of a catalog file as UTF-8. Never throws. */
    public CatalogLoadResult parse(byte[] bytes, String source) {
        try {
            CatalogLoadResult result = parseChecked(bytes, source);
            log(result);
            return result;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Unexpected failure parsing catalog " + source, e);
            return fileProblem(source, Message.of("catalog.file.unreadable", source, describe(e)));
        }
    }

    private CatalogLoadResult parseChecked(byte[] bytes, String source) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return fileProblem(source, Message.of("catalog.file.utf16", source));
        }
        Decoded decoded = decodeUtf8(bytes);
        List<CsvReader.Row> rows = new CsvReader(decoded.text).readAll();
        List<CatalogProblem> problems = new ArrayList<>();

        int index = 0;
        while (index < rows.size() && rows.get(index).isBlank()) {
            index++;
        }
        if (index == rows.size()) {
            problems.add(CatalogProblem.ofFile(Message.of("catalog.file.empty", source, String.join(",", HEADER))));
            return new CatalogLoadResult(Catalog.empty(), problems, source);
        }
        CsvReader.Row header = rows.get(index);
        Optional<Message> headerProblem = headerProblem(header, decoded);
        if (headerProblem.isPresent()) {
            problems.add(new CatalogProblem(header.line(), headerProblem.get()));
            return new CatalogLoadResult(Catalog.empty(), problems, source);
        }

        List<Product> products = new ArrayList<>();
        Map<String, Integer> skuLines = new HashMap<>();
        Map<String, Integer> barcodeLines = new HashMap<>();
        int unreported = 0;
        for (int i = index + 1; i < rows.size(); i++) {
            CsvReader.Row row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            List<Message> errors = new ArrayList<>();
            Product product = validate(row, header.fields().size(), decoded, skuLines, barcodeLines, errors);
            if (product != null) {
                products.add(product);
                skuLines.put(Catalog.skuKey(product.sku()), row.line());
                barcodeLines.put(product.barcode(), row.line());
            } else if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new CatalogProblem(row.line(), errors.size() == 1 ? errors.get(0)
                        : Message.of("catalog.row.reasons", errors)));
            } else {
                unreported++;
            }
        }
        if (unreported > 0) {
            problems.add(CatalogProblem.ofFile(Message.of("catalog.file.more_bad_rows", unreported)));
        }
        return new CatalogLoadResult(new Catalog(products), problems, source);
    }

    private static Optional<Message> headerProblem(CsvReader.Row header, Decoded decoded) {
        String expected = String.join(",", HEADER);
        if (header.error() != null || decoded.hasBadBytes(header)) {
            return Optional.of(Message.of("catalog.header.unreadable", expected));
        }
        List<String> names = header.fields().stream()
                .map(f -> f.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!names.equals(HEADER) && !names.equals(HEADER_WITH_TAX_RATE)) {
            return Optional.of(Message.of("catalog.header.wrong", expected,
                    shorten(String.join(",", header.fields()), 80)));
        }
        return Optional.empty();
    }

    /** A valid product, or null with the reasons added to {@code errors}. */
    private static Product validate(CsvReader.Row row, int columns, Decoded decoded, Map<String, Integer> skuLines,
            Map<String, Integer> barcodeLines, List<Message> errors) {
        if (row.error() != null) {
            errors.add(Message.of("catalog.row.bad_quoting", Message.of(row.error())));
            return null;
        }
        if (decoded.hasBadBytes(row)) {
            errors.add(Message.of("catalog.row.not_utf8"));
            return null;
        }
        List<String> f = row.fields();
        if (f.size() != columns) {
            List<String> header = columns == HEADER.size() ? HEADER : HEADER_WITH_TAX_RATE;
            errors.add(Message.of("catalog.row.columns", columns, String.join(",", header), f.size()));
            return null;
        }
        ProductDraft draft = new ProductDraft(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                columns > HEADER.size() ? f.get(6) : "");
        ProductRules.Check check = ProductRules.check(draft, new ProductRules.Taken() {
            @Override
            public Optional<Message> sku(String sku) {
                return Optional.ofNullable(skuLines.get(Catalog.skuKey(sku)))
                        .map(line -> Message.of("catalog.row.sku_duplicate", sku, line));
            }

            @Override
            public Optional<Message> barcode(String barcode) {
                return Optional.ofNullable(barcodeLines.get(barcode))
                        .map(line -> Message.of("catalog.row.barcode_duplicate", barcode, line));
            }
        });
        errors.addAll(check.problems().values());
        return check.product().orElse(null);
    }

    private static CatalogLoadResult fileProblem(String source, Message message) {
        LOG.log(Level.WARNING, ENGLISH.text(message));
        return new CatalogLoadResult(Catalog.empty(), List.of(CatalogProblem.ofFile(message)), source);
    }

    private static void log(CatalogLoadResult result) {
        LOG.log(Level.INFO, "Catalog " + result.source() + ": " + result.catalog().size() + " products loaded, "
                + result.problems().size() + " problems");
        for (CatalogProblem problem : result.problems()) {
            LOG.log(Level.WARNING, "Catalog " + result.source() + " " + ENGLISH.text(problem.describe()));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static boolean startsWith(byte[] bytes, int first, int second) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
    }

    /**
     * Decodes UTF-8, dropping a byte order mark. Malformed bytes become U+FFFD and their positions
     * are remembered, so only the rows that contain them are skipped instead of the whole file.
     */
    static Decoded decodeUtf8(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length - offset + 16));
        BitSet bad = new BitSet();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                bad.set(out.position());
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), bad);
    }

    static final class Decoded {
        final String text;
        private final BitSet badChars;

        Decoded(String text, BitSet badChars) {
            this.text = text;
            this.badChars = badChars;
        }

        /** Whether any byte of the file was not UTF-8. */
        boolean hasBadBytes() {
            return !badChars.isEmpty();
        }

        boolean hasBadBytes(CsvReader.Row row) {
            int next = badChars.nextSetBit(row.start());
            return next >= 0 && next < Math.max(row.end(), row.start() + 1);
        }
    }
}
