package app.scantill.checkout;

import app.scantill.i18n.Message;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Where one register's charge flow stands. Each state is a record holding exactly what the flow needs
 * there; {@link ChargeFlow} is the one place that moves from one to the next, and only along the
 * transitions {@link ChargeTransitions} declares (docs/charge-flow.md lists them, and a test keeps the
 * two the same).
 *
 * <p>A state that waits for the journal or for Stripe says so in its name. What the screen shows is
 * a {@link ChargeStatus}, published as an effect of a transition; a state is never shown directly.
 */
sealed interface ChargeState {

    /** The journaled sale this state is about, or null while none is journaled. */
    default Sale sale() {
        return null;
    }

    /** No sale on this register. */
    record Idle() implements ChargeState {
    }

    /** A new sale is being journaled with its first attempt and key; Stripe is not called until it is. */
    record Beginning(String saleId, Currency currency, List<SaleLine> lines, boolean cardOnlyChoice)
            implements ChargeState {
        public Beginning {
            lines = List.copyOf(lines);
        }
    }

    /** After an expiry: the sale's next attempt and its new key are being journaled. */
    record BeginningAttempt(Sale sale) implements ChargeState {
    }

    /**
     * The attempt's create is on its way to Stripe or waits to be sent again; or, for an attempt too old
     * to be replayed as it was, its session is looked up first.
     */
    record Creating(CreateAttempt attempt) implements ChargeState {
        @Override
        public Sale sale() {
            return attempt.sale();
        }
    }

    /**
     * Stripe refused the create of an attempt an earlier send (or run) may have made a session for: the
     * session is looked up by the sale id.
     *
     * @param refusal Stripe's answer to the create; it decides the outcome when no session is found
     */
    record LookingUp(CreateAttempt attempt, GatewayException refusal) implements ChargeState {
        @Override
        public Sale sale() {
            return attempt.sale();
        }
    }

    /**
     * The attempt's session is known and being journaled before anyone sees it (and, when the cashier
     * cancelled meanwhile, the cancel after it).
     */
    record RecordingSession(CreateAttempt attempt, SessionSnapshot session) implements ChargeState {
        @Override
        public Sale sale() {
            return attempt.sale();
        }
    }

    /** Stripe refused the create itself, so no session exists: the sale is being journaled CANCELLED. */
    record Refused(CreateAttempt attempt, GatewayException refusal) implements ChargeState {
        @Override
        public Sale sale() {
            return attempt.sale();
        }
    }

    /**
     * The session is journaled but Stripe's word on it is not yet current (a resumed sale, or a create
     * answer that may have been replayed): it is read again before a QR code is shown.
     *
     * @param resumed taken up after a restart: the screen shows the journaled session while Stripe is asked
     * @param cancelRequested the cashier cancelled while Stripe was being asked
     */
    record Checking(Sale sale, boolean resumed, boolean cancelRequested, int failures) implements ChargeState {
    }

    /**
     * The QR code of {@code session} is up and the session is polled; with failures, the connection is
     * lost and the wait between polls grows.
     */
    record AwaitingPayment(Sale sale, SessionSnapshot session, int failures) implements ChargeState {
        public AwaitingPayment {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * What Stripe said of the session ({@code to}: paid, expired, cancelled, or open again) is being
     * journaled; nothing is shown until the journal has it.
     *
     * @param afterCancel the answer came to a cancel (a refusal to record it keeps cancelling)
     * @param cancelRequested the cashier cancelled while the session was being checked
     */
    record Recording(Sale sale, SessionSnapshot session, SaleState to, boolean afterCancel, boolean cancelRequested)
            implements ChargeState {
    }

    /**
     * Stripe's answer could not be journaled: the screen asks for attention and the session is asked
     * again until the journal takes the answer.
     */
    record Unrecorded(Sale sale, String sessionId, boolean cancelRequested, int failures) implements ChargeState {
    }

    /** The cancel is journaled; the session is being expired, or read back after Stripe refused to. */
    record Cancelling(Sale sale, String sessionId, int failures) implements ChargeState {
    }

    /**
     * Stripe refused Amazon Pay for the account, so the attempt made no session. The sale stays journaled
     * (CHARGING) while the cashier is offered it by card alone, one key press away (a new attempt of the
     * same sale), or goes back to the cart (CANCELLED).
     */
    record CardOnlyOffered(Sale sale) implements ChargeState {
    }

    /** The session expired unpaid: a new attempt (new QR code) or back to the cart. */
    record Expired(Sale sale) implements ChargeState {
    }

    /** Money was taken and journaled. Final. */
    record Paid(Sale sale) implements ChargeState {
    }

    /** Cancelled and journaled; no money was taken. Final. */
    record Cancelled(Sale sale) implements ChargeState {
    }

    /**
     * The charge could not start or finish.
     *
     * @param sale null when the journal refused the sale itself
     * @param retry the attempt Retry sends again under its key, or null when there is nothing to retry
     */
    record Failed(Sale sale, CreateAttempt retry) implements ChargeState {
        boolean retryable() {
            return retry != null;
        }
    }

    /**
     * The create gave up while Stripe could not be reached, and the cashier is taking cash for the same cart on the
     * cash screen (docs/adr/0180): the attempt waits, unsent, until the cash sale takes it over or the cashier
     * comes back to it.
     *
     * @param retry the attempt, as the Failed screen held it
     * @param failure what the Failed screen said
     */
    record TakingCash(Sale sale, CreateAttempt retry, Message failure) implements ChargeState {
    }

    /** Something unexpected; a person must look. The sale and its session id are kept. */
    record NeedsAttention(Sale sale, String sessionId, Message message) implements ChargeState {
    }
}
