package app.scantill.checkout;

import app.scantill.checkout.SessionSnapshot.PaymentStatus;
import app.scantill.checkout.SessionSnapshot.Status;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Sales, sessions and requests as the charge flow meets them, for tests of single transitions. */
final class FlowFixtures {

    static final Instant NOW = Instant.parse("2026-11-29T04:27:13Z");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency CAD = Currency.getInstance("CAD");
    static final List<SaleLine> CART = List.of(
            new SaleLine("SKU-COFFEE", "Coffee beans 250 g", 1250, 2),
            new SaleLine("SKU-MUG", "Mug, blue", 899, 1));
    static final long CART_TOTAL = 1250 * 2 + 899;
    static final String SALE_ID = "S-20261129-0427-K3F9QX";
    static final String SESSION_ID = "cs_test_a10001B7xQ9zLmN3pR5tV8wY2";
    static final String KEY = "scantill-" + SALE_ID + "-a1";
    /** 30 minutes of life plus the 5-minute replay window (ADR 0060), counted from the attempt's start. */
    static final Instant EXPIRES_AT = NOW.plus(Duration.ofMinutes(35));

    /** One-second polls backing off to 30 s; four create tries from 0.5 s. */
    static final ChargeSettings SETTINGS = ChargeSettings.defaults("till-1",
            "https://till.example/paid?session={CHECKOUT_SESSION_ID}", "https://till.example/back");
    static final CheckoutRequestFactory REQUESTS = new CheckoutRequestFactory(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

    private FlowFixtures() {
    }

    /** The flow of a register whose store's watcher reports Stripe's events (slow fallback polling). */
    static ChargeFlow watchedFlow() {
        return new ChargeFlow(SETTINGS, REQUESTS, GatewayErrorMessages.byKind(), ChargeFlow.Pace.WATCHED);
    }

    static ChargeFlow flow() {
        return new ChargeFlow(SETTINGS, REQUESTS, GatewayErrorMessages.byKind());
    }

    // ------------------------------------------------------------ sales

    /** The sale of attempt 1 as the journal holds it in {@code state}; with a session once it has one. */
    static Sale sale(SaleState state) {
        boolean hasSession = state != SaleState.CHARGING;
        return sale(state, USD, KEY, hasSession ? SESSION_ID : null);
    }

    static Sale sale(SaleState state, Currency currency, String key, String sessionId) {
        return new Sale(SALE_ID, "till-1", NOW, currency, CART, CART_TOTAL, state, attemptOf(key), key, sessionId,
                sessionId != null ? EXPIRES_AT : null, state == SaleState.PAID ? "pi_1" : null,
                state == SaleState.PAID ? "amazon_pay" : null, NOW, NOW);
    }

    /** The same sale, moved to {@code state} by the journal. */
    static Sale moved(Sale sale, SaleState state) {
        return new Sale(sale.id(), sale.registerId(), sale.createdAt(), sale.currency(), sale.lines(),
                sale.totalMinor(), state, sale.attempt(), sale.idempotencyKey(), sale.sessionId(),
                sale.sessionExpiresAt(), sale.paymentIntentId(), sale.paymentMethod(), NOW, sale.attemptStartedAt());
    }

    /** The sale once its session is journaled. */
    static Sale withSession(Sale sale, SessionSnapshot session) {
        return new Sale(sale.id(), sale.registerId(), sale.createdAt(), sale.currency(), sale.lines(),
                sale.totalMinor(), SaleState.AWAITING_PAYMENT, sale.attempt(), sale.idempotencyKey(), session.id(),
                session.expiresAt(), null, null, NOW, sale.attemptStartedAt());
    }

    private static int attemptOf(String key) {
        String bare = key.replaceAll("-lang-.*$", "");
        String tail = bare.substring(bare.lastIndexOf("-a") + 2).replace("-card", "");
        return Integer.parseInt(tail);
    }

    // ------------------------------------------------------------ attempts

    /** The request of the sale's attempt, exactly as the flow builds it from the journal. */
    static CheckoutRequest request(Sale sale) {
        return REQUESTS.build(sale.id(), sale.attempt(), sale.idempotencyKey(), sale.currency(), sale.lines(),
                IdempotencyKeys.isCardOnlyChoice(sale.idempotencyKey()), sale.attemptStartedAt());
    }

    /** The attempt of a CHARGING sale, sent {@code tries} times. */
    static CreateAttempt attempt(int tries) {
        Sale sale = sale(SaleState.CHARGING);
        return new CreateAttempt(sale, request(sale), tries, false, false, 0);
    }

    // ------------------------------------------------------------ sessions

    static SessionSnapshot open() {
        return session(SESSION_ID, Status.OPEN, PaymentStatus.UNPAID, null, null, CART_TOTAL, "1");
    }

    static SessionSnapshot paid(String method) {
        return session(SESSION_ID, Status.COMPLETE, PaymentStatus.PAID, "pi_1", method, CART_TOTAL, "1");
    }

    static SessionSnapshot expired() {
        return session(SESSION_ID, Status.EXPIRED, PaymentStatus.UNPAID, null, null, CART_TOTAL, "1");
    }

    /** Complete without a payment (no_payment_required): not what ScanTill expects of a sale. */
    static SessionSnapshot completeUnpaid() {
        return session(SESSION_ID, Status.COMPLETE, PaymentStatus.NO_PAYMENT_REQUIRED, null, null, CART_TOTAL, "1");
    }

    static SessionSnapshot session(String id, Status status, PaymentStatus paymentStatus, String paymentIntent,
            String method, long amountMinor, String attempt) {
        return new SessionSnapshot(id, status, paymentStatus,
                status == Status.OPEN ? ScriptedCheckoutGateway.urlOf(id) : null, Money.of(amountMinor, USD),
                NOW, EXPIRES_AT, SALE_ID, paymentIntent, method, false, Map.of("sale_id", SALE_ID, "attempt", attempt));
    }
}
