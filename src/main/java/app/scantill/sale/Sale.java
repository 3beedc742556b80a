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
 * @param discounts the discounts the cashier gave, with their reasons; what they took off is in the lines'
 *     {@link SaleLine#discountMinor()} and {@code totalMinor} is what the customer pays
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
        Instant attemptStartedAt,
        SaleDiscounts discounts) {

    public Sale {
        lines = List.copyOf(lines);
        discounts = discounts == null ? SaleDiscounts.NONE : discounts;
    }

    /** A sale without discounts. */
    public Sale(String id, String registerId, Instant createdAt, Currency currency, List<SaleLine> lines,
            long totalMinor, SaleState state, int attempt, String idempotencyKey, String sessionId,
            Instant sessionExpiresAt, String paymentIntentId, String paymentMethod, Instant updatedAt,
            Instant attemptStartedAt) {
        this(id, registerId, createdAt, currency, lines, totalMinor, state, attempt, idempotencyKey, sessionId,
                sessionExpiresAt, paymentIntentId, paymentMethod, updatedAt, attemptStartedAt, SaleDiscounts.NONE);
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

    /** The list total, before any discount. */
    public long listTotalMinor() {
        long sum = 0;
        for (SaleLine line : lines) {
            sum = Math.addExact(sum, line.lineTotalMinor());
        }
        return sum;
    }

    /** Everything the discounts took off the sale. */
    public long discountMinor() {
        long sum = 0;
        for (SaleLine line : lines) {
            sum = Math.addExact(sum, line.discountMinor());
        }
        return sum;
    }

    /** The same sale with its discounts as journaled. */
    public Sale withDiscounts(SaleDiscounts given) {
        return new Sale(id, registerId, createdAt, currency, lines, totalMinor, state, attempt, idempotencyKey,
                sessionId, sessionExpiresAt, paymentIntentId, paymentMethod, updatedAt, attemptStartedAt, given);
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }
}
