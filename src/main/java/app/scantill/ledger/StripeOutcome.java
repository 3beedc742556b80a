package app.scantill.ledger;

import java.util.Objects;

/**
 * What Stripe's latest event said of one Checkout Session, as the store's watcher wrote it to the
 * ledger for the till that awaits it. Stripe's own words (wire values), so the ledger needs no types of
 * the charge flow.
 *
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code paid}, {@code unpaid} or {@code no_payment_required}
 * @param paymentMethod {@code card}, {@code amazon_pay}, ... when known
 * @param attempt the session's {@code attempt} metadata, when it has one
 */
public record StripeOutcome(String sessionId, String saleId, String eventId, String eventType, long eventCreated,
        String status, String paymentStatus, String paymentIntentId, String paymentMethod, Long amountTotal,
        String currency, boolean livemode, Long sessionCreated, Long sessionExpiresAt, String attempt) {

    public StripeOutcome {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentStatus, "paymentStatus");
    }
}
