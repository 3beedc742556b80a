package app.scantill.journal;

/**
 * A register can be open on one till only: this one is open elsewhere (another process on this
 * journal, or another till of the store). The message names the register and the machine holding it,
 * for the person at the second till.
 */
public class RegisterInUseException extends JournalException {

    private final String registerId;
    private final String holder;

    public RegisterInUseException(String registerId, String holder, String where) {
        super("Register " + registerId + " is already open on " + holder + " (" + where + "). Close ScanTill "
                + "there first, or start this till with another register.id. Payments are switched off here.");
        this.registerId = registerId;
        this.holder = holder;
    }

    public String registerId() {
        return registerId;
    }

    /** The machine (and process) holding the register, as it described itself. */
    public String holder() {
        return holder;
    }
}
