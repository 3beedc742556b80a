package app.scantill.catalog;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    private static final String HEADER = "sku,barcode,name,price,currency,category\n";
    private static final String GOOD = "COF-ESP,0850012000013,Espresso,3.00,USD,Coffee\n";

    private final CatalogLoader loader = new CatalogLoader();

    private CatalogLoadResult parse(String body) {
        return loader.parse(HEADER + body, "test.csv");
    }

    /** Parses a good row, then {@code badRow} on line 3, then another good row on line 4. */
    private CatalogLoadResult parseWithBadRow(String badRow) {
        return parse(GOOD + badRow + "\nCOF-LAT,0850012000037,Caffe Latte,4.75,USD,Coffee\n");
    }

    private static void assertOneProblemOnLine3(CatalogLoadResult result, String... fragments) {
        assertThat(result.problems()).hasSize(1);
        CatalogProblem problem = result.problems().get(0);
        assertThat(problem.lineNumber()).isEqualTo(3);
        assertThat(English.text(problem.describe())).startsWith("line 3: ");
        for (String fragment : fragments) {
            assertThat(English.text(problem.message())).containsIgnoringCase(fragment);
        }
        assertThat(result.catalog().products()).extracting(Product::sku).containsExactly("COF-ESP", "COF-LAT");
    }

    @Test
    void goodRowsLoadWithPriceInMinorUnitsAndCategory() {
        CatalogLoadResult result = parse(GOOD + "JP-MOCH,4901234567900,Mochi Assortment,850,JPY,\n");

        assertThat(result.problems()).isEmpty();
        Product espresso = result.catalog().bySku("COF-ESP").orElseThrow();
        assertThat(espresso.price()).isEqualTo(Money.of(300, "USD"));
        assertThat(espresso.category()).contains("Coffee");
        Product mochi = result.catalog().byBarcode("4901234567900").orElseThrow();
        assertThat(mochi.price()).isEqualTo(Money.of(850, "JPY"));
        assertThat(mochi.category()).isEmpty();
    }

    @Test
    void anOptionalTaxRateColumnGivesEachProductItsRateAndBlankLeavesTheDefault() {
        CatalogLoadResult result = loader.parse("sku,barcode,name,price,currency,category,tax_rate\n"
                + "COF-ESP,0850012000013,Espresso,3.00,EUR,Coffee,7\n"
                + "MUG-01,0850012000020,Mug,12.00,EUR,Merch,19.5\n"
                + "BAG-01,0850012000037,Bag,1.00,EUR,Merch,\n"
                + "BAD-01,0850012000044,Bad,1.00,EUR,Merch,1900\n", "tax.csv");

        assertThat(result.catalog().bySku("COF-ESP").orElseThrow().taxRate()).contains(new TaxRate(700));
        assertThat(result.catalog().bySku("MUG-01").orElseThrow().taxRate()).contains(new TaxRate(1950));
        assertThat(result.catalog().bySku("BAG-01").orElseThrow().taxRate()).isEmpty();
        assertThat(result.catalog().bySku("BAG-01").orElseThrow().taxRateOr(new TaxRate(1900)))
                .isEqualTo(new TaxRate(1900));
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).lineNumber()).isEqualTo(5);
        assertThat(English.text(result.problems().get(0).message())).contains("tax rate \"1900\"", "19 or 7.7");
    }

    @Test
    void aRowOfATaxRateCatalogNeedsSevenFields() {
        CatalogLoadResult result = loader.parse("sku,barcode,name,price,currency,category,tax_rate\n"
                + "COF-ESP,0850012000013,Espresso,3.00,EUR,Coffee\n", "tax.csv");

        assertThat(result.catalog().products()).isEmpty();
        assertThat(English.text(result.problems().get(0).message())).contains("7", "tax_rate");
    }

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() {
        CatalogLoadResult result = parse(
                "A1,0850012000013,\"Cold Brew, 16 oz\",4.95,USD,Coffee\n"
                        + "A2,0850012000020,\"\"\"Pocky\"\" Strawberry\",1.80,USD,\"Snacks\"\n"
                        + "A3,0850012000037,\"Gift box\nwith card\",20.00,USD,Gifts\n"
                        + "A4,0850012000044,Tea,2.00,USD,Tea\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().bySku("A1").orElseThrow().name()).isEqualTo("Cold Brew, 16 oz");
        assertThat(result.catalog().bySku("A2").orElseThrow().name()).isEqualTo("\"Pocky\" Strawberry");
        assertThat(result.catalog().bySku("A3").orElseThrow().name()).isEqualTo("Gift box with card");
        assertThat(result.catalog().size()).isEqualTo(4);
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedFields() {
        CatalogLoadResult result = parse("A1,0850012000013,\"Two\nlines\",1.00,USD,\n,0850012000020,x,1.00,USD,\n");

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.lineNumber()).isEqualTo(4));
    }

    @Test
    void byteOrderMarkAndCrlfLineEndingsAreAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (HEADER + GOOD).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);

        CatalogLoadResult result = loader.parse(all, "bom.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().bySku("COF-ESP").orElseThrow().category()).contains("Coffee");
    }

    @Test
    void headerIsCaseInsensitiveAndBlankLinesAreIgnored() {
        CatalogLoadResult result = loader.parse("\nSKU, Barcode ,Name,Price,Currency,Category\n\n" + GOOD + "\n\n",
                "x.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().size()).isEqualTo(1);
    }

    @Test
    void missingNameIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,  ,1.00,USD,Coffee"), "name is missing");
    }

    @Test
    void negativePriceIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,-1.00,USD,Tea"), "negative");
    }

    @Test
    void nonNumericPriceIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,abc,USD,Tea"), "not a number");
    }

    @Test
    void priceWithTooManyDecimalsIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,1.005,USD,Tea"), "more than 2 decimals");
    }

    @Test
    void fractionalYenPriceIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Mochi,12.5,JPY,Snacks"), "no minor unit");
    }

    @Test
    void priceAboveStripesMaximumIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Espresso machine,1000000.00,USD,Gear"),
                "above Stripe's maximum", "$999,999.99");
    }

    @Test
    void ugxAndIskPricesAreWholeUnitsAndAFractionIsRefusedWithItsLine() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Matooke,5000.50,UGX,Food"), "no minor unit");
        CatalogLoadResult whole = parse("UG-1,0850012000020,Matooke,5000,UGX,Food\n"
                + "IS-1,0850012000037,Skyr,349.00,ISK,Food\n");
        assertThat(whole.problems()).isEmpty();
        assertThat(whole.catalog().products()).extracting(Product::price).containsExactly(
                Money.of(5000, "UGX"), Money.of(349, "ISK"));
    }

    @Test
    void ugxAboveStripesMaximumInItsOwnUnitsIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tractor,1000000,UGX,Gear"),
                "above Stripe's maximum", "UGX999,999");
    }

    @Test
    void missingPriceIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,,USD,Tea"), "price is empty");
    }

    @Test
    void unknownCurrencyIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,1.00,XYZ,Tea"), "unknown currency 'XYZ'");
    }

    @Test
    void missingCurrencyIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,1.00,,Tea"), "currency is missing");
    }

    @Test
    void threeDecimalCurrencyIsRefusedWithReason() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Dates,1.500,KWD,Food"),
                "KWD has three decimals");
    }

    @Test
    void barcodeWithWrongLengthIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,085001200002,Tea,1.00,USD,Tea"), "has 12 digits");
    }

    @Test
    void barcodeWithLettersIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,08500120000AB,Tea,1.00,USD,Tea"), "digits only");
    }

    @Test
    void barcodeWithWrongCheckDigitIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000021,Tea,1.00,USD,Tea"),
                "check digit 1, expected 0");
    }

    @Test
    void missingBarcodeIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,,Tea,1.00,USD,Tea"), "barcode is missing");
    }

    @Test
    void duplicateSkuIsReportedIgnoringCase() {
        assertOneProblemOnLine3(parseWithBadRow("cof-esp,0850012000020,Tea,1.00,USD,Tea"),
                "duplicate SKU", "line 2");
    }

    @Test
    void duplicateBarcodeIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000013,Tea,1.00,USD,Tea"),
                "duplicate barcode 0850012000013", "line 2");
    }

    @Test
    void missingSkuIsReported() {
        assertOneProblemOnLine3(parseWithBadRow(",0850012000020,Tea,1.00,USD,Tea"), "SKU is missing");
    }

    @Test
    void skuWithSpacesIsReported() {
        assertOneProblemOnLine3(parseWithBadRow("B 1,0850012000020,Tea,1.00,USD,Tea"), "SKU 'B 1'");
    }

    @Test
    void tooFewColumnsAreReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,1.00,USD"), "expected 6 columns", "found 5");
    }

    @Test
    void tooManyColumnsAreReported() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,Tea,1.00,USD,Tea,extra"), "found 7");
    }

    @Test
    void quoteInsideUnquotedFieldIsBadQuoting() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,6\" Pie,1.00,USD,Food"), "bad quoting");
    }

    @Test
    void textAfterClosingQuoteIsBadQuoting() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,\"Pie\" large,1.00,USD,Food"), "bad quoting");
    }

    @Test
    void unclosedQuoteCostsOnlyItsOwnRow() {
        assertOneProblemOnLine3(parseWithBadRow("B1,0850012000020,\"Pie,1.00,USD,Food"), "never closed");
    }

    @Test
    void severalProblemsInOneRowAreReportedTogether() {
        CatalogLoadResult result = parse(",123,,1.00,XYZ,\n");

        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(English.text(p.message()))
                .contains("SKU is missing").contains("13").contains("name is missing").contains("XYZ"));
    }

    @Test
    void invalidUtf8SkipsOnlyTheRowsThatContainIt() {
        byte[] head = (HEADER + GOOD + "B1,0850012000020,Caf").getBytes(StandardCharsets.UTF_8);
        byte[] tail = " au lait,3.00,USD,Coffee\nCOF-LAT,0850012000037,Caffe Latte,4.75,USD,Coffee\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // "é" in Latin-1: not UTF-8
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);

        assertOneProblemOnLine3(loader.parse(all, "latin1.csv"), "not valid UTF-8");
    }

    @Test
    void wrongHeaderLoadsNothingAndSaysWhatIsExpected() {
        CatalogLoadResult result = loader.parse("code,name,price\n" + GOOD, "x.csv");

        assertThat(result.catalog().isEmpty()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.lineNumber()).isEqualTo(1);
            assertThat(English.text(p.message())).contains("sku,barcode,name,price,currency,category").contains("code,name,price");
        });
    }

    @Test
    void emptyFileGivesEmptyCatalogAndAMessage() {
        CatalogLoadResult result = loader.parse(new byte[0], "empty.csv");

        assertThat(result.catalog().isEmpty()).isTrue();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(English.text(p.describe())).contains("empty.csv is empty"));
    }

    @Test
    void missingFileGivesEmptyCatalogAndOneClearMessage(@TempDir Path dir) {
        CatalogLoadResult result = loader.load(dir.resolve("nope.csv"));

        assertThat(result.catalog().isEmpty()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.concernsWholeFile()).isTrue();
            assertThat(English.text(p.message())).contains("not found").contains("nope.csv").contains("empty catalog");
        });
    }

    @Test
    void folderInsteadOfFileGivesAMessage(@TempDir Path dir) {
        CatalogLoadResult result = loader.load(dir);

        assertThat(result.catalog().isEmpty()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(English.text(p.message())).contains("folder"));
    }

    @Test
    void utf16FileIsRecognisedAndExplained() {
        byte[] utf16 = (HEADER + GOOD).getBytes(StandardCharsets.UTF_16);

        CatalogLoadResult result = loader.parse(utf16, "u16.csv");

        assertThat(result.catalog().isEmpty()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(English.text(p.message())).contains("UTF-16"));
    }

    @Test
    void randomBinaryInputNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            CatalogLoadResult result = loader.parse(junk, "junk.bin");
            assertThat(result.catalog()).isNotNull();
            assertThat(result.problems()).isNotEmpty();
        }
    }

    @Test
    void loadsAFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, HEADER + GOOD + ",,,,,\n");

        CatalogLoadResult result = loader.load(file);

        assertThat(result.catalog().size()).isEqualTo(1);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.lineNumber()).isEqualTo(3));
    }

    @Test
    void sampleCatalogLoadsCleanlyWithSeveralCurrencies() {
        CatalogLoadResult result = loader.load(Path.of("assets", "catalog.csv"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().size()).isGreaterThanOrEqualTo(30);
        assertThat(result.catalog().products()).extracting(p -> p.price().currencyCode())
                .contains("USD", "EUR", "GBP", "JPY", "CAD");
    }
}
