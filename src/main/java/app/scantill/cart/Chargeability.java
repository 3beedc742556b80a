package app.scantill.cart;

import app.scantill.i18n.Message;
import app.scantill.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the cart can be sent to Stripe now, and if so with which payment methods.
 *
 * @param minimum Stripe's minimum for the currency, when the cart is below it
 * @param amazonPayAvailable whether the hosted page can offer Amazon Pay (else card only)
 * @param summary one short line for the screen, next to the total
 */
public record Chargeability(Status status, Optional<Money> minimum, boolean amazonPayAvailable, Message summary) {

    public enum Status {
        /** Nothing in the cart. */
        EMPTY,
        /** Only free items: there is nothing to charge. */
        ZERO_TOTAL,
        /** The total is below Stripe's minimum charge for the currency. */
        BELOW_MINIMUM,
        /** Ready to charge. */
        CHARGEABLE
    }

    public Chargeability {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(summary, "summary");
    }

    public boolean chargeable() {
        return status == Status.CHARGEABLE;
    }
}
