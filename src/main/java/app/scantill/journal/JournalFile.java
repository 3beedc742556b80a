package app.scantill.journal;

import app.scantill.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;

/**
 * Opening the journal's SQLite file: checks before SQLite touches it, the connection's settings
 * (busy timeout, foreign keys, WAL, {@code synchronous=FULL}), checks of what is inside, then the
 * migrations. Every refusal is a {@link JournalOpenException} written for the person at the till, and
 * an existing file is never replaced, truncated or deleted on the way.
 */
final class JournalFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private JournalFile() {
    }

    /**
     * A connection to the journal at {@code f} (absolute, normalised), created and migrated if needed.
     *
     * @throws JournalOpenException when the file cannot be used as a journal
     */
    static Connection open(Path f, Duration busyTimeout) {
        checkBeforeOpening(f);
        Connection c;
        try {
            // SQLite's driver directly, not through DriverManager: its first use loads every JDBC driver on
            // the class path, the store ledger's PostgreSQL driver too, on a till that has no ledger.
            c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + f, new java.util.Properties());
        } catch (SQLException e) {
            throw SqliteFailures.atOpen(f, e, busyTimeout);
        }
        try {
            prepare(c, f, busyTimeout);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqliteFailures.atOpen(f, e, busyTimeout);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Checks that need no SQLite: they guarantee a foreign file is refused before SQLite touches it. */
    private static void checkBeforeOpening(Path f) {
        Path dir = f.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The folder " + dir + " for the sales journal cannot be created (" + describe(e)
                            + "). Check the path and its permissions.", e);
        }
        if (!Files.exists(f)) {
            if (!Files.isWritable(dir)) {
                throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                        "The folder " + dir + " for the sales journal is read-only. Choose a writable folder.", null);
            }
            OwnerOnlyFiles.create(f);
            return;
        }
        if (!Files.isRegularFile(f)) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_A_JOURNAL, f,
                    "The sales journal path " + f + " is not a file. Point ScanTill at a journal file.", null);
        }
        checkHeader(f);
        if (!Files.isWritable(f) || !Files.isWritable(dir)) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The sales journal " + f + " or its folder is read-only. ScanTill must be able to "
                            + "write the file and create " + f.getFileName() + "-wal next to it.", null);
        }
    }

    private static void checkHeader(Path f) {
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(f)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The sales journal " + f + " cannot be read (" + describe(e) + ").", e);
        }
        // An empty file is a valid empty database (SQLite writes its header on the first commit).
        if (read > 0 && (read < head.length || !Arrays.equals(head, SQLITE_HEADER))) {
            throw new JournalOpenException(JournalOpenException.Reason.CORRUPT, f,
                    "The sales journal " + f + " is not a database (damaged, or another kind of file). "
                            + "It was left untouched. Restore it from a backup, or move it aside to start "
                            + "a new journal.", null);
        }
    }

    private static void prepare(Connection c, Path f, Duration busyTimeout) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            st.execute("PRAGMA foreign_keys = ON");
            int version = checkContents(st, f);
            String mode;
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                mode = rs.next() ? rs.getString(1) : "";
            }
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                        "The sales journal " + f + " could not be switched to write-ahead logging (mode "
                                + mode + "). The folder must allow creating " + f.getFileName() + "-wal.", null);
            }
            st.execute("PRAGMA synchronous = FULL");
            JournalMigrations.migrate(st, version, f);
            // SQLite gives -wal and -shm the database file's mode; older journals were created 0644.
            OwnerOnlyFiles.restrict(f, f.resolveSibling(f.getFileName() + "-wal"),
                    f.resolveSibling(f.getFileName() + "-shm"));
        }
    }

    /**
     * Refuses another program's database, a newer schema and damaged pages, before anything is
     * written to the file.
     *
     * @return the schema version the file is at
     */
    private static int checkContents(Statement st, Path f) throws SQLException {
        int applicationId = JournalMigrations.intPragma(st, "application_id");
        int version = JournalMigrations.intPragma(st, "user_version");
        int objects;
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            objects = rs.next() ? rs.getInt(1) : 0;
        }
        if (applicationId != JournalMigrations.APPLICATION_ID && (applicationId != 0 || objects > 0)) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_A_JOURNAL, f,
                    "The file " + f + " is a database of another program, not a ScanTill sales journal. "
                            + "It was left untouched. Choose another journal file.", null);
        }
        if (version > JournalMigrations.LATEST) {
            throw new JournalOpenException(JournalOpenException.Reason.NEWER_SCHEMA, f,
                    "The sales journal " + f + " was written by a newer ScanTill (journal version "
                            + version + "; this ScanTill knows up to version " + JournalMigrations.LATEST
                            + "). Update ScanTill. The file was left untouched.", null);
        }
        String check = quickCheck(st);
        if (!"ok".equals(check)) {
            throw new JournalOpenException(JournalOpenException.Reason.CORRUPT, f,
                    "The sales journal " + f + " is damaged (" + Texts.abbreviate(check, 200) + "). It was left "
                            + "untouched. Restore it from a backup (see the journal documentation).", null);
        }
        return version;
    }

    private static String quickCheck(Statement st) throws SQLException {
        StringBuilder problems = new StringBuilder();
        try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String row = rs.getString(1);
                if (!"ok".equals(row)) {
                    problems.append(problems.length() == 0 ? "" : "; ").append(row);
                }
            }
        }
        return problems.length() == 0 ? "ok" : problems.toString();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Opening failed already; that failure is the one to report.
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
