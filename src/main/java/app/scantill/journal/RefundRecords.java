package app.scantill.journal;

import app.scantill.sale.Refund;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions History and the end-of-day report ask about refunds. The till's journal answers for the refunds
 * this register made ({@link SalesJournal} extends this), the store ledger for every register's; {@link #NONE}
 * answers for records that keep no refunds.
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

    /**
     * The refunds of each of {@code saleIds}, oldest first (a sale without refunds maps to an empty list): a day's
     * sales in one question, where the records are across a network.
     */
    default Map<String, List<Refund>> refunds(Collection<String> saleIds) {
        Map<String, List<Refund>> bySale = new LinkedHashMap<>();
        for (String id : saleIds) {
            bySale.put(id, refunds(id));
        }
        return bySale;
    }
}
