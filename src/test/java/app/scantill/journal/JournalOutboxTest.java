package app.scantill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.sale.Refund;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite journal's outbox for the store ledger: every change queued with the write, in order, once. */
class JournalOutboxTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<SaleLine> LINES = List.of(new SaleLine("SKU-1", "Tea", 250, 2));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private JdbcSalesJournal open(boolean outbox) {
        return JdbcSalesJournal.open(dir.resolve("journal.db"), clock, Duration.ofSeconds(2), outbox);
    }

    @Test
    void everyChangeIsQueuedWithTheSaleAsItLeftItInOrder() {
        try (JdbcSalesJournal journal = open(true)) {
            journal.begin("s-1", "till-1", EUR, LINES, "k1");
            clock.advance(Duration.ofSeconds(1));
            journal.recordSession("s-1", "cs_1", clock.instant().plusSeconds(1800));
            journal.recordSession("s-1", "cs_1", clock.instant().plusSeconds(1800)); // a retry: no change
            clock.advance(Duration.ofSeconds(1));
            Sale paid = journal.markPaid("s-1", "pi_1", "card", null);

            List<SaleChange> pending = sales(journal.outbox().orElseThrow().pending(100));

            assertThat(pending).extracting(SaleChange::changeNo).containsExactly(1, 2, 3);
            assertThat(pending).extracting(c -> c.image().sale().state())
                    .containsExactly(SaleState.CHARGING, SaleState.AWAITING_PAYMENT, SaleState.PAID);
            assertThat(pending.get(2).image().sale()).isEqualTo(paid);
            assertThat(pending.get(2).image().history()).isEqualTo(journal.history("s-1"));
            assertThat(pending.get(1).image().attempts()).singleElement()
                    .satisfies(a -> assertThat(a.sessionId()).isEqualTo("cs_1"));
            assertThat(journal.outbox().get().unshippedSales()).containsExactly("s-1");
        }
    }

    @Test
    void shippedChangesLeaveTheOutboxAndTheRestStayInOrder() {
        try (JdbcSalesJournal journal = open(true)) {
            journal.begin("s-1", "till-1", EUR, LINES, "k1");
            journal.begin("s-2", "till-1", EUR, LINES, "k2");
            journal.transition("s-1", SaleState.CANCELLED, "cashier");
            SaleOutbox outbox = journal.outbox().orElseThrow();

            outbox.shipped(outbox.pending(2));

            assertThat(outbox.pending(10)).extracting(c -> c.saleId() + "#" + c.changeNo()).containsExactly("s-1#2");
            assertThat(outbox.unshippedSales()).containsExactly("s-1");
        }
    }

    @Test
    void aJournalWithoutALedgerQueuesNothingAndATillJoiningAStoreBringsItsSalesAlong() {
        try (JdbcSalesJournal alone = open(false)) {
            alone.begin("s-1", "till-1", EUR, LINES, "k1");
            alone.transition("s-1", SaleState.CANCELLED, "cashier");
            assertThat(alone.outbox()).isEmpty();
        }
        try (JdbcSalesJournal joined = open(true)) {
            List<SaleChange> pending = sales(joined.outbox().orElseThrow().pending(10));
            assertThat(pending).singleElement().satisfies(c -> {
                assertThat(c.changeNo()).isEqualTo(2);
                assertThat(c.image().sale().state()).isEqualTo(SaleState.CANCELLED);
                assertThat(c.image().history()).hasSize(2);
            });
            joined.begin("s-2", "till-1", EUR, LINES, "k2");
            assertThat(joined.outbox().get().pending(10)).extracting(c -> c.saleId() + "#" + c.changeNo())
                    .containsExactly("s-1#2", "s-2#1");
        }
        try (JdbcSalesJournal again = open(true)) {
            assertThat(again.outbox().orElseThrow().pending(10)).as("queued once, not again on the next start")
                    .hasSize(2);
        }
    }

    @Test
    void aRefusedWriteQueuesNothing() throws Exception {
        try (JdbcSalesJournal journal = open(true)) {
            journal.begin("s-1", "till-1", EUR, LINES, "k1");
            journal.markPaid("s-1", "pi_1", "card", null);
            try {
                journal.transition("s-1", SaleState.CANCELLED, "too late");
            } catch (IllegalTransitionException expected) {
                // refused, as it must be
            }
            assertThat(journal.outbox().orElseThrow().pending(10)).hasSize(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
                Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT changes, queued FROM sales WHERE id = 's-1'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void anImageReadsBackAsWritten() {
        try (JdbcSalesJournal journal = open(true)) {
            journal.begin("s-1", "till-1", EUR, LINES, "k1");
            journal.transition("s-1", SaleState.EXPIRED, "expired");
            journal.newAttempt("s-1", "k2");
            SaleImage image = sales(journal.outbox().orElseThrow().pending(10)).get(2).image();

            assertThat(SaleImageJson.decode(SaleImageJson.encode(image))).isEqualTo(image);
            assertThat(image.attempts()).extracting(SaleImage.Attempt::idempotencyKey).containsExactly("k1", "k2");
        }
    }

    // ------------------------------------------------------------ refunds (docs/adr/0122)

    @Test
    void everyChangeOfARefundIsQueuedWithTheRefundAsItLeftItAfterTheSalesChanges() {
        try (JdbcSalesJournal journal = open(true)) {
            paid(journal, "s-1");
            Refund requested = journal.beginRefund(SalesJournalRefundContract.amount("r-1", "s-1", 200));
            clock.advance(Duration.ofSeconds(1));
            journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null);
            journal.recordRefundStatus("r-1", "re_1", RefundStatus.PENDING, null); // the same answer: no change
            Refund done = journal.recordRefundStatus("r-1", "re_1", RefundStatus.SUCCEEDED, null);

            List<OutboxChange> pending = journal.outbox().orElseThrow().pending(100);

            assertThat(pending).extracting(JournalOutboxTest::label)
                    .containsExactly("s-1#1", "s-1#2", "s-1#3", "r-1#1", "r-1#2", "r-1#3");
            List<RefundChange> refundChanges = refunds(pending);
            assertThat(refundChanges.get(0).image()).isEqualTo(requested);
            assertThat(refundChanges).extracting(c -> c.image().status())
                    .containsExactly(RefundStatus.REQUESTED, RefundStatus.PENDING, RefundStatus.SUCCEEDED);
            assertThat(refundChanges.get(2).image()).isEqualTo(done);
            assertThat(RefundJson.decode(RefundJson.encode(done))).isEqualTo(done);
            assertThat(refundChanges).allSatisfy(c -> assertThat(c.saleId()).isEqualTo("s-1"));

            journal.outbox().get().shipped(pending.subList(0, 3));
            assertThat(journal.outbox().get().unshippedSales()).as("a sale whose refund is not shipped yet")
                    .containsExactly("s-1");
            journal.outbox().get().shipped(journal.outbox().get().pending(100));
            assertThat(journal.outbox().get().unshippedSales()).isEmpty();
        }
    }

    @Test
    void handingASalesRefundsToTheStoreIsAChangeOfTheSaleQueuedAfterEveryRefundMadeBefore() {
        try (JdbcSalesJournal journal = open(true)) {
            paid(journal, "s-1");
            journal.beginRefund(SalesJournalRefundContract.amount("r-1", "s-1", 200));

            journal.handRefundsToStore("s-1");
            journal.handRefundsToStore("s-1");

            List<OutboxChange> pending = journal.outbox().orElseThrow().pending(100);
            assertThat(pending).extracting(JournalOutboxTest::label)
                    .containsExactly("s-1#1", "s-1#2", "s-1#3", "r-1#1", "s-1#4");
            SaleChange handover = (SaleChange) pending.get(4);
            assertThat(handover.image().refundsInStore()).isTrue();
            assertThat(((SaleChange) pending.get(2)).image().refundsInStore()).isFalse();
            assertThat(SaleImageJson.decode(SaleImageJson.encode(handover.image()))).isEqualTo(handover.image());
        }
    }

    @Test
    void aRefundOfAnotherRegistersSaleIsQueuedThoughItsSaleIsNotInThisJournal() {
        try (JdbcSalesJournal journal = open(true)) {
            Sale far = SalesJournalRefundContract.soldElsewhere("far-1", SaleState.PAID);

            Refund r = journal.beginStoreRefund(SalesJournalRefundContract.amount("r-1", "far-1", 300), far);

            assertThat(refunds(journal.outbox().orElseThrow().pending(10))).singleElement().satisfies(c -> {
                assertThat(c.changeNo()).isEqualTo(1);
                assertThat(c.image()).isEqualTo(r);
                assertThat(c.saleId()).isEqualTo("far-1");
            });
            assertThat(journal.outbox().get().unshippedSales()).containsExactly("far-1");
        }
    }

    @Test
    void aTillJoiningAStoreBringsItsRefundsAlongAfterItsSales() {
        try (JdbcSalesJournal alone = open(false)) {
            paid(alone, "s-1");
            alone.beginRefund(SalesJournalRefundContract.amount("r-1", "s-1", 200));
            alone.recordRefundStatus("r-1", "re_1", RefundStatus.SUCCEEDED, null);
            assertThat(alone.outbox()).isEmpty();
        }
        try (JdbcSalesJournal joined = open(true)) {
            List<OutboxChange> pending = joined.outbox().orElseThrow().pending(10);
            assertThat(pending).extracting(JournalOutboxTest::label).containsExactly("s-1#3", "r-1#2");
            assertThat(refunds(pending)).singleElement()
                    .satisfies(c -> assertThat(c.image()).isEqualTo(joined.findRefund("r-1").orElseThrow()));
        }
        try (JdbcSalesJournal again = open(true)) {
            assertThat(again.outbox().orElseThrow().pending(10)).as("queued once").hasSize(2);
        }
    }

    private void paid(JdbcSalesJournal journal, String saleId) {
        journal.begin(saleId, "till-1", EUR, LINES, saleId + "-k1");
        journal.recordSession(saleId, saleId + "-cs1", null);
        journal.markPaid(saleId, "pi_" + saleId, "card", null);
    }

    private static String label(OutboxChange c) {
        return (c instanceof RefundChange r ? r.refundId() : c.saleId()) + "#" + c.changeNo();
    }

    static List<RefundChange> refunds(List<OutboxChange> changes) {
        return changes.stream().filter(c -> c instanceof RefundChange).map(RefundChange.class::cast).toList();
    }

    /** The outbox's changes, every one a change of a sale. */
    static List<SaleChange> sales(List<OutboxChange> changes) {
        assertThat(changes).allMatch(c -> c instanceof SaleChange);
        return changes.stream().map(SaleChange.class::cast).toList();
    }
}
