package app.scantill.checkout;

import app.scantill.sale.Sale;
import java.util.Objects;

/**
 * How far the create of one journaled attempt has gone: the data that {@link ChargeState.Creating},
 * {@link ChargeState.LookingUp}, {@link ChargeState.RecordingSession}, {@link ChargeState.Refused} and a
 * retryable {@link ChargeState.Failed} share. Immutable; the {@code with}-methods return copies.
 *
 * @param sale the sale as the journal last answered (CHARGING, or CANCELLING once a cancel is journaled)
 * @param request built from the journal alone, so every send of the attempt is byte-identical (ADR 0060)
 * @param tries sends of the request so far; a look-up before a fresh send counts with that send
 * @param replaying the request was rebuilt after a restart: an earlier run may have sent it already
 * @param cancelRequested the cashier cancelled before the attempt's session was known
 * @param failures consecutive transient failures while cancelling or looking the session up (backoff)
 */
record CreateAttempt(Sale sale, CheckoutRequest request, int tries, boolean replaying, boolean cancelRequested,
        int failures) {

    CreateAttempt {
        Objects.requireNonNull(sale, "sale");
        Objects.requireNonNull(request, "request");
    }

    /** A first look at a journaled attempt: nothing sent yet in this run. */
    static CreateAttempt of(Sale sale, CheckoutRequest request, boolean replaying, boolean cancelRequested) {
        return new CreateAttempt(sale, request, 0, replaying, cancelRequested, 0);
    }

    /**
     * Whether a create answer may come from Stripe's idempotency store: such an answer describes the
     * session as it was when first made, so it must be read again before it is shown.
     */
    boolean possiblyReplayed() {
        return replaying || tries > 1;
    }

    CreateAttempt sent() {
        return new CreateAttempt(sale, request, tries + 1, replaying, cancelRequested, failures);
    }

    /** The same attempt, sent again from the start (the cashier's Retry, or a cancel that replays it). */
    CreateAttempt restarted() {
        return new CreateAttempt(sale, request, 0, replaying, cancelRequested, failures);
    }

    CreateAttempt withSale(Sale journaled) {
        return new CreateAttempt(journaled, request, tries, replaying, cancelRequested, failures);
    }

    CreateAttempt withRequest(CheckoutRequest changed) {
        return new CreateAttempt(sale, changed, tries, replaying, cancelRequested, failures);
    }

    CreateAttempt cancelled() {
        return new CreateAttempt(sale, request, tries, replaying, true, failures);
    }

    CreateAttempt failedAgain() {
        return new CreateAttempt(sale, request, tries, replaying, cancelRequested, failures + 1);
    }

    CreateAttempt withoutFailures() {
        return new CreateAttempt(sale, request, tries, replaying, cancelRequested, 0);
    }
}
