package app.scantill.refund;

import app.scantill.i18n.Message;
import app.scantill.money.Money;
import java.util.Objects;

/**
 * Where one refund stands, for a screen or the headless till. The refund service publishes a new one for
 * every change.
 *
 * @param refundId ScanTill's id of the refund
 * @param amount what goes back
 * @param message a sentence for the cashier
 * @param canResume STOPPED only: the refund is journaled and may be sent or checked again ({@link RefundService#resume})
 */
public record RefundProgress(String refundId, String saleId, Phase phase, Money amount, Message message,
        boolean canResume) {

    public enum Phase {
        /** The refund is being journaled. */
        RECORDING,
        /** Journaled; being reserved in the store ledger, against every register's refunds of the sale. */
        RESERVING,
        /** Journaled; being sent to Stripe (or looked up after a restart). */
        SENDING,
        /** Stripe accepted it; the money is on its way (Amazon Pay refunds are asynchronous). */
        PENDING,
        /** Stripe needs the customer to act before the money can go back. */
        REQUIRES_ACTION,
        /** The money went back. */
        SUCCEEDED,
        /** Stripe could not refund; the money stayed with the shop. */
        FAILED,
        /** Cancelled at Stripe. */
        CANCELED,
        /** Refused, by the journal (more than is left, ...) or by Stripe (already refunded, no permission, ...): nothing went back. */
        REFUSED,
        /** Stripe could not be reached or the journal could not write: the refund waits as journaled. */
        STOPPED
    }

    public RefundProgress {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
    }

    /** Nothing more will happen to the refund without a new command. */
    public boolean isSettled() {
        return phase == Phase.SUCCEEDED || phase == Phase.FAILED || phase == Phase.CANCELED || phase == Phase.REFUSED
                || phase == Phase.STOPPED;
    }
}
