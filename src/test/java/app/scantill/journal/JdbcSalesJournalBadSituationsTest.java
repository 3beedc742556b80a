package app.scantill.journal;

import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The journal when its file is locked, damaged, too new, read-only or out of room. */
class JdbcSalesJournalBadSituationsTest {

    static final Currency USD = Currency.getInstance("USD");
    static final List<SaleLine> LINES = List.of(new SaleLine("SKU-1", "Coffee", 350, 1));

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:30:00Z"));

    @Test
    void writeWhileAnotherProgramHoldsTheLockFailsClearlyAfterTheTimeoutAndWritesNothing() throws Exception {
        Path file = dir.resolve("journal.db");
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(file, clock, Duration.ofMillis(300));
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");

            JournalException refused = catchThrowableOfType(JournalException.class,
                    () -> journal.begin("s-1", "till-1", USD, LINES, "k1"));

            assertThat(refused.getMessage()).contains("locked by another program", file.toString(),
                    "Nothing was recorded");
            st.execute("ROLLBACK");
            assertThat(journal.find("s-1")).isEmpty();
            assertThat(journal.begin("s-1", "till-1", USD, LINES, "k1").state())
                    .as("works again once the other program lets go").isEqualTo(SaleState.CHARGING);
        }
    }

    @Test
    void openingAFileHeldExclusivelyByAnotherProgramIsRefusedAsLocked() throws Exception {
        Path file = dir.resolve("journal.db");
        JdbcSalesJournal.open(file, clock).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = other.createStatement()) {
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");

            JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                    () -> JdbcSalesJournal.open(file, clock, Duration.ofMillis(300)));

            assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.LOCKED);
            assertThat(refused.getMessage()).contains(file.toString(), "locked by another program");
            st.execute("ROLLBACK");
        }
    }

    @Test
    void garbageFileIsRefusedAsNotADatabaseAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("journal.db");
        byte[] garbage = new byte[8192];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Files.write(file, garbage);

        JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                () -> JdbcSalesJournal.open(file, clock));

        assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.CORRUPT);
        assertThat(refused.getMessage()).contains(file.toString(), "not a database", "left untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(dir.resolve("journal.db-wal")).doesNotExist();
    }

    @Test
    void journalWithDamagedPagesIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("journal.db");
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(file, clock)) {
            for (int i = 0; i < 200; i++) {
                journal.begin("s-" + i, "till-1", USD, LINES, "k-" + i);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = 4096;
        assertThat(bytes.length).isGreaterThan(4 * pageSize);
        // Keep page 1 (header and schema) and scribble over every other page.
        for (int i = pageSize; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);

        JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                () -> JdbcSalesJournal.open(file, clock));

        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.CORRUPT);
        assertThat(refused.getMessage()).contains(file.toString(), "damaged", "backup");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void journalFromANewerSchemaVersionIsRefusedNamingBothVersions() throws Exception {
        Path file = dir.resolve("journal.db");
        JdbcSalesJournal.open(file, clock).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 42");
        }
        byte[] before = Files.readAllBytes(file);

        JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                () -> JdbcSalesJournal.open(file, clock));

        assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.NEWER_SCHEMA);
        assertThat(refused.getMessage()).contains("version 42", "up to version " + JdbcSalesJournal.schemaVersion(),
                "Update ScanTill");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anotherProgramsDatabaseIsNotMigratedInto() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE contacts (name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);

        JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                () -> JdbcSalesJournal.open(file, clock));

        assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.NOT_A_JOURNAL);
        assertThat(refused.getMessage()).contains("not a ScanTill sales journal");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void fullDiskRefusesTheWriteWithAClearMessageAndLeavesNothingHalfWritten() throws Exception {
        Path file = dir.resolve("journal.db");
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(file, clock)) {
            journal.begin("before", "till-1", USD, LINES, "k-before");
            long pages;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement()) {
                pages = Long.parseLong(JdbcSalesJournalTest.single(st, "PRAGMA page_count"));
            }
            journal.capPages(pages);
            // Big lines so the very next sale needs pages the "disk" does not have, even after the free pages the
            // migrations leave behind (the tables they rebuild).
            List<SaleLine> big = List.of(new SaleLine("SKU-BIG", "x".repeat(200_000), 100, 1));

            JournalException refused = catchThrowableOfType(JournalException.class,
                    () -> journal.begin("too-big", "till-1", USD, big, "k-big"));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("disk holding the journal", "is full", "Nothing was recorded");
            assertThat(journal.find("too-big")).isEmpty();
            assertThat(journal.attemptKeys("too-big")).isEmpty();
            assertThat(journal.history("too-big")).isEmpty();
            assertThat(journal.find("before").orElseThrow().state()).isEqualTo(SaleState.CHARGING);
        }
        try (JdbcSalesJournal reopened = JdbcSalesJournal.open(file, clock)) {
            assertThat(reopened.find("too-big")).isEmpty();
            assertThat(reopened.find("before")).isPresent();
        }
    }

    @Test
    void journalInAReadOnlyFolderIsRefusedAtOpenAndLeftUntouched() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("readonly"));
        Path file = folder.resolve("journal.db");
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(file, clock)) {
            journal.begin("s-1", "till-1", USD, LINES, "k1");
        }
        byte[] before = Files.readAllBytes(file);
        ReadOnlyFolder readOnly = ReadOnlyFolder.make(folder);
        try {
            JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                    () -> JdbcSalesJournal.open(file, clock));

            assertThat(refused).isNotNull();
            assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.NOT_WRITABLE);
            assertThat(refused.getMessage()).contains(file.toString()).containsAnyOf("read-only", "cannot be");
        } finally {
            readOnly.undo();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void newJournalInAReadOnlyFolderIsRefusedAtOpen() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("readonly"));
        ReadOnlyFolder readOnly = ReadOnlyFolder.make(folder);
        try {
            JournalOpenException refused = catchThrowableOfType(JournalOpenException.class,
                    () -> JdbcSalesJournal.open(folder.resolve("journal.db"), clock));

            assertThat(refused).isNotNull();
            assertThat(refused.reason()).isEqualTo(JournalOpenException.Reason.NOT_WRITABLE);
            assertThat(refused.getMessage()).contains(folder.toString());
        } finally {
            readOnly.undo();
        }
    }

    /**
     * Makes a folder read-only for real. Permission bits do not stop root (CI containers often run as
     * root), so then the folder is also marked immutable with chattr, which stops root too.
     */
    record ReadOnlyFolder(Path folder, boolean immutable) {
        static ReadOnlyFolder make(Path folder) throws Exception {
            assertThat(folder.toFile().setWritable(false, false)).isTrue();
            if (canCreateIn(folder)) {
                boolean chattr = run("chattr", "+i", folder.toString());
                if (chattr && !canCreateIn(folder)) {
                    return new ReadOnlyFolder(folder, true);
                }
                folder.toFile().setWritable(true, true);
                if (chattr) {
                    run("chattr", "-i", folder.toString());
                }
                Assumptions.abort("cannot make a folder read-only here (root without chattr)");
            }
            return new ReadOnlyFolder(folder, false);
        }

        void undo() throws Exception {
            if (immutable) {
                run("chattr", "-i", folder.toString());
            }
            folder.toFile().setWritable(true, true);
        }

        private static boolean canCreateIn(Path folder) {
            Path probe = folder.resolve("probe-" + System.nanoTime());
            try {
                Files.createFile(probe);
                Files.delete(probe);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean run(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

}
