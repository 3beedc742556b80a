package app.scantill.journal;

import app.scantill.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A sale as the journal holds it. Immutable: every change goes through {@link SalesJournal} and
 * comes back as a new value.
 *
 * @param attempt the current attempt number (1 for the first QR, 2 after an expiry and a new QR, ...)
 * @param idempotencyKey the key of the current attempt's create call
 * @param sessionId the current attempt's Checkout Session id, once Stripe returned it
 * @param paymentMethod {@code amazon_pay}, {@code card}, ... once known
 */
public record Sale(
        String id,
        String registerId,
        Instant createdAt,
        Currency currency,
        List<SaleLine> lines,
        long totalMinor,
        SaleState state,
        int attempt,
        String idempotencyKey,
        String sessionId,
        Instant sessionExpiresAt,
        String paymentIntentId,
        String paymentMethod,
        Instant updatedAt) {

    public Sale {
        lines = List.copyOf(lines);
    }

    public Money total() {
        return Money.of(totalMinor, currency);
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }
}
