package app.scantill.stripe;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.config.AppConfig;
import app.scantill.config.StripeKey;
import com.stripe.Stripe;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Stripe-compatible API: key, base URL, timeouts and automatic retries. One
 * {@link StripeCheckoutGateway} (one {@code StripeClient}) is built per connection.
 *
 * @param apiBase e.g. {@code https://api.stripe.com}, the sandbox's URL, or stripe-mock's
 * @param maxNetworkRetries retries the SDK makes itself for connection failures, timeouts, 409 and
 *     5xx, with the same idempotency key (stripe-java's default is none)
 * @param mode what the screen badge says: SANDBOX for the embedded server, else the key's mode
 */
public record StripeConnection(
        StripeKey key,
        String apiBase,
        Duration connectTimeout,
        Duration readTimeout,
        int maxNetworkRetries,
        CheckoutGateway.Mode mode) {

    public static final String STRIPE_API_BASE = Stripe.LIVE_API_BASE;

    public StripeConnection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(mode, "mode");
        URI uri = URI.create(apiBase);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("API base must be an absolute http(s) URL: " + apiBase);
        }
        if (key.mode() == StripeKey.Mode.LIVE && !"https".equalsIgnoreCase(uri.getScheme())
                && !isLoopbackName(uri.getHost())) {
            throw new IllegalArgumentException("a live key is only sent over https: " + apiBase);
        }
        if (mode != CheckoutGateway.Mode.SANDBOX && !mode.name().equals(key.mode().name())) {
            throw new IllegalArgumentException("mode " + mode + " does not match a " + key.mode() + " key");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxNetworkRetries < 0) {
            throw new IllegalArgumentException("maxNetworkRetries must not be negative");
        }
        apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
    }

    /** Stripe itself (or the configured override such as stripe-mock) with the configured key; empty in SANDBOX mode. */
    public static Optional<StripeConnection> fromConfig(AppConfig config) {
        return config.stripeKey().map(key -> new StripeConnection(key,
                config.stripeApiBase().orElse(STRIPE_API_BASE),
                config.stripeConnectTimeout(), config.stripeReadTimeout(), config.stripeMaxNetworkRetries(),
                key.mode() == StripeKey.Mode.LIVE ? CheckoutGateway.Mode.LIVE : CheckoutGateway.Mode.TEST));
    }

    /** The embedded sandbox at {@code baseUrl}, with the key it accepts and the configured timeouts. */
    public static StripeConnection toSandbox(String baseUrl, StripeKey sandboxKey, AppConfig config) {
        return new StripeConnection(sandboxKey, baseUrl, config.stripeConnectTimeout(), config.stripeReadTimeout(),
                config.stripeMaxNetworkRetries(), CheckoutGateway.Mode.SANDBOX);
    }

    /** A stripe-java client for this connection: key, base, time limits and the SDK's own retries. */
    com.stripe.StripeClient newClient() {
        return com.stripe.StripeClient.builder()
                .setApiKey(key.revealForClient())
                .setApiBase(apiBase)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setMaxNetworkRetries(maxNetworkRetries)
                .build();
    }

    public StripeConnection withApiBase(String base) {
        return new StripeConnection(key, base, connectTimeout, readTimeout, maxNetworkRetries, mode);
    }

    public StripeConnection withTimeouts(Duration connect, Duration read) {
        return new StripeConnection(key, apiBase, connect, read, maxNetworkRetries, mode);
    }

    public StripeConnection withMaxNetworkRetries(int retries) {
        return new StripeConnection(key, apiBase, connectTimeout, readTimeout, retries, mode);
    }

    private static boolean isLoopbackName(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
