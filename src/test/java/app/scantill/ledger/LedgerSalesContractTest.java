package app.scantill.ledger;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.SalesJournal;
import app.scantill.journal.SalesJournalContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's reads hold to the {@link SalesJournalContract}: every write goes to a real SQLite journal
 * keeping an outbox, the shipper carries it to PostgreSQL, and every read is answered by
 * {@link LedgerSales} from the ledger alone. What the suite compares (a written sale equals the one read
 * back, to the millisecond; history, keys, lists oldest first) therefore holds end to end: journal,
 * outbox, shipping and the ledger's tables ({@link ShippedJournal}).
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
        return new ShippedJournal(local, ledger);
    }
}
