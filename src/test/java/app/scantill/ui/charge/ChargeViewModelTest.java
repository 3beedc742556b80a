package app.scantill.ui.charge;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.ScriptedCheckoutGateway;
import app.scantill.journal.InMemorySalesJournal;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The charge screen's model against a scripted gateway, without a window: statuses in, screen state out. */
class ChargeViewModelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final List<SaleLine> CART = List.of(new SaleLine("SKU-COFFEE", "Coffee beans 250 g", 1250, 2));

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T04:27:13Z"), ZoneOffset.UTC);
    private ScriptedCheckoutGateway gateway;
    private ChargeService service;
    private ChargeViewModel model;

    @BeforeEach
    void start() {
        gateway = new ScriptedCheckoutGateway(clock, CheckoutGateway.Mode.SANDBOX);
        ChargeSettings settings = ChargeSettings.defaults("till-1", "https://till.example/paid", null)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(200));
        service = new ChargeService(gateway, new InMemorySalesJournal(clock), settings, clock);
        // Statuses are applied on the service's worker thread; service.await orders them before the asserts.
        model = new ChargeViewModel(service, new CurrentThreadUiExecutor(), app.scantill.i18n.English.words(), clock);
    }

    @AfterEach
    void stop() {
        service.shutdown();
    }

    @Test
    void aPaymentReachesTheScreenWithItsMethod() throws Exception {
        model.charge(Currency.getInstance("USD"), CART);
        service.await(status -> status.phase() == Phase.AWAITING_PAYMENT, PATIENCE);
        assertThat(model.urlProperty().get()).isEqualTo(ScriptedCheckoutGateway.urlOf(gateway.onlySessionId()));

        gateway.pay(gateway.onlySessionId(), "card");
        service.await(status -> status.phase() == Phase.PAID, PATIENCE);

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.PAID);
        assertThat(model.methodTextProperty().get()).isEqualTo("Card");
    }

    @Test
    void aDisposedModelNoLongerFollowsTheChargeFlow() throws Exception {
        model.charge(Currency.getInstance("USD"), CART);
        service.await(status -> status.phase() == Phase.AWAITING_PAYMENT, PATIENCE);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.AWAITING_PAYMENT);

        model.dispose();
        gateway.pay(gateway.onlySessionId(), "card");
        // await returns once every listener still registered has heard PAID.
        assertThat(service.await(status -> status.phase() == Phase.PAID, PATIENCE).phase()).isEqualTo(Phase.PAID);

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.AWAITING_PAYMENT);
        assertThat(model.methodTextProperty().get()).isEmpty();
    }
}
