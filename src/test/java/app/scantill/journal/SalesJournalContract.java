package app.scantill.journal;

import app.scantill.money.TaxRate;
import app.scantill.sale.CashOrder;
import app.scantill.sale.CashTender;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountAllocation;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every {@link SalesJournal} does, whatever it stores into: the whole interface, its refusals,
 * its harmless retries and its behaviour under concurrent callers. The charge flow, recovery and the
 * history screen rely on exactly this, and their tests run against the in-memory journal, so the
 * in-memory journal and the real ones must not differ.
 *
 * <p>To hold a journal to it, subclass this class and return a new, empty journal from
 * {@link #newJournal} (see {@code JdbcSalesJournalContractTest}); the suite closes it after each test.
 * What only one implementation does (files, migrations, two processes on one file) is tested beside
 * that implementation, not here.
 */
public abstract class SalesJournalContract {

    static final Currency USD = Currency.getInstance("USD");
    static final Instant T0 = Instant.parse("2025-03-14T09:30:00.123Z");

    protected MutableClock clock;
    protected SalesJournal journal;

    /** A new, empty journal that reads the time from {@code clock}. */
    protected abstract SalesJournal newJournal(Clock clock);

    @BeforeEach
    void openJournal() {
        clock = new MutableClock(T0);
        journal = newJournal(clock);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    static List<SaleLine> twoLines() {
        return List.of(new SaleLine("SKU-1", "Coffee", 350, 2), new SaleLine("SKU-2", "Bagel, plain", 275, 1));
    }

    // ------------------------------------------------------------ begin

    /** Coffee 2 x 3.50 less 10 % (0.70), bagel 2.75; 1.00 off the cart spread 0.70 / 0.30: 9.75 - 1.70. */
    static DiscountAllocation.Result discounted() {
        return DiscountAllocation.apply(twoLines(), Map.of(0, Discount.percent(1000, DiscountReason.LOYALTY, "card")),
                java.util.Optional.of(Discount.amount(100, DiscountReason.PRICE_MATCH, "")), 1);
    }

    @Test
    void discountedSaleReadsBackWithItsLinesDiscountsAndReasons() {
        DiscountAllocation.Result priced = discounted();

        Sale sale = journal.begin("s-d", "till-1", USD, priced.lines(), "key-d", priced.discounts());

        assertThat(sale.totalMinor()).isEqualTo(priced.chargedMinor()).isEqualTo(975 - 170);
        assertThat(sale.lines()).extracting(SaleLine::discountMinor).containsExactly(140L, 30L);
        assertThat(sale.discounts()).isEqualTo(priced.discounts());
        assertThat(sale.discounts().line(1)).hasValueSatisfying(d -> {
            assertThat(d.discount().reason()).isEqualTo(DiscountReason.LOYALTY);
            assertThat(d.discount().note()).isEqualTo("card");
            assertThat(d.amountMinor()).isEqualTo(70);
        });
        assertThat(journal.find("s-d")).contains(sale);
        Sale paid = journal.markPaid("s-d", "pi_d", "card", "paid");
        assertThat(paid.discounts()).as("kept through every change").isEqualTo(priced.discounts());
        assertThat(paid.lines()).isEqualTo(priced.lines());
    }

    @Test
    void aDiscountOnALineTheSaleDoesNotHaveIsRefusedAndNothingIsWritten() {
        SaleDiscounts onLineThree = new SaleDiscounts(List.of(new AppliedDiscount(3,
                Discount.amount(10, DiscountReason.OTHER, ""), 10)));

        assertThatThrownBy(() -> journal.begin("s-x", "till-1", USD, twoLines(), "key-x", onLineThree))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.find("s-x")).isEmpty();
    }

    @Test
    void saleWithoutDiscountsReadsBackWithNone() {
        Sale sale = journal.begin("s-n", "till-1", USD, twoLines(), "key-n");

        assertThat(sale.discounts().isEmpty()).isTrue();
        assertThat(sale.discountMinor()).isZero();
        assertThat(sale.totalMinor()).isEqualTo(sale.listTotalMinor());
    }

    @Test
    void beganSaleReadsBackWithEveryField() {
        Sale sale = journal.begin("s-1", "till-1", USD, twoLines(), "key-1");

        assertThat(sale.id()).isEqualTo("s-1");
        assertThat(sale.registerId()).isEqualTo("till-1");
        assertThat(sale.createdAt()).isEqualTo(T0);
        assertThat(sale.updatedAt()).isEqualTo(T0);
        assertThat(sale.attemptStartedAt()).isEqualTo(T0);
        assertThat(sale.currency()).isEqualTo(USD);
        assertThat(sale.lines()).containsExactlyElementsOf(twoLines());
        assertThat(sale.totalMinor()).isEqualTo(975);
        assertThat(sale.state()).isEqualTo(SaleState.CHARGING);
        assertThat(sale.attempt()).isEqualTo(1);
        assertThat(sale.idempotencyKey()).isEqualTo("key-1");
        assertThat(sale.sessionId()).isNull();
        assertThat(sale.paymentIntentId()).isNull();
        assertThat(journal.find("s-1")).contains(sale);
        assertThat(journal.attemptKeys("s-1")).containsExactly("key-1");
        assertThat(journal.history("s-1")).containsExactly(
                new StateChange("s-1", T0, null, SaleState.CHARGING, "attempt 1"));
    }

    @Test
    void eachLineKeepsTheTaxRateItWasSoldAt() {
        List<SaleLine> lines = List.of(new SaleLine("BOOK", "Book", 1295, 1, 0, new TaxRate(700)),
                new SaleLine("COFFEE", "Coffee beans", 299, 3, 0, new TaxRate(1900)),
                new SaleLine("STAMP", "Stamp", 95, 2, 0, TaxRate.ZERO),
                new SaleLine("SWISS", "Chocolate", 450, 1, 0, new TaxRate(770)));

        journal.begin("s-tax", "till-1", USD, lines, "key-tax");

        assertThat(journal.find("s-tax").orElseThrow().lines()).containsExactlyElementsOf(lines);
        assertThat(journal.createdBetween(T0, T0.plusSeconds(1))).singleElement()
                .satisfies(s -> assertThat(s.lines()).extracting(SaleLine::taxRate)
                        .containsExactly(new TaxRate(700), new TaxRate(1900), TaxRate.ZERO, new TaxRate(770)));
    }

    @Test
    void saleIdIsJournaledOnce() {
        Sale first = journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        assertThatThrownBy(() -> journal.begin("s-1", "till-2", USD, twoLines(), "k2"))
                .isInstanceOf(JournalException.class).hasMessageContaining("already in the journal");
        assertThat(journal.find("s-1")).contains(first);
        assertThat(journal.attemptKeys("s-1")).containsExactly("k1");
    }

    @Test
    void idempotencyKeyIsNeverReused() {
        driveTo("s-1", SaleState.EXPIRED);
        assertThatThrownBy(() -> journal.newAttempt("s-1", "s-1-k1")).isInstanceOf(JournalException.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> journal.begin("s-2", "till-1", USD, twoLines(), "s-1-k1"))
                .hasMessageContaining("already used");
        assertThat(journal.find("s-2")).isEmpty();
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1");
    }

    @Test
    void keyOfAnotherSalesLaterAttemptIsRefusedToo() {
        driveTo("s-1", SaleState.EXPIRED);
        journal.newAttempt("s-1", "s-1-k2");
        driveTo("s-2", SaleState.EXPIRED);

        assertThatThrownBy(() -> journal.begin("s-3", "till-1", USD, twoLines(), "s-1-k2"))
                .isInstanceOf(JournalException.class).hasMessageContaining("already used by sale s-1 attempt 2");
        assertThatThrownBy(() -> journal.newAttempt("s-2", "s-1-k2"))
                .isInstanceOf(JournalException.class).hasMessageContaining("already used");
        assertThat(journal.find("s-3")).isEmpty();
        assertThat(journal.attemptKeys("s-2")).containsExactly("s-2-k1");
        assertThat(journal.find("s-2").orElseThrow().state()).isEqualTo(SaleState.EXPIRED);
    }

    @Test
    void beginRefusesBadArgumentsAndWritesNothing() {
        String longKey = "k".repeat(256);
        assertThatThrownBy(() -> journal.begin(" ", "till-1", USD, twoLines(), "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.begin("s-1", "", USD, twoLines(), "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.begin("s-1", "till-1", USD, twoLines(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.begin("s-1", "till-1", USD, twoLines(), longKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThatThrownBy(() -> journal.begin("s-1", "till-1", null, twoLines(), "k1"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> journal.begin("s-1", "till-1", USD, List.of(), "k1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one line");

        assertThat(journal.find("s-1")).isEmpty();
        assertThat(journal.createdBetween(Instant.EPOCH, T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void keyOfTwoHundredFiftyFiveCharactersIsAccepted() {
        String key = "k".repeat(255);
        assertThat(journal.begin("s-1", "till-1", USD, twoLines(), key).idempotencyKey()).isEqualTo(key);
    }

    @Test
    void totalThatDoesNotFitIsRefusedAndNothingWritten() {
        List<SaleLine> huge = List.of(new SaleLine("A", "a", Long.MAX_VALUE / 2, 1),
                new SaleLine("B", "b", Long.MAX_VALUE / 2, 1), new SaleLine("C", "c", Long.MAX_VALUE / 2, 1));

        assertThatThrownBy(() -> journal.begin("s-1", "till-1", USD, huge, "k1"))
                .isInstanceOf(ArithmeticException.class);
        assertThat(journal.find("s-1")).isEmpty();
        assertThat(journal.attemptKeys("s-1")).isEmpty();
    }

    // ------------------------------------------------------------ times

    @Test
    void timesAreKeptToTheMillisecondAndReadBackAsReturned() {
        clock.set(T0.plusNanos(456_789));

        Sale sale = journal.begin("s-1", "till-1", USD, twoLines(), "k1");

        assertThat(sale.createdAt()).isEqualTo(T0.truncatedTo(ChronoUnit.MILLIS));
        assertThat(journal.find("s-1")).contains(sale);
        assertThat(journal.history("s-1").get(0).at()).isEqualTo(sale.createdAt());
        Sale awaiting = journal.recordSession("s-1", "cs_1", T0.plusNanos(999_999));
        assertThat(awaiting.sessionExpiresAt()).isEqualTo(T0);
        assertThat(journal.find("s-1")).contains(awaiting);
    }

    @Test
    void everyWriteMovesUpdatedAtButNeverCreatedAt() {
        journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(journal.recordSession("s-1", "cs_1", T0.plus(Duration.ofMinutes(30))).updatedAt())
                .isEqualTo(T0.plusSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        Sale paid = journal.markPaid("s-1", "pi_1", "card", null);

        assertThat(paid.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(paid.createdAt()).isEqualTo(T0);
        assertThat(paid.sessionExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(journal.history("s-1")).extracting(StateChange::at)
                .containsExactly(T0, T0.plusSeconds(5), T0.plusSeconds(10));
    }

    @Test
    void eachAttemptKeepsItsOwnStartTime() {
        journal.begin("s-9", "till-1", USD, twoLines(), "key-9a");
        journal.recordSession("s-9", "cs_test_9a", T0.plusSeconds(2100));
        clock.advance(Duration.ofMinutes(40));
        journal.transition("s-9", SaleState.EXPIRED, "expired");
        clock.advance(Duration.ofMinutes(2));
        journal.newAttempt("s-9", "key-9b");
        clock.advance(Duration.ofMinutes(1));

        Sale sale = journal.recordSession("s-9", "cs_test_9b", null);

        assertThat(sale.attempt()).isEqualTo(2);
        assertThat(sale.attemptStartedAt()).isEqualTo(T0.plus(Duration.ofMinutes(42)));
        assertThat(sale.createdAt()).isEqualTo(T0);
        assertThat(journal.find("s-9")).contains(sale);
    }

    // ------------------------------------------------------------ transition rules

    /** The sale life written out by hand, so a change to SaleState shows up here as a failing test. */
    static final Map<SaleState, Set<SaleState>> ALLOWED = Map.of(
            SaleState.CHARGING, EnumSet.of(SaleState.AWAITING_PAYMENT, SaleState.PAID, SaleState.EXPIRED,
                    SaleState.CANCELLING, SaleState.CANCELLED, SaleState.NEEDS_ATTENTION),
            SaleState.AWAITING_PAYMENT, EnumSet.of(SaleState.PAID, SaleState.EXPIRED, SaleState.CANCELLING,
                    SaleState.NEEDS_ATTENTION),
            SaleState.CANCELLING, EnumSet.of(SaleState.PAID, SaleState.CANCELLED, SaleState.NEEDS_ATTENTION),
            SaleState.EXPIRED, EnumSet.of(SaleState.CHARGING, SaleState.CANCELLED),
            SaleState.NEEDS_ATTENTION, EnumSet.of(SaleState.AWAITING_PAYMENT, SaleState.PAID, SaleState.EXPIRED,
                    SaleState.CANCELLING, SaleState.CANCELLED, SaleState.CHARGING),
            SaleState.PAID, EnumSet.noneOf(SaleState.class),
            SaleState.CANCELLED, EnumSet.noneOf(SaleState.class));

    static Stream<Arguments> everyPairOfStates() {
        return Stream.of(SaleState.values())
                .flatMap(from -> Stream.of(SaleState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void transitionIsWrittenWhenAllowedAndRefusedWithNothingWrittenOtherwise(SaleState from, SaleState to) {
        Sale before = driveTo("s-1", from);
        List<StateChange> historyBefore = journal.history("s-1");
        clock.advance(Duration.ofSeconds(1));

        if (from == SaleState.PAID && to == SaleState.PAID) {
            // Paying a paid sale again is the idempotent retry, not a second payment.
            assertThat(journal.transition("s-1", to, "again")).isEqualTo(before);
            assertThat(journal.history("s-1")).isEqualTo(historyBefore);
        } else if (ALLOWED.get(from).contains(to)) {
            Sale after = journal.transition("s-1", to, "because");
            assertThat(after.state()).isEqualTo(to);
            assertThat(after.updatedAt()).isEqualTo(clock.instant());
            assertThat(journal.history("s-1")).hasSize(historyBefore.size() + 1).last()
                    .isEqualTo(new StateChange("s-1", clock.instant(), from, to, "because"));
        } else {
            IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class,
                    () -> journal.transition("s-1", to, "because"));
            assertThat(refused).isNotNull();
            assertThat(refused.from()).isEqualTo(from);
            assertThat(refused.to()).isEqualTo(to);
            assertThat(journal.find("s-1")).contains(before);
            assertThat(journal.history("s-1")).isEqualTo(historyBefore);
        }
    }

    @Test
    void paidSaleCannotBeCancelledNorExpired() {
        driveTo("s-1", SaleState.PAID);
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.CANCELLED, null))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("PAID to CANCELLED");
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.EXPIRED, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("s-1").orElseThrow().state()).isEqualTo(SaleState.PAID);
    }

    @Test
    void everyWriteToAnUnknownSaleIsRefusedAndCreatesNothing() {
        assertThatThrownBy(() -> journal.transition("nope", SaleState.CANCELLED, null))
                .isInstanceOf(JournalException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> journal.newAttempt("nope", "k2"))
                .isInstanceOf(JournalException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> journal.recordSession("nope", "cs_1", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> journal.markPaid("nope", "pi_1", "card", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("nope");
        assertThat(journal.find("nope")).isEmpty();
        assertThat(journal.history("nope")).isEmpty();
        assertThat(journal.attemptKeys("nope")).isEmpty();
    }

    @Test
    void transitionWithoutATargetStateIsRefused() {
        Sale sale = journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        assertThatThrownBy(() -> journal.transition("s-1", null, "nowhere")).isInstanceOf(NullPointerException.class);
        assertThat(journal.find("s-1")).contains(sale);
    }

    /** Brings a new sale to {@code state} along the path the charge flow takes. */
    Sale driveTo(String id, SaleState state) {
        return driveTo(journal, id, state);
    }

    static Sale driveTo(SalesJournal journal, String id, SaleState state) {
        journal.begin(id, "till-1", USD, twoLines(), id + "-k1");
        switch (state) {
            case CHARGING -> { }
            case AWAITING_PAYMENT -> journal.recordSession(id, id + "-cs1", null);
            case PAID -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.markPaid(id, id + "-pi", "card", null);
            }
            case EXPIRED -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.transition(id, SaleState.EXPIRED, null);
            }
            case CANCELLING -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.transition(id, SaleState.CANCELLING, null);
            }
            case CANCELLED -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.transition(id, SaleState.CANCELLING, null);
                journal.transition(id, SaleState.CANCELLED, null);
            }
            case NEEDS_ATTENTION -> journal.transition(id, SaleState.NEEDS_ATTENTION, "create refused");
        }
        Sale sale = journal.find(id).orElseThrow();
        assertThat(sale.state()).isEqualTo(state);
        return sale;
    }

    // ------------------------------------------------------------ attempts

    @Test
    void newAttemptAfterExpiryHasItsOwnKeyAndNoSession() {
        driveTo("s-1", SaleState.EXPIRED);

        Sale second = journal.newAttempt("s-1", "s-1-k2");

        assertThat(second.state()).isEqualTo(SaleState.CHARGING);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.idempotencyKey()).isEqualTo("s-1-k2");
        assertThat(second.sessionId()).isNull();
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1", "s-1-k2");
        assertThat(journal.newAttempt("s-1", "s-1-k2")).as("retry of the same call").isEqualTo(second);
        assertThat(journal.recordSession("s-1", "s-1-cs2", null).sessionId()).isEqualTo("s-1-cs2");
    }

    @Test
    void newAttemptIsNotedInTheHistoryWithItsNumber() {
        driveTo("s-1", SaleState.EXPIRED);
        clock.advance(Duration.ofMinutes(1));

        journal.newAttempt("s-1", "s-1-k2");

        assertThat(journal.history("s-1")).last().isEqualTo(new StateChange("s-1", T0.plus(Duration.ofMinutes(1)),
                SaleState.EXPIRED, SaleState.CHARGING, "attempt 2"));
    }

    @Test
    void newAttemptWithAnotherKeyWhileStillChargingIsRefused() {
        Sale charging = journal.begin("s-1", "till-1", USD, twoLines(), "k1");

        IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class,
                () -> journal.newAttempt("s-1", "k2"));

        assertThat(refused.from()).isEqualTo(SaleState.CHARGING);
        assertThat(refused.to()).isEqualTo(SaleState.CHARGING);
        assertThat(journal.find("s-1")).contains(charging);
        assertThat(journal.attemptKeys("s-1")).containsExactly("k1");
    }

    @Test
    void chargingAttemptWithoutSessionIsReplacedByTheNextOneWithItsOwnKey() {
        journal.begin("s-1", "till-1", USD, twoLines(), "s-1-k1");
        clock.advance(Duration.ofSeconds(3));

        Sale second = journal.replaceAttempt("s-1", "s-1-k2-card", "card only after Stripe refused Amazon Pay");

        assertThat(second.state()).isEqualTo(SaleState.CHARGING);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.idempotencyKey()).isEqualTo("s-1-k2-card");
        assertThat(second.sessionId()).isNull();
        assertThat(second.attemptStartedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1", "s-1-k2-card");
        assertThat(journal.history("s-1")).last().isEqualTo(new StateChange("s-1", T0.plusSeconds(3),
                SaleState.CHARGING, SaleState.CHARGING, "attempt 2: card only after Stripe refused Amazon Pay"));
        assertThat(journal.replaceAttempt("s-1", "s-1-k2-card", "again")).as("retry of the same call")
                .isEqualTo(second);
        assertThat(journal.find("s-1")).contains(second);
    }

    @Test
    void attemptWithASessionOrASaleNotChargingIsNotReplaced() {
        journal.begin("s-1", "till-1", USD, twoLines(), "s-1-k1");
        Sale awaiting = journal.recordSession("s-1", "cs_1", T0.plus(Duration.ofMinutes(35)));
        Sale expired = driveTo("s-2", SaleState.EXPIRED);

        assertThatThrownBy(() -> journal.replaceAttempt("s-1", "s-1-k2", "why"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> journal.replaceAttempt("s-2", "s-2-k2", "why"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("s-1")).contains(awaiting);
        assertThat(journal.find("s-2")).contains(expired);
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1");

        journal.begin("s-3", "till-1", USD, twoLines(), "s-3-k1");
        assertThatThrownBy(() -> journal.replaceAttempt("s-3", "s-1-k1", "why"))
                .as("a key in use elsewhere").isInstanceOf(JournalException.class);
        assertThat(journal.attemptKeys("s-3")).containsExactly("s-3-k1");
    }

    @Test
    void newAttemptAfterNeedsAttentionStartsTheNextAttempt() {
        driveTo("s-1", SaleState.NEEDS_ATTENTION);

        Sale second = journal.newAttempt("s-1", "s-1-k2");

        assertThat(second.state()).isEqualTo(SaleState.CHARGING);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1", "s-1-k2");
    }

    @Test
    void finishedSaleGetsNoNewAttempt() {
        Sale paid = driveTo("p", SaleState.PAID);
        Sale cancelled = driveTo("c", SaleState.CANCELLED);

        assertThatThrownBy(() -> journal.newAttempt("p", "p-k2")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> journal.newAttempt("c", "c-k2")).isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("p")).contains(paid);
        assertThat(journal.find("c")).contains(cancelled);
        assertThat(journal.attemptKeys("p")).containsExactly("p-k1");
    }

    @Test
    void newAttemptRefusesABlankOrOverlongKey() {
        driveTo("s-1", SaleState.EXPIRED);
        assertThatThrownBy(() -> journal.newAttempt("s-1", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.newAttempt("s-1", "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1");
    }

    // ------------------------------------------------------------ sessions

    @Test
    void recordingTheSameSessionTwiceIsHarmlessButAnotherIsRefused() {
        Sale awaiting = driveTo("s-1", SaleState.AWAITING_PAYMENT);
        assertThat(journal.recordSession("s-1", "s-1-cs1", null)).isEqualTo(awaiting);
        assertThatThrownBy(() -> journal.recordSession("s-1", "cs_other", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("already has session s-1-cs1");
        assertThat(journal.history("s-1")).hasSize(2);
    }

    @Test
    void recordedSessionIsNotedAndKeepsItsExpiry() {
        journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        clock.advance(Duration.ofSeconds(2));

        Sale sale = journal.recordSession("s-1", "cs_1", T0.plus(Duration.ofMinutes(30)));

        assertThat(sale.state()).isEqualTo(SaleState.AWAITING_PAYMENT);
        assertThat(sale.sessionId()).isEqualTo("cs_1");
        assertThat(sale.sessionExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(journal.history("s-1")).last().isEqualTo(new StateChange("s-1", T0.plusSeconds(2),
                SaleState.CHARGING, SaleState.AWAITING_PAYMENT, "session cs_1"));
    }

    @Test
    void sessionArrivingAfterCancelIsKeptSoItCanBeExpired() {
        journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        journal.transition("s-1", SaleState.CANCELLING, "cashier cancelled while creating");

        Sale sale = journal.recordSession("s-1", "cs_late", null);

        assertThat(sale.state()).isEqualTo(SaleState.CANCELLING);
        assertThat(sale.sessionId()).isEqualTo("cs_late");
    }

    @Test
    void sessionRecordedWhileCancellingWritesNoHistoryButMovesUpdatedAt() {
        journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        journal.transition("s-1", SaleState.CANCELLING, "cashier cancelled while creating");
        List<StateChange> history = journal.history("s-1");
        clock.advance(Duration.ofSeconds(3));

        Sale sale = journal.recordSession("s-1", "cs_late", T0.plus(Duration.ofMinutes(30)));

        assertThat(sale.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(sale.sessionExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(journal.history("s-1")).isEqualTo(history);
        assertThat(journal.recordSession("s-1", "cs_late", null)).as("retry").isEqualTo(sale);
        assertThatThrownBy(() -> journal.recordSession("s-1", "cs_other", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("already has session cs_late");
        assertThat(journal.transition("s-1", SaleState.CANCELLED, "expired").sessionId()).isEqualTo("cs_late");
    }

    @Test
    void theSameSessionAfterTheSaleMovedOnChangesNothing() {
        Sale paid = driveTo("p", SaleState.PAID);
        Sale expired = driveTo("e", SaleState.EXPIRED);
        List<StateChange> paidHistory = journal.history("p");

        assertThat(journal.recordSession("p", "p-cs1", null)).isEqualTo(paid);
        assertThat(journal.recordSession("e", "e-cs1", null)).isEqualTo(expired);
        assertThat(journal.history("p")).isEqualTo(paidHistory);
    }

    @Test
    void aNewSessionNeedsANewAttempt() {
        Sale expired = driveTo("s-1", SaleState.EXPIRED);
        assertThatThrownBy(() -> journal.recordSession("s-1", "cs_2", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("already has session");
        journal.begin("s-2", "till-1", USD, twoLines(), "s-2-k1");
        journal.transition("s-2", SaleState.EXPIRED, "create never answered");
        assertThatThrownBy(() -> journal.recordSession("s-2", "cs_3", null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("s-1")).contains(expired);
        assertThat(journal.find("s-2").orElseThrow().sessionId()).isNull();
    }

    @Test
    void sessionOfAnotherSaleIsRefused() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        Sale other = journal.begin("s-2", "till-1", USD, twoLines(), "s-2-k1");

        assertThatThrownBy(() -> journal.recordSession("s-2", "s-1-cs1", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("s-1-cs1");

        assertThat(journal.find("s-2")).contains(other);
        assertThat(journal.find("s-1").orElseThrow().sessionId()).isEqualTo("s-1-cs1");
    }

    @Test
    void blankSessionIdIsRefused() {
        Sale sale = journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        assertThatThrownBy(() -> journal.recordSession("s-1", " ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.recordSession("s-1", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.find("s-1")).contains(sale);
    }

    // ------------------------------------------------------------ payment

    @Test
    void markingPaidTwiceWithTheSameIntentRecordsOnePayment() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        Sale paid = journal.markPaid("s-1", "pi_1", "amazon_pay", "paid");
        clock.advance(Duration.ofSeconds(3));

        Sale again = journal.markPaid("s-1", "pi_1", "amazon_pay", "paid (recovered)");

        assertThat(again).isEqualTo(paid);
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void aDifferentPaymentForAPaidSaleIsRefusedAndTheFirstKept() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        Sale paid = journal.markPaid("s-1", "pi_1", "card", null);

        ConflictingPaymentException refused = catchThrowableOfType(ConflictingPaymentException.class,
                () -> journal.markPaid("s-1", "pi_2", "card", null));

        assertThat(refused.recordedPaymentIntentId()).isEqualTo("pi_1");
        assertThat(refused.offeredPaymentIntentId()).isEqualTo("pi_2");
        assertThat(journal.find("s-1")).contains(paid);
    }

    @Test
    void paymentWithoutIntentIsFilledInLaterWithoutASecondHistoryEntry() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        journal.transition("s-1", SaleState.PAID, "seen paid");

        Sale filled = journal.markPaid("s-1", "pi_9", "amazon_pay", null);

        assertThat(filled.paymentIntentId()).isEqualTo("pi_9");
        assertThat(filled.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void missingMethodIsFilledInAndAnUnnamedPaymentChangesNothing() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        journal.markPaid("s-1", "pi_1", null, null);
        clock.advance(Duration.ofSeconds(4));

        Sale filled = journal.markPaid("s-1", "pi_1", "card", null);

        assertThat(filled.paymentIntentId()).isEqualTo("pi_1");
        assertThat(filled.paymentMethod()).isEqualTo("card");
        assertThat(filled.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(journal.markPaid("s-1", null, null, "seen paid again")).isEqualTo(filled);
        assertThat(journal.markPaid("s-1", "pi_1", "amazon_pay", null).paymentMethod())
                .as("a method once known stays").isEqualTo("card");
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void paymentIsNotedWithItsIntentUnlessANoteIsGiven() {
        driveTo("a", SaleState.AWAITING_PAYMENT);
        driveTo("b", SaleState.CHARGING);
        driveTo("c", SaleState.CANCELLING);

        journal.markPaid("a", "pi_a", "card", null);
        journal.transition("b", SaleState.PAID, null);
        journal.markPaid("c", "pi_c", "card", "paid before the cancel");

        assertThat(journal.history("a")).last().extracting(StateChange::note).isEqualTo("paid pi_a");
        assertThat(journal.history("b")).last().extracting(StateChange::note).isEqualTo("paid");
        assertThat(journal.history("c")).last().extracting(StateChange::note).isEqualTo("paid before the cancel");
        assertThat(journal.find("b").orElseThrow().paymentIntentId()).isNull();
    }

    @Test
    void paymentArrivingWhileCancellingWins() {
        driveTo("s-1", SaleState.CANCELLING);
        assertThat(journal.markPaid("s-1", "pi_1", "card", null).state()).isEqualTo(SaleState.PAID);
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.CANCELLED, null))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void cancelledSaleCannotBePaid() {
        driveTo("s-1", SaleState.CANCELLED);
        assertThatThrownBy(() -> journal.markPaid("s-1", "pi_1", "card", null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("s-1").orElseThrow().paymentIntentId()).isNull();
    }

    // ------------------------------------------------------------ lists

    @Test
    void createdBetweenIsHalfOpenAndOldestFirst() {
        journal.begin("early", "till-1", USD, twoLines(), "k-early");
        clock.advance(Duration.ofHours(1));
        journal.begin("middle", "till-1", USD, twoLines(), "k-middle");
        clock.advance(Duration.ofHours(1));
        journal.begin("late", "till-1", USD, twoLines(), "k-late");

        List<Sale> found = journal.createdBetween(T0, T0.plus(Duration.ofHours(2)));

        assertThat(found).extracting(Sale::id).containsExactly("early", "middle");
    }

    @Test
    void listsAreOldestFirstEvenWhenWrittenOutOfOrder() {
        clock.set(T0.plus(Duration.ofHours(1)));
        journal.begin("later", "till-1", USD, twoLines(), "k-later");
        clock.set(T0);
        journal.begin("earlier", "till-2", USD, twoLines(), "k-earlier");
        journal.begin("same-time", "till-2", USD, twoLines(), "k-same");

        assertThat(journal.createdBetween(T0, T0.plus(Duration.ofDays(1)))).extracting(Sale::id)
                .containsExactly("earlier", "same-time", "later");
        assertThat(journal.unfinished()).extracting(Sale::id).containsExactly("earlier", "same-time", "later");
    }

    @Test
    void createdBetweenNeedsBothEnds() {
        assertThatThrownBy(() -> journal.createdBetween(null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> journal.createdBetween(T0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unfinishedListsOnlySalesWhereMoneyMayStillArrive() {
        journal.begin("charging", "till-1", USD, twoLines(), "k1");
        journal.begin("awaiting", "till-1", USD, twoLines(), "k2");
        journal.recordSession("awaiting", "cs_2", null);
        journal.begin("paid", "till-1", USD, twoLines(), "k3");
        journal.recordSession("paid", "cs_3", null);
        journal.markPaid("paid", "pi_3", "card", null);
        journal.begin("expired", "till-1", USD, twoLines(), "k4");
        journal.recordSession("expired", "cs_4", null);
        journal.transition("expired", SaleState.EXPIRED, "session expired");
        journal.begin("attention", "till-1", USD, twoLines(), "k5");
        journal.transition("attention", SaleState.NEEDS_ATTENTION, "create refused");

        assertThat(journal.unfinished()).extracting(Sale::id).containsExactly("charging", "awaiting", "attention");
    }

    @Test
    void unfinishedHoldsEveryStateThatNeedsReconcilingAndNothingElse() {
        for (SaleState state : SaleState.values()) {
            driveTo(state.name(), state);
        }

        assertThat(journal.unfinished()).extracting(Sale::state).containsExactlyInAnyOrder(
                SaleState.CHARGING, SaleState.AWAITING_PAYMENT, SaleState.CANCELLING, SaleState.NEEDS_ATTENTION);
    }

    // ------------------------------------------------------------ concurrency

    @Test
    void manyThreadsRacingToSettleOneSaleLetExactlyOneWin() throws Exception {
        driveTo("s-1", SaleState.CANCELLING);
        int threads = 16;
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            racers.add(() -> {
                try {
                    if (n % 2 == 0) {
                        journal.markPaid("s-1", "pi_" + n, "card", null);
                    } else {
                        journal.transition("s-1", SaleState.CANCELLED, "racer " + n);
                    }
                    return true;
                } catch (ConflictingPaymentException | IllegalTransitionException lost) {
                    return false;
                }
            });
        }

        List<Boolean> results = race(racers);

        assertThat(results).filteredOn(won -> won).hasSize(1);
        List<StateChange> finals = journal.history("s-1").stream().filter(c -> c.to().isFinal()).toList();
        assertThat(finals).hasSize(1);
        assertThat(journal.find("s-1").orElseThrow().state()).isEqualTo(finals.get(0).to());
    }

    @Test
    void threadsReportingTheSamePaymentRecordItOnce() throws Exception {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        List<Callable<Sale>> reporters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reporters.add(() -> journal.markPaid("s-1", "pi_1", "card", null));
        }

        List<Sale> results = race(reporters);

        assertThat(results).allSatisfy(s -> assertThat(s.paymentIntentId()).isEqualTo("pi_1"));
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void threadsRacingToBeginOneSaleOrUseOneKeyLetExactlyOneWin() throws Exception {
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String saleId = i % 2 == 0 ? "same-sale" : "sale-" + i;
            String key = i % 2 == 0 ? "key-" + i : "same-key";
            racers.add(() -> {
                try {
                    journal.begin(saleId, "till-1", USD, twoLines(), key);
                    return true;
                } catch (JournalException lost) {
                    return false;
                }
            });
        }

        assertThat(race(racers)).filteredOn(won -> won).hasSize(2);
        assertThat(journal.createdBetween(Instant.EPOCH, T0.plusSeconds(1))).hasSize(2)
                .extracting(Sale::idempotencyKey).containsOnlyOnce("same-key");
    }

    @Test
    void manyThreadsWritingDifferentSalesAllLand() throws Exception {
        int threads = 8;
        int perThread = 25;
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "t" + thread + "-" + i;
                    journal.begin(id, "till-" + thread, USD, twoLines(), id + "-key");
                    journal.recordSession(id, id + "-cs", null);
                    journal.markPaid(id, id + "-pi", "card", null);
                }
                return true;
            });
        }

        assertThat(race(writers)).containsOnly(true);

        List<Sale> all = journal.createdBetween(Instant.EPOCH, T0.plusSeconds(1));
        assertThat(all).hasSize(threads * perThread).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(SaleState.PAID);
            assertThat(s.lines()).hasSize(2);
            assertThat(journal.history(s.id())).hasSize(3);
        });
    }

    /** Starts every task at the same moment and waits for all of them. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ cash

    static CashOrder cash(String saleId, long tendered, String replaces) {
        return new CashOrder(saleId, "till-1", USD, twoLines(), tendered, replaces);
    }

    @Test
    void cashSaleIsPaidAtOnceWithItsTenderAndChange() {
        Sale sale = journal.payInCash(cash("c-1", 2000, null));

        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentMethod()).isEqualTo("cash");
        assertThat(sale.paymentIntentId()).isNull();
        assertThat(sale.sessionId()).isNull();
        assertThat(sale.totalMinor()).isEqualTo(975);
        assertThat(journal.find("c-1")).contains(sale);
        assertThat(journal.cashTender("c-1")).contains(new CashTender("c-1", 2000, 1025, null));
        assertThat(journal.history("c-1")).singleElement().satisfies(h -> {
            assertThat(h.from()).isNull();
            assertThat(h.to()).isEqualTo(SaleState.PAID);
            assertThat(h.note()).contains("tendered 20.00", "change 10.25");
        });
        assertThat(journal.unfinished()).isEmpty();
        assertThat(journal.createdBetween(T0, T0.plusSeconds(1))).containsExactly(sale);
    }

    @Test
    void cashSaleOfTheExactAmountGivesNoChange() {
        journal.payInCash(cash("c-1", 975, null));

        assertThat(journal.cashTender("c-1")).map(CashTender::changeMinor).contains(0L);
    }

    @Test
    void tooLittleTenderedIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> journal.payInCash(cash("c-1", 974, null)))
                .isInstanceOf(CashTender.TooLittleTenderedException.class);

        assertThat(journal.find("c-1")).isEmpty();
        assertThat(journal.cashTender("c-1")).isEmpty();
    }

    @Test
    void sameCashOrderAgainChangesNothingAndAnotherTenderIsRefused() {
        Sale first = journal.payInCash(cash("c-1", 1000, null));
        clock.advance(Duration.ofSeconds(1));

        assertThat(journal.payInCash(cash("c-1", 1000, null))).isEqualTo(first);
        assertThatThrownBy(() -> journal.payInCash(cash("c-1", 5000, null))).isInstanceOf(JournalException.class);
        assertThat(journal.history("c-1")).hasSize(1);
        assertThat(journal.cashTender("c-1")).map(CashTender::tenderedMinor).contains(1000L);
    }

    @Test
    void cashTakingOverACardAttemptCancelsItInTheSameWrite() {
        journal.begin("s-1", "till-1", USD, twoLines(), "key-1");
        clock.advance(Duration.ofSeconds(7));

        journal.payInCash(cash("c-1", 1000, "s-1"));

        Sale card = journal.find("s-1").orElseThrow();
        assertThat(card.state()).isEqualTo(SaleState.CANCELLING);
        assertThat(journal.history("s-1")).last().satisfies(h -> assertThat(h.note()).contains("c-1"));
        assertThat(journal.cashReplacing("s-1")).map(CashTender::saleId).contains("c-1");
        assertThat(journal.cashTender("c-1")).map(CashTender::replacesSaleId).contains("s-1");
        assertThat(journal.unfinished()).extracting(Sale::id).containsExactly("s-1");
    }

    @Test
    void aCardPaymentThatArrivesAfterTheCashIsKeptAndStaysFlagged() {
        journal.begin("s-1", "till-1", USD, twoLines(), "key-1");
        journal.recordSession("s-1", "cs_1", T0.plusSeconds(1800));
        journal.payInCash(cash("c-1", 975, "s-1"));

        Sale late = journal.markPaid("s-1", "pi_1", "card", "paid after cash");

        assertThat(late.state()).isEqualTo(SaleState.PAID);
        assertThat(journal.cashReplacing("s-1")).map(CashTender::saleId).contains("c-1");
        assertThat(journal.find("c-1").orElseThrow().state()).isEqualTo(SaleState.PAID);
    }

    @Test
    void aCardAttemptIsTakenOverOnceAndNeverWhenPaid() {
        journal.begin("s-1", "till-1", USD, twoLines(), "key-1");
        journal.payInCash(cash("c-1", 975, "s-1"));
        assertThatThrownBy(() -> journal.payInCash(cash("c-2", 975, "s-1"))).isInstanceOf(JournalException.class);
        assertThat(journal.find("c-2")).isEmpty();

        driveTo("s-2", SaleState.PAID);
        assertThatThrownBy(() -> journal.payInCash(cash("c-3", 975, "s-2"))).isInstanceOf(JournalException.class);
        assertThat(journal.find("c-3")).isEmpty();
        assertThatThrownBy(() -> journal.payInCash(cash("c-4", 975, "nope"))).isInstanceOf(JournalException.class);
    }

    @Test
    void drawerEntriesReadBackOldestFirstAndTheSameEntryAgainChangesNothing() {
        app.scantill.sale.DrawerEntry first = new app.scantill.sale.DrawerEntry("d-1", "till-1", T0, USD,
                app.scantill.sale.DrawerEntry.Kind.FLOAT, 10000, null, 0);
        app.scantill.sale.DrawerEntry count = new app.scantill.sale.DrawerEntry("d-2", "till-1", T0.plusSeconds(60), USD,
                app.scantill.sale.DrawerEntry.Kind.COUNT, 9950, null, 10000);
        journal.recordDrawer(count);
        journal.recordDrawer(first);

        assertThat(journal.recordDrawer(first)).isEqualTo(journal.drawerBetween(T0, T0.plusSeconds(1)).get(0));
        assertThat(journal.drawerBetween(T0.minusSeconds(1), T0.plusSeconds(3600))).extracting(
                app.scantill.sale.DrawerEntry::id).containsExactly("d-1", "d-2");
        assertThat(journal.drawerBetween(T0.minusSeconds(1), T0.plusSeconds(3600)).get(1).differenceMinor())
                .isEqualTo(-50);
        assertThatThrownBy(() -> journal.recordDrawer(new app.scantill.sale.DrawerEntry("d-1", "till-1", T0, USD,
                app.scantill.sale.DrawerEntry.Kind.FLOAT, 20000, null, 0))).isInstanceOf(JournalException.class);
    }

    // ------------------------------------------------------------ closed

    @Test
    void closedJournalRefusesWithAMessage() {
        journal.close();
        assertThatThrownBy(() -> journal.begin("s-1", "till-1", USD, twoLines(), "k1"))
                .isInstanceOf(JournalException.class).hasMessageContaining("closed");
    }

    @Test
    void closedJournalRefusesReadsAndWritesAndClosesTwiceQuietly() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        journal.close();

        assertThatThrownBy(() -> journal.find("s-1")).isInstanceOf(JournalException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> journal.unfinished()).isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.history("s-1")).isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.markPaid("s-1", "pi_1", "card", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.CANCELLING, null))
                .isInstanceOf(JournalException.class).hasMessageContaining("closed");
        journal.close();
    }
}
