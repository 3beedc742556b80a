package app.scantill.refund;

import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import java.time.Duration;

/**
 * Something the refund flow wants done, as data. An effect that asks the journal or Stripe is answered by
 * the next event and comes last in its transition (write-ahead: the journal before Stripe, Stripe's answer
 * journaled before the screen hears it).
 */
sealed interface RefundEffect {

    default boolean awaitsAnswer() {
        return false;
    }

    /** Tell the listeners. */
    record Publish(RefundProgress progress) implements RefundEffect {
    }

    /**
     * Journal the order (answered by Journaled or JournalFailed).
     *
     * @param soldElsewhere the sale when another register made it (as the store ledger holds it); null for this
     *     register's own
     */
    record Begin(RefundOrder order, Sale soldElsewhere) implements RefundEffect {
        Begin(RefundOrder order) {
            this(order, null);
        }

        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Journal what Stripe said (answered by Journaled or JournalFailed). */
    record RecordStatus(String refundId, String stripeRefundId, RefundStatus status, String failureReason)
            implements RefundEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Reserve the refund in the store ledger (answered by ReserveAnswered or ReserveFailed). */
    record Reserve(Refund refund) implements RefundEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** {@code POST /v1/refunds} (answered by Answered or SendFailed). */
    record Send(RefundRequest request) implements RefundEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** List the payment's refunds (answered by Found or FindFailed). */
    record Find(String paymentIntentId) implements RefundEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Read the refund (answered by Read or ReadFailed). */
    record Retrieve(String stripeRefundId) implements RefundEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** After {@code delay}, the event Due; replaces a pending timer. */
    record Later(Duration delay) implements RefundEffect {
    }
}
