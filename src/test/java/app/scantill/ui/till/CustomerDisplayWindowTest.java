package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.ui.charge.QrCodeView;
import app.scantill.ui.customer.CustomerDisplayModel;
import app.scantill.ui.customer.CustomerWindow;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One sale seen through both windows: the cashier's till and the customer display beside it, both
 * following the same till models against the embedded sandbox. The customer reads the cart as it is
 * scanned, scans the code decoded from the customer window's own pixels, and sees Paid; the cashier's
 * charge screen stays small beside the cart meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerDisplayWindowTest {

    @TempDir
    Path dir;

    private Stage stage;
    private TillWindowFixture till;
    private CustomerWindow customer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (customer != null) {
            TillWindowFixture.onFx(() -> {
                customer.close();
                return null;
            });
        }
        if (till != null) {
            till.close();
        }
    }

    @Test
    void oneSaleSeenThroughBothWindows() throws Exception {
        open("--merchant.name=Corner Coffee");
        assertThat(shown(customerNode("#customer-welcome"))).isTrue();
        assertThat(customerTexts()).contains("Corner Coffee", "Welcome", "SANDBOX");

        TillWindowFixture.onFx(() -> {
            till.cashier().scan(TillWindowFixture.ESPRESSO);
            till.cashier().scan(TillWindowFixture.LATTE);
            till.cashier().scan(TillWindowFixture.LATTE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(customerNode("#customer-cart"))).isTrue();
        ListView<?> lines = (ListView<?>) customerNode("#customer-lines");
        assertThat(lines.getItems()).hasSize(2);
        assertThat(customerTexts()).contains("Espresso", "Caffe Latte", "1 × $3.00", "2 × $4.75", "$9.50", "$12.50",
                "3 items");
        assertThat(textOf("#customer-total")).isEqualTo("$12.50");

        TillWindowFixture.onFx(() -> {
            till.cashier().charge();
            return null;
        });
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> customer.view().qrCode().imageView().getImage() != null && shown(customer.view().qrCode())));
        String url = till.status().url();
        assertThat(decodeOnceSettled(customer)).as("the code the customer scans").isEqualTo(url);
        Image code = TillWindowFixture.onFx(() -> customer.view().qrCode().snapshot(null, null));
        assertThat(textOf("#customer-amount")).isEqualTo("$12.50");
        assertThat(textOf("#customer-countdown")).startsWith("Expires in ");

        // The cashier keeps the cart in sight: the charge screen is small and lies beside it, not over it.
        QrCodeView cashierCode = TillWindowFixture.onFx(() -> (QrCodeView) till.view.root().lookup("#qr-code"));
        double cashierSide = TillWindowFixture.onFx(() -> cashierCode.imageView().getImage().getWidth());
        assertThat(cashierSide).isLessThanOrEqualTo(260).isLessThan(code.getWidth() / 2);
        Bounds cart = TillWindowFixture.onFx(() -> sceneBounds(till.view.root().lookup("#cartTable")));
        Bounds charge = TillWindowFixture.onFx(() -> sceneBounds(till.view.root().lookup(".charge-view")));
        assertThat(cart.intersects(charge)).as("charge screen %s beside the cart %s", charge, cart).isFalse();
        assertThat(TillWindowFixture.onFx(() -> shown(till.view.root().lookup("#cartTable")))).isTrue();

        String session = till.status().sessionId();
        sandbox().pay(session, "amazon_pay");
        till.waitForPhase(20, Phase.PAID);
        assertThat(shown(customerNode("#customer-paid"))).isTrue();
        assertThat(customerTexts()).contains("Thank you!", "$12.50", "Paid with Amazon Pay");
        // The receipt's code once Stripe tells its address: the customer's phone opens the hosted receipt.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> customer.view().receiptCode().imageView().getImage() != null
                        && shown(customer.view().receiptCode())));
        Image receipt = TillWindowFixture.onFx(() -> customer.view().receiptCode().snapshot(null, null));
        assertThat(decode(receipt)).isEqualTo(sandbox().receipt(session).orElseThrow().url());
        assertThat(customerTexts()).contains("Scan for your receipt");
        assertThat(till.services.journal().orElseThrow().createdBetween(Instant.EPOCH, Instant.now().plusSeconds(60)))
                .singleElement().satisfies(sale -> assertThat(sale.state()).isEqualTo(SaleState.PAID));

        till.newSale();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(customerNode("#customer-welcome"))).as("welcome again for the next customer").isTrue();
    }

    @Test
    void theCustomerSeesEachDiscountItsReasonAndWhatTheLineWas() throws Exception {
        open();
        TillWindowFixture.onFx(() -> {
            till.cashier().scan(TillWindowFixture.ESPRESSO);
            till.cashier().discounts().openForSelectedLine();
            till.cashier().discounts().valueProperty().set("10");
            till.cashier().discounts().reasonProperty().set(app.scantill.sale.DiscountReason.LOYALTY);
            till.cashier().discounts().apply();
            till.cashier().scan(TillWindowFixture.LATTE);
            till.cashier().discounts().openForCart();
            till.cashier().discounts().percentProperty().set(false);
            till.cashier().discounts().valueProperty().set("0.25");
            till.cashier().discounts().apply();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> lines = (ListView<?>) customerNode("#customer-lines");
        assertThat(lines.getItems()).hasSize(3);
        // 3.00 less 0.30 = 2.70 and 4.75; 0.25 off the cart spread 0.09 / 0.16
        assertThat(customerTexts().stream().map(t -> t.replace('\u00a0', ' ')).toList())
                .contains("Espresso\n−10 % (Loyalty)", "$2.61  was $3.00", "$4.59  was $4.75",
                        "Cart discount −$0.25 (Other)", "−$0.25", "$7.20");
    }

    @Test
    void aCancelledSaleTellsTheCustomerNothingWasCharged() throws Exception {
        open();
        till.charge(TillWindowFixture.LATTE);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        TillWindowFixture.onFx(() -> {
            till.model.chargeModelProperty().get().cancel();
            return null;
        });
        till.waitForPhase(20, Phase.CANCELLED);
        assertThat(shown(customerNode("#customer-cancelled"))).isTrue();
        assertThat(customerTexts()).contains("Payment cancelled", "Nothing was charged.");
        assertThat(sandbox().session(till.status().sessionId()).orElseThrow().status()).isEqualTo("expired");
    }

    @Test
    void theCustomerReadsTheirLanguageWhileTheCashierReadsTheirs() throws Exception {
        open("--locale=de", "--locale.customer=ja");
        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(customerTexts()).contains("スキャンしてお支払い", "サンドボックス")
                .anyMatch(text -> text.startsWith("残り ")).doesNotContain("Abbrechen");
        assertThat(texts(till.view.root())).contains("Abbrechen").doesNotContain("スキャンしてお支払い");
        assertThat(sandbox().requests().stream().filter(r -> r.path().equals("/v1/checkout/sessions"))
                .map(r -> r.param("locale").orElse("")).toList()).containsExactly("ja");
    }

    @Test
    void aClosedCustomerWindowNoLongerFollowsTheTillAndTheCashierGetsTheBigCodeBack() throws Exception {
        open();
        ListView<?> lines = (ListView<?>) customerNode("#customer-lines");
        TillWindowFixture.onFx(() -> {
            customer.stage().hide(); // as a person closing the demo window would
            till.view.setCustomerDisplayShown(false);
            till.cashier().scan(TillWindowFixture.LATTE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines.getItems()).as("the closed display let go of the till's models").isEmpty();
        assertThat(customer.view().isCountingDown()).isFalse();

        till.charge();
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(() -> {
            QrCodeView code = (QrCodeView) till.view.root().lookup("#qr-code");
            return code.imageView().getImage() != null && code.imageView().getImage().getWidth() > 260;
        }));
    }

    @Test
    void betweenSalesTheCustomerSeesTheShopsNameAndLogo() throws Exception {
        // A 2x1 PNG: the smallest picture that is still a shop's logo.
        Path logo = dir.resolve("logo.png");
        Files.write(logo, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGPgr875DwIAFVcF8vMyJjMAAAAASUVORK5CYII="));
        open("--merchant.name=Corner Coffee", "--shop.logo=" + logo);
        javafx.scene.image.ImageView shown = (javafx.scene.image.ImageView) customerNode("#customer-logo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.getImage().getProgress() >= 1);
        assertThat(shown.getImage().isError()).isFalse();
        assertThat(shown.getImage().getWidth()).isEqualTo(2);
        assertThat(TillWindowFixture.onFx(() -> shown(shown))).isTrue();
        assertThat(customerTexts()).contains("Corner Coffee", "Welcome");
    }

    private void open(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--poll.interval_ms=250");
        till = TillWindowFixture.start(stage, Files.createDirectories(dir.resolve("till")), args, Map.of());
        customer = TillWindowFixture.onFx(() -> {
            till.view.setCustomerDisplayShown(true);
            CustomerDisplayModel model = CustomerDisplayModel.forSettings(till.model, till.services.config(),
                    ZoneId.systemDefault());
            return CustomerWindow.inWindow(new Stage(), model, 1024, 768);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StripeSandbox sandbox() {
        return till.services.sandbox().orElseThrow();
    }

    private Node customerNode(String query) throws Exception {
        return TillWindowFixture.onFx(() -> customer.stage().getScene().getRoot().lookup(query));
    }

    private String textOf(String query) throws Exception {
        return TillWindowFixture.onFx(() -> ((Labeled) customer.stage().getScene().getRoot().lookup(query)).getText());
    }

    /** The texts the customer can see now: of shown nodes only. */
    private List<String> customerTexts() throws Exception {
        return texts(customer.stage().getScene().getRoot());
    }

    private static List<String> texts(Parent root) throws Exception {
        return TillWindowFixture.onFx(() -> {
            List<String> found = new ArrayList<>();
            collect(root, found);
            return found;
        });
    }

    private static void collect(Node node, List<String> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            into.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /**
     * The code decoded from the customer window's pixels, once a frame decodes at all: the code is set, then grows
     * to its space over the next layout passes, and a snapshot taken between them may not read.
     */
    private static String decodeOnceSettled(CustomerWindow customer) throws Exception {
        String[] read = new String[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try {
                read[0] = decode(TillWindowFixture.onFx(() -> customer.view().qrCode().snapshot(null, null)));
                return true;
            } catch (com.google.zxing.ReaderException notYet) {
                return false;
            }
        });
        return read[0];
    }

    private static String decode(Image image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
