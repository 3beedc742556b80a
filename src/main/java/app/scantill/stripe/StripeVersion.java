package app.scantill.stripe;

import com.stripe.Stripe;

/**
 * The Stripe API version every request carries, pinned by the stripe-java this build ships, and that
 * SDK's version. Compile-time constants: reading them loads no stripe-java class (--version stays quick).
 */
public final class StripeVersion {

    /** A different API version changes what Stripe accepts (see ../shared/STRIPE_NOTES). */
    public static final String API = Stripe.API_VERSION;
    public static final String SDK = Stripe.VERSION;

    private StripeVersion() {
    }
}
