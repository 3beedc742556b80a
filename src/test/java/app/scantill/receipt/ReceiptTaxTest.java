package app.scantill.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.Translator;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The tax table of receipts and refund slips, read back from the PDF: net, tax and gross per rate in the reader's
 * language, rounded as the shop's setting says, and the grosses adding up to what was charged (docs/taxes.md).
 */
class ReceiptTaxTest {

    private static final Translator ENGLISH = Translator.forLocale(Locale.US, ZoneId.of("UTC"));
    private static final Translator GERMAN = Translator.forLocale(Locale.GERMANY, ZoneId.of("Europe/Berlin"));
    private static final TaxRate SEVEN = new TaxRate(700);
    private static final TaxRate NINETEEN = new TaxRate(1900);

    private static Shop shop(TaxRounding rounding) {
        return new Shop("Corner Bakery", List.of("1 Main Street"), "DE123456789", rounding);
    }

    private static String text(Receipt receipt, Paper paper, Translator words) throws Exception {
        byte[] pdf = ReceiptPdf.bytes(new ReceiptLayout(words).lay(receipt), paper, "Receipt");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The table's lines from its title on, blanks squeezed, up to the thanks. */
    private static List<String> table(String text, String title) {
        List<String> lines = text.lines().map(l -> l.strip().replace('\u00a0', ' ').replace('\u202f', ' ')
                .replaceAll("\\s+", " ")).toList();
        int from = lines.indexOf(title);
        assertThat(from).as("a line \"" + title + "\" in\n" + text).isNotNegative();
        return lines.subList(from, lines.size());
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void aReceiptShowsNetTaxAndGrossPerRateOnEveryPaper(Paper paper) throws Exception {
        String text = text(Receipt.ofSale(shop(TaxRounding.PER_LINE), Receipts.bakerySale(), List.of(), null), paper, ENGLISH);

        assertThat(text).contains("Tax ID DE123456789");
        assertThat(table(text, "Tax included")).containsSubsequence(
                "Tax rate 7 %", "Net €16.47", "Tax €1.16", "Gross €17.63",
                "Tax rate 19 %", "Net €7.54", "Tax €1.43", "Gross €8.97");
        assertThat(text.indexOf("Total")).isLessThan(text.indexOf("Tax included"));
        assertThat(ReceiptPdfTest.lineOf(text, "Total")).contains("€26.60");
    }

    @Test
    void roundedPerReceiptTheSevenPercentTaxIsOneCentLessAndTheGrossTheSame() throws Exception {
        String text = text(Receipt.ofSale(shop(TaxRounding.PER_RECEIPT), Receipts.bakerySale(), List.of(), null), Paper.ROLL_80,
                ENGLISH);

        assertThat(table(text, "Tax included")).containsSubsequence(
                "Tax rate 7 %", "Net €16.48", "Tax €1.15", "Gross €17.63",
                "Tax rate 19 %", "Net €7.54", "Tax €1.43", "Gross €8.97");
    }

    @Test
    void aGermanReceiptSaysItInGerman() throws Exception {
        String text = text(Receipt.ofSale(shop(TaxRounding.PER_LINE), Receipts.bakerySale(), List.of(), null), Paper.A4, GERMAN);

        assertThat(text).contains("USt-IdNr. DE123456789");
        assertThat(table(text, "Enthaltene MwSt.")).containsSubsequence(
                "MwSt.-Satz 7 %", "Netto 16,47 €", "MwSt. 1,16 €", "Brutto 17,63 €",
                "MwSt.-Satz 19 %", "Netto 7,54 €", "MwSt. 1,43 €", "Brutto 8,97 €");
    }

    @Test
    void aRefundSlipShowsTheTaxGivenBackAtTheRatesOfItsLines() throws Exception {
        Sale sale = Receipts.bakerySale();
        Receipt slip = Receipt.refundSlip(shop(TaxRounding.PER_LINE), sale,
                Receipts.refund(sale, "R-1", 598, RefundStatus.SUCCEEDED, new RefundLine(1, 2)), null);

        String text = text(slip, Paper.ROLL_58, ENGLISH);

        // two of three coffees: 5.98 x 19 / 119 = 0.9548
        assertThat(table(text, "Tax refunded")).containsSubsequence("Tax rate 19 %", "Net €5.03", "Tax €0.95",
                "Gross €5.98").doesNotContain("Tax rate 7 %");
    }

    @Test
    void aSaleWithoutTaxPrintsNoTaxTable() throws Exception {
        String text = text(Receipt.ofSale(Receipts.SHOP, Receipts.coffeeSale(), List.of(), null), Paper.ROLL_80,
                ENGLISH);

        assertThat(text).doesNotContain("Tax included", "Tax rate");
    }
}
