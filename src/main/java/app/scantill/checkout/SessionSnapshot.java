package app.scantill.checkout;

import app.scantill.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the app knows of a Checkout Session after one API answer. Plain data, free of stripe-java
 * types, so the flow and its tests do not depend on the SDK.
 *
 * @param url the hosted page; present only while the session is open
 * @param paymentIntentId null until the customer confirmed
 * @param paymentMethod the method the customer used ({@code amazon_pay}, {@code card}) when known
 * @param metadata the session's metadata as created ({@code sale_id}, {@code attempt}, ...); empty when unknown
 */
public record SessionSnapshot(
        String id,
        Status status,
        PaymentStatus paymentStatus,
        String url,
        Money amountTotal,
        Instant created,
        Instant expiresAt,
        String clientReferenceId,
        String paymentIntentId,
        String paymentMethod,
        boolean livemode,
        Map<String, String> metadata) {

    public SessionSnapshot {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A snapshot without metadata. */
    public SessionSnapshot(String id, Status status, PaymentStatus paymentStatus, String url, Money amountTotal,
            Instant created, Instant expiresAt, String clientReferenceId, String paymentIntentId,
            String paymentMethod, boolean livemode) {
        this(id, status, paymentStatus, url, amountTotal, created, expiresAt, clientReferenceId, paymentIntentId,
                paymentMethod, livemode, Map.of());
    }

    public enum Status { OPEN, COMPLETE, EXPIRED, UNKNOWN }

    public enum PaymentStatus { PAID, UNPAID, NO_PAYMENT_REQUIRED, UNKNOWN }

    /** A sale is paid only when the session is complete and its payment status is paid. */
    public boolean isPaid() {
        return status == Status.COMPLETE && paymentStatus == PaymentStatus.PAID;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isExpired() {
        return status == Status.EXPIRED;
    }

    /**
     * Whether the session was made for this attempt of the sale, as far as its metadata tells (a session
     * without the metadata, made by something else than ScanTill, cannot be told apart and counts).
     */
    public boolean belongsTo(String saleId, int attempt) {
        if (!saleId.equals(clientReferenceId)) {
            return false;
        }
        String tagged = metadata.get("attempt");
        return tagged == null || tagged.equals(Integer.toString(attempt));
    }

    public Optional<String> method() {
        return Optional.ofNullable(paymentMethod);
    }
}
