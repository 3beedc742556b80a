package app.scantill.ui.charge;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.ScriptedCheckoutGateway;
import app.scantill.journal.InMemorySalesJournal;
import app.scantill.journal.MutableClock;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.ui.support.FxUiExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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

@ExtendWith(ApplicationExtension.class)
class ChargeViewTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:27:13Z");
    private static final List<SaleLine> CART = List.of(
            new SaleLine("SKU-COFFEE", "Coffee beans 250 g", 1250, 2),
            new SaleLine("SKU-MUG", "Mug, blue", 899, 1));

    private final MutableClock clock = new MutableClock(NOW);
    private final FxUiExecutor executor = new FxUiExecutor(1);
    private ScriptedCheckoutGateway gateway;
    private InMemorySalesJournal journal;
    private ChargeService service;
    private ChargeViewModel model;
    private ChargeView view;

    @Start
    void start(Stage stage) {
        gateway = new ScriptedCheckoutGateway(clock, CheckoutGateway.Mode.SANDBOX);
        journal = new InMemorySalesJournal(clock);
        ChargeSettings settings = ChargeSettings.defaults("till-1", "https://till.example/paid", null)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(200))
                .withCreateRetries(2, Duration.ofMillis(10));
        service = new ChargeService(gateway, journal, settings, clock);
        model = new ChargeViewModel(service, executor, app.scantill.i18n.English.words(), clock);
        view = new ChargeView(model);
        stage.setScene(new Scene(view, 960, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        service.shutdown();
        executor.close();
    }

    private void charge(String currency) {
        WaitForAsyncUtils.asyncFx(() -> model.charge(Currency.getInstance(currency), CART));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }

    private void waitUntilShowing(FxRobot robot, String query) throws TimeoutException {
        waitUntil(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)
                && isShowing(robot.lookup(query).query()));
    }

    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void waitForQr() throws TimeoutException {
        waitUntil(() -> view.qrCode().imageView().getImage() != null
                && view.qrCode().imageView().isVisible() && isShowing(view.qrCode()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void qrCodeOnScreenDecodesToTheSessionUrlWithTheAmountBesideIt(FxRobot robot) throws Exception {
        charge("USD");
        waitForQr();

        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.qrCode().snapshot(null, null)).get();
        String sessionId = gateway.onlySessionId();
        assertThat(QrDecoding.decode(shot)).isEqualTo(ScriptedCheckoutGateway.urlOf(sessionId));

        assertThat(robot.lookup("#qr-amount").queryAs(Label.class).getText()).isEqualTo("$33.99");
        assertThat(robot.lookup("#scan-hint").queryAs(Label.class).getText())
                .isEqualTo("Scan to pay with Amazon Pay or card");
        // 30 minutes of lifetime plus the 5-minute replay window Stripe's own minimum needs (ADR 0060).
        assertThat(robot.lookup("#countdown").queryAs(Label.class).getText()).isEqualTo("Expires in 35:00");
        assertThat(robot.lookup("#mode-badge").queryAs(Label.class).getText()).isEqualTo("SANDBOX");
        assertThat(robot.lookup("#payment-url").queryAs(TextField.class).getText())
                .isEqualTo(ScriptedCheckoutGateway.urlOf(sessionId));
        assertThat(robot.lookup("#sale-id").queryAs(Label.class).getText()).startsWith("Sale S-20261129-0427-");

        double area = Math.min(view.qrCode().getWidth(), view.qrCode().getHeight());
        double code = view.qrCode().imageView().getImage().getWidth();
        double paneSide = Math.min(view.getCenter().getLayoutBounds().getWidth(),
                view.getCenter().getLayoutBounds().getHeight());
        assertThat(code).isGreaterThanOrEqualTo(0.6 * paneSide).isLessThanOrEqualTo(area);
        for (int pixel : QrDecoding.argb(view.qrCode().imageView().getImage())) {
            assertThat(pixel).as("crisp modules: black or white only").isIn(0xFF000000, 0xFFFFFFFF);
        }
    }

    @Test
    void countdownFollowsTheClockWhileTheCustomerCanPayAndStopsWithTheSale(FxRobot robot) throws Exception {
        assertThat(view.isCountingDown()).as("no sale, no countdown timer").isFalse();
        charge("USD");
        waitForQr();
        assertThat(view.isCountingDown()).isTrue();

        clock.advance(Duration.ofSeconds(61));
        waitUntil(() -> "Expires in 33:59".equals(robot.lookup("#countdown").queryAs(Label.class).getText()));

        robot.clickOn("#cancel-button");
        waitUntilShowing(robot, "#cancelled-title");
        assertThat(view.isCountingDown()).as("the countdown is gone, so is its timer").isFalse();
    }

    @Test
    void aClosedScreenStopsItsTimerAndNoLongerFollowsTheModel(FxRobot robot) throws Exception {
        charge("USD");
        waitForQr();

        WaitForAsyncUtils.asyncFx(view::dispose).get(5, TimeUnit.SECONDS);
        assertThat(view.isCountingDown()).isFalse();

        gateway.pay(gateway.onlySessionId(), "amazon_pay");
        waitUntil(() -> model.phaseProperty().get() == Phase.PAID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(isShowing(robot.lookup("#paid-title").query())).as("the closed screen did not switch panes").isFalse();
        assertThat(isShowing(view.qrCode())).isTrue();
        assertThat(view.isCountingDown()).isFalse();
    }

    @Test
    void cancelExpiresTheSessionAndShowsCancelled(FxRobot robot) throws Exception {
        charge("USD");
        waitForQr();

        robot.clickOn("#cancel-button");
        waitUntilShowing(robot, "#cancelled-title");

        String sessionId = gateway.onlySessionId();
        assertThat(gateway.session(sessionId).isExpired()).isTrue();
        String saleId = service.status().saleId();
        assertThat(journal.find(saleId).orElseThrow().state()).isEqualTo(SaleState.CANCELLED);
    }

    @Test
    void paymentReportedByStripeShowsPaidWithMethodAndNewSaleClearsTheCart(FxRobot robot) throws Exception {
        AtomicBoolean cartCleared = new AtomicBoolean();
        model.setOnNewSale(() -> cartCleared.set(true));
        charge("USD");
        waitForQr();

        gateway.pay(gateway.onlySessionId(), "amazon_pay");
        waitUntilShowing(robot, "#paid-title");

        assertThat(robot.lookup("#paid-method").queryAs(Label.class).getText()).isEqualTo("Paid with Amazon Pay");
        robot.clickOn("#new-sale");
        assertThat(cartCleared).isTrue();
    }

    @Test
    void canadianDollarsAreCardOnlyAndTheScreenSaysWhy(FxRobot robot) throws Exception {
        charge("CAD");
        waitForQr();

        assertThat(robot.lookup("#scan-hint").queryAs(Label.class).getText())
                .isEqualTo("Card only — Amazon Pay does not support CAD");
        assertThat(robot.lookup("#qr-amount").queryAs(Label.class).getText()).isEqualTo("CA$33.99");
    }

    @Test
    void lostConnectionShowsABannerOverTheStillVisibleQrCode(FxRobot robot) throws Exception {
        charge("USD");
        waitForQr();
        // Down until the banner has been seen, however slowly the screen gets to it: then back.
        gateway.networkDown();

        waitUntilShowing(robot, "#connection-banner");
        assertThat(isShowing(view.qrCode())).isTrue();
        gateway.networkUp();
        waitUntil(() -> !robot.lookup("#connection-banner").query().isVisible());
    }

    @Test
    void createFailureShowsTheMessageAndRetryWorks(FxRobot robot) throws Exception {
        gateway.failNext("create", ScriptedCheckoutGateway.network(), ScriptedCheckoutGateway.network());
        charge("USD");

        waitUntilShowing(robot, "#retry");
        assertThat(robot.lookup("#failed-message").queryAs(Label.class).getText()).contains("cannot be reached");

        robot.clickOn("#retry");
        waitForQr();
        assertThat(gateway.sessionCount()).isEqualTo(1);
    }
}
