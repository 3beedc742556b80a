package app.scantill.catalog;

import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
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
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a catalog CSV file with the header {@code sku,barcode,name,price,currency,category}.
 *
 * <p>Every row is validated on its own; a bad row is skipped and reported with its line number and
 * a reason a shop owner can act on, and all good rows still load. Nothing a file can contain makes
 * this class throw: a missing, unreadable, binary or non-UTF-8 file gives an empty (or partial)
 * catalog and problems that say why.
 */
public final class CatalogLoader {

    public static final List<String> HEADER = List.of("sku", "barcode", "name", "price", "currency", "category");

    /** Stripe's limit for {@code product_data.name}. */
    static final int MAX_NAME_LENGTH = 5000;
    static final int MAX_CATEGORY_LENGTH = 100;
    /** Far above any real catalog; protects the till from reading a disk image by mistake. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** Beyond this the panel would be unreadable anyway; the count of the rest is still reported. */
    static final int MAX_REPORTED_PROBLEMS = 500;

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final System.Logger LOG = System.getLogger(CatalogLoader.class.getName());

    /** Loads the file at {@code path}. Never throws. */
    public CatalogLoadResult load(Path path) {
        String source = String.valueOf(path);
        try {
            Path absolute = path.toAbsolutePath();
            if (!Files.exists(absolute)) {
                return fileProblem(source, "Catalog file not found: " + absolute
                        + ". Starting with an empty catalog.");
            }
            if (Files.isDirectory(absolute)) {
                return fileProblem(source, "Catalog path " + absolute + " is a folder, not a CSV file."
                        + " Starting with an empty catalog.");
            }
            long size = Files.size(absolute);
            if (size > MAX_FILE_BYTES) {
                return fileProblem(source, "Catalog file " + absolute + " is " + (size / (1024 * 1024))
                        + " MB, more than the " + (MAX_FILE_BYTES / (1024 * 1024))
                        + " MB a catalog may have. Starting with an empty catalog.");
            }
            return parse(Files.readAllBytes(absolute), source);
        } catch (NoSuchFileException e) {
            return fileProblem(source, "Catalog file not found: " + source + ". Starting with an empty catalog.");
        } catch (IOException | SecurityException e) {
            return fileProblem(source, "Catalog file " + source + " could not be read (" + describe(e)
                    + "). Starting with an empty catalog.");
        } catch (OutOfMemoryError e) {
            return fileProblem(source, "Catalog file " + source + " is too large to read."
                    + " Starting with an empty catalog.");
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Unexpected failure reading catalog " + source, e);
            return fileProblem(source, "Catalog file " + source + " could not be read (" + describe(e)
                    + "). Starting with an empty catalog.");
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
            return fileProblem(source, "Catalog file " + source + " could not be read (" + describe(e)
                    + "). Starting with an empty catalog.");
        }
    }

    private CatalogLoadResult parseChecked(byte[] bytes, String source) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return fileProblem(source, "Catalog file " + source + " is saved as UTF-16; save it as UTF-8 CSV."
                    + " Starting with an empty catalog.");
        }
        Decoded decoded = decodeUtf8(bytes);
        List<CsvReader.Row> rows = new CsvReader(decoded.text).readAll();
        List<CatalogProblem> problems = new ArrayList<>();

        int index = 0;
        while (index < rows.size() && rows.get(index).isBlank()) {
            index++;
        }
        if (index == rows.size()) {
            problems.add(CatalogProblem.ofFile("Catalog file " + source + " is empty. Expected the header "
                    + String.join(",", HEADER) + "."));
            return new CatalogLoadResult(Catalog.empty(), problems, source);
        }
        CsvReader.Row header = rows.get(index);
        Optional<String> headerProblem = headerProblem(header, decoded);
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
            List<String> errors = new ArrayList<>();
            Product product = validate(row, decoded, skuLines, barcodeLines, errors);
            if (product != null) {
                products.add(product);
                skuLines.put(Catalog.skuKey(product.sku()), row.line());
                barcodeLines.put(product.barcode(), row.line());
            } else if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new CatalogProblem(row.line(), String.join("; ", errors)));
            } else {
                unreported++;
            }
        }
        if (unreported > 0) {
            problems.add(CatalogProblem.ofFile(unreported + " more bad rows were skipped and not listed."));
        }
        return new CatalogLoadResult(new Catalog(products), problems, source);
    }

    private static Optional<String> headerProblem(CsvReader.Row header, Decoded decoded) {
        String expected = String.join(",", HEADER);
        if (header.error() != null || decoded.hasBadBytes(header)) {
            return Optional.of("the first line must be the header " + expected
                    + "; it could not be read as text. No products were loaded.");
        }
        List<String> names = header.fields().stream()
                .map(f -> f.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!names.equals(HEADER)) {
            return Optional.of("the first line must be the header " + expected + " but is "
                    + shorten(String.join(",", header.fields()), 80) + ". No products were loaded.");
        }
        return Optional.empty();
    }

    /** A valid product, or null with the reasons added to {@code errors}. */
    private static Product validate(CsvReader.Row row, Decoded decoded, Map<String, Integer> skuLines,
            Map<String, Integer> barcodeLines, List<String> errors) {
        if (row.error() != null) {
            errors.add("bad quoting: " + row.error());
            return null;
        }
        if (decoded.hasBadBytes(row)) {
            errors.add("the row is not valid UTF-8 text; save the catalog as UTF-8");
            return null;
        }
        List<String> f = row.fields();
        if (f.size() != HEADER.size()) {
            errors.add("expected " + HEADER.size() + " columns (" + String.join(",", HEADER) + ") but found "
                    + f.size());
            return null;
        }
        String sku = f.get(0).strip();
        String barcode = f.get(1).strip();
        String name = f.get(2).strip().replaceAll("\\s*\\R\\s*", " ");
        String priceText = f.get(3).strip();
        String currencyCode = f.get(4).strip();
        String category = f.get(5).strip().replaceAll("\\s*\\R\\s*", " ");

        if (sku.isEmpty()) {
            errors.add("SKU is missing");
        } else if (!SKU.matcher(sku).matches()) {
            errors.add("SKU '" + shorten(sku, 30) + "' may use only letters, digits and . _ / -"
                    + " (at most 64 characters, starting with a letter or digit)");
        } else if (skuLines.containsKey(Catalog.skuKey(sku))) {
            errors.add("duplicate SKU " + sku + " (already on line " + skuLines.get(Catalog.skuKey(sku)) + ")");
        }

        Ean13.problem(barcode).ifPresent(errors::add);
        if (Ean13.isValid(barcode) && barcodeLines.containsKey(barcode)) {
            errors.add("duplicate barcode " + barcode + " (already on line " + barcodeLines.get(barcode) + ")");
        }

        if (name.isEmpty()) {
            errors.add("name is missing");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name is longer than " + MAX_NAME_LENGTH + " characters (Stripe's limit)");
        }
        if (category.length() > MAX_CATEGORY_LENGTH) {
            errors.add("category is longer than " + MAX_CATEGORY_LENGTH + " characters");
        }

        Money price = null;
        Optional<Currency> currency = CurrencyFacts.lookup(currencyCode);
        if (currencyCode.isEmpty()) {
            errors.add("currency is missing");
        } else if (currency.isEmpty()) {
            errors.add("unknown currency '" + shorten(currencyCode, 12) + "' (use an ISO 4217 code such as USD)");
        } else if (CurrencyFacts.isThreeDecimal(currency.get())) {
            errors.add(currency.get().getCurrencyCode() + " has three decimals, which ScanTill does not sell in"
                    + " (Stripe requires their last digit to be 0 and Amazon Pay does not offer them)");
        } else {
            price = price(priceText, currency.get(), errors);
        }

        if (!errors.isEmpty()) {
            return null;
        }
        return Product.of(sku, barcode, name, price, category);
    }

    private static Money price(String text, Currency currency, List<String> errors) {
        try {
            // Decimals beyond the currency's are refused by the parse: UGX and ISK are whole units in the till,
            // whatever Stripe's API writes (https://docs.stripe.com/currencies#special-cases).
            long minor = MoneyFormat.parseMinorUnits(text, currency);
            Money maximum = CurrencyFacts.maximumCharge(currency);
            if (minor > maximum.minorUnits()) {
                errors.add("price " + text + " " + currency.getCurrencyCode() + " is above Stripe's maximum of "
                        + maximum);
                return null;
            }
            return Money.of(minor, currency);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    private static CatalogLoadResult fileProblem(String source, String message) {
        LOG.log(Level.WARNING, message);
        return new CatalogLoadResult(Catalog.empty(), List.of(CatalogProblem.ofFile(message)), source);
    }

    private static void log(CatalogLoadResult result) {
        LOG.log(Level.INFO, "Catalog " + result.source() + ": " + result.catalog().size() + " products loaded, "
                + result.problems().size() + " problems");
        for (CatalogProblem problem : result.problems()) {
            LOG.log(Level.WARNING, "Catalog " + result.source() + " " + problem.describe());
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

        boolean hasBadBytes(CsvReader.Row row) {
            int next = badChars.nextSetBit(row.start());
            return next >= 0 && next < Math.max(row.end(), row.start() + 1);
        }
    }
}
