package app.scantill.checkout;

import app.scantill.i18n.Message;
import java.util.Objects;

/**
 * The cart breaks one of Stripe's limits, found before any call to Stripe. {@link #reason()} says why
 * for the cashier ("The total is below Stripe's minimum of $0.50"); the exception's own message is the
 * same in English, for the log.
 */
public class CartNotChargeableException extends RuntimeException {

    private final transient Message reason;

    public CartNotChargeableException(Message reason) {
        super(ChargeWording.inEnglish(Objects.requireNonNull(reason, "reason")));
        this.reason = reason;
    }

    /** Why the cart cannot be charged, in any language. */
    public Message reason() {
        return reason;
    }
}
