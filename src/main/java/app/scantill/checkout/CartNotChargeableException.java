package app.scantill.checkout;

/**
 * The cart breaks one of Stripe's limits, found before any call to Stripe. The message is written
 * for the cashier ("The total is below Stripe's minimum of $0.50").
 */
public class CartNotChargeableException extends RuntimeException {
    public CartNotChargeableException(String message) {
        super(message);
    }
}
