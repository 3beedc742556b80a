package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.util.List;
import java.util.Objects;

/**
 * The decisions every {@link SalesJournal} makes alike about refunds, as {@link JournalRules} does for
 * sales: an implementation reads the sale and its refunds, asks here, and writes what the answer says
 * in the same transaction. That is what keeps two refunds of one sale, started at the same moment from
 * two windows or two registers on one journal, from giving back more than was paid: the second one is
 * checked against the first one's amount once the first is written. The store ledger asks here too when it
 * reserves a refund the store decides (docs/adr/0122), against every register's refunds of the sale.
 */
public final class RefundRules {

    /** What {@code recordRefundStatus} does to a refund. */
    enum StatusStep { UNCHANGED, UPDATE }

    private RefundRules() {
    }

    /**
     * Decides {@code beginRefund}: the sale must be paid, with a payment intent, and the order must fit
     * into what is left after the refunds that hold their amount.
     *
     * @throws RefundRefusedException when a rule refuses the order
     */
    public static void checkOrder(Sale sale, List<Refund> earlier, RefundOrder order) {
        if (sale.state() != SaleState.PAID) {
            throw new RefundRefusedException("Sale " + sale.id() + " is " + sale.state() + ", not paid: nothing to refund",
                    RefundRefusedException.Why.SALE_NOT_PAID, null);
        }
        if (sale.paymentIntentId() == null) {
            throw new RefundRefusedException("Sale " + sale.id() + " has no payment intent recorded; Stripe cannot be "
                    + "told what to refund", RefundRefusedException.Why.NO_PAYMENT_INTENT, null);
        }
        Money left = RefundBalance.of(sale, earlier).refundable();
        if (left.isZero()) {
            throw new RefundRefusedException("Sale " + sale.id() + " has nothing left to refund",
                    RefundRefusedException.Why.NOTHING_LEFT, left);
        }
        if (!order.lines().isEmpty()) {
            checkLines(sale, earlier, order, left);
        }
        if (order.amountMinor() > left.minorUnits()) {
            throw new RefundRefusedException("Refund of " + order.amountMinor() + " for sale " + sale.id()
                    + " is more than the " + left.minorUnits() + " left to refund",
                    RefundRefusedException.Why.MORE_THAN_LEFT, left);
        }
    }

    private static void checkLines(Sale sale, List<Refund> earlier, RefundOrder order, Money left) {
        int[] units = RefundBalance.unitsLeft(sale, earlier);
        long sum = 0;
        for (RefundLine line : order.lines()) {
            if (line.saleLine() > units.length || line.quantity() > units[line.saleLine() - 1]) {
                throw new RefundRefusedException("Sale " + sale.id() + " line " + line.saleLine() + " has "
                        + (line.saleLine() > units.length ? "no such line" : units[line.saleLine() - 1] + " units left")
                        + "; " + line.quantity() + " cannot be refunded", RefundRefusedException.Why.LINE_UNITS, left);
            }
            SaleLine sold = sale.lines().get(line.saleLine() - 1);
            sum = Math.addExact(sum, RefundBalance.lineRefundMinor(sold, units[line.saleLine() - 1], line.quantity()));
            units[line.saleLine() - 1] -= line.quantity();
        }
        if (sum != order.amountMinor()) {
            throw new RefundRefusedException("Refund of lines of sale " + sale.id() + " is " + order.amountMinor()
                    + " but the lines come to " + sum, RefundRefusedException.Why.LINE_AMOUNT, left);
        }
    }

    /** Whether {@code existing} is this very order written before (a retry after a lost answer). */
    static boolean isRetriedOrder(Refund existing, RefundOrder order) {
        return existing.saleId().equals(order.saleId()) && existing.idempotencyKey().equals(order.idempotencyKey())
                && existing.amountMinor() == order.amountMinor() && existing.reason() == order.reason()
                && existing.lines().equals(order.lines());
    }

    static RefundRefusedException duplicate(String what) {
        return new RefundRefusedException(what + " is already in the journal for another refund; nothing was written",
                RefundRefusedException.Why.DUPLICATE, null);
    }

    /**
     * Decides {@code recordRefundStatus}: a refund moves from REQUESTED to Stripe's statuses and stops at a
     * final one; the same answer again changes nothing; Stripe's id, once recorded, never changes.
     *
     * @throws JournalException when the change is not allowed
     */
    static StatusStep recordStatus(Refund current, String stripeRefundId, RefundStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == RefundStatus.REQUESTED) {
            throw new JournalException("Refund " + current.id() + " cannot go back to REQUESTED");
        }
        if (current.stripeRefundId() != null && stripeRefundId != null
                && !current.stripeRefundId().equals(stripeRefundId)) {
            throw new JournalException("Refund " + current.id() + " is Stripe's " + current.stripeRefundId()
                    + "; " + stripeRefundId + " was not recorded");
        }
        boolean fillsId = current.stripeRefundId() == null && stripeRefundId != null;
        if (current.status() == status) {
            return fillsId ? StatusStep.UPDATE : StatusStep.UNCHANGED;
        }
        if (current.status().isFinal()) {
            throw new JournalException("Refund " + current.id() + " is " + current.status() + " already; "
                    + status + " was not recorded");
        }
        if (status == RefundStatus.REFUSED && current.status() != RefundStatus.REQUESTED) {
            throw new JournalException("Refund " + current.id() + " reached Stripe; it cannot be refused now");
        }
        return StatusStep.UPDATE;
    }

    static JournalException unknownRefund(String refundId) {
        return new JournalException("Refund " + refundId + " is not in the journal");
    }
}
