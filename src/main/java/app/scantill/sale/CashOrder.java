package app.scantill.sale;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A cart paid in cash, as the cashier confirmed it: journaled PAID at once, with no network and no Stripe.
 *
 * @param tenderedMinor what the customer handed over, in the currency's minor units
 * @param replacesSaleId the card attempt of the same cart this cash sale takes over (Stripe could not be reached,
 *     docs/adr/0180), or null
 */
public record CashOrder(String saleId, String registerId, Currency currency, List<SaleLine> lines,
        long tenderedMinor, String replacesSaleId) {

    /** The payment method a cash sale is journaled with. */
    public static final String METHOD = PaymentMethod.CASH.wireName();

    public CashOrder {
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(registerId, "registerId");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }

    /** What the customer pays: the lines' charged amounts. */
    public long totalMinor() {
        long total = 0;
        for (SaleLine line : lines) {
            total = Math.addExact(total, line.chargedMinor());
        }
        return total;
    }

    /**
     * The journal's key for the sale's one attempt: a cash sale has no Checkout Session, but every sale holds an
     * attempt, and its key says the sale never went to Stripe.
     */
    public String attemptKey() {
        return "cash-" + saleId;
    }

    /** @throws CashTender.TooLittleTenderedException when too little was handed over */
    public CashTender tender() {
        return CashTender.of(saleId, totalMinor(), tenderedMinor, replacesSaleId);
    }
}
