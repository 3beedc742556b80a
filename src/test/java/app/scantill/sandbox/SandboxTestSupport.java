package app.scantill.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Shared set-up for sandbox tests: a real stripe-java client and a valid cart. */
final class SandboxTestSupport {

    static final Instant T0 = Instant.parse("2026-08-03T09:00:00Z");

    private SandboxTestSupport() {
    }

    static StripeSandbox startInMemory() throws java.io.IOException {
        return StripeSandbox.start(SandboxOptions.inMemory().withClock(SandboxClock.fixedAt(T0)));
    }

    /** A client as the app builds one, with retries off unless a test turns them on. */
    static StripeClient client(StripeSandbox sandbox) {
        return client(sandbox, 0, 10_000);
    }

    static StripeClient client(StripeSandbox sandbox, int retries, int readTimeoutMillis) {
        return StripeClient.builder()
                .setApiKey(sandbox.secretKey())
                .setApiBase(sandbox.apiBase())
                .setConnectTimeout(5_000)
                .setReadTimeout(readTimeoutMillis)
                .setMaxNetworkRetries(retries)
                .build();
    }

    static SessionCreateParams.LineItem line(String name, long unitAmount, long quantity, String currency) {
        return SessionCreateParams.LineItem.builder()
                .setQuantity(quantity)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                        .setCurrency(currency)
                        .setUnitAmount(unitAmount)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                .setName(name).build())
                        .build())
                .build();
    }

    /** A two-line USD cart payable by card or Amazon Pay, as the till sends it. */
    static SessionCreateParams.Builder cart(StripeSandbox sandbox) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .setCancelUrl(sandbox.publicBase() + "/c/cancelled")
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY)
                .setClientReferenceId("sale-0001")
                .putMetadata("register", "till-1")
                .addLineItem(line("Flat white", 450, 2, "usd"))
                .addLineItem(line("Croissant", 325, 1, "usd"));
    }

    /** A form-encoded body sent as is, for what the typed builder cannot express. */
    static StripeResponse rawPost(StripeClient client, String path, String formBody) throws StripeException {
        return client.rawRequest(ApiResource.RequestMethod.POST, path, formBody,
                RawRequestOptions.builder().build());
    }

    static void pollUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(10);
        }
    }
}
