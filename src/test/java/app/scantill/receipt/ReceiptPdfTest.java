package app.scantill.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receipts as PDF, read back with PDFBox: the text is the sale's (selectable, in reading order), the fonts
 * are embedded, every currency's sign survives, and the QR code drawn in the PDF decodes to the receipt URL.
 */
class ReceiptPdfTest {

    private static final Translator ENGLISH = Translator.forLocale(Locale.US, ZoneId.of("UTC"));

    private static byte[] pdf(Receipt receipt, Paper paper, Translator words) throws Exception {
        return ReceiptPdf.bytes(new ReceiptLayout(words).lay(receipt), paper, "Receipt");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @org.junit.jupiter.api.Test
    void aCashReceiptShowsWhatWasTenderedAndTheChangeAndNoOnlineCode() throws Exception {
        Sale sale = Receipts.paidSale("USD", List.of(new SaleLine("SKU-1", "Flat white", 450, 2)), "cash");
        Receipt receipt = Receipt.ofCashSale(Receipts.SHOP, sale,
                new app.scantill.sale.CashTender(sale.id(), 2000, 1100, null));

        String text = text(pdf(receipt, Paper.ROLL_80, ENGLISH));

        assertThat(lineOf(text, "Total")).contains("$9.00");
        assertThat(text).contains("Paid by cash").doesNotContain("Scan for your receipt online");
        assertThat(lineOf(text, "Tendered")).contains("$20.00");
        assertThat(lineOf(text, "Change")).contains("$11.00");
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void theTextReadBackIsTheSaleWithItsRefundsOnEveryPaper(Paper paper) throws Exception {
        Sale sale = Receipts.coffeeSale();
        Receipt receipt = Receipt.ofSale(Receipts.SHOP, sale, List.of(
                Receipts.refund(sale, "R-1", 325, RefundStatus.SUCCEEDED, new RefundLine(2, 1))), Receipts.URL);

        String text = text(pdf(receipt, paper, ENGLISH));

        assertThat(text).contains("Corner Coffee", "1 Main Street", "Springfield", "Tax ID DE123456789", "Receipt",
                "Sale S-20260803-0915-K3F9QZ", "Register till-1", "Aug 3, 2026");
        assertThat(lineOf(text, "Flat white")).contains("$9.00");
        assertThat(text).contains("2 × $4.50");
        assertThat(lineOf(text, "Croissant")).contains("$3.25");
        assertThat(lineOf(text, "Total")).contains("$12.25");
        assertThat(text).contains("Paid by card", "Refunds", "Scan for your receipt online", "Thank you!");
        assertThat(lineOf(text, "Refunded")).contains("−$3.25");
        assertThat(lineOf(text, "Net paid")).contains("$9.00");
        assertThat(text.indexOf("Flat white")).isLessThan(text.indexOf("Croissant"));
        assertThat(text.indexOf("Total")).isLessThan(text.indexOf("Refunds"));
    }

    @Test
    void theFontsAreEmbeddedAndTheQrCodeDecodesToTheReceiptUrl() throws Exception {
        byte[] pdf = pdf(Receipt.ofSale(Receipts.SHOP, Receipts.coffeeSale(), List.of(), Receipts.URL), Paper.ROLL_80,
                ENGLISH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo((float) Paper.points(80), org.assertj.core.data.Offset.offset(0.5f));
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName).allMatch(n -> n.contains("DejaVuSans"));
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            assertThat(decodeQr(image)).isEqualTo(Receipts.URL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "GBP", "JPY", "INR", "KRW", "CHF", "SEK", "PLN", "ILS", "TRY", "UAH", "VND", "NGN", "PHP"})
    void everyCurrencySignIsPrintedAsTheScreenShowsIt(String code) throws Exception {
        Sale sale = Receipts.paidSale(code, List.of(new SaleLine("X", "Tea", 12000, 1)), "card");
        Locale where = switch (code) {
            case "EUR" -> Locale.GERMANY;
            case "JPY" -> Locale.JAPAN;
            case "INR" -> Locale.forLanguageTag("en-IN");
            case "KRW" -> Locale.KOREA;
            case "TRY" -> Locale.forLanguageTag("tr-TR");
            case "UAH" -> Locale.forLanguageTag("uk-UA");
            case "PLN" -> Locale.forLanguageTag("pl-PL");
            case "NGN" -> Locale.forLanguageTag("en-NG");
            case "ILS" -> Locale.forLanguageTag("he-IL");
            default -> Locale.US;
        };
        Translator words = Translator.forLocale(where.getLanguage().equals("ja") || where.getLanguage().equals("ko")
                ? Locale.ENGLISH : where, ZoneId.of("UTC"));
        List<ReceiptBlock> blocks = new ReceiptLayout(words).lay(Receipt.ofSale(Receipts.SHOP, sale, List.of(), null));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        ReceiptPdf.Written written = ReceiptPdf.write(blocks, Paper.ROLL_58, "Receipt", out);

        String total = new MoneyFormat(words.locale()).format(Money.of(12000, sale.currency()));
        assertThat(written.missingGlyphs()).as("every glyph of " + total).isFalse();
        assertThat(text(out.toByteArray()).replace('\u00a0', ' ').replace('\u202f', ' '))
                .contains(total.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\p{Cf}", ""));
    }

    @Test
    void aDiscountedSaleShowsEachListPriceTheDiscountsWithTheirReasonsAndWhatWasPaid() throws Exception {
        app.scantill.sale.DiscountAllocation.Result priced = app.scantill.sale.DiscountAllocation.apply(
                List.of(new SaleLine("SKU-1", "Flat white", 450, 2), new SaleLine("SKU-2", "Croissant", 325, 1)),
                java.util.Map.of(1, app.scantill.sale.Discount.percent(1000, app.scantill.sale.DiscountReason.DAMAGED,
                        "")),
                java.util.Optional.of(app.scantill.sale.Discount.amount(100, app.scantill.sale.DiscountReason.LOYALTY,
                        "stamp card")), 1);
        Sale sale = Receipts.paidSale("USD", priced.lines(), "card").withDiscounts(priced.discounts());

        for (Paper paper : Paper.values()) {
            String text = text(pdf(Receipt.ofSale(Receipts.SHOP, sale, List.of(), Receipts.URL), paper, ENGLISH))
                    .replace('\u00a0', ' ');
            String flat = text.replace('\n', ' ');
            assertThat(lineOf(text, "Flat white")).as(paper.name()).contains("$9.00");
            assertThat(lineOf(text, "Croissant")).as(paper.name()).contains("$3.25");
            // 10 % of 3.25 is 0.325, rounded half up to 0.33; then 1.00 off the 11.92 left: 10.92 paid
            assertThat(flat).as(paper.name()).contains("Discount −10 % (Damaged)", "−$0.33",
                    "Cart discount −$1.00 (Loyalty: stamp card)", "You saved");
            assertThat(lineOf(text, "Total")).as(paper.name()).contains("$10.92");
            assertThat(lineOf(text, "You saved")).as(paper.name()).contains("$1.33");
        }
    }

    @Test
    void aRefundSlipNamesItsRefundTheLinesGivenBackAndWhereTheMoneyGoes() throws Exception {
        Sale sale = Receipts.coffeeSale();
        Receipt slip = Receipt.refundSlip(Receipts.SHOP, sale,
                Receipts.refund(sale, "R-20260803-0925-AB12CD", 450, RefundStatus.PENDING, new RefundLine(1, 1)),
                Receipts.URL);

        String text = text(pdf(slip, Paper.ROLL_58, ENGLISH));

        // A 58 mm roll wraps long lines: compare the words, not where the lines break.
        assertThat(text.replace('\n', ' ')).contains("Refund slip", "Refund R-20260803-0925-AB12CD",
                "For sale S-20260803-0915-K3F9QZ", "Back to the card", "Reason: Requested by the customer",
                "Status: Pending");
        assertThat(lineOf(text, "Flat white")).contains("$4.50");
        assertThat(lineOf(text, "Refund total")).contains("−$4.50");
        assertThat(text).doesNotContain("Croissant");
    }

    @Test
    void aJapaneseReceiptPrintsItsProductsAndTheShopsWordsWithTheShippedFontOnAnyComputer() throws Exception {
        Sale sale = Receipts.paidSale("JPY", List.of(new SaleLine("M", "抹茶ラテ", 550, 2),
                new SaleLine("O", "鮭おにぎり", 180, 1)), "amazon_pay");
        Shop shop = Shop.of("喫茶さくら", "東京都渋谷区神南一丁目", "T1234567890123");
        Translator japanese = Translator.forLocale(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"));
        List<ReceiptBlock> blocks = new ReceiptLayout(japanese).lay(Receipt.ofSale(shop, sale, List.of(), null));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        ReceiptPdf.Written written = ReceiptPdf.write(blocks, Paper.ROLL_80, "領収書", out);

        assertThat(written.missingGlyphs()).isFalse();
        String text = text(out.toByteArray());
        assertThat(text).contains("喫茶さくら", "東京都渋谷区神南一丁目", "領収書", "合計").doesNotContain("?");
        assertThat(lineOf(text, "抹茶ラテ")).contains("1,100");
        assertThat(lineOf(text, "鮭おにぎり")).contains("180");
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            List<PDFont> fonts = new java.util.ArrayList<>();
            PDPage page = doc.getPage(0);
            for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName).as("the shipped fonts only, whatever this computer has")
                    .allMatch(n -> n.contains("DejaVuSans") || n.contains("ScanTillSansJP"))
                    .anyMatch(n -> n.contains("ScanTillSansJP"));
        }
        assertThat(out.size()).as("a subset of the Japanese font, not the megabyte").isLessThan(200_000);
    }

    @Test
    void textNoShippedFontHasTakesAnInstalledCjkFontAndTheReceiptSaysWhenThereIsNone() throws Exception {
        // Simplified Chinese that is not Japanese (not in JIS X 0208), and Korean: beyond the shipped fonts.
        String name = "这们 김치";
        org.apache.fontbox.ttf.TrueTypeFont shippedJapanese = ReceiptFonts.shipped(ReceiptFonts.JAPANESE);
        assertThat("这们김치".codePoints()).noneMatch(cp -> ReceiptFonts.covers(shippedJapanese, cp));
        Sale sale = Receipts.paidSale("USD", List.of(new SaleLine("X", name, 900, 1)), "card");
        List<ReceiptBlock> blocks = new ReceiptLayout(ENGLISH).lay(Receipt.ofSale(Receipts.SHOP, sale, List.of(), null));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        ReceiptPdf.Written written = ReceiptPdf.write(blocks, Paper.ROLL_80, "Receipt", out);

        boolean installedHasThem = ReceiptFonts.fallback()
                .filter(f -> "这们김치".codePoints().allMatch(cp -> ReceiptFonts.covers(f, cp))).isPresent();
        if (!installedHasThem) {
            assertThat(written.missingGlyphs()).isTrue();
            assertThat(text(out.toByteArray())).contains("??");
            return;
        }
        assertThat(written.missingGlyphs()).isFalse();
        assertThat(text(out.toByteArray())).contains(name);
    }

    /** The extracted line holding {@code label}. */
    static String lineOf(String text, String label) {
        return text.lines().filter(l -> l.contains(label)).findFirst().orElse("(no line with " + label + ")");
    }

    static String decodeQr(BufferedImage image) throws Exception {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                .getText();
    }
}
