package app.scantill.journal;

import java.nio.file.Path;

/**
 * The journal could not be opened, so the till must not take payments: nothing it charged could be
 * recorded. The message is written for the person at the till (what is wrong, with which file, what to
 * do); {@link #reason()} lets the app pick its wording or a help link. The file is never changed,
 * replaced or deleted on the way to this exception.
 */
public class JournalOpenException extends JournalException {

    public enum Reason {
        /** Another program holds the database lock and did not let go within the busy timeout. */
        LOCKED,
        /** The file is not an SQLite database, or its pages are damaged. */
        CORRUPT,
        /** An SQLite database, but some other program's, not a ScanTill journal. */
        NOT_A_JOURNAL,
        /** Written by a newer ScanTill whose schema this version does not know. */
        NEWER_SCHEMA,
        /** The file or its folder cannot be created or written (permissions, read-only disk, full disk). */
        NOT_WRITABLE
    }

    private final Reason reason;
    private final transient Path file;

    public JournalOpenException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
