package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every {@link SalesJournal} does with refunds (the refund half of the contract; the sale half is
 * {@link SalesJournalContract}): write-ahead with the idempotency key, never more than was paid (also for
 * refunds racing each other), lines checked unit by unit, Stripe's statuses recorded once and final ones
 * kept. Subclass it as the sale contract is subclassed.
 */
public abstract class SalesJournalRefundContract {

    static final Instant T0 = SalesJournalContract.T0;

    protected MutableClock clock;
    protected SalesJournal journal;

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

    /** A paid sale of 975 cents: 2 x Coffee 350 (line 1) and 1 x Bagel 275 (line 2), paid by card. */
    void paidSale(String saleId) {
        SalesJournalContract.driveTo(journal, saleId, SaleState.AWAITING_PAYMENT);
        journal.markPaid(saleId, "pi_" + saleId, "card", null);
    }

    static RefundOrder amount(String refundId, String saleId, long amount) {
        return new RefundOrder(refundId, saleId, "till-1", amount, RefundReason.REQUESTED_BY_CUSTOMER, List.of(),
                "key-" + refundId);
    }

    static RefundOrder lines(String refundId, String saleId, long amount, RefundLine... lines) {
        return new RefundOrder(refundId, saleId, "till-1", amount, RefundReason.REQUESTED_BY_CUSTOMER, List.of(lines),
                "key-" + refundId);
    }

    // ------------------------------------------------------------ begin

    @Test
    void journaledRefundReadsBackWithEveryFieldBeforeStripeKnowsIt() {
        paidSale("s-1");
        clock.advance(Duration.ofMinutes(5));

        Refund r = journal.beginRefund(new RefundOrder("r-1", "s-1", "till-2", 350, RefundReason.DUPLICATE,
                List.of(new RefundLine(1, 1)), "key-r-1"));

        assertThat(r.id()).isEqualTo("r-1");
        assertThat(r.saleId()).isEqualTo("s-1");
        assertThat(r.registerId()).isEqualTo("till-2");
        assertThat(r.createdAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(r.updatedAt()).isEqualTo(r.createdAt());
        assertThat(r.amount()).isEqualTo(Money.of(350, "USD"));
        assertThat(r.reason()).isEqualTo(RefundReason.DUPLICATE);
        assertThat(r.lines()).containsExactly(new RefundLine(1, 1));
        assertThat(r.paymentIntentId()).isEqualTo("pi_s-1");
        assertThat(r.paymentMethod()).isEqualTo("card");
        assertThat(r.idempotencyKey()).isEqualTo("key-r-1");
        assertThat(r.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(r.stripeRefundId()).isNull();
        assertThat(journal.findRefund("r-1")).contains(r);
        assertThat(journal.refunds("s-1")).containsExactly(r);
        assertThat(journal.find("s-1").orElseThrow().state()).isEqualTo(SaleState.PAID);
    }

    @Test
    void onlyAPaidSaleWithAPaymentIntentCanBeRefunded() {
        SalesJournalContract.driveTo(journal, "s-open", SaleState.AWAITING_PAYMENT);
        SalesJournalContract.driveTo(journal, "s-cancelled", SaleState.CANCELLED);
        SalesJournalContract.driveTo(journal, "s-no-intent", SaleState.AWAITING_PAYMENT);
        journal.markPaid("s-no-intent", null, null, null);

        assertThat(refusal(amount("r-1", "s-open", 100))).isEqualTo(RefundRefusedException.Why.SALE_NOT_PAID);
        assertThat(refusal(amount("r-2", "s-cancelled", 100))).isEqualTo(RefundRefusedException.Why.SALE_NOT_PAID);
        assertThat(refusal(amount("r-3", "s-no-intent", 100))).isEqualTo(RefundRefusedException.Why.NO_PAYMENT_INTENT);
        assertThatThrownBy(() -> journal.beginRefund(amount("r-4", "nobody", 100)))
                .isInstanceOf(JournalException.class).hasMessageContaining("not in the journal");
        assertThat(journal.unfinishedRefunds()).isEmpty();
        assertThat(journal.findRefund("r-1")).isEmpty();
    }

    @Test
    void partialRefundsAddUpToThePaymentAndNotACentMore() {
        paidSale("s-1");
        journal.beginRefund(amount("r-1", "s-1", 500));
        journal.beginRefund(amount("r-2", "s-1", 400));

        RefundRefusedException tooMuch = catchThrowableOfType(RefundRefusedException.class,
                () -> journal.beginRefund(amount("r-3", "s-1", 76)));
        assertThat(tooMuch.why()).isEqualTo(RefundRefusedException.Why.MORE_THAN_LEFT);
        assertThat(tooMuch.left()).contains(Money.of(75, "USD"));

        journal.beginRefund(amount("r-4", "s-1", 75));
        assertThat(refusal(amount("r-5", "s-1", 1))).isEqualTo(RefundRefusedException.Why.NOTHING_LEFT);
        assertThat(journal.refunds("s-1")).extracting(Refund::id).containsExactly("r-1", "r-2", "r-4");
    }

    @Test
    void aFailedOrRefusedRefundGivesItsAmountBackToWhatCanBeRefunded() {
        paidSale("s-1");
        journal.beginRefund(amount("r-1", "s-1", 975));
        journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null);
        journal.recordRefundStatus("r-1", "re_1", RefundStatus.FAILED, "declined");
        journal.beginRefund(amount("r-2", "s-1", 975));
        journal.recordRefundStatus("r-2", null, RefundStatus.REFUSED, "charge_disputed");

        Refund again = journal.beginRefund(amount("r-3", "s-1", 975));

        assertThat(again.status()).isEqualTo(RefundStatus.REQUESTED);
        RefundBalance balance = RefundBalance.of(journal.find("s-1").orElseThrow(), journal.refunds("s-1"));
        assertThat(balance.inProgress()).isEqualTo(Money.of(975, "USD"));
        assertThat(balance.refundable().isZero()).isTrue();
    }

    @Test
    void linesAreRefundedUnitByUnitAndTheirAmountMustBeTheirSum() {
        paidSale("s-1");
        journal.beginRefund(lines("r-1", "s-1", 350, new RefundLine(1, 1)));

        assertThat(refusal(lines("r-2", "s-1", 700, new RefundLine(1, 2)))).isEqualTo(RefundRefusedException.Why.LINE_UNITS);
        assertThat(refusal(lines("r-3", "s-1", 100, new RefundLine(3, 1)))).isEqualTo(RefundRefusedException.Why.LINE_UNITS);
        assertThat(refusal(lines("r-4", "s-1", 600, new RefundLine(1, 1), new RefundLine(2, 1))))
                .isEqualTo(RefundRefusedException.Why.LINE_AMOUNT);

        Refund rest = journal.beginRefund(lines("r-5", "s-1", 625, new RefundLine(1, 1), new RefundLine(2, 1)));
        assertThat(rest.lines()).containsExactly(new RefundLine(1, 1), new RefundLine(2, 1));
        assertThat(RefundBalance.unitsLeft(journal.find("s-1").orElseThrow(), journal.refunds("s-1")))
                .containsExactly(0, 0);
        assertThat(refusal(amount("r-6", "s-1", 1))).isEqualTo(RefundRefusedException.Why.NOTHING_LEFT);
    }

    @Test
    void theSameOrderAgainIsARetryButItsIdOrKeyCannotBeUsedForAnother() {
        paidSale("s-1");
        Refund first = journal.beginRefund(amount("r-1", "s-1", 100));
        clock.advance(Duration.ofSeconds(3));

        assertThat(journal.beginRefund(amount("r-1", "s-1", 100))).isEqualTo(first);
        assertThat(refusal(amount("r-1", "s-1", 200))).isEqualTo(RefundRefusedException.Why.DUPLICATE);
        assertThat(refusal(new RefundOrder("r-2", "s-1", "till-1", 100, RefundReason.DUPLICATE, List.of(),
                "key-r-1"))).isEqualTo(RefundRefusedException.Why.DUPLICATE);
        assertThat(refusal(new RefundOrder("r-3", "s-1", "till-1", 100, RefundReason.DUPLICATE, List.of(),
                "s-1-k1"))).as("a sale attempt's key").isEqualTo(RefundRefusedException.Why.DUPLICATE);
        assertThat(journal.refunds("s-1")).containsExactly(first);
    }

    // ------------------------------------------------------------ another register's sales; the store deciding

    /** A paid sale of 975 cents of register till-9, as the store ledger holds it: not in this journal. */
    static Sale soldElsewhere(String saleId, SaleState state) {
        return new Sale(saleId, "till-9", T0.minusSeconds(600), SalesJournalContract.USD,
                SalesJournalContract.twoLines(), 975, state, 1, saleId + "-k1", saleId + "-cs1", null,
                state == SaleState.PAID ? "pi_" + saleId : null, state == SaleState.PAID ? "amazon_pay" : null,
                T0.minusSeconds(500), T0.minusSeconds(600));
    }

    @Test
    void aRefundOfAnotherRegistersSaleIsJournaledHereForTheStoreToDecide() {
        Sale far = soldElsewhere("far-1", SaleState.PAID);
        clock.advance(Duration.ofSeconds(2));

        Refund r = journal.beginStoreRefund(lines("r-1", "far-1", 350, new RefundLine(1, 1)), far);

        assertThat(r.storeDecides()).as("only the ledger sees every register's refunds of it").isTrue();
        assertThat(r.saleId()).isEqualTo("far-1");
        assertThat(r.registerId()).as("the register refunding").isEqualTo("till-1");
        assertThat(r.paymentIntentId()).isEqualTo("pi_far-1");
        assertThat(r.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(r.amount()).isEqualTo(Money.of(350, "USD"));
        assertThat(r.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(r.createdAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(journal.findRefund("r-1")).contains(r);
        assertThat(journal.refunds("far-1")).containsExactly(r);
        assertThat(journal.unfinishedRefunds()).containsExactly(r);
        assertThat(journal.find("far-1")).as("the sale stays its register's").isEmpty();
        assertThat(journal.beginStoreRefund(lines("r-1", "far-1", 350, new RefundLine(1, 1)), far)).isEqualTo(r);

        assertThat(refusal(() -> journal.beginStoreRefund(amount("r-2", "far-1", 626), far)))
                .as("checked here against this journal's own refunds of it").isEqualTo(RefundRefusedException.Why.MORE_THAN_LEFT);
        Refund done = journal.recordRefundStatus("r-1", "re_1", RefundStatus.SUCCEEDED, null);
        assertThat(done.storeDecides()).isTrue();
        assertThat(journal.findRefund("r-1")).contains(done);
    }

    @Test
    void onlyAPaidSaleOfAnotherRegisterIsJournaledSoAndNeverOneOfThisJournal() {
        paidSale("s-own");

        assertThat(refusal(() -> journal.beginStoreRefund(amount("r-1", "far-open", 100),
                soldElsewhere("far-open", SaleState.AWAITING_PAYMENT)))).isEqualTo(RefundRefusedException.Why.SALE_NOT_PAID);
        Sale own = journal.find("s-own").orElseThrow();
        assertThatThrownBy(() -> journal.beginStoreRefund(amount("r-2", "s-own", 100), own))
                .isInstanceOf(JournalException.class).hasMessageContaining("this journal's own");
        assertThat(journal.refunds("s-own")).isEmpty();
        assertThat(journal.unfinishedRefunds()).isEmpty();
    }

    @Test
    void aSaleHandedToTheStoreHasEveryLaterRefundDecidedThere() {
        paidSale("s-1");
        Refund before = journal.beginRefund(amount("r-1", "s-1", 100));
        Sale sale = journal.find("s-1").orElseThrow();

        assertThat(journal.handRefundsToStore("s-1")).isTrue();
        assertThat(journal.handRefundsToStore("s-1")).as("once is enough").isFalse();
        Refund after = journal.beginRefund(amount("r-2", "s-1", 100));

        assertThat(before.storeDecides()).as("decided by this journal").isFalse();
        assertThat(after.storeDecides()).isTrue();
        assertThat(journal.find("s-1")).as("the sale itself is as it was").contains(sale);
        assertThat(journal.refunds("s-1")).containsExactly(before, after);
        assertThatThrownBy(() -> journal.handRefundsToStore("nobody")).isInstanceOf(JournalException.class)
                .hasMessageContaining("not in the journal");
    }

    // ------------------------------------------------------------ statuses

    @Test
    void statusFollowsStripeAndAFinalOneNeverChanges() {
        paidSale("s-1");
        journal.beginRefund(amount("r-1", "s-1", 100));
        clock.advance(Duration.ofSeconds(1));

        Refund pending = journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null);
        assertThat(pending.status()).isEqualTo(RefundStatus.PENDING);
        assertThat(pending.stripeRefundId()).isEqualTo("re_1");
        assertThat(pending.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null)).isEqualTo(pending);

        Refund done = journal.recordRefundStatus("r-1", null, RefundStatus.SUCCEEDED, null);
        assertThat(done.stripeRefundId()).isEqualTo("re_1");
        assertThat(journal.recordRefundStatus("r-1", "re_1", RefundStatus.SUCCEEDED, null)).isEqualTo(done);
        assertThatThrownBy(() -> journal.recordRefundStatus("r-1", "re_1", RefundStatus.FAILED, "late"))
                .isInstanceOf(JournalException.class).hasMessageContaining("SUCCEEDED already");
        assertThatThrownBy(() -> journal.recordRefundStatus("r-1", "re_1", RefundStatus.REQUESTED, null))
                .isInstanceOf(JournalException.class);
        assertThat(journal.findRefund("r-1")).contains(done);
    }

    @Test
    void stripesIdIsRecordedOnceAndForOneRefundOnly() {
        paidSale("s-1");
        journal.beginRefund(amount("r-1", "s-1", 100));
        journal.beginRefund(amount("r-2", "s-1", 100));
        journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null);

        assertThatThrownBy(() -> journal.recordRefundStatus("r-1", "re_other", RefundStatus.SUCCEEDED, null))
                .isInstanceOf(JournalException.class).hasMessageContaining("re_1");
        assertThatThrownBy(() -> journal.recordRefundStatus("r-2", "re_1", RefundStatus.PENDING, null))
                .isInstanceOf(JournalException.class).hasMessageContaining("r-1");
        assertThat(journal.findRefund("r-2").orElseThrow().status()).isEqualTo(RefundStatus.REQUESTED);
        assertThatThrownBy(() -> journal.recordRefundStatus("r-9", "re_9", RefundStatus.PENDING, null))
                .isInstanceOf(JournalException.class).hasMessageContaining("not in the journal");
    }

    @Test
    void onlyARefundStripeNeverTookCanBeRefused() {
        paidSale("s-1");
        journal.beginRefund(amount("r-1", "s-1", 100));
        journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null);

        assertThatThrownBy(() -> journal.recordRefundStatus("r-1", null, RefundStatus.REFUSED, "x"))
                .isInstanceOf(JournalException.class).hasMessageContaining("reached Stripe");
        journal.beginRefund(amount("r-2", "s-1", 100));
        Refund refused = journal.recordRefundStatus("r-2", null, RefundStatus.REFUSED, "charge_already_refunded");
        assertThat(refused.failureReason()).isEqualTo("charge_already_refunded");
    }

    // ------------------------------------------------------------ lists

    @Test
    void unfinishedRefundsAreThoseNotFinal() {
        paidSale("s-1");
        journal.beginRefund(amount("r-requested", "s-1", 100));
        journal.beginRefund(amount("r-pending", "s-1", 100));
        journal.recordRefundStatus("r-pending", "re_p", RefundStatus.PENDING, null);
        journal.beginRefund(amount("r-action", "s-1", 100));
        journal.recordRefundStatus("r-action", "re_a", RefundStatus.REQUIRES_ACTION, null);
        journal.beginRefund(amount("r-done", "s-1", 100));
        journal.recordRefundStatus("r-done", "re_d", RefundStatus.SUCCEEDED, null);
        journal.beginRefund(amount("r-failed", "s-1", 100));
        journal.recordRefundStatus("r-failed", "re_f", RefundStatus.FAILED, "declined");

        assertThat(journal.unfinishedRefunds()).extracting(Refund::id)
                .containsExactly("r-requested", "r-pending", "r-action");
    }

    @Test
    void refundsAreListedOnTheDayTheyWereMadeHalfOpen() {
        paidSale("s-1");
        journal.beginRefund(amount("r-1", "s-1", 100));
        clock.advance(Duration.ofDays(1));
        journal.beginRefund(amount("r-2", "s-1", 100));

        assertThat(journal.refundsCreatedBetween(T0, T0.plus(Duration.ofDays(1)))).extracting(Refund::id)
                .containsExactly("r-1");
        assertThat(journal.refundsCreatedBetween(T0.plusMillis(1), T0.plus(Duration.ofDays(2))))
                .extracting(Refund::id).containsExactly("r-2");
    }

    // ------------------------------------------------------------ concurrency

    @Test
    void refundsRacingForOneSaleNeverGiveBackMoreThanWasPaid() throws Exception {
        paidSale("s-1");
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "r-" + i;
            racers.add(() -> {
                try {
                    journal.beginRefund(amount(id, "s-1", 300));
                    return true;
                } catch (RefundRefusedException refused) {
                    return false;
                }
            });
        }

        assertThat(SalesJournalContract.race(racers)).filteredOn(won -> won).hasSize(3);
        assertThat(journal.refunds("s-1")).hasSize(3)
                .extracting(Refund::amountMinor).containsOnly(300L);
    }

    @Test
    void closedJournalRefusesRefunds() {
        paidSale("s-1");
        journal.close();
        assertThatThrownBy(() -> journal.beginRefund(amount("r-1", "s-1", 100)))
                .isInstanceOf(JournalException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> journal.beginStoreRefund(amount("r-2", "far-1", 100),
                soldElsewhere("far-1", SaleState.PAID))).isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.handRefundsToStore("s-1")).isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.refunds("s-1")).isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.unfinishedRefunds()).isInstanceOf(JournalException.class);
    }

    private RefundRefusedException.Why refusal(RefundOrder order) {
        return refusal(() -> journal.beginRefund(order));
    }

    private static RefundRefusedException.Why refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable write) {
        RefundRefusedException e = catchThrowableOfType(RefundRefusedException.class, write);
        assertThat(e).as("a refusal").isNotNull();
        return e.why();
    }
}
