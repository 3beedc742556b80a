package app.scantill.checkout;

import static app.scantill.checkout.ChargeRules.attemptStart;
import static app.scantill.checkout.ChargeRules.status;

import app.scantill.checkout.ChargeEffect.Create;
import app.scantill.checkout.ChargeEffect.ExpireQuietly;
import app.scantill.checkout.ChargeEffect.Find;
import app.scantill.checkout.ChargeEffect.Journal;
import app.scantill.checkout.ChargeEffect.Log;
import app.scantill.checkout.ChargeEffect.Publish;
import app.scantill.checkout.ChargeEffect.Retrieve;
import app.scantill.checkout.ChargeEffect.Schedule;
import app.scantill.checkout.ChargeEvent.Cancel;
import app.scantill.checkout.ChargeEvent.CreateFailed;
import app.scantill.checkout.ChargeEvent.Created;
import app.scantill.checkout.ChargeEvent.FindFailed;
import app.scantill.checkout.ChargeEvent.Found;
import app.scantill.checkout.ChargeEvent.LookupDue;
import app.scantill.checkout.ChargeEvent.RecordFailed;
import app.scantill.checkout.ChargeEvent.Recorded;
import app.scantill.checkout.ChargeEvent.RetryDue;
import app.scantill.checkout.ChargeState.Cancelled;
import app.scantill.checkout.ChargeState.Checking;
import app.scantill.checkout.ChargeState.Creating;
import app.scantill.checkout.ChargeState.Failed;
import app.scantill.checkout.ChargeState.LookingUp;
import app.scantill.checkout.ChargeState.RecordingSession;
import app.scantill.checkout.ChargeState.Refused;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.JournalWrite.Move;
import app.scantill.checkout.JournalWrite.RecordSession;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The transitions from a journaled attempt to its known session: create (with retries under one key),
 * look-ups by the sale id, journaling the session, and a refused create.
 */
final class CreateSteps {

    private final ChargeRules rules;
    private final SessionSteps sessions;

    CreateSteps(ChargeRules rules, SessionSteps sessions) {
        this.rules = rules;
        this.sessions = sessions;
    }

    /**
     * Sends the attempt, or, when it is too old to be sent as it was (Stripe would refuse its expires_at),
     * first looks for the session an earlier send may have made.
     */
    Transition send(CreateAttempt attempt, Instant now) {
        CreateAttempt sending = attempt.sent();
        if (!rules.requests().stillAcceptable(attempt.request().expiresAt(), now)) {
            return Transition.to(new Creating(sending), find(attempt.sale()));
        }
        return Transition.to(new Creating(sending), new Create(attempt.request()));
    }

    Transition creating(Creating state, ChargeEvent event, Instant now) {
        CreateAttempt attempt = state.attempt();
        if (event instanceof Created created) {
            return sessionKnown(attempt.withoutFailures(), created.session());
        }
        if (event instanceof CreateFailed failed) {
            return createFailed(attempt, failed.error());
        }
        if (event instanceof RetryDue) {
            return send(attempt, now);
        }
        if (event instanceof Found found) {
            return foundBeforeFreshSend(attempt, found, now);
        }
        if (event instanceof FindFailed failed) {
            return failed.error().isTransient() ? createFailed(attempt, failed.error())
                    : ChargeRules.attention(attempt.sale(), ChargeWording.cannotAsk(rules.forCashier(failed.error())),
                            null);
        }
        if (event instanceof Cancel) {
            return cancelBeforeSession(state, attempt);
        }
        if (event instanceof Recorded recorded && isMoveTo(recorded.write(), SaleState.CANCELLING)) {
            // Cancelled while Stripe cannot be reached: the cancel is journaled, the create goes on.
            return Transition.to(new Creating(attempt.withSale(recorded.sale())),
                    Publish.of(status(Phase.CANCELLING, recorded.sale()).withMessage(ChargeWording.STILL_CANCELLING)
                            .withStripeUnreachable()));
        }
        if (event instanceof RecordFailed refused && isMoveTo(refused.write(), SaleState.CANCELLING)) {
            return ChargeRules.notRecorded(attempt.sale(), SaleState.CANCELLING, refused.error());
        }
        return Transition.ignore(state);
    }

    Transition lookingUp(LookingUp state, ChargeEvent event) {
        CreateAttempt attempt = state.attempt();
        Sale sale = attempt.sale();
        if (event instanceof Found found) {
            Optional<SessionSnapshot> mine = ChargeRules.attemptSession(sale, found.sessions());
            if (mine.isPresent()) {
                return sessionKnown(attempt.withoutFailures(), mine.get()).after(Log.of(Level.INFO,
                        "Found session " + mine.get().id() + " of sale " + sale.id() + " by reference"));
            }
            if (state.refusal().kind() == GatewayException.Kind.IDEMPOTENCY) {
                return ChargeRules.attention(sale, ChargeWording.SEEN_WITHOUT_SESSION, null);
            }
            return refuse(attempt, state.refusal());
        }
        if (event instanceof FindFailed failed) {
            GatewayException error = failed.error();
            if (!error.isTransient()) {
                return ChargeRules.attention(sale, ChargeWording.cannotAsk(rules.forCashier(error)), null);
            }
            CreateAttempt waiting = attempt.failedAgain();
            ChargeStatus shown = attempt.cancelRequested()
                    ? status(Phase.CANCELLING, sale).withMessage(ChargeWording.STILL_CANCELLING)
                    : status(Phase.CREATING, sale).withMessage(ChargeWording.STILL_CHECKING);
            return Transition.to(new LookingUp(waiting, state.refusal()), Publish.of(shown.withStripeUnreachable()),
                    new Schedule(rules.pollBackoff(waiting.failures(), error), new LookupDue()));
        }
        if (event instanceof LookupDue) {
            return Transition.to(state, find(sale));
        }
        if (event instanceof Cancel && !attempt.cancelRequested()) {
            return Transition.to(new LookingUp(attempt.cancelled(), state.refusal()), Publish.of(
                    status(Phase.CANCELLING, sale).withMessage(ChargeWording.CANCELLING_WAITS_FOR_CREATE)));
        }
        return Transition.ignore(state);
    }

    Transition recordingSession(RecordingSession state, ChargeEvent event) {
        CreateAttempt attempt = state.attempt();
        SessionSnapshot session = state.session();
        if (event instanceof Recorded recorded) {
            if (recorded.write() instanceof RecordSession) {
                return afterSessionJournaled(attempt.withSale(recorded.sale()), session);
            }
            if (isMoveTo(recorded.write(), SaleState.CANCELLING)) {
                return sessions.expire(recorded.sale(), session.id());
            }
        }
        if (event instanceof RecordFailed refused) {
            if (refused.write() instanceof RecordSession) {
                // The customer has not seen this session: take it away rather than show an unjournaled QR.
                Sale sale = attempt.sale();
                return Transition.to(new Failed(sale, null),
                        new Log(Level.ERROR, "Journal could not record session " + session.id() + " of " + sale.id(),
                                refused.error()),
                        new ExpireQuietly(session.id()),
                        Publish.of(status(Phase.FAILED, sale).withMessage(ChargeWording.JOURNAL_DOWN)));
            }
            if (isMoveTo(refused.write(), SaleState.CANCELLING)) {
                return ChargeRules.notRecorded(attempt.sale(), SaleState.CANCELLING, refused.error());
            }
        }
        return Transition.ignore(state);
    }

    Transition refused(Refused state, ChargeEvent event) {
        CreateAttempt attempt = state.attempt();
        if (event instanceof Recorded recorded && isMoveTo(recorded.write(), SaleState.CANCELLED)) {
            Sale sale = recorded.sale();
            if (attempt.cancelRequested()) {
                return Transition.to(new Cancelled(sale), Publish.of(status(Phase.CANCELLED, sale)));
            }
            GatewayException refusal = state.refusal();
            boolean offerCardOnly = !ChargeRules.cardOnly(sale) && GatewayErrorMessages.refusesAmazonPay(refusal);
            return Transition.to(new Failed(sale, null), Publish.of(status(Phase.FAILED, sale)
                    .withMessage(rules.forCashier(refusal)).withRetry(false, offerCardOnly)));
        }
        if (event instanceof RecordFailed refused && isMoveTo(refused.write(), SaleState.CANCELLED)) {
            return ChargeRules.notRecorded(attempt.sale(), SaleState.CANCELLED, refused.error());
        }
        return Transition.ignore(state);
    }

    // ------------------------------------------------------------ steps

    private Transition cancelBeforeSession(Creating state, CreateAttempt attempt) {
        if (attempt.cancelRequested()) {
            return Transition.ignore(state);
        }
        // The create is on its way or waits for a retry: its answer says whether a session exists to expire.
        return Transition.to(new Creating(attempt.cancelled()), Publish.of(
                status(Phase.CANCELLING, attempt.sale()).withMessage(ChargeWording.CANCELLING_WAITS_FOR_CREATE)));
    }

    private Transition createFailed(CreateAttempt attempt, GatewayException error) {
        Sale sale = attempt.sale();
        Log log = Log.of(Level.WARNING, "Create for sale " + sale.id() + " (key " + attempt.request().idempotencyKey()
                + ", try " + attempt.tries() + ") failed: " + error.kind() + " " + error.getMessage());
        if (error.isTransient()) {
            return transientCreateFailure(attempt, error).after(log);
        }
        if (error.kind() == GatewayException.Kind.IDEMPOTENCY || attempt.replaying()) {
            // Stripe has seen this key (or might have, under an earlier run): look the session up instead.
            return Transition.to(new LookingUp(attempt, error), log, find(sale));
        }
        return refuse(attempt, error).after(log);
    }

    private Transition transientCreateFailure(CreateAttempt attempt, GatewayException error) {
        ChargeSettings settings = rules.settings();
        if (attempt.tries() < settings.createTries()) {
            Duration wait = Backoff.delay(settings.createBackoff(), settings.maxPollBackoff(), attempt.tries(),
                    error.retryAfter());
            return Transition.to(new Creating(attempt), new Schedule(wait, new RetryDue()));
        }
        Sale sale = attempt.sale();
        if (attempt.cancelRequested()) {
            // The cashier cancelled while Stripe cannot be reached: keep finding out in the background.
            CreateAttempt waiting = attempt.failedAgain();
            Schedule again = new Schedule(rules.pollBackoff(waiting.failures(), error), new RetryDue());
            if (sale.state() == SaleState.CHARGING) {
                // The retry is set first; should the journal refuse the cancel, the attention drops it.
                return Transition.to(new Creating(waiting), again, new Journal(
                        new Move(sale.id(), SaleState.CANCELLING, "cancelled by cashier before the session was known")));
            }
            return Transition.to(new Creating(waiting), Publish.of(status(Phase.CANCELLING, sale)
                    .withMessage(ChargeWording.STILL_CANCELLING).withStripeUnreachable()), again);
        }
        return Transition.to(new Failed(sale, attempt), Publish.of(status(Phase.FAILED, sale)
                .withMessage(rules.forCashier(error)).withRetry(true, false).withStripeUnreachable()));
    }

    /** Stripe refused the create itself, so no session exists for this attempt. */
    private Transition refuse(CreateAttempt attempt, GatewayException refusal) {
        Sale sale = attempt.sale();
        String note = "create refused: " + refusal.kind() + refusal.code().map(c -> " " + c).orElse("");
        return Transition.to(new Refused(attempt, refusal), new Journal(new Move(sale.id(), SaleState.CANCELLED, note)));
    }

    private Transition foundBeforeFreshSend(CreateAttempt attempt, Found found, Instant now) {
        Sale sale = attempt.sale();
        Optional<SessionSnapshot> mine = ChargeRules.attemptSession(sale, found.sessions());
        if (mine.isPresent()) {
            return sessionKnown(attempt.withoutFailures(), mine.get()).after(Log.of(Level.INFO, "Found session "
                    + mine.get().id() + " of sale " + sale.id() + " attempt " + sale.attempt() + " before sending it again"));
        }
        // Counted as a try already: the look-up and this send are one try.
        CheckoutRequest fresh = attempt.request().withExpiresAt(rules.requests().expiresAtFor(now));
        return Transition.to(new Creating(attempt.withRequest(fresh)),
                Log.of(Level.INFO, "No session of sale " + sale.id() + " attempt " + sale.attempt()
                        + " at Stripe; sending it with a fresh expiry under key " + fresh.idempotencyKey()),
                new Create(fresh));
    }

    /** A session for the attempt exists: journal it (while the sale is CHARGING), then act on it. */
    private Transition sessionKnown(CreateAttempt attempt, SessionSnapshot session) {
        Sale sale = attempt.sale();
        if (sale.state() == SaleState.CHARGING) {
            return Transition.to(new RecordingSession(attempt, session),
                    new Journal(new RecordSession(sale.id(), session.id(), session.expiresAt())));
        }
        return afterSessionJournaled(attempt, session);
    }

    private Transition afterSessionJournaled(CreateAttempt attempt, SessionSnapshot session) {
        Sale sale = attempt.sale();
        if (attempt.cancelRequested()) {
            if (sale.state() == SaleState.AWAITING_PAYMENT) {
                return Transition.to(new RecordingSession(attempt, session), new Journal(new Move(sale.id(),
                        SaleState.CANCELLING, "cancelled by cashier; session " + session.id())));
            }
            return sessions.expire(sale, session.id());
        }
        boolean matches = ChargeRules.mismatch(sale, session).isEmpty();
        if (attempt.possiblyReplayed() && session.isOpen() && matches) {
            // A replayed answer describes the session as it was when made: the customer may have paid since.
            return Transition.to(new Checking(sale, false, false, 0), new Retrieve(sale.sessionId()));
        }
        Transition outcome = sessions.outcome(sale, session, false);
        return !matches && session.isOpen() ? outcome.after(new ExpireQuietly(session.id())) : outcome;
    }

    private static Find find(Sale sale) {
        return new Find(sale.id(), attemptStart(sale).minus(ChargeRules.CLOCK_SLACK));
    }

    static boolean isMoveTo(JournalWrite write, SaleState to) {
        return write instanceof Move move && move.to() == to;
    }
}
