package app.scantill.ledger;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.journal.SalesJournalContract;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's reads hold to the {@link SalesJournalContract}: every write goes to a real SQLite journal
 * keeping an outbox, the shipper carries it to PostgreSQL, and every read is answered by
 * {@link LedgerSales} from the ledger alone. What the suite compares (a written sale equals the one read
 * back, to the millisecond; history, keys, lists oldest first) therefore holds end to end: journal,
 * outbox, shipping and the ledger's tables.
 */
class LedgerSalesContractTest extends SalesJournalContract {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static StoreLedger ledger;

    @TempDir
    Path dir;

    @BeforeAll
    static void openLedger() {
        ledger = StoreLedger.open(DB.address("ledger contract"));
    }

    @AfterAll
    static void closeLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Override
    protected SalesJournal newJournal(Clock clock) {
        try {
            DB.emptyLedger();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JdbcSalesJournal local = JdbcSalesJournal.open(dir.resolve("journal-" + System.nanoTime() + ".db"), clock,
                Duration.ofSeconds(5), true);
        return new ShippedJournal(local, new LedgerShipper(local.outbox().orElseThrow(), ledger),
                new LedgerSales(ledger));
    }

    /** Writes to the till's journal and ships at once; reads from the ledger only. */
    private static final class ShippedJournal implements SalesJournal {
        private final JdbcSalesJournal local;
        private final LedgerShipper shipper;
        private final LedgerSales store;
        private volatile boolean closed;

        ShippedJournal(JdbcSalesJournal local, LedgerShipper shipper, LedgerSales store) {
            this.local = local;
            this.shipper = shipper;
            this.store = store;
        }

        private <T> T written(Supplier<T> write) {
            try {
                return write.get();
            } finally {
                if (!closed) {
                    shipper.drain();
                }
            }
        }

        private <T> T read(Supplier<T> read) {
            if (closed) {
                throw new JournalException("Could not read: the journal is closed");
            }
            return read.get();
        }

        @Override
        public Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines, String key) {
            return written(() -> local.begin(saleId, registerId, currency, lines, key));
        }

        @Override
        public Sale newAttempt(String saleId, String key) {
            return written(() -> local.newAttempt(saleId, key));
        }

        @Override
        public Sale replaceAttempt(String saleId, String key, String why) {
            return written(() -> local.replaceAttempt(saleId, key, why));
        }

        @Override
        public Sale recordSession(String saleId, String sessionId, Instant expiresAt) {
            return written(() -> local.recordSession(saleId, sessionId, expiresAt));
        }

        @Override
        public Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note) {
            return written(() -> local.markPaid(saleId, paymentIntentId, paymentMethod, note));
        }

        @Override
        public Sale transition(String saleId, SaleState to, String note) {
            return written(() -> local.transition(saleId, to, note));
        }

        @Override
        public Optional<Sale> find(String saleId) {
            return read(() -> store.find(saleId));
        }

        @Override
        public List<Sale> unfinished() {
            return read(store::unfinished);
        }

        @Override
        public List<Sale> createdBetween(Instant from, Instant to) {
            return read(() -> store.createdBetween(from, to));
        }

        @Override
        public List<StateChange> history(String saleId) {
            return read(() -> store.history(saleId));
        }

        @Override
        public List<String> attemptKeys(String saleId) {
            return read(() -> store.attemptKeys(saleId));
        }

        // Refunds are journaled by the till and not shipped to the ledger: they stay the local journal's.

        @Override
        public Refund beginRefund(RefundOrder order) {
            return local.beginRefund(order);
        }

        @Override
        public Refund recordRefundStatus(String refundId, String stripeRefundId, RefundStatus status,
                String failureReason) {
            return local.recordRefundStatus(refundId, stripeRefundId, status, failureReason);
        }

        @Override
        public Optional<Refund> findRefund(String refundId) {
            return local.findRefund(refundId);
        }

        @Override
        public List<Refund> unfinishedRefunds() {
            return local.unfinishedRefunds();
        }

        @Override
        public List<Refund> refunds(String saleId) {
            return local.refunds(saleId);
        }

        @Override
        public List<Refund> refundsCreatedBetween(Instant from, Instant to) {
            return local.refundsCreatedBetween(from, to);
        }

        @Override
        public void close() {
            closed = true;
            shipper.close();
            local.close();
        }
    }
}
