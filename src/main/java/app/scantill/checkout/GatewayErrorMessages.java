package app.scantill.checkout;

import app.scantill.i18n.Message;

/**
 * Turns a failed Checkout call into one sentence a cashier can act on; the technical detail goes
 * to the log, never to the screen. A seam: the charge flow takes any implementation, so a fuller
 * mapping can replace {@link #byKind()} without touching the flow.
 */
@FunctionalInterface
public interface GatewayErrorMessages {

    Message forCashier(GatewayException failure);

    /** Whether Stripe refused Amazon Pay itself (not enabled, or not for this currency or account). */
    static boolean refusesAmazonPay(GatewayException failure) {
        return failure.kind() == GatewayException.Kind.INVALID_REQUEST
                && (failure.param().filter(p -> p.startsWith("payment_method_types")).isPresent()
                        || String.valueOf(failure.getMessage()).contains("amazon_pay"));
    }

    /** A minimal mapping by {@link GatewayException#kind()}, to the bundles' {@code stripe.kind.*} keys. */
    static GatewayErrorMessages byKind() {
        return failure -> Message.of(switch (failure.kind()) {
            case NETWORK -> "stripe.kind.network";
            case RATE_LIMITED -> "stripe.kind.rate_limited";
            case SERVER -> "stripe.kind.server";
            case MALFORMED_RESPONSE -> "stripe.kind.malformed_response";
            case AUTHENTICATION -> "stripe.kind.authentication";
            case PERMISSION -> "stripe.kind.permission";
            case INVALID_REQUEST -> refusesAmazonPay(failure) ? "stripe.kind.amazon_pay_refused"
                    : failure.code().filter("amount_too_small"::equals).isPresent() ? "stripe.kind.amount_too_small"
                    : "stripe.kind.invalid_request";
            case IDEMPOTENCY -> "stripe.kind.idempotency";
            case NOT_FOUND -> "stripe.kind.not_found";
        });
    }
}
