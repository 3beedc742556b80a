package app.scantill.journal;

import app.scantill.sale.Refund;
import java.util.Objects;

/**
 * One change of one refund waiting in the journal's outbox for the store ledger: the refund's
 * {@code changeNo}-th change (counted from 1 per refund: journaled, then each status Stripe gave it) and the refund
 * as that change left it. Keyed by refund, not by sale: a refund of another register's sale is numbered by the
 * register that makes it, never mixed with the selling register's count (docs/adr/0122).
 */
public record RefundChange(long seq, int changeNo, Refund image) implements OutboxChange {

    public RefundChange {
        Objects.requireNonNull(image, "image");
        if (changeNo < 1) {
            throw new IllegalArgumentException("change numbers start at 1");
        }
    }

    public String refundId() {
        return image.id();
    }

    @Override
    public String saleId() {
        return image.saleId();
    }
}
