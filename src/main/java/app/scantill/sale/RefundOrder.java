package app.scantill.sale;

import app.scantill.text.Texts;
import java.util.List;
import java.util.Objects;

/**
 * A refund the cashier asked for, as it is handed to the journal: the journal checks it against the
 * sale and what was refunded before in the same transaction that writes it.
 *
 * @param refundId ScanTill's id for the refund, new for every refund
 * @param amountMinor what goes back, in the sale's currency's minor units; for a refund of lines, their sum
 * @param lines the sale lines given back, or empty for a refund of an amount
 * @param idempotencyKey the key every send of this refund carries
 */
public record RefundOrder(String refundId, String saleId, String registerId, long amountMinor, RefundReason reason,
        List<RefundLine> lines, String idempotencyKey) {

    public RefundOrder {
        if (Texts.isBlank(refundId) || Texts.isBlank(saleId) || Texts.isBlank(registerId)
                || Texts.isBlank(idempotencyKey)) {
            throw new IllegalArgumentException("a refund needs its id, sale, register and idempotency key");
        }
        Objects.requireNonNull(reason, "reason");
        lines = List.copyOf(lines);
        if (amountMinor < 1) {
            throw new IllegalArgumentException("a refund gives back a positive amount");
        }
    }
}
