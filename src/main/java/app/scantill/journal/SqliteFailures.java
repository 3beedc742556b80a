package app.scantill.journal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteException;

/**
 * What an SQLite error means to the person at the till: one sentence naming the file and what to do,
 * chosen by SQLite's primary result code (https://www.sqlite.org/rescode.html).
 */
final class SqliteFailures {

    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteFailures() {
    }

    /** The journal could not be opened: the till must not take payments. */
    static JournalOpenException atOpen(Path f, SQLException e, Duration busyTimeout) {
        return switch (primaryCode(e)) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new JournalOpenException(JournalOpenException.Reason.LOCKED, f,
                    "The sales journal " + f + " is locked by another program (waited "
                            + seconds(busyTimeout) + "). Close any other ScanTill or database tool using it "
                            + "and start again.", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new JournalOpenException(JournalOpenException.Reason.CORRUPT, f,
                    "The sales journal " + f + " is damaged (" + e.getMessage() + "). It was left untouched. "
                            + "Restore it from a backup (see the journal documentation).", e);
            default -> new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The sales journal " + f + " cannot be opened for writing (" + e.getMessage() + "). "
                            + "Check that the disk is not full or read-only and that the folder is writable.", e);
        };
    }

    /** One read or write of an open journal failed; {@code action} says what, e.g. "journal sale s-1". */
    static JournalException during(String action, Path file, SQLException e, Duration busyTimeout, boolean writing) {
        String why = switch (primaryCode(e)) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "the journal " + file + " is locked by another program (waited "
                    + seconds(busyTimeout) + ")";
            case SQLITE_FULL -> "the disk holding the journal " + file + " is full";
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> "the journal " + file
                    + " cannot be written (read-only file, folder or disk)";
            case SQLITE_IOERR -> "the disk reported an error on the journal " + file;
            case SQLITE_CORRUPT, SQLITE_NOTADB -> "the journal " + file + " is damaged";
            default -> "the journal database reported: " + e.getMessage();
        };
        return new JournalException("Could not " + action + ": " + why + "." + (writing ? " Nothing was recorded." : ""),
                e);
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() != null) {
            return se.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
