package app.scantill.sale;

import java.util.Objects;

/**
 * What a customer handed over for a sale paid in cash, and what went back. Amounts in the sale's minor units.
 *
 * @param tenderedMinor what the customer handed over; never less than the sale's total
 * @param changeMinor what the cashier gave back: tendered less the total
 * @param replacesSaleId the card attempt this cash sale took over when Stripe could not be reached (docs/adr/0180),
 *     or null
 */
public record CashTender(String saleId, long tenderedMinor, long changeMinor, String replacesSaleId) {

    public CashTender {
        Objects.requireNonNull(saleId, "saleId");
        if (tenderedMinor < 0 || changeMinor < 0 || changeMinor > tenderedMinor) {
            throw new IllegalArgumentException("tendered " + tenderedMinor + " and change " + changeMinor
                    + " do not make a cash payment");
        }
    }

    /**
     * The tender of a sale of {@code totalMinor}: the change is what the customer handed over beyond the total.
     *
     * @throws TooLittleTenderedException when the customer handed over less than the total
     */
    public static CashTender of(String saleId, long totalMinor, long tenderedMinor, String replacesSaleId) {
        if (tenderedMinor < totalMinor) {
            throw new TooLittleTenderedException(totalMinor, tenderedMinor);
        }
        return new CashTender(saleId, tenderedMinor, tenderedMinor - totalMinor, replacesSaleId);
    }

    /** What the sale took in cash: the tender less the change. */
    public long keptMinor() {
        return tenderedMinor - changeMinor;
    }

    /** The customer handed over less than the sale's total: the sale cannot be paid with it. */
    public static final class TooLittleTenderedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final long totalMinor;
        private final long tenderedMinor;

        TooLittleTenderedException(long totalMinor, long tenderedMinor) {
            super("tendered " + tenderedMinor + " is less than the total " + totalMinor);
            this.totalMinor = totalMinor;
            this.tenderedMinor = tenderedMinor;
        }

        public long totalMinor() {
            return totalMinor;
        }

        public long shortMinor() {
            return totalMinor - tenderedMinor;
        }
    }
}
