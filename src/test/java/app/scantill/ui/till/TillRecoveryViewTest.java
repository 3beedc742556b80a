package app.scantill.ui.till;

import app.scantill.i18n.English;
import app.scantill.i18n.Translator;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.Conditions;
import app.scantill.config.AppConfig;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.till.TillServices;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.support.FxUiExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window after a restart: a previous run of the till left a sale with an open Checkout
 * Session in the journal (as a crash or a power cut would), and the new run must pick it up.
 */
@ExtendWith(ApplicationExtension.class)
class TillRecoveryViewTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path dataDir;

    private TillServices services;
    private FxUiExecutor executor;
    private TillViewModel model;

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void aSalePaidWhileTheTillWasClosedIsRecordedAndReported(FxRobot robot) throws Exception {
        AppConfig config = config();
        String sessionId = leaveAnOpenSale(config);

        services = TillServices.start(config, Clock.systemUTC());
        services.sandbox().orElseThrow().pay(sessionId, "card");
        show(robot);

        waitUntil(() -> !model.recoveringProperty().get());
        Sale sale = onlySale();
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentMethod()).isEqualTo("card");
        String message = robot.lookup("#messageBar").queryAs(Label.class).getText();
        assertThat(message).contains(sale.id()).contains("paid while ScanTill was closed").contains("$7.00");
        assertThat(model.chargeShownProperty().get()).isFalse();
    }

    @Test
    void aSaleStillOpenComesBackOnTheChargeScreen(FxRobot robot) throws Exception {
        AppConfig config = config();
        String sessionId = leaveAnOpenSale(config);

        services = TillServices.start(config, Clock.systemUTC());
        show(robot);

        waitUntil(() -> model.chargeShownProperty().get()
                && model.chargeStatus().map(s -> s.phase() == Phase.AWAITING_PAYMENT).orElse(false));
        assertThat(model.chargeStatus().orElseThrow().sessionId()).isEqualTo(sessionId);
        assertThat(model.cashier().cartLockedProperty().get()).isTrue();

        services.sandbox().orElseThrow().pay(sessionId, "amazon_pay");
        waitUntil(() -> model.chargeStatus().map(s -> s.phase() == Phase.PAID).orElse(false));
        assertThat(onlySale().state()).isEqualTo(SaleState.PAID);
    }

    private AppConfig config() throws IOException {
        Path data = Files.createDirectories(dataDir.resolve("data"));
        return AppConfig.load(List.of("--data.dir=" + data, "--poll.interval_ms=250"), Map.of(), dataDir);
    }

    /** A first run of the till charges a sale and stops while the customer could still pay. */
    private static String leaveAnOpenSale(AppConfig config) throws InterruptedException {
        try (TillServices first = TillServices.start(config, Clock.systemUTC())) {
            ChargeService charges = first.charges().orElseThrow();
            charges.start(USD, List.of(new SaleLine("TEA-EG", "Earl Grey Tea", 350, 2)));
            assertThat(charges.await(s -> s.phase() == Phase.AWAITING_PAYMENT, PATIENCE).phase())
                    .isEqualTo(Phase.AWAITING_PAYMENT);
            return charges.status().sessionId();
        }
    }

    private void show(FxRobot robot) {
        robot.interact(() -> {
            Translator words = English.words();
            executor = new FxUiExecutor(2);
            CashierViewModel cashier = new CashierViewModel(new Cart(), words, executor);
            model = new TillViewModel(cashier, executor, Clock.systemUTC());
            Stage stage = new Stage();
            new TillView(model).showIn(stage);
            model.attach(services);
        });
    }

    private Sale onlySale() {
        List<Sale> sales = services.journal().orElseThrow()
                .createdBetween(Instant.EPOCH, Instant.now().plusSeconds(60));
        assertThat(sales).hasSize(1);
        return sales.get(0);
    }

    private static void waitUntil(BooleanSupplier condition) {
        assertThat(Conditions.eventually(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        }, PATIENCE)).as("condition within %s", PATIENCE).isTrue();
    }
}
