package app.scantill.checkout;

/**
 * Turns a failed Checkout call into one sentence a cashier can act on; the technical detail goes
 * to the log, never to the screen. A seam: the charge flow takes any implementation, so a fuller
 * mapping can replace {@link #byKind()} without touching the flow.
 */
@FunctionalInterface
public interface GatewayErrorMessages {

    String forCashier(GatewayException failure);

    /** Whether Stripe refused Amazon Pay itself (not enabled, or not for this currency or account). */
    static boolean refusesAmazonPay(GatewayException failure) {
        return failure.kind() == GatewayException.Kind.INVALID_REQUEST
                && (failure.param().filter(p -> p.startsWith("payment_method_types")).isPresent()
                        || String.valueOf(failure.getMessage()).contains("amazon_pay"));
    }

    /** A minimal mapping by {@link GatewayException#kind()}. */
    static GatewayErrorMessages byKind() {
        return failure -> switch (failure.kind()) {
            case NETWORK -> "Stripe cannot be reached. Check the network connection, then press Retry.";
            case RATE_LIMITED -> "Stripe is busy right now. Wait a moment, then press Retry.";
            case SERVER -> "Stripe had a problem on its side. Press Retry.";
            case MALFORMED_RESPONSE -> "Stripe's answer could not be read. Press Retry; if it happens again, "
                    + "call support.";
            case AUTHENTICATION -> "Stripe refused the API key. Check the key in ScanTill's configuration.";
            case PERMISSION -> "The API key may not create Checkout Sessions. Give it the permission "
                    + "\"Checkout Sessions: write\" in the Stripe Dashboard.";
            case INVALID_REQUEST -> refusesAmazonPay(failure)
                    ? "Stripe refused Amazon Pay for this account. Enable it in the Stripe Dashboard under "
                            + "Settings > Payment methods, or charge by card only."
                    : failure.code().filter("amount_too_small"::equals).isPresent()
                            ? "The total is below Stripe's minimum charge for this currency."
                            : "Stripe refused the payment request. Nothing was charged; details are in the log.";
            case IDEMPOTENCY -> "Stripe saw this payment request before with other details. "
                    + "A supervisor should check the sale.";
            case NOT_FOUND -> "Stripe does not know this payment session. A supervisor should check the sale.";
        };
    }
}
