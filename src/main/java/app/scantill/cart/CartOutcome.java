package app.scantill.cart;

import app.scantill.i18n.Message;
import java.util.Objects;

/**
 * The answer to a cart command. A refusal is an expected event at a till (wrong currency, limit
 * reached), not an error, so it comes back as a value with a sentence for the cashier.
 *
 * @param message for the cashier: what happened, or why nothing happened
 */
public record CartOutcome(boolean accepted, Message message) {

    public CartOutcome {
        Objects.requireNonNull(message, "message");
    }

    public static CartOutcome accepted(Message message) {
        return new CartOutcome(true, message);
    }

    public static CartOutcome refused(Message reason) {
        return new CartOutcome(false, reason);
    }

    public boolean refused() {
        return !accepted;
    }
}
