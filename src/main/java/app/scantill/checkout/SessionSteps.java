package app.scantill.checkout;

import static app.scantill.checkout.ChargeRules.attention;
import static app.scantill.checkout.ChargeRules.status;
import static app.scantill.checkout.CreateSteps.isMoveTo;

import app.scantill.checkout.ChargeEffect.Expire;
import app.scantill.checkout.ChargeEffect.Journal;
import app.scantill.checkout.ChargeEffect.Log;
import app.scantill.checkout.ChargeEffect.Publish;
import app.scantill.checkout.ChargeEffect.Retrieve;
import app.scantill.checkout.ChargeEffect.Schedule;
import app.scantill.checkout.ChargeEffect.StopTimer;
import app.scantill.checkout.ChargeEvent.Cancel;
import app.scantill.checkout.ChargeEvent.CheckDue;
import app.scantill.checkout.ChargeEvent.ExpireAnswered;
import app.scantill.checkout.ChargeEvent.ExpireDue;
import app.scantill.checkout.ChargeEvent.ExpireFailed;
import app.scantill.checkout.ChargeEvent.PollDue;
import app.scantill.checkout.ChargeEvent.RecordFailed;
import app.scantill.checkout.ChargeEvent.Recorded;
import app.scantill.checkout.ChargeEvent.RetrieveFailed;
import app.scantill.checkout.ChargeEvent.Retrieved;
import app.scantill.checkout.ChargeEvent.StoreReported;
import app.scantill.checkout.ChargeEvent.WatchChanged;
import app.scantill.checkout.ChargeState.AwaitingPayment;
import app.scantill.checkout.ChargeState.Cancelled;
import app.scantill.checkout.ChargeState.Cancelling;
import app.scantill.checkout.ChargeState.Checking;
import app.scantill.checkout.ChargeState.Expired;
import app.scantill.checkout.ChargeState.Paid;
import app.scantill.checkout.ChargeState.Recording;
import app.scantill.checkout.ChargeState.Unrecorded;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.JournalWrite.MarkPaid;
import app.scantill.checkout.JournalWrite.Move;
import app.scantill.i18n.Message;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The transitions once a session is journaled: checking it, polling it behind the QR code, journaling
 * what Stripe says of it before the screen says so, and expiring it on a cancel.
 */
final class SessionSteps {

    private final ChargeRules rules;

    SessionSteps(ChargeRules rules) {
        this.rules = rules;
    }

    Transition checking(Checking state, ChargeEvent event, FlowContext at) {
        Sale sale = state.sale();
        if (event instanceof Retrieved retrieved) {
            return outcome(sale, retrieved.session(), state.cancelRequested(), at);
        }
        if (reportsEnd(event, sale.sessionId())) {
            return outcome(sale, ((StoreReported) event).session(), state.cancelRequested(), at);
        }
        if (event instanceof RetrieveFailed failed) {
            return pollFailed(sale, failed.error(), state.failures(), at, failures -> {
                Checking waiting = new Checking(sale, state.resumed(), state.cancelRequested(), failures);
                if (state.cancelRequested()) {
                    return Transition.to(waiting);
                }
                // Say that Stripe is away, so recovery need not wait it out.
                ChargeStatus shown = state.resumed()
                        ? status(Phase.CREATING, sale).withSession(sale.sessionId(), null, sale.sessionExpiresAt())
                        : status(Phase.CREATING, sale);
                return Transition.to(waiting,
                        Publish.of(shown.withMessage(ChargeWording.STILL_CHECKING).withStripeUnreachable()));
            });
        }
        if (event instanceof PollDue) {
            return Transition.to(state, new Retrieve(sale.sessionId()));
        }
        if (event instanceof Cancel && !state.cancelRequested()) {
            return Transition.to(new Checking(sale, state.resumed(), true, state.failures()), Publish.of(
                    status(Phase.CANCELLING, sale).withMessage(ChargeWording.CANCELLING_WAITS_FOR_CREATE)));
        }
        return Transition.ignore(state);
    }

    Transition awaitingPayment(AwaitingPayment state, ChargeEvent event, FlowContext at) {
        Sale sale = state.sale();
        SessionSnapshot shown = state.session();
        if (event instanceof Retrieved retrieved) {
            return outcome(sale, retrieved.session(), false, at);
        }
        if (event instanceof RetrieveFailed failed) {
            return pollFailed(sale, failed.error(), state.failures(), at, failures -> Transition.to(
                    new AwaitingPayment(sale, shown, failures), Publish.of(ChargeRules.connectionLost(sale, shown))));
        }
        if (event instanceof PollDue) {
            return Transition.to(state, new Retrieve(sale.sessionId()));
        }
        if (reportsEnd(event, sale.sessionId())) {
            // The store's watcher saw it paid or expired: journal it first, as after a poll.
            return outcome(sale, ((StoreReported) event).session(), false, at);
        }
        if (event instanceof WatchChanged && state.failures() == 0) {
            return Transition.to(state, new Schedule(rules.awaitingPoll(at), new PollDue()));
        }
        if (event instanceof Cancel) {
            return Transition.to(state, new StopTimer(),
                    new Journal(new Move(sale.id(), SaleState.CANCELLING, "cancelled by cashier")));
        }
        if (event instanceof Recorded recorded && isMoveTo(recorded.write(), SaleState.CANCELLING)) {
            return expire(recorded.sale(), recorded.sale().sessionId());
        }
        if (event instanceof RecordFailed refused && isMoveTo(refused.write(), SaleState.CANCELLING)) {
            ChargeStatus now = state.failures() > 0 ? ChargeRules.connectionLost(sale, shown)
                    : ChargeRules.awaiting(sale, shown);
            return Transition.to(new AwaitingPayment(sale, shown, state.failures()),
                    new Log(Level.ERROR, "Journal refused the cancel of " + sale.id(), refused.error()),
                    Publish.of(now.withMessage(ChargeWording.CANCEL_NOT_RECORDED)),
                    new Schedule(rules.awaitingPoll(at), new PollDue()));
        }
        return Transition.ignore(state);
    }

    Transition unrecorded(Unrecorded state, ChargeEvent event, FlowContext at) {
        Sale sale = state.sale();
        if (event instanceof Retrieved retrieved) {
            return outcome(sale, retrieved.session(), state.cancelRequested(), at);
        }
        if (event instanceof RetrieveFailed failed) {
            return pollFailed(sale, failed.error(), state.failures(), at, failures -> Transition.to(
                    new Unrecorded(sale, state.sessionId(), state.cancelRequested(), failures)));
        }
        if (event instanceof PollDue) {
            return Transition.to(state, new Retrieve(sale.sessionId()));
        }
        return Transition.ignore(state);
    }

    Transition recording(Recording state, ChargeEvent event, FlowContext at) {
        SessionSnapshot session = state.session();
        if (event instanceof Recorded recorded) {
            Sale sale = recorded.sale();
            switch (state.to()) {
                case PAID:
                    return sweepEarlierAttempts(Transition.to(new Paid(sale), new StopTimer(),
                            Publish.of(status(Phase.PAID, sale)
                                    .withSession(session.id(), null, null)
                                    .withPaymentMethod(session.method().orElse(sale.paymentMethod()))
                                    .withMessage(state.afterCancel() ? ChargeWording.PAID_BEFORE_CANCEL : null))),
                            sale, at);
                case EXPIRED:
                    return Transition.to(new Expired(sale),
                            Publish.of(status(Phase.EXPIRED, sale).withSession(session.id(), null, null)));
                case CANCELLED:
                    return sweepEarlierAttempts(Transition.to(new Cancelled(sale),
                            Publish.of(status(Phase.CANCELLED, sale).withSession(session.id(), null, null))), sale, at);
                case AWAITING_PAYMENT:
                    return open(sale, session, state.cancelRequested(), at);
                default:
                    return Transition.ignore(state);
            }
        }
        if (event instanceof RecordFailed refused) {
            return state.afterCancel() ? cancelNotRecorded(state, refused, at) : answerNotRecorded(state, refused, at);
        }
        return Transition.ignore(state);
    }

    Transition cancelling(Cancelling state, ChargeEvent event, FlowContext at) {
        Sale sale = state.sale();
        String sessionId = state.sessionId();
        if (event instanceof ExpireAnswered answered) {
            return cancelAnswered(state, answered.session(), at);
        }
        if (event instanceof Retrieved retrieved) {
            return cancelAnswered(state, retrieved.session(), at);
        }
        if (reportsEnd(event, sessionId)) {
            return cancelAnswered(state, ((StoreReported) event).session(), at);
        }
        if (event instanceof ExpireFailed failed) {
            if (failed.error().kind() == GatewayException.Kind.INVALID_REQUEST) {
                // Only open sessions can be expired: it ended some other way, perhaps paid a moment ago.
                return Transition.to(state, new Retrieve(sessionId));
            }
            return cancelTrouble(state, failed.error(), new ExpireDue(), at);
        }
        if (event instanceof RetrieveFailed failed) {
            return cancelTrouble(state, failed.error(), new CheckDue(), at);
        }
        if (event instanceof ExpireDue) {
            return Transition.to(state, new Expire(sessionId));
        }
        if (event instanceof CheckDue) {
            return Transition.to(state, new Retrieve(sessionId));
        }
        return Transition.ignore(state);
    }

    /**
     * Paid or cancelled: the answer to the look-up made when the sale ended. A session of an earlier attempt
     * that is still open (one Stripe made behind a saved failure, listed only now) is expired.
     */
    Transition settled(ChargeState state, ChargeEvent event) {
        Sale sale = state.sale();
        if (event instanceof ChargeEvent.Found found) {
            ChargeEffect[] orphans = CreateSteps.expireOrphans(sale, found.sessions(), sale.sessionId());
            return orphans.length == 0 ? Transition.ignore(state) : Transition.to(state, orphans);
        }
        if (event instanceof ChargeEvent.FindFailed failed) {
            return Transition.to(state, Log.of(Level.INFO, "Could not look for other sessions of " + sale.id() + ": "
                    + failed.error().kind() + " " + failed.error().getMessage()));
        }
        return Transition.ignore(state);
    }

    // ------------------------------------------------------------ shared by the flow

    /** The cancel is journaled: expire the session (a customer could still pay until it is expired). */
    Transition expire(Sale sale, String sessionId) {
        return Transition.to(new Cancelling(sale, sessionId, 0),
                Publish.of(status(Phase.CANCELLING, sale).withSession(sessionId, null, null)),
                new Expire(sessionId));
    }

    /**
     * Acts on what Stripe says of the current attempt's session: paid, expired and reopened sessions are
     * journaled before anyone hears of them; an open one shows its QR code (or, after a cancel, is expired).
     */
    Transition outcome(Sale sale, SessionSnapshot session, boolean cancelRequested, FlowContext at) {
        Optional<Message> wrong = ChargeRules.mismatch(sale, session);
        if (wrong.isPresent()) {
            return attention(sale, wrong.get(), session.id());
        }
        if (session.isPaid()) {
            return Transition.to(new Recording(sale, session, SaleState.PAID, false, cancelRequested), paid(sale, session));
        }
        if (session.isOpen()) {
            if (sale.state() == SaleState.NEEDS_ATTENTION) {
                return Transition.to(new Recording(sale, session, SaleState.AWAITING_PAYMENT, false, cancelRequested),
                        new Journal(new Move(sale.id(), SaleState.AWAITING_PAYMENT, "session open again")));
            }
            return open(sale, session, cancelRequested, at);
        }
        if (session.isExpired()) {
            return Transition.to(new Recording(sale, session, SaleState.EXPIRED, false, cancelRequested),
                    new Journal(new Move(sale.id(), SaleState.EXPIRED, "session " + session.id() + " expired")));
        }
        return attention(sale, ChargeWording.unexpectedEnd(session), session.id());
    }

    // ------------------------------------------------------------ steps

    private Transition open(Sale sale, SessionSnapshot session, boolean cancelRequested, FlowContext at) {
        AwaitingPayment awaiting = new AwaitingPayment(sale, session, 0);
        if (cancelRequested) {
            return Transition.to(awaiting, new StopTimer(),
                    new Journal(new Move(sale.id(), SaleState.CANCELLING, "cancelled by cashier")));
        }
        return Transition.to(awaiting, Publish.of(ChargeRules.awaiting(sale, session)),
                new Schedule(rules.awaitingPoll(at), new PollDue()));
    }

    /**
     * A sale that took more than one attempt ends with a look at its sessions: the attempts before the last
     * one may have left a session open that no one watches (see {@link #settled}).
     */
    private static Transition sweepEarlierAttempts(Transition ended, Sale sale, FlowContext at) {
        return sale.attempt() > 1 ? ended.andThen(CreateSteps.find(sale, at)) : ended;
    }

    /**
     * Whether the event is the store watcher's word that this session ended (paid or expired). Its word
     * that a session is open again says nothing the register does not know, and a session of another
     * register or attempt is none of this one's business.
     */
    private static boolean reportsEnd(ChargeEvent event, String sessionId) {
        return event instanceof StoreReported reported && reported.session().id().equals(sessionId)
                && !reported.session().isOpen();
    }

    private static Journal paid(Sale sale, SessionSnapshot session) {
        return new Journal(new MarkPaid(sale.id(), session.paymentIntentId(), session.paymentMethod(),
                "paid; session " + session.id()));
    }

    /**
     * A poll failed: transient failures wait longer each time ({@code waiting} says what to show). A 429 also
     * widens the register's poll interval for a while (see {@link PollPace}).
     */
    private Transition pollFailed(Sale sale, GatewayException error, int failuresBefore, FlowContext at,
            IntFunction<Transition> waiting) {
        if (!error.isTransient()) {
            return attention(sale, ChargeWording.statusRefused(rules.forCashier(error)), sale.sessionId())
                    .after(Log.of(Level.ERROR, "Status of " + sale.sessionId() + " refused: " + error.kind() + " "
                            + error.getMessage()));
        }
        int failures = failuresBefore + 1;
        Transition transition = waiting.apply(failures);
        FlowContext paced = at;
        if (error.kind() == GatewayException.Kind.RATE_LIMITED) {
            paced = at.withPace(rules.slowerAfterLimit(at, error));
            transition = transition.after(new ChargeEffect.SetPollPace(paced.pace()), Log.of(Level.WARNING,
                    "Stripe's read limit reached: polling every " + rules.pollInterval(paced).toMillis() + " ms for a while"));
        }
        return transition.andThen(new Schedule(rules.pollBackoff(failures, error, paced), new PollDue()))
                .after(Log.of(Level.WARNING, "Status of " + sale.sessionId() + " unknown (" + failures + " in a row): "
                        + error.kind() + " " + error.getMessage()));
    }

    private Transition cancelAnswered(Cancelling state, SessionSnapshot session, FlowContext at) {
        Sale sale = state.sale();
        if (session.isPaid()) {
            Optional<Message> wrong = ChargeRules.mismatch(sale, session);
            if (wrong.isPresent()) {
                return attention(sale, wrong.get(), session.id());
            }
            return Transition.to(new Recording(sale, session, SaleState.PAID, true, true), paid(sale, session));
        }
        if (session.isExpired()) {
            return Transition.to(new Recording(sale, session, SaleState.CANCELLED, true, true),
                    new Journal(new Move(sale.id(), SaleState.CANCELLED, "session " + session.id() + " expired")));
        }
        if (session.isOpen()) {
            return Transition.to(new Cancelling(sale, state.sessionId(), 0),
                    Publish.of(status(Phase.CANCELLING, sale).withSession(session.id(), null, null)
                            .withMessage(ChargeWording.STILL_CANCELLING)),
                    new Schedule(rules.pollInterval(at), new ExpireDue()));
        }
        return attention(sale, ChargeWording.unexpectedCancelEnd(session), session.id());
    }

    private Transition cancelTrouble(Cancelling state, GatewayException error, ChargeEvent again, FlowContext at) {
        Sale sale = state.sale();
        if (!error.isTransient()) {
            return attention(sale, ChargeWording.cancelRefused(rules.forCashier(error)), state.sessionId())
                    .after(Log.of(Level.ERROR, "Cancel of " + sale.id() + " refused: " + error.kind() + " "
                            + error.getMessage()));
        }
        Cancelling waiting = new Cancelling(sale, state.sessionId(), state.failures() + 1);
        return Transition.to(waiting,
                Log.of(Level.WARNING, "Cancel of " + sale.id() + " waits: " + error.kind() + " " + error.getMessage()),
                Publish.of(status(Phase.CANCELLING, sale).withSession(state.sessionId(), null, null)
                        .withMessage(ChargeWording.STILL_CANCELLING).withStripeUnreachable()),
                new Schedule(rules.pollBackoff(waiting.failures(), error, at), again));
    }

    /** The journal refused the end of a cancel: keep cancelling, and read the session back again soon. */
    private Transition cancelNotRecorded(Recording state, RecordFailed refused, FlowContext at) {
        Sale sale = state.sale();
        String sessionId = state.session().id();
        return Transition.to(new Cancelling(sale, sessionId, 1),
                new Log(Level.ERROR, "Journal could not record the end of cancelled sale " + sale.id(), refused.error()),
                Publish.of(status(Phase.CANCELLING, sale).withSession(sessionId, null, null)
                        .withMessage(ChargeWording.CANCEL_RESULT_NOT_RECORDED)),
                new Schedule(rules.pollBackoff(1, Optional.empty(), at), new CheckDue()));
    }

    /** The journal refused what Stripe said: say so, and ask Stripe again later. */
    private Transition answerNotRecorded(Recording state, RecordFailed refused, FlowContext at) {
        Sale sale = state.sale();
        String sessionId = state.session().id();
        return Transition.to(new Unrecorded(sale, sessionId, state.cancelRequested(), 1),
                new Log(Level.ERROR, "Journal could not record the state of sale " + sale.id(), refused.error()),
                Publish.of(ChargeRules.needsAttention(sale, sessionId, ChargeWording.RESULT_NOT_RECORDED)),
                new Schedule(rules.pollBackoff(1, Optional.empty(), at), new PollDue()));
    }
}
