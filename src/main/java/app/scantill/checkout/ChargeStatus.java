package app.scantill.checkout;

import app.scantill.i18n.Message;
import app.scantill.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What the charge of the current sale looks like right now, for a screen to show. Immutable; the
 * {@link ChargeService} publishes a new one for every change.
 *
 * @param saleId null only while {@link Phase#IDLE}
 * @param amount the sale's total
 * @param cardOnly the session offers card alone because Amazon Pay cannot present the currency
 * @param attempt 1 for the first QR code of the sale, 2 after an expiry and a new code, ...
 * @param url the hosted payment page while the session is open (AWAITING_PAYMENT, CONNECTION_LOST)
 * @param expiresAt when Stripe expires the open session
 * @param sessionId the Checkout Session id once known
 * @param paymentMethod {@code amazon_pay}, {@code card}, ... when PAID and Stripe said which
 * @param message a sentence for the cashier (failures, attention, cancel progress, a paid race)
 * @param retryable FAILED only: the same attempt may be sent again with {@link ChargeService#retry()}
 * @param cardOnlyOffered FAILED only: Stripe refused Amazon Pay; the same sale can be charged by card alone
 *     ({@link ChargeService#chargeByCardOnly()}) or cancelled
 * @param stripeUnreachable the last requests to Stripe failed for network reasons (or 429/5xx) and the flow
 *     is waiting to try again: nothing is known yet about the sale's session
 */
public record ChargeStatus(
        Phase phase,
        String saleId,
        Money amount,
        boolean cardOnly,
        int attempt,
        String url,
        Instant expiresAt,
        String sessionId,
        String paymentMethod,
        Message message,
        boolean retryable,
        boolean cardOnlyOffered,
        boolean stripeUnreachable) {

    public enum Phase {
        /** No sale on this register. */
        IDLE,
        /** The sale is journaled and its session is being created (or the sale is being checked after a restart). */
        CREATING,
        /** The QR code is up; the customer may pay at any moment. */
        AWAITING_PAYMENT,
        /** As AWAITING_PAYMENT, but the last status requests failed: still waiting, still retrying. */
        CONNECTION_LOST,
        /** The cashier cancelled; the session is not yet known to be expired, so the customer could still pay. */
        CANCELLING,
        /** Money was taken and journaled. */
        PAID,
        /** The session expired unpaid; a new attempt (new QR code) or back to the cart. */
        EXPIRED,
        /** Cancelled and journaled; no money was taken. */
        CANCELLED,
        /** The charge could not start or finish; see message and retryable. */
        FAILED,
        /** Something unexpected; a person must look. The sale and its session id are kept. */
        NEEDS_ATTENTION
    }

    public ChargeStatus {
        Objects.requireNonNull(phase, "phase");
    }

    public static ChargeStatus idle() {
        return new ChargeStatus(Phase.IDLE, null, null, false, 0, null, null, null, null, null, false, false, false);
    }

    /** A status of the given phase for a sale, with no detail yet. */
    public static ChargeStatus of(Phase phase, String saleId, Money amount, boolean cardOnly, int attempt) {
        return new ChargeStatus(phase, saleId, amount, cardOnly, attempt, null, null, null, null, null, false, false,
                false);
    }

    public ChargeStatus withSession(String sessionId, String url, Instant expiresAt) {
        return new ChargeStatus(phase, saleId, amount, cardOnly, attempt, url, expiresAt, sessionId, paymentMethod,
                message, retryable, cardOnlyOffered, stripeUnreachable);
    }

    public ChargeStatus withPaymentMethod(String method) {
        return new ChargeStatus(phase, saleId, amount, cardOnly, attempt, url, expiresAt, sessionId, method,
                message, retryable, cardOnlyOffered, stripeUnreachable);
    }

    public ChargeStatus withMessage(Message text) {
        return new ChargeStatus(phase, saleId, amount, cardOnly, attempt, url, expiresAt, sessionId, paymentMethod,
                text, retryable, cardOnlyOffered, stripeUnreachable);
    }

    public ChargeStatus withRetry(boolean canRetry, boolean offerCardOnly) {
        return new ChargeStatus(phase, saleId, amount, cardOnly, attempt, url, expiresAt, sessionId, paymentMethod,
                message, canRetry, offerCardOnly, stripeUnreachable);
    }

    /** The same status, marked as waiting for Stripe to be reachable again. */
    public ChargeStatus withStripeUnreachable() {
        return new ChargeStatus(phase, saleId, amount, cardOnly, attempt, url, expiresAt, sessionId, paymentMethod,
                message, retryable, cardOnlyOffered, true);
    }

    /**
     * Stripe cannot be reached and the create gave up with nothing known of a session: cash may take the sale's cart
     * over (docs/adr/0180).
     */
    public boolean cashMayTakeOver() {
        return phase == Phase.FAILED && retryable && stripeUnreachable && saleId != null;
    }

    /** The customer could pay right now (or a create may have made a session): do not free the cart. */
    public boolean sessionMayBeOpen() {
        return switch (phase) {
            case CREATING, AWAITING_PAYMENT, CONNECTION_LOST, CANCELLING -> true;
            case FAILED -> retryable;
            default -> false;
        };
    }

    /**
     * Nothing is in progress: the register may start another sale. A sale offered by card only is still
     * journaled: it ends with the card-only charge or a cancel.
     */
    public boolean allowsNewSale() {
        return switch (phase) {
            case IDLE, PAID, CANCELLED, NEEDS_ATTENTION -> true;
            case FAILED -> !retryable && !cardOnlyOffered;
            default -> false;
        };
    }
}
