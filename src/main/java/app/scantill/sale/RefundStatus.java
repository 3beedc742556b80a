package app.scantill.sale;

import java.util.Optional;

/**
 * Where a refund stands. {@link #REQUESTED} is ScanTill's own: the refund and its idempotency key are
 * journaled, and the request may or may not have reached Stripe. {@link #REFUSED} is ScanTill's too:
 * Stripe refused the request, so no refund exists there. The others are Stripe's {@code status}.
 *
 * <pre>
 *   REQUESTED ──Stripe's answer──▶ PENDING / REQUIRES_ACTION ──▶ SUCCEEDED | FAILED | CANCELED
 *       │                 └───────────────────────────────────▶ SUCCEEDED | FAILED | CANCELED
 *       └──refused──▶ REFUSED
 * </pre>
 */
public enum RefundStatus {
    /** Journaled with its key; the request may or may not have reached Stripe. */
    REQUESTED(null),
    /** Stripe accepted it and is sending the money back (Amazon Pay refunds are asynchronous). */
    PENDING("pending"),
    /** The customer must do something before the money can go back. */
    REQUIRES_ACTION("requires_action"),
    /** The money is on its way back to the customer. Final. */
    SUCCEEDED("succeeded"),
    /** The refund failed; the money stayed in (or returned to) the Stripe balance. Final. */
    FAILED("failed"),
    /** Cancelled before it went through. Final. */
    CANCELED("canceled"),
    /** Stripe refused the request (already refunded, disputed, too much, no permission): no refund exists. Final. */
    REFUSED(null);

    private final String wireName;

    RefundStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Stripe's name of the status; empty for ScanTill's own. */
    public Optional<String> wireName() {
        return Optional.ofNullable(wireName);
    }

    public static Optional<RefundStatus> fromWire(String name) {
        for (RefundStatus s : values()) {
            if (s.wireName != null && s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** No later answer changes it. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == REFUSED;
    }

    /**
     * Whether its amount is spoken for: a refund that went or may still go through. A failed, cancelled
     * or refused one gives its amount back to what can be refunded.
     */
    public boolean holdsAmount() {
        return this == REQUESTED || this == PENDING || this == REQUIRES_ACTION || this == SUCCEEDED;
    }
}
