package app.scantill.ui.charge;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.SandboxCustomer;
import app.scantill.checkout.SandboxTill;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.SandboxSession;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charge screen on the real stack: ChargeView and its view model over ChargeService,
 * StripeCheckoutGateway (stripe-java), the embedded sandbox and a SQLite journal. The customer is
 * an HTTP client that opens the URL read back from the QR code's pixels and presses Pay.
 */
@ExtendWith(ApplicationExtension.class)
class ChargeViewSandboxTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<SaleLine> CART = List.of(
            new SaleLine("SKU-ESP", "Espresso", 280, 2),
            new SaleLine("SKU-BAG", "Tote bag", 1500, 1),
            new SaleLine("SKU-CHOC", "Dark chocolate 70 %", 395, 3));

    private final FxUiExecutor executor = new FxUiExecutor(1);
    private Path dir;
    private SandboxTill till;
    private ChargeViewModel model;
    private ChargeView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("scantill-charge-view");
        till = SandboxTill.in(dir).start();
        model = new ChargeViewModel(till.service(), executor, app.scantill.i18n.English.words(),
                Clock.systemUTC());
        view = new ChargeView(model);
        stage.setScene(new Scene(view, 960, 720));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.dispose();
            model.dispose();
        }).get(5, TimeUnit.SECONDS);
        till.close();
        executor.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(ChargeViewSandboxTest::isShowing).orElse(false);
    }

    @Test
    void customerScansTheQrCodePaysOnTheSandboxPageAndTheScreenShowsPaid(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.charge(EUR, CART)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.qrCode().imageView().getImage() != null
                && isShowing(view.qrCode().imageView()));
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.qrCode().snapshot(null, null))
                .get(5, TimeUnit.SECONDS);
        String scanned = QrDecoding.decode(shot);

        assertThat(till.sandbox().sessions()).hasSize(1);
        SandboxSession session = till.sandbox().sessions().get(0);
        assertThat(scanned).isEqualTo(session.url()).contains("#");
        assertThat(robot.lookup("#payment-url").queryAs(TextField.class).getText()).isEqualTo(session.url());
        assertThat(robot.lookup("#qr-amount").queryAs(Label.class).getText()).isEqualTo("€32.45");
        assertThat(robot.lookup("#mode-badge").queryAs(Label.class).getText()).isEqualTo("SANDBOX");

        SandboxCustomer.Outcome paid = new SandboxCustomer().pay(scanned, "amazon_pay");
        assertThat(paid.submitStatus()).isEqualTo(303);

        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> showing(robot, "#paid-title"));
        assertThat(robot.lookup("#paid-method").queryAs(Label.class).getText()).isEqualTo("Paid with Amazon Pay");
        Sale sale = till.sale(session.clientReferenceId());
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentIntentId()).isEqualTo(till.sandbox().session(session.id()).orElseThrow()
                .paymentIntentId());
    }

    @Test
    void cancelOnScreenExpiresTheSandboxSessionAndThePayPageNoLongerTakesMoney(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.charge(EUR, CART)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#cancel-button"));

        robot.clickOn("#cancel-button");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#cancelled-title"));
        SandboxSession session = till.sandbox().sessions().get(0);
        assertThat(session.status()).isEqualTo("expired");
        assertThat(till.sale(session.clientReferenceId()).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(new SandboxCustomer().open(session.url() == null
                ? till.sandbox().publicBase() + "/c/pay/" + session.id() : session.url()))
                .doesNotContain("Pay with Amazon Pay");
    }
}
