package app.scantill.checkout;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxAccount;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.SandboxSession;
import app.scantill.till.CashierMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charge flow against a sandbox that plays Stripe as it is (docs/stripe-compatibility.md): currencies by
 * Stripe's rules, Stripe's own clock, a 5xx saved under the idempotency key, an account without Amazon Pay, the
 * account's read budget. Real stripe-java, real SQLite journal; assertions read what the sandbox received and
 * holds, and what the journal says.
 */
class StripeTermsSandboxTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency UGX = Currency.getInstance("UGX");
    private static final Currency HKD = Currency.getInstance("HKD");
    private static final List<SaleLine> COFFEE = List.of(new SaleLine("COF", "Coffee", 450, 2));
    private static final String CREATE = "/v1/checkout/sessions";
    private static final String RETRIEVE = "/v1/checkout/sessions/[^/]+";

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

    private ChargeStatus awaitQr(String why) throws InterruptedException {
        ChargeStatus open = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT || !s.sessionMayBeOpen()
                && s.phase() != Phase.CREATING);
        assertThat(open.phase()).as("%s; statuses: %s", why, till.statuses()).isEqualTo(Phase.AWAITING_PAYMENT);
        return open;
    }

    private List<SandboxSession> sessionsOf(String saleId) {
        return till.sandbox().sessions().stream().filter(s -> saleId.equals(s.clientReferenceId())).toList();
    }

    private static Instant expiresAtOf(RecordedRequest create) {
        return Instant.ofEpochSecond(Long.parseLong(create.param("expires_at").orElseThrow()));
    }

    // ---------------------------------------------------------------- 1. currencies by Stripe's rules

    @Test
    void ugxSaleSendsUnitAmountInStripesTwoDecimalFormAndIsPaidWithoutAMismatch() throws Exception {
        till = SandboxTill.in(dir).start();
        List<SaleLine> lines = List.of(new SaleLine("UG-COF", "Coffee 1 kg", 25_000, 2),
                new SaleLine("UG-MUG", "Mug", 5_000, 1));

        till.service().start(UGX, lines);
        ChargeStatus open = awaitQr("a UGX cart is charged");

        RecordedRequest create = till.creates().get(0);
        assertThat(create.param("line_items[0][price_data][currency]")).contains("ugx");
        assertThat(create.param("line_items[0][price_data][unit_amount]")).as("25,000 UGX as Stripe writes it")
                .contains("2500000");
        assertThat(create.param("line_items[1][price_data][unit_amount]")).contains("500000");
        assertThat(open.amount()).isEqualTo(Money.of(55_000, UGX));
        SandboxSession session = till.sandbox().session(open.sessionId()).orElseThrow();
        assertThat(session.amountTotal()).as("the sandbox reads its own amounts in whole shillings too")
                .isEqualTo(Money.of(55_000, UGX));

        customer.pay(open.url(), "card");
        ChargeStatus paid = till.awaitPhase(Phase.PAID);
        assertThat(paid.phase()).as("no amount mismatch: Stripe's total read back in whole shillings")
                .isEqualTo(Phase.PAID);
        assertThat(till.sale(open.saleId()).totalMinor()).isEqualTo(55_000);
    }

    @Test
    void minimumAfterConversionToTheSettlementCurrencyIsStripesToRefuseAndTheCashierHearsWhichCurrency()
            throws Exception {
        till = SandboxTill.in(dir)
                .sandbox(SandboxOptions.inMemory().withAccount(SandboxAccount.anywhere()
                        .settlingIn(HKD, Map.of("USD", "7.80"))))
                .settings(s -> s.withSettlementCurrency(Optional.of(HKD)))
                .messages(new CashierMessages(Optional.empty(), Optional.of(HKD)))
                .start();
        List<SaleLine> smallTea = List.of(new SaleLine("TEA", "Tea", 45, 1));

        // USD 0.45 is below USD's own minimum, but the account settles in HKD: only Stripe can tell.
        assertThat(till.service().check(USD, smallTea)).isEqualTo(Money.of(45, USD));
        till.service().start(USD, smallTea);
        ChargeStatus refused = till.awaitPhase(Phase.FAILED);

        assertThat(English.text(refused.message())).contains("HKD").contains("HK$4.00").contains("after conversion");
        assertThat(till.sale(refused.saleId()).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(till.sandbox().sessions()).isEmpty();

        // USD 0.60 comes to HK$4.68: above the HKD minimum.
        till.service().start(USD, List.of(new SaleLine("TEA", "Tea", 60, 1)));
        ChargeStatus open = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT);
        assertThat(open.amount()).isEqualTo(Money.of(60, USD));
    }

    // ---------------------------------------------------------------- 2. expires_at on Stripe's clock

    @Test
    void tillClockFifteenMinutesSlowStillCharges() throws Exception {
        till = SandboxTill.in(dir).tillClockOff(Duration.ofMinutes(-15)).start();

        till.service().start(USD, COFFEE);
        ChargeStatus open = awaitQr("a till 15 minutes slow");

        List<RecordedRequest> creates = till.creates();
        assertThat(creates).as("refused once on expires_at, then sent on Stripe's clock").hasSize(2);
        assertThat(creates.get(1).idempotencyKey()).isEqualTo(creates.get(0).idempotencyKey());
        SandboxSession session = till.sandbox().session(open.sessionId()).orElseThrow();
        assertThat(Duration.between(session.created(), expiresAtOf(creates.get(1))))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(30)).isLessThanOrEqualTo(Duration.ofMinutes(36));
        ClockSkew skew = till.service().clockSkew();
        assertThat(skew.tillSlow()).isTrue();
        assertThat(skew.minutesOff()).isEqualTo(15);

        customer.pay(open.url(), "amazon_pay");
        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);

        // The next sale is built on Stripe's clock from the start: one create.
        till.service().start(USD, COFFEE);
        till.await(s -> s.phase() == Phase.AWAITING_PAYMENT && !open.saleId().equals(s.saleId()));
        assertThat(till.creates()).hasSize(3);
    }

    @Test
    void tillClockFifteenMinutesFastStillChargesAndLearnsStripesClockFromTheSession() throws Exception {
        till = SandboxTill.in(dir).tillClockOff(Duration.ofMinutes(15)).start();

        till.service().start(USD, COFFEE);
        ChargeStatus first = awaitQr("a till 15 minutes fast");
        assertThat(till.creates()).hasSize(1);
        assertThat(till.service().clockSkew().tillSlow()).isFalse();
        assertThat(till.service().clockSkew().minutesOff()).isEqualTo(15);
        customer.pay(first.url(), "card");
        till.awaitPhase(Phase.PAID);

        till.service().start(USD, COFFEE);
        ChargeStatus second = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT
                && !first.saleId().equals(s.saleId()));
        SandboxSession session = till.sandbox().session(second.sessionId()).orElseThrow();
        assertThat(Duration.between(session.created(), expiresAtOf(till.creates().get(1))))
                .as("35 minutes on Stripe's clock, not 50").isLessThanOrEqualTo(Duration.ofMinutes(36));
    }

    @Test
    void dayLongSessionOnAFastTillIsSentAgainInsideStripesWindow() throws Exception {
        till = SandboxTill.in(dir).tillClockOff(Duration.ofMinutes(15))
                .settings(s -> s.withSessionLifetime(Duration.ofHours(24))).start();

        till.service().start(USD, COFFEE);
        ChargeStatus open = awaitQr("a 24-hour session on a till 15 minutes fast");

        List<RecordedRequest> creates = till.creates();
        assertThat(creates).hasSize(2);
        SandboxSession session = till.sandbox().session(open.sessionId()).orElseThrow();
        assertThat(Duration.between(session.created(), expiresAtOf(creates.get(1))))
                .isLessThan(Duration.ofHours(24)).isGreaterThan(Duration.ofHours(23).plusMinutes(50));
    }

    @Test
    void stripeClockAheadOfTheMachineIsLearnedFromTheNewSessionsCreatedTime() throws Exception {
        // The sandbox's clock 3 minutes ahead of this machine's; the till keeps the machine's time.
        till = SandboxTill.in(dir).sandbox(SandboxOptions.inMemory().withClockOffset(Duration.ofMinutes(3)))
                .tillClockOff(Duration.ofMinutes(-3)).start();

        till.service().start(USD, COFFEE);
        awaitQr("inside the margins: accepted at once");

        assertThat(till.creates()).hasSize(1);
        ClockSkew skew = till.service().clockSkew();
        assertThat(skew.tillSlow()).isTrue();
        assertThat(skew.minutesOff()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- 3. a 5xx saved under the key

    @Test
    void savedServerErrorWithASessionBehindItEndsInThatSessionPaidAndNoOrphan() throws Exception {
        till = SandboxTill.in(dir).start();
        till.sandbox().faults().inject(Fault.savedServerError(true), 1, "POST", CREATE);

        till.service().start(USD, COFFEE);
        ChargeStatus open = awaitQr("the session made behind the 500 is adopted");

        List<RecordedRequest> creates = till.creates();
        assertThat(creates).as("the 500, then its replay; never a third send of the key").hasSize(2);
        assertThat(creates).extracting(RecordedRequest::idempotencyKey).containsOnly(creates.get(0).idempotencyKey());
        assertThat(sessionsOf(open.saleId())).hasSize(1);
        assertThat(till.journal().attemptKeys(open.saleId())).hasSize(1);

        customer.pay(open.url(), "card");
        till.awaitPhase(Phase.PAID);
        assertThat(sessionsOf(open.saleId())).extracting(SandboxSession::status).containsExactly("complete");
    }

    @Test
    void savedServerErrorWithoutASessionJournalsANewKeyAndEndsInOnePaidSession() throws Exception {
        till = SandboxTill.in(dir).start();
        till.sandbox().faults().inject(Fault.savedServerError(false), 1, "POST", CREATE);

        till.service().start(USD, COFFEE);
        ChargeStatus open = awaitQr("a new key after the saved 500");

        String saleId = open.saleId();
        List<String> keys = till.creates().stream().map(r -> r.idempotencyKey().orElseThrow()).toList();
        String first = IdempotencyKeys.forAttempt(saleId, 1);
        String second = IdempotencyKeys.forAttempt(saleId, 2);
        assertThat(keys).containsExactly(first, first, second);
        assertThat(till.journal().attemptKeys(saleId)).containsExactly(first, second);
        assertThat(till.requests("GET", CREATE)).as("looked for a session before a new key").isNotEmpty();

        customer.pay(open.url(), "amazon_pay");
        till.awaitPhase(Phase.PAID);
        SandboxTill t = till;
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> t.requests("GET", CREATE).size() >= 2);
        assertThat(till.requests("GET", CREATE)).as("the look-up, then the look for orphans at the end").hasSize(2);
        assertThat(sessionsOf(saleId)).extracting(SandboxSession::status).containsExactly("complete");
        Sale sale = till.sale(saleId);
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.attempt()).isEqualTo(2);
    }

    @Test
    void replayedFailureIsRecognisedAlsoWhenTheSdkRetriedIt() throws Exception {
        till = SandboxTill.in(dir).sdkRetries(2).start();
        till.sandbox().faults().inject(Fault.savedServerError(false), 1, "POST", CREATE);

        till.service().start(USD, COFFEE);
        ChargeStatus open = awaitQr("a new key after the SDK's own retries met the replay");

        List<RecordedRequest> creates = till.creates();
        String first = IdempotencyKeys.forAttempt(open.saleId(), 1);
        assertThat(creates).extracting(r -> r.idempotencyKey().orElseThrow())
                .as("the SDK's three sends of the first key, then the new key")
                .containsExactly(first, first, first, IdempotencyKeys.forAttempt(open.saleId(), 2));
        assertThat(sessionsOf(open.saleId())).hasSize(1);
    }

    // ---------------------------------------------------------------- 4. an account without Amazon Pay

    @Test
    void accountWithoutAmazonPayChargesTheSameSaleByCardWithOneCommand() throws Exception {
        till = SandboxTill.in(dir).sandbox(SandboxOptions.inMemory().withAccount(SandboxAccount.inCountry("CA")))
                .start();

        till.service().start(USD, COFFEE);
        ChargeStatus offered = till.await(s -> s.phase() == Phase.FAILED);
        assertThat(offered.cardOnlyOffered()).as("statuses %s", till.statuses()).isTrue();
        assertThat(offered.retryable()).isFalse();
        assertThat(till.sale(offered.saleId()).state()).as("the sale is kept").isEqualTo(SaleState.CHARGING);
        assertThat(till.service().amazonPayUnavailableOnAccount()).isTrue();

        till.service().chargeByCardOnly();
        ChargeStatus open = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT);
        assertThat(open.saleId()).isEqualTo(offered.saleId());
        assertThat(open.cardOnly()).isTrue();
        RecordedRequest cardOnly = till.creates().get(1);
        assertThat(cardOnly.param("payment_method_types[0]")).contains("card");
        assertThat(cardOnly.param("payment_method_types[1]")).isEmpty();
        assertThat(cardOnly.idempotencyKey()).contains(IdempotencyKeys.forAttempt(open.saleId(), 2, true));

        customer.pay(open.url(), "card");
        till.awaitPhase(Phase.PAID);
        Sale sale = till.sale(open.saleId());
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentMethod()).isEqualTo("card");

        // Remembered until restart: the next sale asks for card alone at once.
        till.service().start(USD, COFFEE);
        ChargeStatus next = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT && !sale.id().equals(s.saleId()));
        assertThat(next.cardOnly()).isTrue();
        assertThat(till.creates()).hasSize(3);
        assertThat(till.creates().get(2).param("payment_method_types[1]")).isEmpty();
    }

    // ---------------------------------------------------------------- 6. the account's read budget

    @Test
    void rateLimitsWhilePollingWidenTheIntervalForAWhileAndTheSaleStillEndsPaid() throws Exception {
        till = SandboxTill.in(dir).polling(Duration.ofMillis(50), Duration.ofMillis(400)).start();
        till.service().start(USD, COFFEE);
        ChargeStatus open = awaitQr("the QR code is up");

        till.sandbox().faults().inject(Fault.rateLimited(), 3, "GET", RETRIEVE);
        SandboxTill t = till;
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> t.sandbox().faults().pending() == 0 && t.requests("GET", RETRIEVE).size() > 0);
        int before = till.requests("GET", RETRIEVE).size();
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> t.requests("GET", RETRIEVE).size() >= before + 4);

        List<RecordedRequest> after = till.requests("GET", RETRIEVE);
        List<Duration> gaps = new ArrayList<>();
        for (int i = before; i < before + 3; i++) {
            gaps.add(Duration.between(after.get(i).receivedAt(), after.get(i + 1).receivedAt()));
        }
        assertThat(gaps).as("polls after the 429s, eight times the 50 ms interval for a while")
                .allMatch(gap -> gap.compareTo(Duration.ofMillis(300)) >= 0);

        customer.pay(open.url(), "card");
        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);
    }
}
