package app.scantill.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.config.MachineName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One till per journal, and the journal's files private to their owner. */
class JournalLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondTillOnTheSameJournalIsRefusedWithTheRegisterAndTheMachine() {
        Path journal = dir.resolve("journal.db");
        try (JournalLock first = JournalLock.acquire(journal, "front-till")) {
            assertThatThrownBy(() -> JournalLock.acquire(journal, "front-till"))
                    .isInstanceOf(RegisterInUseException.class)
                    .hasMessageContaining("Register front-till is already open on machine " + MachineName.current())
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
        }
        JournalLock.acquire(journal, "front-till").close();
    }

    @Test
    void theJournalItsWriteAheadFilesAndTheLockAreReadableByTheOwnerOnly() throws Exception {
        Path journal = dir.resolve("journal.db");
        try (JournalLock lock = JournalLock.acquire(journal, "till-1");
                JdbcSalesJournal j = JdbcSalesJournal.open(journal, Clock.systemUTC())) {
            j.begin("s-1", "till-1", java.util.Currency.getInstance("USD"),
                    java.util.List.of(new app.scantill.sale.SaleLine("A", "A", 100, 1)), "k1");
            for (String name : new String[] {"journal.db", "journal.db-wal", "journal.db-shm", "journal.db.lock"}) {
                assertThat(Files.exists(dir.resolve(name))).as(name).isTrue();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aJournalCreatedOpenToOthersIsMadePrivateWhenOpened() throws Exception {
        Path journal = dir.resolve("journal.db");
        JdbcSalesJournal.open(journal, Clock.systemUTC()).close();
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));

        JdbcSalesJournal.open(journal, Clock.systemUTC()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
    }
}
