package app.scantill.ui.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.Translator;
import app.scantill.receipt.Paper;
import app.scantill.receipt.Receipt;
import app.scantill.receipt.ReceiptLayout;
import app.scantill.receipt.Receipts;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The printed receipt as the printer gets it: the receipt node of each paper rendered to an image (no
 * printer needed), its lines and totals read from the node, its QR code decoded from the image.
 */
@ExtendWith(ApplicationExtension.class)
class ReceiptNodeTest {

    private static final Translator ENGLISH = Translator.forLocale(Locale.US, ZoneId.of("UTC"));

    /** A window of its own: the shared primary stage keeps its size for the test classes after this one. */
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get();
    }

    @Test
    void thePreviewShowsTheTaxIncludedPerRate() throws Exception {
        Receipt receipt = Receipt.ofSale(Receipts.SHOP, Receipts.bakerySale(), List.of(), null);

        VBox node = WaitForAsyncUtils.asyncFx(() -> {
            VBox n = ReceiptNode.of(new ReceiptLayout(ENGLISH).lay(receipt), Paper.ROLL_80);
            stage.setScene(new Scene(new StackPane(n)));
            stage.show();
            return n;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> labels(node)).get()).containsSubsequence("Total", "€26.60",
                "Tax included", "Tax rate 7 %", "  Net", "€16.47", "  Tax", "€1.16", "  Gross", "€17.63",
                "Tax rate 19 %", "  Net", "€7.54", "  Tax", "€1.43", "  Gross", "€8.97");
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void theReceiptRenderedForEachPaperHasItsLinesTotalsRefundsAndAQrOfTheReceiptUrl(Paper paper) throws Exception {
        Sale sale = Receipts.coffeeSale();
        Receipt receipt = Receipt.ofSale(Receipts.SHOP, sale, List.of(
                Receipts.refund(sale, "R-1", 325, RefundStatus.SUCCEEDED, new RefundLine(2, 1))), Receipts.URL);

        VBox node = WaitForAsyncUtils.asyncFx(() -> {
            VBox n = ReceiptNode.of(new ReceiptLayout(ENGLISH).lay(receipt), paper);
            StackPane white = new StackPane(n);
            white.setStyle("-fx-background-color: white; -fx-padding: 12;");
            stage.setScene(new Scene(white));
            stage.show();
            return n;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = WaitForAsyncUtils.asyncFx(() -> labels(node)).get();
        assertThat(texts).containsSubsequence("Corner Coffee", "Receipt", "Flat white", "$9.00", "Croissant", "$3.25",
                "Total", "$12.25", "Paid by card", "Refunds", "Refunded", "−$3.25", "Net paid", "$9.00");
        assertThat(node.getWidth()).as("the paper's column in points").isCloseTo(Paper.points(paper.columnMm()),
                org.assertj.core.data.Offset.offset(1.0));
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        assertThat(decode(image)).isEqualTo(Receipts.URL);
    }

    @org.junit.jupiter.api.Test
    void aJapaneseReceiptIsPrintedWithGlyphsNotBoxes() throws Exception {
        Sale sale = Receipts.paidSale("JPY", List.of(new app.scantill.sale.SaleLine("M", "抹茶ラテ", 550, 2)),
                "amazon_pay");
        Translator japanese = Translator.forLocale(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"));
        Receipt receipt = Receipt.ofSale(app.scantill.receipt.Shop.of("喫茶さくら", null, null), sale, List.of(), null);

        VBox node = WaitForAsyncUtils.asyncFx(() -> {
            VBox n = ReceiptNode.of(new ReceiptLayout(japanese).lay(receipt), Paper.ROLL_58);
            stage.setScene(new Scene(new StackPane(n)));
            stage.show();
            return n;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.text.Font font = WaitForAsyncUtils.asyncFx(() -> find(node, "抹茶ラテ").getFont()).get();
        assertThat(labels(node)).contains("喫茶さくら", "領収書", "合計");
        WritableImage box = drawn("\ue000", font);
        for (String c : List.of("抹", "茶", "ラ", "テ", "喫", "領", "収", "書", "合", "計")) {
            assertThat(same(drawn(c, font), box)).as("%s drawn as the missing-glyph box", c).isFalse();
        }
        assertThat(same(drawn("抹", font), drawn("茶", font))).as("two kanji, two glyphs").isFalse();
    }

    private static Labeled find(Node root, String text) {
        if (root instanceof Labeled l && text.equals(l.getText())) {
            return l;
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Labeled found = find(c, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@code text} in the receipt's font, as the printer gets it. */
    private static WritableImage drawn(String text, javafx.scene.text.Font font) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Label label = new javafx.scene.control.Label(text);
            label.setFont(font);
            new Scene(new StackPane(label));
            label.applyCss();
            label.autosize();
            return label.snapshot(null, null);
        }).get();
    }

    private static boolean same(WritableImage a, WritableImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> labels(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    static String decode(WritableImage image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                .getText();
    }
}
