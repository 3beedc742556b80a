package app.scantill.refund;

/**
 * The Idempotency-Key of a refund: one per refund, journaled with it before the first send, so a retry,
 * a Check-again and a replay after a crash can never make Stripe refund twice.
 */
public final class RefundKeys {

    private RefundKeys() {
    }

    public static String forRefund(String refundId) {
        return "scantill-refund-" + refundId;
    }
}
