package app.scantill.refund;

import app.scantill.checkout.GatewayException;
import app.scantill.journal.JournalException;
import app.scantill.money.Money;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.Sale;
import java.util.List;

/** Everything that happens to a refund's flow: commands, the journal's answers, Stripe's answers, the timer. */
sealed interface RefundEvent {

    /**
     * The cashier asks for a refund.
     *
     * @param soldElsewhere the sale when another register made it (as the store ledger holds it); null for this
     *     register's own
     */
    record Start(RefundOrder order, Money amount, Sale soldElsewhere) implements RefundEvent {
        Start(RefundOrder order, Money amount) {
            this(order, amount, null);
        }
    }

    /** A journaled refund is taken up again (after a restart, or Check again). */
    record Resume(Refund refund) implements RefundEvent {
    }

    /** The journal wrote what it was asked; the refund as it now holds it. */
    record Journaled(Refund refund) implements RefundEvent {
    }

    record JournalFailed(JournalException failure) implements RefundEvent {
    }

    /** The store ledger answered a reservation. */
    record ReserveAnswered(RefundReservations.Reservation answer) implements RefundEvent {
    }

    /** The store ledger refused the reservation ({@code RefundRefusedException}) or could not be reached. */
    record ReserveFailed(JournalException failure) implements RefundEvent {
    }

    /** Stripe answered the create. */
    record Answered(RefundSnapshot refund) implements RefundEvent {
    }

    record SendFailed(GatewayException failure) implements RefundEvent {
    }

    /** Stripe listed the payment's refunds. */
    record Found(List<RefundSnapshot> refunds) implements RefundEvent {
        public Found {
            refunds = List.copyOf(refunds);
        }
    }

    record FindFailed(GatewayException failure) implements RefundEvent {
    }

    /** Stripe answered a read of the refund. */
    record Read(RefundSnapshot refund) implements RefundEvent {
    }

    record ReadFailed(GatewayException failure) implements RefundEvent {
    }

    /** The one timer of the flow ran out. */
    record Due() implements RefundEvent {
    }
}
