package app.scantill.sale;

import app.scantill.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A refund as the journal holds it. Immutable: every change goes through the journal and comes back
 * as a new value.
 *
 * @param id ScanTill's id of the refund ({@code R-...}), written before Stripe is asked
 * @param lines the sale lines given back; empty for a refund of an amount (or of the whole sale)
 * @param paymentIntentId the sale's payment intent the refund is made against
 * @param paymentMethod the sale's payment method ({@code amazon_pay}, {@code card}), copied for the report
 * @param idempotencyKey the key of {@code POST /v1/refunds}: the same for every send of this refund
 * @param stripeRefundId Stripe's {@code re_...} once known
 * @param failureReason Stripe's {@code failure_reason}, or the refusal, once known
 */
public record Refund(
        String id,
        String saleId,
        String registerId,
        Instant createdAt,
        Currency currency,
        long amountMinor,
        RefundReason reason,
        List<RefundLine> lines,
        String paymentIntentId,
        String paymentMethod,
        String idempotencyKey,
        RefundStatus status,
        String stripeRefundId,
        String failureReason,
        Instant updatedAt) {

    public Refund {
        lines = List.copyOf(lines);
    }

    public Money amount() {
        return Money.of(amountMinor, currency);
    }

    public Optional<String> stripeId() {
        return Optional.ofNullable(stripeRefundId);
    }
}
