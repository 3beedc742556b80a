package app.scantill.journal;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite journal holds to the {@link SalesJournalRefundContract}. */
class JdbcSalesJournalRefundContractTest extends SalesJournalRefundContract {

    @TempDir
    Path dir;

    @Override
    protected SalesJournal newJournal(Clock clock) {
        return JdbcSalesJournal.open(dir.resolve("journal.db"), clock);
    }
}
