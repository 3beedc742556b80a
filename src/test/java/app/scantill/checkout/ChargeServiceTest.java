package app.scantill.checkout;

import app.scantill.i18n.English;
import static app.scantill.checkout.ScriptedCheckoutGateway.failure;
import static app.scantill.checkout.ScriptedCheckoutGateway.network;
import static app.scantill.checkout.ScriptedCheckoutGateway.rateLimited;
import static app.scantill.checkout.ScriptedCheckoutGateway.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.GatewayException.Kind;
import app.scantill.journal.InMemorySalesJournal;
import app.scantill.money.Money;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency CAD = Currency.getInstance("CAD");
    private static final Instant NOW = Instant.parse("2026-11-29T04:27:13Z");
    private static final List<SaleLine> CART = List.of(
            new SaleLine("SKU-COFFEE", "Coffee beans 250 g", 1250, 2),
            new SaleLine("SKU-MUG", "Mug, blue", 899, 1),
            new SaleLine("SKU-TEA", "Green tea", 450, 3));
    private static final long CART_TOTAL = 1250 * 2 + 899 + 450 * 3;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ChargeSettings settings = ChargeSettings
            .defaults("till-1", "https://till.example/paid?session={CHECKOUT_SESSION_ID}", "https://till.example/back")
            .withPolling(Duration.ofMillis(20), Duration.ofMillis(200))
            .withCreateRetries(3, Duration.ofMillis(10));
    private InMemorySalesJournal journal;
    private ScriptedCheckoutGateway gateway;
    private ChargeService service;
    private final List<ChargeStatus> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        journal = new InMemorySalesJournal(clock);
        gateway = new ScriptedCheckoutGateway(clock, CheckoutGateway.Mode.SANDBOX);
        service = newService();
    }

    private ChargeService newService() {
        ChargeService s = new ChargeService(gateway, journal, settings, clock);
        s.addListener(published::add);
        return s;
    }

    @AfterEach
    void tearDown() {
        service.shutdown();
    }

    private ChargeStatus awaitPhase(Phase phase) throws InterruptedException {
        return await(s -> s.phase() == phase);
    }

    private ChargeStatus await(Predicate<ChargeStatus> condition) throws InterruptedException {
        ChargeStatus reached = service.await(condition, WAIT);
        assertThat(condition.test(reached)).as("status reached in time, last was %s", reached).isTrue();
        return reached;
    }

    private ChargeStatus chargeUntilAwaiting() throws InterruptedException {
        service.start(USD, CART);
        return awaitPhase(Phase.AWAITING_PAYMENT);
    }

    private Sale journaled(ChargeStatus status) {
        return journal.find(status.saleId()).orElseThrow();
    }

    private void untilCalls(String operation, int count) {
        assertThat(Conditions.eventually(() -> gateway.calls(operation).size() >= count, WAIT))
                .as("%d %s calls", count, operation).isTrue();
    }

    // ------------------------------------------------------------ the request

    @Test
    void createRequestCarriesEveryStripeParameterExactly() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();

        String saleId = awaiting.saleId();
        assertThat(saleId).matches(SaleIdGenerator.PATTERN).startsWith("S-20261129-0427-");
        CheckoutRequest sent = gateway.calls("create").get(0).request();
        assertThat(sent.saleId()).isEqualTo(saleId);
        assertThat(sent.registerId()).isEqualTo("till-1");
        assertThat(sent.idempotencyKey()).isEqualTo("scantill-" + saleId + "-a1");
        assertThat(sent.currency()).isEqualTo(USD);
        assertThat(sent.lines()).containsExactly(
                new CheckoutRequest.Line("Coffee beans 250 g", 1250, 2),
                new CheckoutRequest.Line("Mug, blue", 899, 1),
                new CheckoutRequest.Line("Green tea", 450, 3));
        assertThat(sent.paymentMethods()).containsExactlyInAnyOrder(PaymentMethod.CARD, PaymentMethod.AMAZON_PAY);
        assertThat(sent.successUrl()).isEqualTo("https://till.example/paid?session={CHECKOUT_SESSION_ID}");
        assertThat(sent.cancelUrl()).isEqualTo("https://till.example/back");
        // 30 minutes of lifetime plus the replay window Stripe's own 30-minute minimum needs (ADR 0060).
        assertThat(sent.expiresAt()).isEqualTo(Instant.parse("2026-11-29T05:02:13Z"));
        assertThat(sent.metadata()).isEqualTo(Map.of(
                "sale_id", saleId,
                "register_id", "till-1",
                "cart_hash", CheckoutRequestFactory.cartHash(USD, CART),
                "attempt", "1"));
        assertThat(sent.metadata().get("cart_hash")).matches("[0-9a-f]{16}");
        assertThat(sent.description()).isEqualTo("ScanTill register till-1, sale " + saleId);

        assertThat(awaiting.amount()).isEqualTo(Money.of(CART_TOTAL, USD));
        assertThat(awaiting.url()).isEqualTo(ScriptedCheckoutGateway.urlOf(gateway.onlySessionId()));
        assertThat(awaiting.cardOnly()).isFalse();
    }

    @Test
    void cardOnlyCurrencyOffersCardAloneAndSaysSo() throws Exception {
        service.start(CAD, CART);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(gateway.calls("create").get(0).request().paymentMethods()).containsExactly(PaymentMethod.CARD);
        assertThat(awaiting.cardOnly()).isTrue();
        assertThat(awaiting.amount()).isEqualTo(Money.of(CART_TOTAL, CAD));
    }

    @Test
    void cartBreakingStripeLimitsIsRefusedBeforeAnythingIsJournaledOrSent() {
        List<SaleLine> tooMany = Collections.nCopies(101, new SaleLine("A", "Apple", 100, 1));
        assertThatThrownBy(() -> service.start(USD, tooMany))
                .isInstanceOf(CartNotChargeableException.class).hasMessageContaining("at most 100 lines");
        assertThatThrownBy(() -> service.start(USD, List.of(new SaleLine("A", "Apple", 100, 1000))))
                .isInstanceOf(CartNotChargeableException.class).hasMessageContaining("above the limit of 999");
        assertThatThrownBy(() -> service.start(USD, List.of(new SaleLine("A", "Apple", 49, 1))))
                .isInstanceOf(CartNotChargeableException.class).hasMessageContaining("minimum charge of $0.50");
        assertThatThrownBy(() -> service.start(USD, List.of(new SaleLine("A", "Gold bar", 50_000_000, 2))))
                .isInstanceOf(CartNotChargeableException.class).hasMessageContaining("maximum");

        assertThat(journal.createdBetween(Instant.EPOCH, Instant.MAX)).isEmpty();
        assertThat(gateway.calls()).isEmpty();
        assertThat(service.status().phase()).isEqualTo(Phase.IDLE);
    }

    // ------------------------------------------------------------ write-ahead

    @Test
    void journalHoldsEachStepBeforeStripeOrTheCashierHearsOfIt() throws Exception {
        List<String> violations = new CopyOnWriteArrayList<>();
        gateway.beforeCreate(request -> {
            Sale sale = journal.find(request.saleId()).orElse(null);
            if (sale == null || sale.state() != SaleState.CHARGING
                    || !sale.idempotencyKey().equals(request.idempotencyKey())) {
                violations.add("create sent before the attempt was journaled: " + sale);
            }
        });
        service.addListener(status -> {
            Sale sale = status.saleId() == null ? null : journal.find(status.saleId()).orElse(null);
            if (status.phase() == Phase.AWAITING_PAYMENT
                    && (sale == null || !status.sessionId().equals(sale.sessionId()))) {
                violations.add("QR shown before its session was journaled: " + sale);
            }
            if (status.phase() == Phase.PAID && (sale == null || sale.state() != SaleState.PAID)) {
                violations.add("Paid shown before it was journaled: " + sale);
            }
        });

        ChargeStatus awaiting = chargeUntilAwaiting();
        gateway.pay(awaiting.sessionId(), "amazon_pay");
        awaitPhase(Phase.PAID);

        assertThat(violations).isEmpty();
        assertThat(published).extracting(ChargeStatus::phase)
                .containsSubsequence(Phase.CREATING, Phase.AWAITING_PAYMENT, Phase.PAID);
    }

    @Test
    void journalThatCannotWriteStopsTheChargeBeforeStripeIsCalled() throws Exception {
        journal.failWrites(true);

        service.start(USD, CART);
        ChargeStatus failed = awaitPhase(Phase.FAILED);

        assertThat(English.text(failed.message())).contains("Payments cannot be taken");
        assertThat(failed.retryable()).isFalse();
        assertThat(gateway.calls()).isEmpty();
    }

    // ------------------------------------------------------------ create

    @Test
    void createFailingWith500ThenSucceedingMakesOneSessionUnderOneKey() throws Exception {
        gateway.failNext("create", serverError());

        ChargeStatus awaiting = chargeUntilAwaiting();

        List<ScriptedCheckoutGateway.Call> creates = gateway.calls("create");
        assertThat(creates).hasSize(2);
        assertThat(creates).extracting(ScriptedCheckoutGateway.Call::argument).containsOnly(
                "scantill-" + awaiting.saleId() + "-a1");
        assertThat(creates.get(1).request()).isEqualTo(creates.get(0).request());
        assertThat(gateway.sessionCount()).isEqualTo(1);
    }

    @Test
    void createWhoseAnswerIsLostIsRetriedIntoTheSameSession() throws Exception {
        gateway.loseCreateResponses(1);

        ChargeStatus awaiting = chargeUntilAwaiting();

        assertThat(gateway.calls("create")).hasSize(2);
        assertThat(gateway.sessionCount()).isEqualTo(1);
        assertThat(awaiting.sessionId()).isEqualTo(gateway.onlySessionId());
    }

    @Test
    void refusedCreateIsShownToTheCashierAndTheSaleKeptAsCancelled() throws Exception {
        gateway.failNext("create", failure(Kind.AUTHENTICATION, 401, null, "Invalid API Key provided"));

        service.start(USD, CART);
        ChargeStatus failed = awaitPhase(Phase.FAILED);

        assertThat(English.text(failed.message())).contains("API key");
        assertThat(failed.retryable()).isFalse();
        assertThat(gateway.calls("create")).hasSize(1);
        assertThat(journaled(failed).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(service.hasOpenSession()).isFalse();
    }

    @Test
    void amazonPayRefusedOffersACardOnlyCharge() throws Exception {
        gateway.failNext("create", new GatewayException(Kind.INVALID_REQUEST, 400, "payment_method_unactivated",
                "payment_method_types", "req_1", null, "amazon_pay is not activated", null));

        service.start(USD, CART);
        ChargeStatus failed = awaitPhase(Phase.FAILED);
        assertThat(failed.cardOnlyOffered()).isTrue();
        assertThat(English.text(failed.message())).contains("Settings > Payment methods");

        assertThat(journaled(failed).state()).as("the sale is kept for the card-only charge")
                .isEqualTo(SaleState.CHARGING);
        assertThat(service.amazonPayUnavailableOnAccount()).isTrue();

        service.chargeByCardOnly();
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);
        assertThat(awaiting.saleId()).as("the same sale, its next attempt").isEqualTo(failed.saleId());
        assertThat(awaiting.attempt()).isEqualTo(2);
        assertThat(gateway.calls("create").get(1).request().paymentMethods()).containsExactly(PaymentMethod.CARD);
        assertThat(gateway.calls("create").get(1).request().idempotencyKey())
                .isEqualTo(IdempotencyKeys.forAttempt(failed.saleId(), 2, true));

        // The account is remembered: the next sale asks Stripe for card alone at once.
        gateway.pay(awaiting.sessionId(), "card");
        awaitPhase(Phase.PAID);
        service.start(USD, CART);
        ChargeStatus next = service.await(s -> s.phase() == Phase.AWAITING_PAYMENT
                && !failed.saleId().equals(s.saleId()), Duration.ofSeconds(5));
        assertThat(next.cardOnly()).isTrue();
        assertThat(gateway.calls("create").get(2).request().paymentMethods()).containsExactly(PaymentMethod.CARD);
    }

    @Test
    void amazonPaySwitchedOffChargesEverySaleByCardWithTheChoiceInTheKey() throws Exception {
        service.shutdown();
        service = new ChargeService(gateway, journal, settings.withAmazonPay(app.scantill.config.AmazonPayChoice.OFF),
                clock);
        service.addListener(published::add);

        service.start(USD, CART);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        CheckoutRequest sent = gateway.calls("create").get(0).request();
        assertThat(sent.paymentMethods()).containsExactly(PaymentMethod.CARD);
        assertThat(sent.idempotencyKey()).isEqualTo(IdempotencyKeys.forAttempt(awaiting.saleId(), 1, true));
        assertThat(awaiting.cardOnly()).isTrue();
        assertThat(service.amazonPayWithheld()).isTrue();
        assertThat(service.amazonPayUnavailableOnAccount()).as("not Stripe's refusal: the setting").isFalse();
    }

    @Test
    void createStillFailingAfterRetriesKeepsTheAttemptForARetryWithTheSameKey() throws Exception {
        gateway.failNext("create", network(), network(), network());

        service.start(USD, CART);
        ChargeStatus failed = awaitPhase(Phase.FAILED);
        assertThat(failed.retryable()).isTrue();
        assertThat(English.text(failed.message())).contains("Retry");
        assertThat(journaled(failed).state()).isEqualTo(SaleState.CHARGING);
        assertThat(service.hasOpenSession()).as("a session may exist: do not free the cart").isTrue();

        service.retry();
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);
        assertThat(gateway.calls("create")).hasSize(4)
                .extracting(ScriptedCheckoutGateway.Call::argument).containsOnly("scantill-" + awaiting.saleId() + "-a1");
    }

    // ------------------------------------------------------------ polling

    @Test
    void paymentOnTheHostedPageEndsPaidWithMethodAndIntent() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        assertThat(service.hasOpenSession()).isTrue();

        gateway.pay(awaiting.sessionId(), "amazon_pay");
        ChargeStatus paid = awaitPhase(Phase.PAID);

        assertThat(paid.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(paid.amount()).isEqualTo(Money.of(CART_TOTAL, USD));
        Sale sale = journaled(paid);
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentIntentId()).isEqualTo("pi_" + awaiting.sessionId().substring(3));
        assertThat(sale.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(service.hasOpenSession()).isFalse();
    }

    @Test
    void expiredSessionOffersANewAttemptWithANewKeyAndSession() throws Exception {
        ChargeStatus first = chargeUntilAwaiting();
        gateway.expireByTime(first.sessionId());
        ChargeStatus expired = awaitPhase(Phase.EXPIRED);
        assertThat(journaled(expired).state()).isEqualTo(SaleState.EXPIRED);

        service.newAttempt();
        ChargeStatus second = await(s -> s.phase() == Phase.AWAITING_PAYMENT && s.attempt() == 2);

        assertThat(second.saleId()).isEqualTo(first.saleId());
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(second.url()).isNotEqualTo(first.url());
        assertThat(gateway.calls("create")).extracting(ScriptedCheckoutGateway.Call::argument)
                .containsExactly("scantill-" + first.saleId() + "-a1", "scantill-" + first.saleId() + "-a2");
        assertThat(journal.attemptKeys(first.saleId())).hasSize(2);
        assertThat(journaled(second).sessionId()).isEqualTo(second.sessionId());
    }

    @Test
    void rateLimitDuringPollingWaitsAtLeastRetryAfterThenEndsPaid() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        int before = gateway.calls("retrieve").size();
        gateway.failNext("retrieve", rateLimited(Duration.ofMillis(300)));

        ChargeStatus lost = awaitPhase(Phase.CONNECTION_LOST);
        assertThat(lost.url()).as("the QR stays up").isEqualTo(awaiting.url());
        assertThat(English.text(lost.message())).contains("still waiting");
        awaitPhase(Phase.AWAITING_PAYMENT);

        List<ScriptedCheckoutGateway.Call> retrieves = gateway.calls("retrieve");
        long gap = retrieves.get(before + 1).atNanos() - retrieves.get(before).atNanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        gateway.pay(awaiting.sessionId(), "card");
        assertThat(awaitPhase(Phase.PAID).paymentMethod()).isEqualTo("card");
    }

    @Test
    void networkRefusedDuringPollingShowsConnectionLostAndRecovers() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        gateway.failNext("retrieve", network(), network(), network());

        awaitPhase(Phase.CONNECTION_LOST);
        ChargeStatus back = awaitPhase(Phase.AWAITING_PAYMENT);
        assertThat(back.sessionId()).isEqualTo(awaiting.sessionId());

        gateway.pay(awaiting.sessionId(), "amazon_pay");
        awaitPhase(Phase.PAID);
        assertThat(published).extracting(ChargeStatus::phase)
                .containsSubsequence(Phase.AWAITING_PAYMENT, Phase.CONNECTION_LOST, Phase.AWAITING_PAYMENT, Phase.PAID);
    }

    @Test
    void pollingNeverOverlapsAndStopsAtTheFinalState() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        untilCalls("retrieve", 3);
        gateway.pay(awaiting.sessionId(), "card");
        awaitPhase(Phase.PAID);
        int atPaid = gateway.calls("retrieve").size();

        // Ten poll intervals without a further status request: polling stopped at PAID.
        assertThat(Conditions.eventually(() -> gateway.calls("retrieve").size() > atPaid, Duration.ofMillis(200)))
                .isFalse();
        List<ScriptedCheckoutGateway.Call> retrieves = gateway.calls("retrieve");
        for (int i = 1; i < retrieves.size(); i++) {
            assertThat(retrieves.get(i).atNanos() - retrieves.get(i - 1).atNanos())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void amountDifferentFromTheJournaledTotalNeedsAttentionWithTheSessionKept() throws Exception {
        gateway.reportAmount(CART_TOTAL - 100);

        service.start(USD, CART);
        ChargeStatus attention = awaitPhase(Phase.NEEDS_ATTENTION);

        assertThat(attention.sessionId()).isEqualTo(gateway.onlySessionId());
        assertThat(English.text(attention.message())).contains("but the sale totals");
        assertThat(journaled(attention).state()).isEqualTo(SaleState.NEEDS_ATTENTION);
        assertThat(journaled(attention).sessionId()).isEqualTo(gateway.onlySessionId());
        assertThat(gateway.session(gateway.onlySessionId()).isExpired()).as("no wrong amount can be paid").isTrue();
    }

    @Test
    void completeButUnpaidSessionNeedsAttention() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        gateway.completeUnpaid(awaiting.sessionId());

        ChargeStatus attention = awaitPhase(Phase.NEEDS_ATTENTION);

        assertThat(attention.sessionId()).isEqualTo(awaiting.sessionId());
        assertThat(journaled(attention).state()).isEqualTo(SaleState.NEEDS_ATTENTION);
    }

    // ------------------------------------------------------------ cancel

    @Test
    void cancelBeforePaymentExpiresTheSessionAndEndsCancelled() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();

        ChargeStatus done = service.cancelAndWait(WAIT);

        assertThat(done.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(gateway.calls("expire")).extracting(ScriptedCheckoutGateway.Call::argument)
                .containsExactly(awaiting.sessionId());
        assertThat(gateway.session(awaiting.sessionId()).isExpired()).isTrue();
        assertThat(journaled(done).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(journal.history(done.saleId())).extracting(StateChange::to)
                .containsSubsequence(SaleState.CANCELLING, SaleState.CANCELLED);
        assertThat(service.hasOpenSession()).isFalse();
    }

    @Test
    void cancelRacingAPaymentEndsPaidAndTellsTheCashier() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        gateway.beforeExpire(id -> gateway.pay(id, "amazon_pay"));

        service.cancel();
        ChargeStatus paid = awaitPhase(Phase.PAID);

        assertThat(English.text(paid.message())).contains("money was taken");
        assertThat(paid.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(journaled(paid).state()).isEqualTo(SaleState.PAID);
        assertThat(journal.history(paid.saleId())).extracting(StateChange::to)
                .containsSubsequence(SaleState.CANCELLING, SaleState.PAID)
                .doesNotContain(SaleState.CANCELLED);
        assertThat(gateway.calls()).extracting(ScriptedCheckoutGateway.Call::operation).endsWith("expire", "retrieve");
        assertThat(awaiting.sessionId()).isEqualTo(paid.sessionId());
    }

    @Test
    void cancelWithTheNetworkDownStaysCancellingAndKeepsTrying() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        gateway.failNext("expire", network(), network(), network());

        service.cancel();
        ChargeStatus cancelling = await(s -> s.phase() == Phase.CANCELLING && English.text(s.message()) != null);
        assertThat(English.text(cancelling.message())).contains("still trying to cancel");
        assertThat(journaled(cancelling).state()).isEqualTo(SaleState.CANCELLING);
        assertThat(service.hasOpenSession()).as("the cart is not free yet").isTrue();

        ChargeStatus cancelled = awaitPhase(Phase.CANCELLED);
        assertThat(gateway.calls("expire")).hasSize(4);
        assertThat(journaled(cancelled).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(gateway.session(awaiting.sessionId()).isExpired()).isTrue();
    }

    @Test
    void cancelWhileTheCreateIsRetryingExpiresTheSessionOnceItIsKnown() throws Exception {
        gateway.failNext("create", network(), network(), network(), network());

        service.start(USD, CART);
        await(s -> s.phase() == Phase.FAILED || gateway.calls("create").size() >= 1);
        service.cancel();
        ChargeStatus cancelled = awaitPhase(Phase.CANCELLED);

        assertThat(gateway.sessionCount()).isEqualTo(1);
        assertThat(gateway.session(gateway.onlySessionId()).isExpired()).isTrue();
        assertThat(journaled(cancelled).state()).isEqualTo(SaleState.CANCELLED);
    }

    @Test
    void backToTheCartAfterExpiryClosesTheSaleAsCancelled() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();
        gateway.expireByTime(awaiting.sessionId());
        awaitPhase(Phase.EXPIRED);

        service.cancel();
        ChargeStatus cancelled = awaitPhase(Phase.CANCELLED);

        assertThat(journaled(cancelled).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(gateway.calls("expire")).isEmpty();
    }

    @Test
    void secondSaleIsRefusedWhileOneIsOpen() throws Exception {
        chargeUntilAwaiting();

        assertThatThrownBy(() -> service.start(USD, CART)).isInstanceOf(IllegalStateException.class);
        assertThat(gateway.sessionCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------ resume after a restart

    /** A sale as a crashed run left it: journaled and, if {@code created}, its create reached Stripe. */
    private Sale crashedWhileCharging(boolean created) throws GatewayException {
        String saleId = "S-20261129-0400-CRASH1";
        Clock earlier = Clock.fixed(NOW.minusSeconds(90), ZoneOffset.UTC);
        CheckoutRequest request = new CheckoutRequestFactory(settings, earlier).build(saleId, 1, USD, CART, false);
        Sale sale = journal.begin(saleId, "till-1", USD, CART, request.idempotencyKey());
        if (created) {
            gateway.create(request);
        }
        return sale;
    }

    @Test
    void resumeOfAChargeThatNeverReachedStripeReplaysTheCreateWithTheSameKey() throws Exception {
        Sale sale = crashedWhileCharging(false);

        service.resume(sale);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(gateway.calls("create")).extracting(ScriptedCheckoutGateway.Call::argument)
                .containsExactly(sale.idempotencyKey());
        assertThat(awaiting.saleId()).isEqualTo(sale.id());
        assertThat(journaled(awaiting).sessionId()).isEqualTo(awaiting.sessionId());
    }

    @Test
    void resumeOfAChargeWhoseSessionExistsFindsItAndMakesNoSecond() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String existing = gateway.onlySessionId();

        service.resume(sale);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(awaiting.sessionId()).isEqualTo(existing);
        assertThat(gateway.sessionCount()).isEqualTo(1);
        assertThat(gateway.calls("find")).hasSize(1);
        assertThat(journaled(awaiting).sessionId()).isEqualTo(existing);
    }

    /** A sale as the real flow leaves it when killed after journaling: its request derived from the journal. */
    private Sale killedAfterJournaling(boolean createReachedStripe) throws GatewayException {
        String saleId = "S-20261129-0427-KILL01";
        Sale sale = journal.begin(saleId, "till-1", USD, CART, IdempotencyKeys.forAttempt(saleId, 1));
        if (createReachedStripe) {
            gateway.create(new CheckoutRequestFactory(settings, clock).build(saleId, 1, sale.idempotencyKey(), USD,
                    CART, false, sale.attemptStartedAt()));
        }
        return sale;
    }

    @Test
    void replayAfterARestartIsByteIdenticalSoStripeAnswersWithTheSameSession() throws Exception {
        Sale sale = killedAfterJournaling(true);
        CheckoutRequest before = gateway.calls("create").get(0).request();
        String existing = gateway.onlySessionId();

        service.resume(sale);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(awaiting.sessionId()).isEqualTo(existing);
        assertThat(gateway.calls("create")).hasSize(2);
        assertThat(gateway.calls("create").get(1).request()).isEqualTo(before);
        assertThat(gateway.calls("find")).as("no fallback needed").isEmpty();
        assertThat(gateway.sessionCount()).isEqualTo(1);
    }

    @Test
    void replayedCreateOfASessionPaidWhileTheAppWasDownEndsPaidWithoutShowingTheQr() throws Exception {
        Sale sale = killedAfterJournaling(true);
        gateway.pay(gateway.onlySessionId(), "amazon_pay");

        service.resume(sale);
        ChargeStatus paid = awaitPhase(Phase.PAID);

        assertThat(published).extracting(ChargeStatus::phase).doesNotContain(Phase.AWAITING_PAYMENT);
        assertThat(paid.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(journal.history(sale.id())).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void attemptTooOldToReplayIsLookedUpBeforeAnyCreate() throws Exception {
        Sale sale = killedAfterJournaling(true);
        String existing = gateway.onlySessionId();
        service.shutdown();
        service = new ChargeService(gateway, journal, settings, Clock.offset(clock, Duration.ofMinutes(10)));

        service.resume(sale);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(awaiting.sessionId()).isEqualTo(existing);
        assertThat(gateway.calls("find")).hasSize(1);
        assertThat(gateway.calls("create")).as("only the one before the crash").hasSize(1);
    }

    @Test
    void attemptTooOldThatNeverReachedStripeIsSentWithAFreshExpiryUnderItsKey() throws Exception {
        Sale sale = killedAfterJournaling(false);
        service.shutdown();
        service = new ChargeService(gateway, journal, settings, Clock.offset(clock, Duration.ofMinutes(10)));

        service.resume(sale);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(gateway.calls().stream().map(ScriptedCheckoutGateway.Call::operation).toList())
                .startsWith("find", "create");
        CheckoutRequest sent = gateway.calls("create").get(0).request();
        assertThat(sent.idempotencyKey()).isEqualTo(sale.idempotencyKey());
        assertThat(sent.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(45)));
        assertThat(journaled(awaiting).sessionId()).isEqualTo(gateway.onlySessionId());
    }

    @Test
    void lookupIgnoresTheSessionOfAnEarlierAttempt() throws Exception {
        ChargeStatus first = chargeUntilAwaiting();
        gateway.expireByTime(first.sessionId());
        awaitPhase(Phase.EXPIRED);
        service.shutdown();
        Sale expired = journaled(first);
        String key = IdempotencyKeys.forAttempt(expired.id(), 2);
        Sale second = journal.newAttempt(expired.id(), key);
        service = new ChargeService(gateway, journal, settings, Clock.offset(clock, Duration.ofMinutes(10)));

        service.resume(second);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(awaiting.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(awaiting.attempt()).isEqualTo(2);
        assertThat(gateway.sessionCount()).isEqualTo(2);
    }

    @Test
    void resumeOfAnOpenSessionPutsTheQrBackAndPollsToPaid() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String sessionId = gateway.onlySessionId();
        sale = journal.recordSession(sale.id(), sessionId, NOW.plusSeconds(1800));

        service.resume(sale);
        ChargeStatus awaiting = awaitPhase(Phase.AWAITING_PAYMENT);
        assertThat(awaiting.url()).isEqualTo(ScriptedCheckoutGateway.urlOf(sessionId));

        gateway.pay(sessionId, "card");
        awaitPhase(Phase.PAID);
        assertThat(journal.find(sale.id()).orElseThrow().state()).isEqualTo(SaleState.PAID);
        assertThat(gateway.calls("create")).as("only the one before the crash").hasSize(1);
    }

    @Test
    void resumeOfASalePaidWhileTheAppWasDownRecordsItPaidOnce() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String sessionId = gateway.onlySessionId();
        sale = journal.recordSession(sale.id(), sessionId, NOW.plusSeconds(1800));
        gateway.pay(sessionId, "amazon_pay");

        service.resume(sale);
        awaitPhase(Phase.PAID);
        service.shutdown();
        service = newService();
        service.resume(journal.find(sale.id()).orElseThrow());
        awaitPhase(Phase.PAID);

        assertThat(journal.history(sale.id())).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
        assertThat(journal.find(sale.id()).orElseThrow().paymentMethod()).isEqualTo("amazon_pay");
    }

    @Test
    void resumeOfASessionThatExpiredWhileTheAppWasDownEndsExpired() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String sessionId = gateway.onlySessionId();
        sale = journal.recordSession(sale.id(), sessionId, NOW.plusSeconds(1800));
        gateway.expireByTime(sessionId);

        service.resume(sale);
        awaitPhase(Phase.EXPIRED);

        assertThat(journal.find(sale.id()).orElseThrow().state()).isEqualTo(SaleState.EXPIRED);
    }

    @Test
    void resumeOfACancelFinishesTheExpire() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String sessionId = gateway.onlySessionId();
        journal.recordSession(sale.id(), sessionId, NOW.plusSeconds(1800));
        sale = journal.transition(sale.id(), SaleState.CANCELLING, "cancelled by cashier");

        service.resume(sale);
        awaitPhase(Phase.CANCELLED);

        assertThat(gateway.calls("expire")).extracting(ScriptedCheckoutGateway.Call::argument)
                .containsExactly(sessionId);
        assertThat(journal.find(sale.id()).orElseThrow().state()).isEqualTo(SaleState.CANCELLED);
    }

    @Test
    void resumeOfACancelWhoseCustomerPaidEndsPaid() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String sessionId = gateway.onlySessionId();
        journal.recordSession(sale.id(), sessionId, NOW.plusSeconds(1800));
        sale = journal.transition(sale.id(), SaleState.CANCELLING, "cancelled by cashier");
        gateway.pay(sessionId, "card");

        service.resume(sale);
        ChargeStatus paid = awaitPhase(Phase.PAID);

        assertThat(English.text(paid.message())).contains("money was taken");
        assertThat(journal.find(sale.id()).orElseThrow().state()).isEqualTo(SaleState.PAID);
    }

    @Test
    void resumeOfAnExpiredSaleOffersANewAttempt() throws Exception {
        Sale sale = crashedWhileCharging(true);
        String sessionId = gateway.onlySessionId();
        journal.recordSession(sale.id(), sessionId, NOW.plusSeconds(1800));
        gateway.expireByTime(sessionId);
        sale = journal.transition(sale.id(), SaleState.EXPIRED, "expired");

        service.resume(sale);
        awaitPhase(Phase.EXPIRED);
        service.newAttempt();
        ChargeStatus second = awaitPhase(Phase.AWAITING_PAYMENT);

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(gateway.calls("create")).extracting(ScriptedCheckoutGateway.Call::argument)
                .containsExactly(sale.idempotencyKey(), "scantill-" + sale.id() + "-a2");
    }

    // ------------------------------------------------------------ closing

    @Test
    void shutdownLeavesTheOpenSaleJournaledForTheNextStart() throws Exception {
        ChargeStatus awaiting = chargeUntilAwaiting();

        service.shutdown();

        Sale sale = journaled(awaiting);
        assertThat(sale.state()).isEqualTo(SaleState.AWAITING_PAYMENT);
        assertThat(journal.unfinished()).extracting(Sale::id).containsExactly(awaiting.saleId());
        assertThatThrownBy(() -> service.cancel()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statusesArePublishedInTheOrderTheyHappened() throws Exception {
        List<Phase> phases = new ArrayList<>();
        service.addListener(s -> phases.add(s.phase()));
        ChargeStatus awaiting = chargeUntilAwaiting();
        service.cancelAndWait(WAIT);

        assertThat(phases).containsExactly(Phase.CREATING, Phase.AWAITING_PAYMENT, Phase.CANCELLING, Phase.CANCELLED);
        assertThat(Set.copyOf(published)).allMatch(s -> s.saleId().equals(awaiting.saleId()));
    }
}
