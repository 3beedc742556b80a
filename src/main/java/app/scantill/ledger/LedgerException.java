package app.scantill.ledger;

import app.scantill.journal.JournalException;

/** The store ledger could not be reached or refused a read or write; the message says which and why. */
public class LedgerException extends JournalException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
