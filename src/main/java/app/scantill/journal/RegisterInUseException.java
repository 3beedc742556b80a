package app.scantill.journal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A register can be open on one till only: this one is open elsewhere, by another process on this
 * journal ({@link #journal()} set) or by another till of the store (the store ledger's lock). It names
 * the register and the machine holding it; the till turns that into a sentence for the person at the
 * second till, in their language.
 */
public class RegisterInUseException extends JournalException {

    private final String registerId;
    private final String machine;
    private final String process;
    private final Instant since;
    private final transient Path journal;

    /**
     * @param process the holder's process id, or "?" when unknown
     * @param since when the holder opened the register, or null when unknown
     * @param journal the journal both would share, or null when the store ledger refused
     */
    public RegisterInUseException(String registerId, String machine, String process, Instant since, Path journal) {
        super("Register " + registerId + " is already open on machine " + machine + " (process " + process
                + (since == null ? "" : ", since " + since) + (journal == null ? ", in the store ledger" : ", journal "
                        + journal) + "). Close ScanTill there first, or start this till with another register.id. "
                + "Payments are switched off here.");
        this.registerId = registerId;
        this.machine = machine;
        this.process = process;
        this.since = since;
        this.journal = journal;
    }

    public String registerId() {
        return registerId;
    }

    /** The machine holding the register, as it named itself. */
    public String machine() {
        return machine;
    }

    public String process() {
        return process;
    }

    /** When the holder opened the register, or null when it is not known. */
    public Instant since() {
        return since;
    }

    /** The journal both tills would share, or null when the store ledger refused the register. */
    public Path journal() {
        return journal;
    }
}
