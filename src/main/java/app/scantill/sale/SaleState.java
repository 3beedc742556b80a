package app.scantill.sale;

import app.scantill.i18n.Message;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life of a sale. Every change is validated here, so no code path can turn a paid sale into a
 * cancelled one or pay a sale twice.
 *
 * <pre>
 *   CHARGING ──session created──▶ AWAITING_PAYMENT ──paid──▶ PAID
 *      │                              │    │
 *      │                              │    └─expired──▶ EXPIRED ──new attempt──▶ CHARGING
 *      │                              └─cancel─▶ CANCELLING ──expired──▶ CANCELLED
 *      └─create refused─▶ NEEDS_ATTENTION / CANCELLED             └─paid (race)──▶ PAID
 * </pre>
 */
public enum SaleState {
    /** The attempt and its idempotency key are journaled; the create call may or may not have reached Stripe. */
    CHARGING,
    /** A Checkout Session exists and is open; the customer may pay at any moment. */
    AWAITING_PAYMENT,
    /** Money was taken. Final. */
    PAID,
    /** The session expired unpaid; the cart may be charged again with a new attempt. */
    EXPIRED,
    /** The cashier cancelled; the session is being expired but the customer could still pay until it is. */
    CANCELLING,
    /** Cancelled with no money taken. Final. */
    CANCELLED,
    /** Something unexpected happened; a person must look. The sale and its session id are kept. */
    NEEDS_ATTENTION;

    /** The state's name for people, e.g. "Awaiting payment", in any language. */
    public Message label() {
        return Message.of("sale.state." + name().toLowerCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == PAID || this == CANCELLED;
    }

    /** Whether money may still arrive for this sale, so it must be reconciled after a restart. */
    public boolean needsReconciliation() {
        return this == CHARGING || this == AWAITING_PAYMENT || this == CANCELLING || this == NEEDS_ATTENTION;
    }

    public Set<SaleState> allowedNext() {
        return switch (this) {
            case CHARGING -> EnumSet.of(AWAITING_PAYMENT, PAID, EXPIRED, CANCELLING, CANCELLED, NEEDS_ATTENTION);
            case AWAITING_PAYMENT -> EnumSet.of(PAID, EXPIRED, CANCELLING, NEEDS_ATTENTION);
            case CANCELLING -> EnumSet.of(PAID, CANCELLED, NEEDS_ATTENTION);
            case EXPIRED -> EnumSet.of(CHARGING, CANCELLED);
            case NEEDS_ATTENTION -> EnumSet.of(AWAITING_PAYMENT, PAID, EXPIRED, CANCELLING, CANCELLED, CHARGING);
            case PAID, CANCELLED -> EnumSet.noneOf(SaleState.class);
        };
    }

    public boolean canMoveTo(SaleState next) {
        return allowedNext().contains(next);
    }
}
