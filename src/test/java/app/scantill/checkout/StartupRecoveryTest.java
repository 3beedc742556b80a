package app.scantill.checkout;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.RecoverySummary.Outcome;
import app.scantill.journal.InMemorySalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartupRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-11-29T04:27:13Z");
    private static final List<SaleLine> CART = List.of(new SaleLine("SKU-COFFEE", "Coffee beans 250 g", 1250, 1));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ChargeSettings settings = ChargeSettings
            .defaults("till-1", "https://till.example/paid?session={CHECKOUT_SESSION_ID}", null)
            .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
            .withCreateRetries(2, Duration.ofMillis(10));
    private InMemorySalesJournal journal;
    private ScriptedCheckoutGateway gateway;
    private ChargeService onScreen;
    private StartupRecovery recovery;

    @BeforeEach
    void setUp() {
        journal = new InMemorySalesJournal(clock);
        gateway = new ScriptedCheckoutGateway(clock, CheckoutGateway.Mode.SANDBOX);
        onScreen = new ChargeService(gateway, journal, settings, clock);
        recovery = new StartupRecovery(onScreen, gateway, journal, clock, WAIT);
    }

    @AfterEach
    void tearDown() {
        recovery.close();
        onScreen.shutdown();
    }

    /** A sale left awaiting payment by a run that died; its session exists and is open. */
    private String openSale(String saleId) throws GatewayException {
        Sale sale = journal.begin(saleId, "till-1", USD, CART, IdempotencyKeys.forAttempt(saleId, 1));
        SessionSnapshot session = gateway.create(new CheckoutRequestFactory(settings, clock)
                .build(saleId, 1, sale.idempotencyKey(), USD, CART, false, sale.attemptStartedAt()));
        journal.recordSession(saleId, session.id(), session.expiresAt());
        return session.id();
    }

    @Test
    void paymentThatArrivedWhileClosedIsRecordedOnceAndToldToTheCashier() throws Exception {
        String session = openSale("S-20261129-0400-AAAA01");
        gateway.pay(session, "amazon_pay");

        RecoverySummary summary = recovery.run();

        assertThat(summary.count(Outcome.PAID)).isEqualTo(1);
        assertThat(summary.sentences()).extracting(English::text).containsExactly(
                "Sale S-20261129-0400-AAAA01 paid while ScanTill was closed: $12.50 (Amazon Pay).");
        assertThat(journal.find("S-20261129-0400-AAAA01").orElseThrow().state()).isEqualTo(SaleState.PAID);
        assertThat(journal.history("S-20261129-0400-AAAA01")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
        assertThat(recovery.run().isEmpty()).as("a second start finds nothing to do").isTrue();
    }

    @Test
    void newestOpenSaleGoesBackOnScreenAndOlderOpenOnesAreWithdrawnJournalFirst() throws Exception {
        String older = openSale("S-20261129-0400-AAAA01");
        String expired = openSale("S-20261129-0400-AAAA02");
        gateway.expireByTime(expired);
        String newest = openSale("S-20261129-0400-AAAA03");

        RecoverySummary summary = recovery.run();

        assertThat(summary.resumedSaleId()).contains("S-20261129-0400-AAAA03");
        assertThat(summary.entry("S-20261129-0400-AAAA01").orElseThrow().outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(summary.entry("S-20261129-0400-AAAA02").orElseThrow().outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(gateway.session(older).isExpired()).isTrue();
        assertThat(journal.history("S-20261129-0400-AAAA01")).extracting(c -> c.to())
                .containsSubsequence(SaleState.CANCELLING, SaleState.CANCELLED);
        ChargeStatus shown = onScreen.await(s -> s.phase() == Phase.AWAITING_PAYMENT, WAIT);
        assertThat(shown.sessionId()).isEqualTo(newest);
        assertThat(shown.url()).isEqualTo(ScriptedCheckoutGateway.urlOf(newest));
        assertThat(English.text(summary.headline())).isEqualTo(
                "ScanTill checked 3 unfinished sales: 1 expired, 1 withdrawn, 1 back on screen.");
    }

    @Test
    void chargeInterruptedBeforeItsSessionWasKnownIsReplayedIntoOneSession() throws Exception {
        Sale sale = journal.begin("S-20261129-0400-AAAA04", "till-1", USD, CART,
                IdempotencyKeys.forAttempt("S-20261129-0400-AAAA04", 1));
        gateway.create(new CheckoutRequestFactory(settings, clock).build(sale.id(), 1, sale.idempotencyKey(), USD,
                CART, false, sale.attemptStartedAt()));

        RecoverySummary summary = recovery.run();

        assertThat(summary.resumedSaleId()).contains(sale.id());
        assertThat(gateway.sessionCount()).isEqualTo(1);
        assertThat(journal.find(sale.id()).orElseThrow().sessionId()).isEqualTo(gateway.onlySessionId());
    }

    @Test
    void networkDownLeavesSalesAsTheyWereSaysSoAndRecoversLater() throws Exception {
        String older = openSale("S-20261129-0400-AAAA05");
        String newest = openSale("S-20261129-0400-AAAA06");
        gateway.pay(older, "card");
        gateway.networkDown();

        RecoverySummary summary = recovery.run();

        assertThat(summary.stripeUnreachable()).isTrue();
        assertThat(summary.count(Outcome.WAITING_FOR_STRIPE)).isEqualTo(2);
        assertThat(English.text(summary.headline())).contains("Stripe cannot be reached");
        assertThat(journal.unfinished()).hasSize(2);
        assertThat(onScreen.status().saleId()).as("newest stays on screen, polling").isEqualTo("S-20261129-0400-AAAA06");
        assertThat(recovery.unresolved()).containsExactly("S-20261129-0400-AAAA05");

        List<RecoverySummary> rounds = new CopyOnWriteArrayList<>();
        recovery.retryInBackground(rounds::add);
        gateway.networkUp();

        assertThat(Conditions.eventually(() -> recovery.unresolved().isEmpty(), Duration.ofSeconds(10))).isTrue();
        assertThat(rounds).flatExtracting(RecoverySummary::entries).extracting(RecoverySummary.Entry::outcome)
                .containsExactly(Outcome.PAID);
        assertThat(journal.find("S-20261129-0400-AAAA05").orElseThrow().state()).isEqualTo(SaleState.PAID);
        ChargeStatus shown = onScreen.await(s -> s.phase() == Phase.AWAITING_PAYMENT, WAIT);
        assertThat(shown.sessionId()).isEqualTo(newest);
    }
}
