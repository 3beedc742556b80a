package app.scantill.sale;

import app.scantill.money.Money;
import java.util.List;

/**
 * What a paid sale took and gave back: the figures the refund screen always shows.
 *
 * @param paid what the customer paid (zero for a sale that is not paid)
 * @param refunded refunds that succeeded
 * @param inProgress refunds journaled or pending at Stripe: not back yet, but no longer refundable
 * @param refundable what may still be refunded
 */
public record RefundBalance(Money paid, Money refunded, Money inProgress, Money refundable) {

    /** The sale's standing as the screen names it. */
    public enum Standing { NOT_REFUNDED, PARTIALLY_REFUNDED, REFUNDED }

    /** The balance of {@code sale} given its refunds; a sale that is not paid has nothing refundable. */
    public static RefundBalance of(Sale sale, List<Refund> refunds) {
        Money zero = Money.zero(sale.currency());
        Money paid = sale.state() == SaleState.PAID ? sale.total() : zero;
        Money refunded = zero;
        Money inProgress = zero;
        for (Refund r : refunds) {
            if (r.status() == RefundStatus.SUCCEEDED) {
                refunded = refunded.plus(r.amount());
            } else if (r.status().holdsAmount()) {
                inProgress = inProgress.plus(r.amount());
            }
        }
        Money left = paid.minus(refunded).minus(inProgress);
        return new RefundBalance(paid, refunded, inProgress, left.isNegative() ? zero : left);
    }

    /** Refunded when everything paid went back; partially when some did (or is on its way). */
    public Standing standing() {
        if (paid.isZero() || (refunded.isZero() && inProgress.isZero())) {
            return Standing.NOT_REFUNDED;
        }
        return refundable.isZero() && inProgress.isZero() ? Standing.REFUNDED : Standing.PARTIALLY_REFUNDED;
    }

    /**
     * What giving back {@code units} units of {@code line} refunds, when {@code unitsLeft} of its units are still
     * not given back: what the customer paid for them, not the list price. A discounted line's charged amount
     * rarely divides by its quantity, so the first {@code n} units given back are worth
     * {@code floor(charged x n / quantity)} and each refund takes the difference: every refund gives back what
     * those units cost, to within one minor unit, and the units of the line together give back exactly what was
     * paid for the line, whatever the order. An undiscounted line gives back its unit price per unit.
     */
    public static long lineRefundMinor(SaleLine line, int unitsLeft, int units) {
        int before = line.quantity() - unitsLeft;
        if (before < 0 || units < 0 || before + units > line.quantity()) {
            throw new IllegalArgumentException(units + " of " + unitsLeft + " units left of a line of "
                    + line.quantity());
        }
        return paidFor(line, before + units) - paidFor(line, before);
    }

    private static long paidFor(SaleLine line, int units) {
        return Math.multiplyExact(line.chargedMinor(), (long) units) / line.quantity();
    }

    /** Units of each sale line not yet given back by a refund that holds its amount, by line number from 1. */
    public static int[] unitsLeft(Sale sale, List<Refund> refunds) {
        int[] left = new int[sale.lines().size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = sale.lines().get(i).quantity();
        }
        for (Refund r : refunds) {
            if (r.status().holdsAmount()) {
                for (RefundLine line : r.lines()) {
                    if (line.saleLine() <= left.length) {
                        left[line.saleLine() - 1] -= line.quantity();
                    }
                }
            }
        }
        return left;
    }
}
