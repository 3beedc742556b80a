package app.scantill.journal;

import app.scantill.sale.Refund;
import java.time.Instant;
import java.util.List;

/**
 * The questions History and the end-of-day report ask about refunds. The till's journal answers for its own
 * register's sales ({@link SalesJournal} extends this); {@link #NONE} answers for records that keep no refunds.
 */
public interface RefundRecords {

    /** Records without refunds. */
    RefundRecords NONE = new RefundRecords() {
        @Override
        public List<Refund> refunds(String saleId) {
            return List.of();
        }

        @Override
        public List<Refund> refundsCreatedBetween(Instant from, Instant to) {
            return List.of();
        }
    };

    /** The sale's refunds, oldest first. */
    List<Refund> refunds(String saleId);

    /** Refunds made in {@code [from, to)}, oldest first: the end-of-day report counts them on their own day. */
    List<Refund> refundsCreatedBetween(Instant from, Instant to);
}
