package app.scantill.refund;

import app.scantill.i18n.Message;
import app.scantill.money.Money;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;

/**
 * Where one refund's flow is: a sealed type whose records hold what the flow needs there and nothing
 * else. A state that waits for the journal or Stripe says so in its name.
 */
sealed interface RefundState {

    /** The order is being journaled; nothing has gone to Stripe. */
    record Journaling(RefundOrder order, Money amount) implements RefundState {
    }

    /**
     * Journaled; being reserved in the store ledger (a refund the store decides), asked again while the sale's
     * register hands its refunds over.
     *
     * @param fresh started in this run of the flow, so certainly never sent: if the ledger cannot be reached it
     *     is refused; one taken up again after a restart may have been reserved and sent, and waits instead
     * @param since when the reservation was first asked for (the patience with the sale's register counts from it)
     * @param waiting the cashier was told the till waits for the sale's register
     */
    record Reserving(Refund refund, boolean fresh, java.time.Instant since, boolean waiting) implements RefundState {
    }

    /** {@code POST /v1/refunds} in flight (or waiting to be sent again after a transient failure). */
    record Sending(Refund refund, int tries) implements RefundState {
    }

    /** Looking for the refund at Stripe by its payment intent: it may have been sent before a crash. */
    record LookingUp(Refund refund, int tries) implements RefundState {
    }

    /** Stripe's answer (or refusal) is being journaled; the screen hears it only once it is. */
    record Recording(Refund refund, RefundSnapshot answer, Message refusal) implements RefundState {
    }

    /** Stripe took the refund and it is not final yet: read again after a while. */
    record Following(Refund refund, int reads, int failures) implements RefundState {
    }

    /** The refund's status is final and journaled. */
    record Done(Refund refund) implements RefundState {
    }

    /**
     * Nothing more happens without a command: refused (nothing went back), or waiting as journaled because
     * Stripe or the journal could not be reached ({@code refund} then non-null and the flow can resume).
     */
    record Stopped(Refund refund, Message why, boolean resumable) implements RefundState {
    }
}
