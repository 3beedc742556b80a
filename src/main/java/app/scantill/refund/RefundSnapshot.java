package app.scantill.refund;

import app.scantill.sale.RefundStatus;
import java.util.Map;

/**
 * What the app knows of a Stripe refund after one answer; free of stripe-java types.
 *
 * @param status Stripe's status; an unknown one reads as {@link RefundStatus#PENDING} (not final, so it is asked again)
 * @param failureReason Stripe's {@code failure_reason} when it failed
 */
public record RefundSnapshot(String id, RefundStatus status, long amountMinor, String currency,
        String paymentIntentId, String failureReason, Map<String, String> metadata) {

    public RefundSnapshot {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether this is the refund the journal holds as {@code refundId} (ScanTill tags each one it sends). */
    public boolean belongsTo(String refundId) {
        return refundId.equals(metadata.get("refund_id"));
    }
}
