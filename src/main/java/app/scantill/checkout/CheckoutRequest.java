package app.scantill.checkout;

import app.scantill.sale.PaymentMethod;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to create one Checkout Session for one attempt of a sale. The gateway turns it
 * into Stripe parameters one to one; building it (limits, methods, metadata) is the caller's job.
 *
 * @param idempotencyKey stable for the attempt: a retry of the same attempt reuses it
 * @param locale the language of Stripe's payment page ({@link CheckoutLocale}), or null to send none
 */
public record CheckoutRequest(
        String saleId,
        String registerId,
        String idempotencyKey,
        Currency currency,
        List<Line> lines,
        Set<PaymentMethod> paymentMethods,
        String successUrl,
        String cancelUrl,
        Instant expiresAt,
        Map<String, String> metadata,
        String description,
        String locale) {

    public CheckoutRequest {
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        lines = List.copyOf(lines);
        paymentMethods = Set.copyOf(paymentMethods);
        metadata = Map.copyOf(metadata);
    }

    /** A request whose payment page speaks whatever Stripe chooses. */
    public CheckoutRequest(String saleId, String registerId, String idempotencyKey, Currency currency,
            List<Line> lines, Set<PaymentMethod> paymentMethods, String successUrl, String cancelUrl,
            Instant expiresAt, Map<String, String> metadata, String description) {
        this(saleId, registerId, idempotencyKey, currency, lines, paymentMethods, successUrl, cancelUrl, expiresAt,
                metadata, description, null);
    }

    /**
     * One {@code price_data} line item: name, unit amount in minor units, quantity.
     *
     * @param taxRateId the Stripe tax rate (inclusive, {@code txr_...}) the line carries in {@code tax_rates}, or
     *     null for none
     */
    public record Line(String name, long unitAmountMinor, long quantity, String taxRateId) {
        public Line(String name, long unitAmountMinor, long quantity) {
            this(name, unitAmountMinor, quantity, null);
        }
    }

    /** The same request with another {@code expires_at} (an attempt too old to be replayed as it was). */
    public CheckoutRequest withExpiresAt(Instant newExpiresAt) {
        return new CheckoutRequest(saleId, registerId, idempotencyKey, currency, lines, paymentMethods, successUrl,
                cancelUrl, newExpiresAt, metadata, description, locale);
    }
}
