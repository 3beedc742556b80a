package app.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scantill.checkout.Conditions;
import app.scantill.journal.MutableClock;
import app.scantill.journal.RefundRefusedException;
import app.scantill.money.Money;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store ledger as the one place that decides refunds across registers (docs/adr/0122): a register refunding
 * another's sale waits for that register to hand the sale's refunds over, the hand-over arrives after every refund
 * the selling register made before it, and reservations under the sale's lock never give back more than was paid,
 * however many tills ask at once. Checked against a real PostgreSQL, with real till journals and shippers.
 */
class LedgerRefundsTest {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static StoreLedger ledger;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-03T09:00:00Z"));
    private final List<StoreTill> tills = new ArrayList<>();
    private LedgerRefunds refunds;
    private LedgerSales sales;

    @BeforeAll
    static void open() {
        ledger = StoreLedger.open(DB.address("ledger refunds test"));
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        DB.emptyLedger();
        refunds = new LedgerRefunds(ledger);
        sales = new LedgerSales(ledger);
    }

    @AfterEach
    void closeTills() {
        tills.forEach(StoreTill::close);
    }

    private StoreTill till(String register) {
        StoreTill t = new StoreTill(register, dir, clock, ledger);
        tills.add(t);
        return t;
    }

    /** A sale of {@code seller}, paid and shipped, as the other registers read it from the ledger. */
    private Sale soldAndShipped(StoreTill seller, String saleId) {
        seller.paid(saleId, "card");
        seller.ship();
        return sales.find(saleId).orElseThrow();
    }

    @Test
    void aRefundOfAnotherRegistersSaleWaitsUntilThatRegisterHandsTheSaleOverThenIsReservedOnce() throws Exception {
        StoreTill front = till("front");
        StoreTill back = till("back");
        Sale sale = soldAndShipped(front, "s-1");
        Refund refund = back.refundOf(sale, "r-back-1", 500);
        back.ship();

        assertThat(refunds.reserve(refund)).isEqualTo(new LedgerRefunds.Reservation(false, "front"));
        try (Connection c = DB.connection()) {
            assertThat(LedgerRefunds.handoversAsked(c, "front")).containsExactly("s-1");
            assertThat(LedgerRefunds.handoversAsked(c, "back")).isEmpty();
        }

        assertThat(front.journal.handRefundsToStore("s-1")).isTrue();
        assertThat(refunds.reserve(refund).reserved()).as("the hand-over is in front's outbox, not in the ledger")
                .isFalse();
        front.ship();
        assertThat(refunds.reserve(refund).reserved()).isTrue();
        assertThat(refunds.reserve(refund).reserved()).as("a retry finds it reserved").isTrue();

        try (Connection c = DB.connection()) {
            assertThat(LedgerRefunds.handoversAsked(c, "front")).isEmpty();
            assertThat(text(c, "SELECT reserved_at IS NOT NULL FROM refunds WHERE id = 'r-back-1'")).isEqualTo("t");
            assertThat(text(c, "SELECT count(*) FROM refunds")).isEqualTo("1");
        }
        assertThat(refunds.refunds("s-1")).containsExactly(back.journal.findRefund("r-back-1").orElseThrow());
    }

    @Test
    void whatTheSellingRegisterRefundedBeforeTheHandOverCountsAndWhatDoesNotFitIsRefused() throws Exception {
        StoreTill front = till("front");
        StoreTill back = till("back");
        Sale sale = soldAndShipped(front, "s-1");
        // Front refunds on its own (its journal decides), still in its outbox when it hands the sale over.
        front.journal.beginRefund(front.order("r-front-1", "s-1", 600));
        front.journal.handRefundsToStore("s-1");
        front.ship();

        Refund tooMuch = back.refundOf(sale, "r-back-1", 500);
        RefundRefusedException refused = catchThrowableOfType(RefundRefusedException.class,
                () -> refunds.reserve(tooMuch));
        assertThat(refused.why()).isEqualTo(RefundRefusedException.Why.MORE_THAN_LEFT);
        assertThat(refused.left()).contains(Money.of(375, "USD"));

        assertThat(refunds.reserve(back.refundOf(sale, "r-back-2", 375)).reserved()).isTrue();
        Refund frontAgain = front.journal.beginRefund(front.order("r-front-2", "s-1", 1));
        assertThat(frontAgain.storeDecides()).as("the sale is the store's to decide now").isTrue();
        assertThat(catchThrowableOfType(RefundRefusedException.class, () -> refunds.reserve(frontAgain)).why())
                .isEqualTo(RefundRefusedException.Why.NOTHING_LEFT);
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT count(*) FROM refunds WHERE reserved_at IS NOT NULL")).isEqualTo("1");
        }
    }

    @Test
    void linesAreCheckedAcrossRegistersUnitByUnit() {
        StoreTill front = till("front");
        StoreTill back = till("back");
        Sale sale = soldAndShipped(front, "s-1");
        front.journal.beginRefund(front.order("r-front-1", "s-1", 350, new RefundLine(1, 1)));
        front.journal.handRefundsToStore("s-1");
        front.ship();

        Refund twoCoffees = back.refundOf(sale, "r-back-1", 700, new RefundLine(1, 2));
        assertThat(catchThrowableOfType(RefundRefusedException.class, () -> refunds.reserve(twoCoffees)).why())
                .as("Stripe would take it (the money fits): only the store sees the coffee went back once already")
                .isEqualTo(RefundRefusedException.Why.LINE_UNITS);
        back.journal.recordRefundStatus("r-back-1", null, RefundStatus.REFUSED, "store_line_units");
        assertThat(refunds.reserve(back.refundOf(sale, "r-back-2", 350, new RefundLine(1, 1))).reserved()).isTrue();
    }

    @Test
    void reservationsOfOneSaleFromManyTillsAtOnceNeverExceedWhatWasPaid() throws Exception {
        StoreTill front = till("front");
        Sale sale = soldAndShipped(front, "s-1");
        front.journal.handRefundsToStore("s-1");
        front.ship();
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Refund r = new Refund("r-" + i, "s-1", "till-" + i, clock.instant(), StoreTill.USD, 300,
                    RefundReason.REQUESTED_BY_CUSTOMER, List.of(), sale.paymentIntentId(), "card", "key-r-" + i,
                    RefundStatus.REQUESTED, null, null, clock.instant(), true);
            racers.add(() -> {
                try {
                    return refunds.reserve(r).reserved();
                } catch (RefundRefusedException refused) {
                    return false;
                }
            });
        }

        assertThat(race(racers)).filteredOn(won -> won).hasSize(3);
        RefundBalance balance = RefundBalance.of(sale, refunds.refunds("s-1"));
        assertThat(balance.inProgress()).isEqualTo(Money.of(900, "USD"));
        assertThat(balance.refundable()).isEqualTo(Money.of(75, "USD"));
    }

    @Test
    void aRefundShippedBeforeItIsReservedHoldsNothingUntilReservedAndAFailedOneGivesItsAmountBack() {
        StoreTill front = till("front");
        StoreTill back = till("back");
        StoreTill side = till("side");
        Sale sale = soldAndShipped(front, "s-1");
        front.journal.handRefundsToStore("s-1");
        front.ship();
        Refund shippedFirst = back.refundOf(sale, "r-back-1", 975);
        back.ship();

        Refund sideRefund = side.refundOf(sale, "r-side-1", 975);
        assertThat(refunds.reserve(sideRefund).reserved())
                .as("back's refund cannot reach Stripe unreserved: it holds nothing yet").isTrue();
        assertThat(catchThrowableOfType(RefundRefusedException.class, () -> refunds.reserve(shippedFirst)).why())
                .isEqualTo(RefundRefusedException.Why.NOTHING_LEFT);

        side.journal.recordRefundStatus("r-side-1", "re_1", RefundStatus.PENDING, null);
        side.journal.recordRefundStatus("r-side-1", "re_1", RefundStatus.FAILED, "declined");
        side.ship();
        assertThat(refunds.reserve(shippedFirst).reserved()).isTrue();
        assertThat(refunds.find("r-side-1").orElseThrow().status()).isEqualTo(RefundStatus.FAILED);
    }

    @Test
    void aSaleNotInTheLedgerYetMeansWaitingForItsRegister() {
        StoreTill back = till("back");
        Sale notShipped = till("front").paid("s-9", "card");

        Refund r = back.refundOf(notShipped, "r-back-1", 100);

        assertThat(refunds.reserve(r)).isEqualTo(new LedgerRefunds.Reservation(false, null));
    }

    @Test
    void theSellingRegistersSessionHearsTheRequestToHandItsSaleOver() throws Exception {
        StoreTill front = till("front");
        StoreTill back = till("back");
        Sale sale = soldAndShipped(front, "s-1");
        List<String> asked = new CopyOnWriteArrayList<>();
        try (StoreSession session = StoreSession.claim(ledger, "front", "test", false)) {
            session.start(new StoreSession.Listener() {
                @Override
                public void outcome(StripeOutcome outcome) {
                }

                @Override
                public void watch(StoreSession.Watch watch) {
                }

                @Override
                public void elected(WatcherSeat seat) {
                }

                @Override
                public void deposed() {
                }

                @Override
                public void handOverRefunds(String saleId) {
                    asked.add(saleId);
                    front.journal.handRefundsToStore(saleId);
                    front.ship();
                }
            });

            Refund r = back.refundOf(sale, "r-back-1", 100);
            assertThat(refunds.reserve(r).reserved()).isFalse();

            assertThat(Conditions.eventually(() -> refunds.reserve(r).reserved(), Duration.ofSeconds(5))).isTrue();
            assertThat(asked).startsWith("s-1");
        }
    }

    @Test
    void refundChangesSentAgainAreAppliedOnceAndAnOlderOneNeverOverwritesANewerOne() throws Exception {
        StoreTill front = till("front");
        front.paid("s-1", "card");
        front.journal.beginRefund(front.order("r-1", "s-1", 200));
        front.journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null);
        front.journal.recordRefundStatus("r-1", "re_1", RefundStatus.SUCCEEDED, null);
        List<app.scantill.journal.OutboxChange> all = front.journal.outbox().orElseThrow().pending(100);

        ledger.inTransaction("apply out of order, twice", c -> {
            for (int i = all.size() - 1; i >= 0; i--) {
                LedgerTables.apply(c, all.get(i));
            }
            for (app.scantill.journal.OutboxChange change : all) {
                LedgerTables.apply(c, change);
            }
            return null;
        });

        assertThat(refunds.find("r-1")).contains(front.journal.findRefund("r-1").orElseThrow());
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT string_agg(change_no::text, ',' ORDER BY change_no) FROM refund_changes"))
                    .isEqualTo("1,2,3");
        }
    }

    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
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
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
