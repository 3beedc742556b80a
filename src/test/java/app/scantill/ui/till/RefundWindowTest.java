package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.ManagerPin;
import app.scantill.sandbox.SandboxRefund;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.ui.history.HistoryViewModel;
import app.scantill.ui.receipt.ReceiptPrinter;
import app.scantill.ui.receipt.ReceiptWindow;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Refunds and receipts through the whole window, against the embedded sandbox and the SQLite journal: a
 * sale paid on the sandbox, then History (F9) → Refund: a line, an amount, an amount too large, the rest;
 * the receipt with its QR code, the printer and the PDF; kiosk mode and the manager PIN.
 */
@ExtendWith(ApplicationExtension.class)
class RefundWindowTest {

    @TempDir
    Path dir;

    private Stage stage;
    private TillWindowFixture till;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        TillWindowFixture.onFx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        if (till != null) {
            till.close();
        }
    }

    private StripeSandbox sandbox() {
        return till.services.sandbox().orElseThrow();
    }

    /** Espresso x2 ($3.00) and a Caffe Latte ($4.75): $10.75, paid on the sandbox. */
    private String paidSale(String method) throws Exception {
        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(30, Phase.AWAITING_PAYMENT);
        String saleId = till.status().saleId();
        sandbox().pay(till.status().sessionId(), method);
        till.waitForPhase(30, Phase.PAID);
        return saleId;
    }

    /** F9, then the sale selected; returns the history window's root. */
    private Parent historyOf(String saleId) throws Exception {
        TillWindowFixture.onFx(() -> {
            till.cashier().openHistory();
            return null;
        });
        Parent history = awaitWindow("#history-sales");
        @SuppressWarnings("unchecked")
        TableView<HistoryViewModel.SaleRow> sales = (TableView<HistoryViewModel.SaleRow>) find(history, "#history-sales");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> sales.getItems().stream().anyMatch(r -> r.saleId().equals(saleId))));
        TillWindowFixture.onFx(() -> {
            sales.getSelectionModel().select(sales.getItems().stream().filter(r -> r.saleId().equals(saleId))
                    .findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> !((Label) find(history, "#history-refund-balance")).getText().isEmpty()));
        return history;
    }

    private Parent openRefund(Parent history) throws Exception {
        fire(find(history, "#history-refund"));
        Parent refund = awaitWindow("#refund-submit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(refund, "#refund-paid").startsWith("$"));
        return refund;
    }

    private void refundAndWait(Parent refund, String expectedMessage) throws Exception {
        fire(find(refund, "#refund-submit"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(refund, "#refund-message").equals(expectedMessage));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> !find(refund, "#refund-submit").isDisabled() || text(refund, "#refund-refundable").equals("$0.00")));
    }

    @Test
    void aLineAnAmountAndTheRestAreRefundedThroughTheWindowAndTooMuchIsRefusedOnScreen() throws Exception {
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250"), Map.of());
        String saleId = paidSale("card");
        String intent = till.services.journal().orElseThrow().find(saleId).orElseThrow().paymentIntentId();
        till.newSale();
        Parent history = historyOf(saleId);
        Parent refund = openRefund(history);
        assertThat(text(refund, "#refund-paid")).isEqualTo("$10.75");
        assertThat(text(refund, "#refund-refundable")).isEqualTo("$10.75");

        // One espresso of the two.
        fire(find(refund, "#refund-kind-lines"));
        TillWindowFixture.onFx(() -> {
            ((Spinner<?>) find(refund, "#refund-quantity-0")).getValueFactory().increment(1);
            return null;
        });
        refundAndWait(refund, "Refunded $3.00.");
        assertThat(text(refund, "#refund-refunded")).isEqualTo("$3.00");
        assertThat(text(refund, "#refund-refundable")).isEqualTo("$7.75");
        assertThat(saleState(history, saleId)).isEqualTo("Partially refunded");

        // More than is left: said on screen, nothing sent.
        fire(find(refund, "#refund-kind-amount"));
        type(refund, "#refund-amount", "100.00");
        fire(find(refund, "#refund-submit"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> text(refund, "#refund-message").equals("That is more than the $7.75 left to refund."));
        assertThat(sandbox().refunds(intent)).hasSize(1);

        type(refund, "#refund-amount", "2.50");
        refundAndWait(refund, "Refunded $2.50.");

        fire(find(refund, "#refund-kind-whole"));
        refundAndWait(refund, "Refunded $5.25.");
        assertThat(text(refund, "#refund-refundable")).isEqualTo("$0.00");
        assertThat(TillWindowFixture.onFx(() -> find(refund, "#refund-submit").isDisabled())).isTrue();
        assertThat(saleState(history, saleId)).isEqualTo("Refunded");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(history, "#history-refund-balance")
                .equals("Paid $10.75 · Refunded $10.75 · Refundable $0.00"));

        List<SandboxRefund> atStripe = sandbox().refunds(intent);
        assertThat(atStripe).extracting(r -> r.amount().minorUnits()).containsExactly(300L, 250L, 525L);
        assertThat(atStripe).allSatisfy(r -> assertThat(r.status()).isEqualTo("succeeded"));
    }

    @Test
    void theReceiptShowsTheSaleWithAQrCodeOfTheHostedReceiptAndSavesAsPdf() throws Exception {
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250", "--shop.address=1 Main St; Springfield",
                "--shop.tax_id=DE123456789"), Map.of());
        String saleId = paidSale("amazon_pay");
        String session = till.status().sessionId();
        till.newSale();
        String receiptUrl = sandbox().receipt(session).orElseThrow().url();
        Parent history = historyOf(saleId);

        fire(find(history, "#history-receipt"));
        Parent receipt = awaitWindow("#receipt-node");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> receipt.lookup("#receipt-qr") != null));

        List<String> texts = labels(receipt.lookup("#receipt-node"));
        assertThat(texts).contains("ScanTill", "1 Main St", "Springfield", "Tax ID DE123456789", "Receipt",
                "Sale " + saleId, "Espresso", "$6.00", "  2 × $3.00", "Caffe Latte", "$4.75", "Total", "$10.75",
                "Paid by Amazon Pay", "Scan for your receipt online");
        WritableImage shot = TillWindowFixture.onFx(() -> receipt.lookup("#receipt-node").snapshot(null, null));
        assertThat(decodeQr(shot)).isEqualTo(receiptUrl);

        fire(find(receipt, "#receipt-print"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text(receipt, "#receipt-message").isEmpty());
        assertThat(text(receipt, "#receipt-message")).as("headless: no printer").isEqualTo("No printer is installed.");

        Path pdf = dir.resolve("receipt.pdf");
        TillWindowFixture.onFx(() -> ReceiptWindow.open(stage, till.model.afterSale().orElseThrow(),
                till.executor, till.services.journal().orElseThrow().find(saleId).orElseThrow(), null,
                ReceiptPrinter.system(), (owner, name) -> Optional.of(pdf)));
        Parent second = awaitWindow("#receipt-node", receipt);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> second.lookup("#receipt-qr") != null));
        fire(find(second, "#receipt-pdf"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Files.exists(pdf)
                && text(second, "#receipt-message").startsWith("Saved"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Sale " + saleId, "Caffe Latte", "$10.75",
                    "Paid by Amazon Pay");
        }
    }

    @Test
    void inKioskModeHistoryOffersNoRefund() throws Exception {
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250", "--till.mode=kiosk"), Map.of());
        String saleId = paidSale("card");
        till.newSale();

        Parent history = historyOf(saleId);

        assertThat(TillWindowFixture.onFx(() -> find(history, "#history-refund").isDisabled())).isTrue();
        assertThat(TillWindowFixture.onFx(() -> find(history, "#history-receipt").isDisabled())).isFalse();
    }

    @Test
    void theManagerPinIsAskedAndAWrongOneRefundsNothing() throws Exception {
        String hash = ManagerPin.hash("2468".toCharArray()).stored();
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250", "--manager.pin_hash=" + hash),
                Map.of());
        String saleId = paidSale("card");
        String intent = till.services.journal().orElseThrow().find(saleId).orElseThrow().paymentIntentId();
        till.newSale();
        Parent refund = openRefund(historyOf(saleId));

        type(refund, "#refund-pin", "1111");
        fire(find(refund, "#refund-submit"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(refund, "#refund-message").equals("Wrong manager PIN. Nothing was refunded."));
        assertThat(sandbox().refunds(intent)).isEmpty();
        assertThat(TillWindowFixture.onFx(() -> ((PasswordField) find(refund, "#refund-pin")).getText())).isEmpty();

        type(refund, "#refund-pin", "2468");
        refundAndWait(refund, "Refunded $10.75.");
        assertThat(sandbox().refunds(intent)).hasSize(1);
    }

    // ------------------------------------------------------------ helpers

    private static Parent awaitWindow(String selector, Parent... except) throws Exception {
        Parent[] found = new Parent[1];
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null && w.getScene().getRoot().lookup(selector) != null
                        && List.of(except).stream().noneMatch(e -> e == w.getScene().getRoot())) {
                    found[0] = w.getScene().getRoot();
                    return true;
                }
            }
            return false;
        }));
        return found[0];
    }

    private static Node find(Parent root, String selector) {
        Node n = root.lookup(selector);
        assertThat(n).as(selector).isNotNull();
        return n;
    }

    private static String text(Parent root, String selector) throws Exception {
        return TillWindowFixture.onFx(() -> ((Labeled) find(root, selector)).getText());
    }

    private static void fire(Node node) throws Exception {
        TillWindowFixture.onFx(() -> {
            if (node instanceof RadioButton radio) {
                radio.fire();
            } else {
                ((Button) node).fire();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(Parent root, String selector, String value) throws Exception {
        TillWindowFixture.onFx(() -> {
            ((TextField) find(root, selector)).setText(value);
            return null;
        });
    }

    private static String saleState(Parent history, String saleId) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<HistoryViewModel.SaleRow> sales = (TableView<HistoryViewModel.SaleRow>) find(history, "#history-sales");
        String[] state = new String[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(() -> {
            state[0] = sales.getItems().stream().filter(r -> r.saleId().equals(saleId)).findFirst()
                    .map(HistoryViewModel.SaleRow::state).orElse("");
            return state[0].contains("refunded") || state[0].equals("Refunded");
        }));
        return state[0];
    }

    private static List<String> labels(Node root) throws Exception {
        return TillWindowFixture.onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(root, out);
            return out;
        });
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static String decodeQr(WritableImage image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                .getText();
    }
}
