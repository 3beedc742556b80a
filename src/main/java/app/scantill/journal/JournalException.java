package app.scantill.journal;

/**
 * The journal could not durably record something. The caller must not go on as if it had: a sale
 * that cannot be journaled must not be charged.
 */
public class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
