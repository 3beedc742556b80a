package app.scantill.journal;

import app.scantill.money.Money;
import java.util.Optional;

/**
 * The journal refused to record a refund because of what the sale is or what was refunded before;
 * nothing was written and Stripe must not be asked. {@link #why()} says which rule, so the screen can
 * say it in the cashier's words.
 */
public class RefundRefusedException extends JournalException {

    /** Which rule refused the refund. */
    public enum Why {
        /** The sale is not paid (or not in the journal as paid): there is nothing to give back. */
        SALE_NOT_PAID,
        /** The paid sale has no payment intent recorded, so Stripe cannot be told what to refund. */
        NO_PAYMENT_INTENT,
        /** Everything paid was refunded already (or is being refunded). */
        NOTHING_LEFT,
        /** The amount is more than what can still be refunded ({@link #left()}). */
        MORE_THAN_LEFT,
        /** A line gives back more units than were sold and not refunded yet, or names no line of the sale. */
        LINE_UNITS,
        /** A refund of lines whose amount is not the sum of those lines. */
        LINE_AMOUNT,
        /** The refund id or its idempotency key is in the journal already for another refund. */
        DUPLICATE,
        /**
         * Another register's sale whose register did not hand its refunds to the store (docs/adr/0122): it is not
         * connected to the store, and only it knows whether it refunded the sale meanwhile ({@link #register()}).
         */
        SELLER_AWAY,
        /** Another register's sale, and this till has no store ledger to decide its refunds ({@link #register()}). */
        NOT_THIS_REGISTER
    }

    private final Why why;
    private final transient Money left;
    private final String register;

    public RefundRefusedException(String message, Why why, Money left) {
        this(message, why, left, null);
    }

    /** @param register the register that made the sale, where the rule speaks of it */
    public RefundRefusedException(String message, Why why, Money left, String register) {
        super(message);
        this.why = why;
        this.left = left;
        this.register = register;
    }

    /** The register that made the sale, for {@link Why#SELLER_AWAY} and {@link Why#NOT_THIS_REGISTER}. */
    public Optional<String> register() {
        return Optional.ofNullable(register);
    }

    public Why why() {
        return why;
    }

    /** What could still be refunded when the refusal was made, where the rule speaks of it. */
    public Optional<Money> left() {
        return Optional.ofNullable(left);
    }
}
