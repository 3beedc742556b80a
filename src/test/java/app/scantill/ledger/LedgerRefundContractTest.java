package app.scantill.ledger;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.SalesJournal;
import app.scantill.journal.SalesJournalRefundContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's refund reads hold to the {@link SalesJournalRefundContract}: every refund is journaled by a real
 * SQLite journal keeping an outbox, shipped to PostgreSQL as it is written, and every refund the contract reads back
 * ({@code findRefund}, {@code refunds}, {@code refundsCreatedBetween}, {@code unfinishedRefunds}) comes from
 * {@link LedgerRefunds}: refunds reach the store ledger whole, to the millisecond, in the order they were made.
 */
class LedgerRefundContractTest extends SalesJournalRefundContract {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static StoreLedger ledger;

    @TempDir
    Path dir;

    @BeforeAll
    static void openLedger() {
        ledger = StoreLedger.open(DB.address("ledger refund contract"));
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
        return new ShippedJournal(local, ledger);
    }
}
