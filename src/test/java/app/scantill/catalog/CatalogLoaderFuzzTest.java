package app.scantill.catalog;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random and mutated catalog files (seeded, so a failure can be replayed): loading
 * never throws, every problem names a line or the file, and whatever loads is a usable catalog.
 */
class CatalogLoaderFuzzTest {

    private static final String GOOD = String.join("\n",
            "sku,barcode,name,price,currency,category",
            "COF-ESP,0850012000013,Espresso,3.00,USD,Coffee",
            "COF-LAT,0850012000037,\"Caffe Latte, large\",4.75,USD,Coffee",
            "EU-STRW,4006381333931,\"Stroopwafel \"\"Tin\"\"\",6.90,EUR,Imported",
            "JP-MOCH,4901234567900,Mochi,850,JPY,Imported",
            "");
    private static final String[] PIECES = {",", "\"", "\"\"", "\n", "\r\n", "\r", "\u0000", "\uFEFF", "\u202E",
        "é", "💥", "\t", " ", "0850012000013", "-1", "99999999999", "1e9", "NaN", "3,00", "USD", "usd", "XXX",
        "BHD", "JPY", "sku", "=cmd|' /C calc'!A0"};

    private final CatalogLoader loader = new CatalogLoader();
    /** Thousands of bad rows would each be logged as a warning; held so the level sticks. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger(
            CatalogLoader.class.getName());

    @org.junit.jupiter.api.BeforeAll
    static void quietLoaderWarnings() {
        QUIET.setLevel(java.util.logging.Level.SEVERE);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreLoaderWarnings() {
        QUIET.setLevel(null);
    }

    private static void assertUsable(CatalogLoadResult result, String what) {
        assertThat(result).as(what).isNotNull();
        assertThat(result.catalog()).as(what).isNotNull();
        for (CatalogProblem p : result.problems()) {
            assertThat(English.text(p.describe())).as(what).isNotBlank();
            assertThat(English.text(p.message())).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        }
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        for (Product product : result.catalog().products()) {
            assertThat(product.price().minorUnits()).as(what).isBetween(0L, 99_999_999L);
            assertThat(product.name()).as(what).isNotBlank().hasSizeLessThanOrEqualTo(CatalogLoader.MAX_NAME_LENGTH);
            assertThat(skus.add(product.sku().toLowerCase(java.util.Locale.ROOT))).as(what).isTrue();
            assertThat(barcodes.add(product.barcode())).as(what).isTrue();
            assertThat(Ean13.isValid(product.barcode())).as(what).isTrue();
        }
        result.catalog().search("a", null);
        result.catalog().find("0850012000013");
    }

    @Test
    void randomBytesNeverThrowAndGiveAnEmptyOrValidCatalog() {
        Random random = new Random(1);
        for (int i = 0; i < 1_500; i++) {
            byte[] bytes = new byte[random.nextInt(2_000)];
            random.nextBytes(bytes);
            if (i % 3 == 0) {
                byte[] header = "sku,barcode,name,price,currency,category\n".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(header, 0, bytes, 0, Math.min(header.length, bytes.length));
            }
            assertUsable(loader.parse(bytes, "random-" + i), "random file " + i);
        }
    }

    @Test
    void mutatedGoodFilesNeverThrowAndKeepEveryUntouchedRow() {
        Random random = new Random(2);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder(GOOD);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    case 2 -> text.insert(at, "x".repeat(random.nextInt(12_000)));
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, (char) random.nextInt(0x3000));
                        }
                    }
                }
            }
            CatalogLoadResult result = loader.parse(text.toString(), "mutated-" + i);
            assertUsable(result, "mutation " + i + ": " + text);
            assertThat(result.catalog().size()).as("mutation " + i).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void otherEncodingsAreReportedNotMisread() {
        String withAccents = GOOD.replace("Espresso", "Café crème");
        for (Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16,
                StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"))) {
            CatalogLoadResult result = loader.parse(withAccents.getBytes(charset), charset.name());
            assertUsable(result, charset.name());
            assertThat(result.catalog().products()).as(charset.name())
                    .noneMatch(p -> p.name().contains("\uFFFD"));
            if (!charset.equals(StandardCharsets.UTF_16BE) && !charset.equals(StandardCharsets.UTF_16LE)) {
                assertThat(result.hasProblems()).as(charset.name()).isTrue();
            }
        }
    }

    @Test
    void hugeFieldsAndUnclosedQuotesCostOnlyTheirRows() {
        String huge = "sku,barcode,name,price,currency,category\n"
                + "BIG-1,0850012000020,\"" + "n".repeat(2_000_000) + "\",1.00,USD,Coffee\n"
                + "OPEN-1,0850012000044,\"never closed,1.00,USD,Coffee\n"
                + "COF-ESP,0850012000013,Espresso,3.00,USD,Coffee\n"
                + "CAT-1,0850012000051,Tea," + "9".repeat(100_000) + ",USD,Tea\n";
        CatalogLoadResult result = loader.parse(huge, "huge.csv");
        assertUsable(result, "huge fields");
        assertThat(result.catalog().products()).extracting(Product::sku).containsExactly("COF-ESP");
        assertThat(result.problems()).hasSize(3);
    }

    @Test
    void aHundredThousandRowFileLoadsWithItsBadRowsReported(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("sku,barcode,name,price,currency,category\n");
        int bad = 0;
        for (int i = 0; i < 100_000; i++) {
            String first12 = "20" + String.format("%010d", i);
            String barcode = first12 + Ean13.checkDigit(first12);
            if (i % 1_000 == 7) {
                csv.append("BAD-").append(i).append(',').append(barcode).append(",Broken,abc,USD,X\n");
                bad++;
            } else {
                csv.append("SKU-").append(i).append(',').append(barcode).append(",Item ").append(i)
                        .append(",1.25,USD,Things\n");
            }
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        CatalogLoadResult result = loader.load(file);
        assertUsable(result, "100k rows");
        assertThat(result.catalog().size()).isEqualTo(100_000 - bad);
        assertThat(result.problems()).hasSize(bad);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.lineNumber()).isGreaterThan(1));
    }
}
