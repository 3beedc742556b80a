package app.scantill.checkout;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.SandboxSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charge flow end to end with the real pieces: {@link ChargeService} over
 * {@link StripeCheckoutGateway} (stripe-java) against the embedded sandbox, journaled in SQLite.
 * Assertions read what the sandbox received and what the journal holds; waits are condition waits.
 */
public class ChargeFlowSandboxTest {

    static final Currency USD = Currency.getInstance("USD");
    public static final List<SaleLine> THREE_PRODUCTS = List.of(
            new SaleLine("SKU-FLAT", "Flat white", 450, 2),
            new SaleLine("SKU-CROIS", "Almond croissant", 375, 1),
            new SaleLine("SKU-BEANS", "Beans 250 g & more", 2850, 3));
    static final long THREE_PRODUCTS_TOTAL = 450 * 2 + 375 + 2850 * 3;

    private static final String SESSION_PATH = "/v1/checkout/sessions/[^/]+";
    private static final String CREATE_PATH = "/v1/checkout/sessions";
    private static final String EXPIRE_PATH = "/v1/checkout/sessions/[^/]+/expire";

    @TempDir
    Path dir;

    private SandboxTill till;
    private final SandboxCustomer customer = new SandboxCustomer();

    @AfterEach
    void closeTill() {
        if (till != null) {
            till.close();
        }
    }

    private ChargeStatus chargeAndAwaitQr(Currency currency, List<SaleLine> lines) throws InterruptedException {
        till.service().start(currency, lines);
        ChargeStatus open = till.awaitPhase(Phase.AWAITING_PAYMENT);
        assertThat(open.phase()).as("the QR code is up; statuses: %s", till.statuses()).isEqualTo(Phase.AWAITING_PAYMENT);
        return open;
    }

    private ChargeStatus awaitFinal() throws InterruptedException {
        return till.await(s -> !s.sessionMayBeOpen() && s.phase() != Phase.CONNECTION_LOST);
    }

    // ---------------------------------------------------------------- the request

    @Test
    void threeProductCartReachesStripeWithEveryParameterExactly() throws Exception {
        till = SandboxTill.in(dir).start();

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        String saleId = open.saleId();
        List<RecordedRequest> creates = till.creates();
        assertThat(creates).hasSize(1);
        RecordedRequest create = creates.get(0);
        Map<String, String> p = create.params().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        String success = till.sandbox().defaultSuccessUrl();
        assertThat(p).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("mode", "payment"),
                Map.entry("payment_method_types[0]", "card"),
                Map.entry("payment_method_types[1]", "amazon_pay"),
                Map.entry("line_items[0][price_data][currency]", "usd"),
                Map.entry("line_items[0][price_data][unit_amount]", "450"),
                Map.entry("line_items[0][price_data][product_data][name]", "Flat white"),
                Map.entry("line_items[0][quantity]", "2"),
                Map.entry("line_items[1][price_data][currency]", "usd"),
                Map.entry("line_items[1][price_data][unit_amount]", "375"),
                Map.entry("line_items[1][price_data][product_data][name]", "Almond croissant"),
                Map.entry("line_items[1][quantity]", "1"),
                Map.entry("line_items[2][price_data][currency]", "usd"),
                Map.entry("line_items[2][price_data][unit_amount]", "2850"),
                Map.entry("line_items[2][price_data][product_data][name]", "Beans 250 g & more"),
                Map.entry("line_items[2][quantity]", "3"),
                Map.entry("success_url", success),
                Map.entry("cancel_url", till.sandbox().publicBase() + "/c/cancelled"),
                Map.entry("client_reference_id", saleId),
                Map.entry("metadata[sale_id]", saleId),
                Map.entry("metadata[register_id]", SandboxTill.REGISTER),
                Map.entry("metadata[cart_hash]", CheckoutRequestFactory.cartHash(USD, THREE_PRODUCTS)),
                Map.entry("metadata[attempt]", "1"),
                Map.entry("expires_at", p.get("expires_at")),
                Map.entry("payment_intent_data[description]",
                        "ScanTill register " + SandboxTill.REGISTER + ", sale " + saleId)));
        assertThat(success).contains("{CHECKOUT_SESSION_ID}");
        assertThat(p.get("metadata[cart_hash]")).matches("[0-9a-f]{16}");

        // expires_at: the attempt's journaled start, rounded up to the second, + 30 minutes + the
        // 5-minute replay window (ADR 0050, 0060); Stripe's `created` is in whole seconds, rounded down.
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(p.get("expires_at")));
        SandboxSession session = till.sandbox().session(open.sessionId()).orElseThrow();
        assertThat(Duration.between(session.created(), expiresAt))
                .isGreaterThan(Duration.ofMinutes(34))
                .isLessThanOrEqualTo(Duration.ofMinutes(35).plusSeconds(1));
        assertThat(open.expiresAt()).isEqualTo(expiresAt);

        String key = create.idempotencyKey().orElseThrow();
        assertThat(key).isEqualTo(IdempotencyKeys.forAttempt(saleId, 1));
        Sale sale = till.sale(saleId);
        assertThat(sale.idempotencyKey()).isEqualTo(key);
        assertThat(sale.state()).isEqualTo(SaleState.AWAITING_PAYMENT);
        assertThat(sale.sessionId()).isEqualTo(session.id());
        assertThat(session.amountTotal().minorUnits()).isEqualTo(THREE_PRODUCTS_TOTAL);
        assertThat(open.url()).isEqualTo(session.url());
    }

    @Test
    void cardOnlyCurrencyOffersCardAloneAndIsPaidByCard() throws Exception {
        till = SandboxTill.in(dir).start();
        Currency cad = Currency.getInstance("CAD");

        ChargeStatus open = chargeAndAwaitQr(cad, THREE_PRODUCTS);

        assertThat(open.cardOnly()).isTrue();
        RecordedRequest create = till.creates().get(0);
        assertThat(create.param("payment_method_types[0]")).contains("card");
        assertThat(create.param("payment_method_types[1]")).isEmpty();
        assertThat(create.param("line_items[0][price_data][currency]")).contains("cad");
        SandboxCustomer.Outcome shown = customer.pay(open.url(), "card");
        assertThat(shown.payPage()).doesNotContain("Pay with Amazon Pay");

        ChargeStatus paid = till.awaitPhase(Phase.PAID);
        assertThat(paid.paymentMethod()).isEqualTo("card");
        assertThat(till.sale(open.saleId()).paymentMethod()).isEqualTo("card");
    }

    // ---------------------------------------------------------------- outcomes

    @Test
    void customerPaysWithAmazonPayOnThePayPageAndTheJournalHoldsThePayment() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        SandboxCustomer.Outcome outcome = customer.pay(open.url(), "amazon_pay");

        assertThat(outcome.payPageStatus()).isEqualTo(200);
        assertThat(outcome.payPage()).contains("Pay with Amazon Pay", "Pay by card", "$98.25");
        assertThat(outcome.submitStatus()).isEqualTo(303);
        assertThat(outcome.redirectedTo()).isEqualTo(till.sandbox().defaultSuccessUrl()
                .replace("{CHECKOUT_SESSION_ID}", open.sessionId()));
        ChargeStatus paid = till.awaitPhase(Phase.PAID);
        assertThat(paid.phase()).isEqualTo(Phase.PAID);
        assertThat(paid.paymentMethod()).isEqualTo("amazon_pay");
        SandboxSession session = till.sandbox().session(open.sessionId()).orElseThrow();
        Sale sale = till.sale(open.saleId());
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(sale.paymentIntentId()).startsWith("pi_").isEqualTo(session.paymentIntentId());
        assertThat(sale.totalMinor()).isEqualTo(THREE_PRODUCTS_TOTAL);
    }

    @Test
    void expiryOnTheSandboxClockEndsExpiredAndANewQrCodeIsANewSessionWithANewKey() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus first = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        till.sandbox().clock().advance(Duration.ofMinutes(36));

        ChargeStatus expired = till.awaitPhase(Phase.EXPIRED);
        assertThat(expired.phase()).isEqualTo(Phase.EXPIRED);
        assertThat(till.sale(first.saleId()).state()).isEqualTo(SaleState.EXPIRED);

        till.service().newAttempt();
        ChargeStatus second = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT && s.attempt() == 2);
        assertThat(second.attempt()).as("statuses %s", till.statuses()).isEqualTo(2);
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(second.saleId()).isEqualTo(first.saleId());
        List<RecordedRequest> creates = till.creates();
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).idempotencyKey()).contains(IdempotencyKeys.forAttempt(first.saleId(), 1));
        assertThat(creates.get(1).idempotencyKey()).contains(IdempotencyKeys.forAttempt(first.saleId(), 2));
        assertThat(creates.get(1).param("metadata[attempt]")).contains("2");
        assertThat(till.sandbox().sessions()).hasSize(2);
        Sale sale = till.sale(first.saleId());
        assertThat(sale.attempt()).isEqualTo(2);
        assertThat(sale.sessionId()).isEqualTo(second.sessionId());

        customer.pay(second.url(), "amazon_pay");
        assertThat(till.awaitPhase(Phase.PAID).sessionId()).isEqualTo(second.sessionId());
        assertThat(till.sale(first.saleId()).state()).isEqualTo(SaleState.PAID);
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancelBeforePaymentExpiresTheSessionOnStripeAndJournalsCancelled() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        till.service().cancel();

        ChargeStatus cancelled = till.awaitPhase(Phase.CANCELLED);
        assertThat(cancelled.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(till.sandbox().session(open.sessionId()).orElseThrow().status()).isEqualTo("expired");
        assertThat(till.requests("POST", EXPIRE_PATH)).hasSize(1);
        Sale sale = till.sale(open.saleId());
        assertThat(sale.state()).isEqualTo(SaleState.CANCELLED);
        assertThat(sale.paymentIntentId()).isNull();
        // The customer's page now refuses payment.
        String late = customer.open(open.url());
        assertThat(late).doesNotContain("Pay with Amazon Pay").doesNotContain("Pay by card");
    }

    @Test
    void cancelRacingAPaymentEndsPaidAndTellsTheCashierTheMoneyWasTaken() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);
        // The expire call is held up on its way to Stripe; the customer pays meanwhile.
        till.sandbox().faults().inject(Fault.delay(Duration.ofMillis(600)), 1, "POST", EXPIRE_PATH);

        till.service().cancel();
        assertThat(Conditions.eventually(() -> !till.requests("POST", EXPIRE_PATH).isEmpty(), Duration.ofSeconds(5)))
                .isTrue();
        customer.pay(open.url(), "amazon_pay");

        ChargeStatus end = awaitFinal();
        assertThat(end.phase()).as("statuses %s", till.statuses()).isEqualTo(Phase.PAID);
        assertThat(till.saw(Phase.CANCELLING)).isTrue();
        assertThat(English.text(end.message())).contains("the money was taken");
        assertThat(end.paymentMethod()).isEqualTo("amazon_pay");
        Sale sale = till.sale(open.saleId());
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentIntentId()).isEqualTo(
                till.sandbox().session(open.sessionId()).orElseThrow().paymentIntentId());
    }

    // ---------------------------------------------------------------- create failures

    @Test
    void createFailingWith500ThenSucceedingMakesOneSessionUnderOneKey() throws Exception {
        till = SandboxTill.in(dir).start();
        till.sandbox().faults().inject(Fault.serverError(), 1, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertOneSessionUnderOneKey(open, 2);
    }

    @Test
    void createFailingWith500IsRetriedBySdkAndFlowUnderTheSameKey() throws Exception {
        till = SandboxTill.in(dir).sdkRetries(1).start();
        // Two 500s: the SDK's own retry meets the second, the flow's retry gets through.
        till.sandbox().faults().inject(Fault.serverError(503), 2, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertOneSessionUnderOneKey(open, 3);
    }

    @Test
    void readTimeoutOnCreateWhileStripeStillCreatesMakesOneSession() throws Exception {
        till = SandboxTill.in(dir).readTimeout(Duration.ofMillis(300)).createTries(8).start();
        till.sandbox().faults().inject(Fault.delay(Duration.ofMillis(900)), 1, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertThat(till.sandbox().sessions()).hasSize(1);
        assertThat(till.creates()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(till.creates()).allSatisfy(r ->
                assertThat(r.idempotencyKey()).contains(IdempotencyKeys.forAttempt(open.saleId(), 1)));
        assertThat(till.sale(open.saleId()).sessionId()).isEqualTo(till.sandbox().sessions().get(0).id());
        customer.pay(open.url(), "amazon_pay");
        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);
    }

    @Test
    void createThatReachesStripeSecondsLateIsStillInsideTheExpiryWindow() throws Exception {
        till = SandboxTill.in(dir).start();
        // Stripe measures 30 minutes from when it processes the create, not from when the till built it.
        till.sandbox().faults().inject(Fault.delay(Duration.ofMillis(1_500)), 1, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertThat(till.creates()).hasSize(1);
        SandboxSession session = till.sandbox().session(open.sessionId()).orElseThrow();
        assertThat(Duration.between(session.created(), session.expiresAt()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void connectionDroppedAfterStripeCreatedTheSessionIsResentUnderTheSameKey() throws Exception {
        till = SandboxTill.in(dir).start();
        // HttpURLConnection resends once by itself when a connection closes without an answer: two
        // drops reach the flow, which retries too. The key makes every resend a replay.
        till.sandbox().faults().inject(Fault.dropConnectionAfterProcessing(), 2, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertOneSessionUnderOneKey(open, 3);
    }

    @Test
    void connectionDroppedBeforeStripeAnsweredIsResentUnderTheSameKey() throws Exception {
        till = SandboxTill.in(dir).start();
        till.sandbox().faults().inject(Fault.dropConnection(), 1, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertOneSessionUnderOneKey(open, 2);
    }

    private void assertOneSessionUnderOneKey(ChargeStatus open, int creates) throws Exception {
        assertThat(till.sandbox().sessions()).hasSize(1);
        assertThat(till.creates()).hasSize(creates);
        assertThat(till.creates()).allSatisfy(r ->
                assertThat(r.idempotencyKey()).contains(IdempotencyKeys.forAttempt(open.saleId(), 1)));
        assertThat(till.sale(open.saleId()).sessionId()).isEqualTo(till.sandbox().sessions().get(0).id());
        customer.pay(open.url(), "amazon_pay");
        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);
        assertThat(till.sale(open.saleId()).state()).isEqualTo(SaleState.PAID);
    }

    // ---------------------------------------------------------------- polling failures

    @Test
    void rateLimitWithoutRetryAfterDuringPollingShowsConnectionLostAndStillEndsPaid() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);
        till.sandbox().faults().inject(Fault.rateLimited(), 3, "GET", SESSION_PATH);

        assertThat(Conditions.eventually(() -> till.saw(Phase.CONNECTION_LOST), Duration.ofSeconds(5))).isTrue();
        assertThat(till.statuses().stream().filter(s -> s.phase() == Phase.CONNECTION_LOST).findFirst().orElseThrow())
                .satisfies(lost -> {
                    assertThat(lost.url()).as("the QR code stays up").isEqualTo(open.url());
                    assertThat(English.text(lost.message())).contains("Connection lost");
                });
        customer.pay(open.url(), "amazon_pay");

        assertThat(till.awaitPhase(Phase.PAID).paymentMethod()).isEqualTo("amazon_pay");
        assertThat(till.sandbox().faults().pending()).isZero();
        assertBackedOff(till.requests("GET", SESSION_PATH), Duration.ofMillis(50));
        assertThat(till.sale(open.saleId()).state()).isEqualTo(SaleState.PAID);
    }

    @Test
    void rateLimitWithRetryAfterWaitsAtLeastThatLongAndStillEndsPaid() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);
        till.sandbox().faults().inject(Fault.rateLimited(false, Duration.ofSeconds(1)), 1, "GET", SESSION_PATH);

        assertThat(Conditions.eventually(() -> till.saw(Phase.CONNECTION_LOST), Duration.ofSeconds(5))).isTrue();
        customer.pay(open.url(), "amazon_pay");

        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);
        // One poll got the 429; the next one came no sooner than Retry-After allowed (every other gap
        // is the 50 ms poll interval, so the longest gap is the one after the 429).
        List<RecordedRequest> polls = till.requests("GET", SESSION_PATH);
        Duration longest = Duration.ZERO;
        for (int i = 1; i < polls.size(); i++) {
            Duration gap = Duration.between(polls.get(i - 1).receivedAt(), polls.get(i).receivedAt());
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        assertThat(longest).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    /** After the first refused poll, the gaps between polls grow (doubling from the poll interval). */
    private static void assertBackedOff(List<RecordedRequest> polls, Duration interval) {
        assertThat(polls.size()).isGreaterThanOrEqualTo(4);
        // Polls are recorded in order; find three consecutive refused ones by their spacing: the wait
        // after the third 429 is at least four poll intervals.
        Duration longest = Duration.ZERO;
        for (int i = 1; i < polls.size(); i++) {
            Duration gap = Duration.between(polls.get(i - 1).receivedAt(), polls.get(i).receivedAt());
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
        }
        assertThat(longest).isGreaterThanOrEqualTo(interval.multipliedBy(4));
    }

    @Test
    void networkRefusedDuringPollingShowsConnectionLostThenRecoversToPaid() throws Exception {
        Path sandboxFile = dir.resolve("sandbox.json");
        till = SandboxTill.in(dir).sandbox(SandboxOptions.persistentAt(sandboxFile)).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);
        int port = till.sandbox().port();

        till.stopSandbox();
        ChargeStatus lost = till.awaitPhase(Phase.CONNECTION_LOST);
        assertThat(lost.phase()).isEqualTo(Phase.CONNECTION_LOST);
        assertThat(lost.url()).isEqualTo(open.url());
        assertThat(till.sale(open.saleId()).state()).isEqualTo(SaleState.AWAITING_PAYMENT);

        till.restartSandbox(SandboxOptions.persistentAt(sandboxFile).withPort(port));
        assertThat(till.sandbox().session(open.sessionId())).isPresent();
        customer.pay(open.url(), "amazon_pay");

        ChargeStatus paid = till.awaitPhase(Phase.PAID);
        assertThat(paid.phase()).isEqualTo(Phase.PAID);
        assertThat(till.sale(open.saleId()).state()).isEqualTo(SaleState.PAID);
        assertThat(till.sandbox().sessions()).hasSize(1);
    }

    // ---------------------------------------------------------------- unreadable answers

    @Test
    void wrongObjectTypeOnCreateIsRetriedAndMakesNoSecondSession() throws Exception {
        unreadableCreateAnswer(Fault.wrongObjectType());
    }

    @Test
    void truncatedJsonOnCreateIsRetriedAndMakesNoSecondSession() throws Exception {
        unreadableCreateAnswer(Fault.truncatedJson());
    }

    @Test
    void htmlErrorPageOnCreateIsRetriedAndMakesNoSecondSession() throws Exception {
        unreadableCreateAnswer(Fault.htmlErrorPage(502));
    }

    private void unreadableCreateAnswer(Fault fault) throws Exception {
        till = SandboxTill.in(dir).start();
        till.sandbox().faults().inject(fault, 1, "POST", CREATE_PATH);

        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);

        assertOneSessionUnderOneKey(open, 2);
    }

    @Test
    void unreadableAnswersWhilePollingKeepWaitingAndEndPaid() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);
        till.sandbox().faults().inject(Fault.wrongObjectType(), 1, "GET", SESSION_PATH);
        till.sandbox().faults().inject(Fault.truncatedJson(), 1, "GET", SESSION_PATH);
        till.sandbox().faults().inject(Fault.htmlErrorPage(502), 1, "GET", SESSION_PATH);

        assertThat(Conditions.eventually(() -> till.sandbox().faults().pending() == 0, Duration.ofSeconds(5)))
                .isTrue();
        assertThat(till.saw(Phase.CONNECTION_LOST)).isTrue();
        assertThat(till.saw(Phase.NEEDS_ATTENTION)).isFalse();
        customer.pay(open.url(), "amazon_pay");

        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);
        assertThat(till.sandbox().sessions()).hasSize(1);
        assertThat(till.creates()).hasSize(1);
    }

    @Test
    void unreadableAnswersToTheCancelStillEndCancelled() throws Exception {
        till = SandboxTill.in(dir).start();
        ChargeStatus open = chargeAndAwaitQr(USD, THREE_PRODUCTS);
        // The first expire runs but its answer is of the wrong type; the second is a proxy's page.
        till.sandbox().faults().inject(Fault.wrongObjectType(), 1, "POST", EXPIRE_PATH);
        till.sandbox().faults().inject(Fault.htmlErrorPage(502), 1, "GET", SESSION_PATH);

        till.service().cancel();

        ChargeStatus end = awaitFinal();
        assertThat(end.phase()).as("statuses %s", till.statuses()).isEqualTo(Phase.CANCELLED);
        assertThat(till.sandbox().session(open.sessionId()).orElseThrow().status()).isEqualTo("expired");
        assertThat(till.sale(open.saleId()).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(till.sandbox().sessions()).hasSize(1);
    }
}
