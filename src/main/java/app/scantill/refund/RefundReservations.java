package app.scantill.refund;

import app.scantill.sale.Refund;

/**
 * The store's one place that decides refunds across registers (docs/adr/0122), as the refund flow sees it: a refund
 * with {@link Refund#storeDecides()} set is reserved here, against every register's refunds of its sale, after it
 * is journaled and before Stripe hears of it. The till with a store ledger provides it; a till alone has none.
 */
public interface RefundReservations {

    /**
     * Reserves the refund, or asks the sale's register to hand the sale's refunds to the store first. Reserving a
     * reserved refund again answers that it is reserved. Blocks for one round trip to the ledger; never on the
     * JavaFX thread.
     *
     * @throws app.scantill.journal.RefundRefusedException when the refund does not fit (nothing is reserved)
     * @throws app.scantill.journal.JournalException when the ledger cannot be reached (whether it was reserved is
     *     then not known)
     */
    Reservation reserve(Refund refund);

    /**
     * What a reservation came to when it was not refused.
     *
     * @param reserved the refund is reserved and may be sent to Stripe
     * @param seller when not reserved: the register asked to hand the sale's refunds to the store (null: not known
     *     yet, its sale has not reached the ledger)
     */
    record Reservation(boolean reserved, String seller) {

        public static Reservation done() {
            return new Reservation(true, null);
        }

        public static Reservation waitingFor(String seller) {
            return new Reservation(false, seller);
        }
    }
}
