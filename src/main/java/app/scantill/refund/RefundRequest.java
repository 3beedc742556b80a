package app.scantill.refund;

import app.scantill.sale.Refund;
import app.scantill.sale.RefundReason;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code POST /v1/refunds} carries, derived from the journaled refund alone, so the first send, every
 * retry and a replay after a crash are the same request under the same key (Stripe then answers a replay
 * with the same refund).
 */
public record RefundRequest(String refundId, String saleId, String registerId, String paymentIntentId,
        long amountMinor, Currency currency, RefundReason reason, String idempotencyKey) {

    public static RefundRequest of(Refund refund) {
        return new RefundRequest(refund.id(), refund.saleId(), refund.registerId(), refund.paymentIntentId(),
                refund.amountMinor(), refund.currency(), refund.reason(), refund.idempotencyKey());
    }

    /** {@code metadata[...]}: how a refund found at Stripe is matched to the journal's (see {@link RefundSnapshot#belongsTo}). */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("refund_id", refundId);
        m.put("sale_id", saleId);
        m.put("register_id", registerId);
        return m;
    }
}
