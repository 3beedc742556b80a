package app.scantill.sale;

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
 * @param attemptStartedAt when the current attempt was journaled (its key written); the create request of
 *     the attempt is derived from it, so a replay after a restart sends the very same request. Null only
 *     where a journal cannot tell.
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
        Instant updatedAt,
        Instant attemptStartedAt) {

    public Sale {
        lines = List.copyOf(lines);
    }

    /** A sale whose attempt start is not known (journals that do not record it). */
    public Sale(String id, String registerId, Instant createdAt, Currency currency, List<SaleLine> lines,
            long totalMinor, SaleState state, int attempt, String idempotencyKey, String sessionId,
            Instant sessionExpiresAt, String paymentIntentId, String paymentMethod, Instant updatedAt) {
        this(id, registerId, createdAt, currency, lines, totalMinor, state, attempt, idempotencyKey, sessionId,
                sessionExpiresAt, paymentIntentId, paymentMethod, updatedAt, null);
    }

    public Money total() {
        return Money.of(totalMinor, currency);
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }
}
