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
 * @param storeDecides whether the store ledger decides this refund (docs/adr/0122): it is reserved there, against
 *     every register's refunds of the sale, before Stripe hears of it. True for a refund of another register's
 *     sale, and for any refund of a sale whose register handed its refunds to the store
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
        Instant updatedAt,
        boolean storeDecides) {

    public Refund {
        lines = List.copyOf(lines);
    }

    public Money amount() {
        return Money.of(amountMinor, currency);
    }

    public Optional<String> stripeId() {
        return Optional.ofNullable(stripeRefundId);
    }

    /** This refund with another status, Stripe's id (kept once known) and failure reason (kept once known). */
    public Refund withStatus(RefundStatus next, String stripeId, String failure, Instant at) {
        return new Refund(id, saleId, registerId, createdAt, currency, amountMinor, reason, lines, paymentIntentId,
                paymentMethod, idempotencyKey, next, stripeRefundId != null ? stripeRefundId : stripeId,
                failure != null ? failure : failureReason, at, storeDecides);
    }
}
