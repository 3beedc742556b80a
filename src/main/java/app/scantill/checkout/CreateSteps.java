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
import app.scantill.checkout.ChargeState.CardOnlyOffered;
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
import java.util.ArrayList;
import java.util.List;
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
    Transition send(CreateAttempt attempt, FlowContext at) {
        CreateAttempt sending = attempt.sent();
        if (!rules.requests().stillAcceptable(attempt.request().expiresAt(), at.stripeNow())) {
            return Transition.to(new Creating(sending), find(attempt.sale(), at));
        }
        return Transition.to(new Creating(sending), new Create(attempt.request()));
    }

    Transition creating(Creating state, ChargeEvent event, FlowContext at) {
        CreateAttempt attempt = state.attempt();
        if (event instanceof Created created) {
            return sessionKnown(attempt.withoutFailures(), created.session(), at);
        }
        if (event instanceof CreateFailed failed) {
            return createFailed(attempt, failed.error(), at);
        }
        if (event instanceof RetryDue) {
            return send(attempt, at);
        }
        if (event instanceof Found found) {
            return foundBeforeFreshSend(attempt, found, at);
        }
        if (event instanceof FindFailed failed) {
            return failed.error().isTransient() ? createFailed(attempt, failed.error(), at)
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

    Transition lookingUp(LookingUp state, ChargeEvent event, FlowContext at) {
        CreateAttempt attempt = state.attempt();
        Sale sale = attempt.sale();
        if (event instanceof Found found) {
            Optional<SessionSnapshot> mine = ChargeRules.attemptSession(sale, found.sessions());
            if (mine.isPresent()) {
                return sessionKnown(attempt.withoutFailures(), mine.get(), at)
                        .after(expireOrphans(sale, found.sessions(), mine.get().id()))
                        .after(Log.of(Level.INFO, "Found session " + mine.get().id() + " of sale " + sale.id()
                                + " by reference"));
            }
            if (state.refusal().isSavedServerFailure() && !attempt.cancelRequested()) {
                return newKeyAfterSavedFailure(sale, state.refusal());
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
                    new Schedule(rules.pollBackoff(waiting.failures(), error, at), new LookupDue()));
        }
        if (event instanceof LookupDue) {
            return Transition.to(state, find(sale, at));
        }
        if (event instanceof Cancel && !attempt.cancelRequested()) {
            return Transition.to(new LookingUp(attempt.cancelled(), state.refusal()), Publish.of(
                    status(Phase.CANCELLING, sale).withMessage(ChargeWording.CANCELLING_WAITS_FOR_CREATE)));
        }
        return Transition.ignore(state);
    }

    Transition recordingSession(RecordingSession state, ChargeEvent event, FlowContext at) {
        CreateAttempt attempt = state.attempt();
        SessionSnapshot session = state.session();
        if (event instanceof Recorded recorded) {
            if (recorded.write() instanceof RecordSession) {
                return afterSessionJournaled(attempt.withSale(recorded.sale()), session, at);
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
            return Transition.to(new Failed(sale, null), Publish.of(status(Phase.FAILED, sale)
                    .withMessage(rules.forCashier(state.refusal())).withRetry(false, false)));
        }
        if (event instanceof RecordFailed refused && isMoveTo(refused.write(), SaleState.CANCELLED)) {
            return ChargeRules.notRecorded(attempt.sale(), SaleState.CANCELLED, refused.error());
        }
        return Transition.ignore(state);
    }

    /** Stripe refused Amazon Pay: the cashier charges the same sale by card alone, or goes back to the cart. */
    Transition cardOnlyOffered(CardOnlyOffered state, ChargeEvent event) {
        Sale sale = state.sale();
        if (event instanceof ChargeEvent.ChargeByCardOnly) {
            return ChargeFlow.replaceAttempt(sale, true, "card only after Stripe refused Amazon Pay");
        }
        if (event instanceof Cancel) {
            return Transition.to(state, new Journal(new Move(sale.id(), SaleState.CANCELLED,
                    "back to the cart after Stripe refused Amazon Pay")));
        }
        if (event instanceof Recorded recorded && isMoveTo(recorded.write(), SaleState.CANCELLED)) {
            return Transition.to(new Cancelled(recorded.sale()), Publish.of(status(Phase.CANCELLED, recorded.sale())));
        }
        if (event instanceof RecordFailed refused && isMoveTo(refused.write(), SaleState.CANCELLED)) {
            return ChargeRules.notRecorded(sale, SaleState.CANCELLED, refused.error());
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

    private Transition createFailed(CreateAttempt attempt, GatewayException error, FlowContext at) {
        Sale sale = attempt.sale();
        Log log = Log.of(Level.WARNING, "Create for sale " + sale.id() + " (key " + attempt.request().idempotencyKey()
                + ", try " + attempt.tries() + ") failed: " + error.kind() + (error.replayed() ? " (replayed)" : "")
                + " " + error.getMessage());
        if (error.isSavedServerFailure()) {
            // Stripe saved this failure under the key: resending it brings the same 500 back for 24 hours. The
            // call may have made a session before it failed, so look for one first.
            return Transition.to(new LookingUp(attempt, error), log, find(sale, at));
        }
        if (error.isTransient()) {
            return transientCreateFailure(attempt, error, at).after(log);
        }
        Optional<CheckoutRequest> onStripesClock = onStripesClock(attempt, error, at);
        if (onStripesClock.isPresent()) {
            CheckoutRequest resend = onStripesClock.get();
            return Transition.to(new Creating(attempt.withRequest(resend).sent()), log,
                    Log.of(Level.INFO, "Stripe refused expires_at " + attempt.request().expiresAt() + " of sale "
                            + sale.id() + "; its clock is " + at.skew().stripeAhead() + " from the till's: sending "
                            + resend.expiresAt() + " under the same key"),
                    new Create(resend));
        }
        if (error.kind() == GatewayException.Kind.IDEMPOTENCY || attempt.replaying()) {
            // Stripe has seen this key (or might have, under an earlier run): look the session up instead.
            return Transition.to(new LookingUp(attempt, error), log, find(sale, at));
        }
        return refuse(attempt, error).after(log);
    }

    /**
     * The attempt's request with {@code expires_at} on Stripe's clock as the refusal taught it, when Stripe
     * refused the one sent and that differs. Stripe keeps no result for a request it refused as invalid, so
     * the same key may carry the corrected request (https://docs.stripe.com/api/idempotent_requests).
     */
    private Optional<CheckoutRequest> onStripesClock(CreateAttempt attempt, GatewayException error, FlowContext at) {
        if (error.kind() != GatewayException.Kind.INVALID_REQUEST
                || !error.param().filter("expires_at"::equals).isPresent()) {
            return Optional.empty();
        }
        CheckoutRequestFactory requests = rules.requests();
        Instant expiresAt = requests.expiresAtFor(attemptStart(attempt.sale()), at.skew());
        if (!requests.stillAcceptable(expiresAt, at.stripeNow())) {
            expiresAt = requests.expiresAtFor(at.now(), at.skew());
        }
        if (expiresAt.equals(attempt.request().expiresAt())) {
            return Optional.empty(); // nothing learned: it is a refusal like any other
        }
        return Optional.of(attempt.request().withExpiresAt(expiresAt));
    }

    private Transition transientCreateFailure(CreateAttempt attempt, GatewayException error, FlowContext at) {
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
            Schedule again = new Schedule(rules.pollBackoff(waiting.failures(), error, at), new RetryDue());
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

    /**
     * Stripe refused the create itself, so no session exists for this attempt. A refusal of Amazon Pay keeps
     * the sale and offers it by card alone; any other ends it CANCELLED.
     */
    private Transition refuse(CreateAttempt attempt, GatewayException refusal) {
        Sale sale = attempt.sale();
        if (GatewayErrorMessages.refusesAmazonPay(refusal) && !ChargeRules.cardOnly(sale)
                && !attempt.cancelRequested() && sale.state() == SaleState.CHARGING) {
            return offerCardOnly(sale, refusal);
        }
        String note = "create refused: " + refusal.kind() + refusal.code().map(c -> " " + c).orElse("");
        return Transition.to(new Refused(attempt, refusal), new Journal(new Move(sale.id(), SaleState.CANCELLED, note)));
    }

    private Transition offerCardOnly(Sale sale, GatewayException refusal) {
        List<ChargeEffect> effects = new ArrayList<>();
        effects.add(Log.of(Level.WARNING, "Stripe refused Amazon Pay for sale " + sale.id() + "; offering card only"));
        if (rules.settings().amazonPay() == app.scantill.config.AmazonPayChoice.AUTO) {
            effects.add(new ChargeEffect.AmazonPayUnavailable());
        }
        effects.add(Publish.of(status(Phase.FAILED, sale).withMessage(rules.forCashier(refusal)).withRetry(false, true)));
        return new Transition(new CardOnlyOffered(sale), effects);
    }

    /**
     * Stripe saved a failure under the attempt's key and holds no session for it: the same sale gets a new
     * key (journaled first, as the journal's next attempt), then a fresh create.
     */
    private static Transition newKeyAfterSavedFailure(Sale sale, GatewayException failure) {
        return ChargeFlow.replaceAttempt(sale, ChargeRules.cardOnly(sale), "new key: Stripe saved a failure under "
                + sale.idempotencyKey() + " and holds no session for it").after(Log.of(Level.WARNING,
                "Stripe saved a failure under key " + sale.idempotencyKey() + " (request " + failure.requestId()
                        .orElse("?") + ") and has no session of sale " + sale.id() + "; journaling a new key"));
    }

    /** Sessions of the sale other than {@code kept} that are still open: no one watches them, so expire them. */
    static ChargeEffect[] expireOrphans(Sale sale, List<SessionSnapshot> found, String kept) {
        return found.stream()
                .filter(s -> sale.id().equals(s.clientReferenceId()) && s.isOpen() && !s.id().equals(kept))
                .flatMap(s -> java.util.stream.Stream.<ChargeEffect>of(
                        Log.of(Level.WARNING, "Expiring session " + s.id() + " of sale " + sale.id()
                                + ": open, but not the one the sale is charged with"),
                        new ExpireQuietly(s.id())))
                .toArray(ChargeEffect[]::new);
    }

    private Transition foundBeforeFreshSend(CreateAttempt attempt, Found found, FlowContext at) {
        Sale sale = attempt.sale();
        Optional<SessionSnapshot> mine = ChargeRules.attemptSession(sale, found.sessions());
        if (mine.isPresent()) {
            return sessionKnown(attempt.withoutFailures(), mine.get(), at).after(Log.of(Level.INFO, "Found session "
                    + mine.get().id() + " of sale " + sale.id() + " attempt " + sale.attempt() + " before sending it again"));
        }
        // Counted as a try already: the look-up and this send are one try.
        CheckoutRequest fresh = attempt.request().withExpiresAt(rules.requests().expiresAtFor(at.now(), at.skew()));
        return Transition.to(new Creating(attempt.withRequest(fresh)),
                Log.of(Level.INFO, "No session of sale " + sale.id() + " attempt " + sale.attempt()
                        + " at Stripe; sending it with a fresh expiry under key " + fresh.idempotencyKey()),
                new Create(fresh));
    }

    /** A session for the attempt exists: journal it (while the sale is CHARGING), then act on it. */
    private Transition sessionKnown(CreateAttempt attempt, SessionSnapshot session, FlowContext at) {
        Sale sale = attempt.sale();
        if (sale.state() == SaleState.CHARGING) {
            return Transition.to(new RecordingSession(attempt, session),
                    new Journal(new RecordSession(sale.id(), session.id(), session.expiresAt())));
        }
        return afterSessionJournaled(attempt, session, at);
    }

    private Transition afterSessionJournaled(CreateAttempt attempt, SessionSnapshot session, FlowContext at) {
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
        Transition outcome = sessions.outcome(sale, session, false, at);
        return !matches && session.isOpen() ? outcome.after(new ExpireQuietly(session.id())) : outcome;
    }

    /** The look-up of the attempt's session: Stripe's {@code created} is on its clock, so the search is too. */
    static Find find(Sale sale, FlowContext at) {
        return new Find(sale.id(), at.skew().onStripe(attemptStart(sale)).minus(ChargeRules.CLOCK_SLACK));
    }

    static boolean isMoveTo(JournalWrite write, SaleState to) {
        return write instanceof Move move && move.to() == to;
    }
}
