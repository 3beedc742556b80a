package app.scantill.till;

import app.scantill.i18n.Message;
import java.util.Objects;

/**
 * What the cashier is told when a Stripe call fails: a headline, one or two sentences of
 * explanation, and the one thing to do next, which the screen can offer as a button.
 */
public record CashierMessage(Message headline, Message explanation, Action action) {

    public enum Action {
        /** Try the same attempt again (same idempotency key: no double charge). */
        RETRY,
        /** Wait a moment, then try again. */
        WAIT_AND_RETRY,
        /** Charge again offering card only (Amazon Pay is not available). */
        CHARGE_CARD_ONLY,
        /** Change the cart (amount too small or too large). */
        CHANGE_CART,
        /** Start a new attempt for the same cart (new QR, new idempotency key). */
        NEW_ATTEMPT,
        /** Look the session up again: it may have been paid a moment ago. */
        CHECK_SESSION,
        /** The settings (key, URLs, lifetime) need fixing by whoever runs the till. */
        FIX_SETTINGS,
        /** Nothing the till can do; the reference helps Stripe support. */
        CONTACT_SUPPORT
    }

    public CashierMessage {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(action, "action");
    }
}
