package app.scantill.checkout;

import static app.scantill.checkout.ChargeRules.attemptStart;
import static app.scantill.checkout.ChargeRules.cardOnly;
import static app.scantill.checkout.ChargeRules.status;

import app.scantill.checkout.ChargeEffect.Journal;
import app.scantill.checkout.ChargeEffect.Log;
import app.scantill.checkout.ChargeEffect.Publish;
import app.scantill.checkout.ChargeEffect.Retrieve;
import app.scantill.checkout.ChargeEffect.StopTimer;
import app.scantill.checkout.ChargeEvent.Cancel;
import app.scantill.checkout.ChargeEvent.NewAttempt;
import app.scantill.checkout.ChargeEvent.RecordFailed;
import app.scantill.checkout.ChargeEvent.Recorded;
import app.scantill.checkout.ChargeEvent.Resume;
import app.scantill.checkout.ChargeEvent.Retry;
import app.scantill.checkout.ChargeEvent.Start;
import app.scantill.checkout.ChargeEvent.Unexpected;
import app.scantill.checkout.ChargeState.AwaitingPayment;
import app.scantill.checkout.ChargeState.Beginning;
import app.scantill.checkout.ChargeState.BeginningAttempt;
import app.scantill.checkout.ChargeState.CardOnlyOffered;
import app.scantill.checkout.ChargeState.Cancelled;
import app.scantill.checkout.ChargeState.Cancelling;
import app.scantill.checkout.ChargeState.Checking;
import app.scantill.checkout.ChargeState.Creating;
import app.scantill.checkout.ChargeState.Expired;
import app.scantill.checkout.ChargeState.Failed;
import app.scantill.checkout.ChargeState.Idle;
import app.scantill.checkout.ChargeState.LookingUp;
import app.scantill.checkout.ChargeState.NeedsAttention;
import app.scantill.checkout.ChargeState.Paid;
import app.scantill.checkout.ChargeState.Recording;
import app.scantill.checkout.ChargeState.RecordingSession;
import app.scantill.checkout.ChargeState.Refused;
import app.scantill.checkout.ChargeState.Unrecorded;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.JournalWrite.Begin;
import app.scantill.checkout.JournalWrite.BeginAttempt;
import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.lang.System.Logger.Level;

/**
 * The one place that decides the charge flow: {@link #next} turns a state and an event into the next
 * state and the effects to perform. It performs nothing itself (no journal, no Stripe, no clock, no
 * thread), so every transition can be tested as a plain call, and it only makes the transitions
 * {@link ChargeTransitions} declares. See docs/charge-flow.md and docs/adr/0042.
 */
final class ChargeFlow {

    /**
     * How often an open session is checked by the register itself: on its own ({@code OWN}, every poll
     * interval), or only as a fallback while the store's watcher reports Stripe's events ({@code WATCHED}).
     * The worker asks the flow of the pace the store is at; they differ in nothing else.
     */
    enum Pace { OWN, WATCHED }

    private final ChargeRules rules;
    private final CreateSteps creates;
    private final SessionSteps sessions;

    ChargeFlow(ChargeSettings settings, CheckoutRequestFactory requests, GatewayErrorMessages messages) {
        this(settings, requests, messages, Pace.OWN);
    }

    ChargeFlow(ChargeSettings settings, CheckoutRequestFactory requests, GatewayErrorMessages messages, Pace pace) {
        this.rules = new ChargeRules(settings, requests, messages, pace);
        this.sessions = new SessionSteps(rules);
        this.creates = new CreateSteps(rules, sessions);
    }

    /**
     * The next state and its effects.
     *
     * @param at the time of the event on the till's and on Stripe's clock, and the poll pace: they decide
     *     whether a journaled create can still be sent as it was, its {@code expires_at}, and when to poll
     * @throws IllegalStateException when the answer would be a transition the table does not declare
     */
    Transition next(ChargeState state, ChargeEvent event, FlowContext at) {
        Transition transition = decide(state, event, at);
        if (!transition.ignores(state)) {
            ChargeTransitions.requireDeclared(state, event, transition.next());
        }
        return transition;
    }

    private Transition decide(ChargeState state, ChargeEvent event, FlowContext at) {
        // Start and Resume replace whatever the register held: ChargeService lets them through only when
        // the register is free. An unexpected error ends any sale in the hands of a person.
        if (event instanceof Start start) {
            return begin(start);
        }
        if (event instanceof Resume resume) {
            return resume(resume.sale(), at).after(new StopTimer(),
                    Log.of(Level.INFO, "Resuming sale " + resume.sale().id() + " in state " + resume.sale().state()),
                    Publish.always(status(Phase.CREATING, resume.sale()).withMessage(ChargeWording.CHECKING_SALE)));
        }
        if (event instanceof Unexpected) {
            return unexpected(state);
        }
        if (state instanceof Creating creating) {
            return creates.creating(creating, event, at);
        }
        if (state instanceof LookingUp lookingUp) {
            return creates.lookingUp(lookingUp, event, at);
        }
        if (state instanceof RecordingSession recording) {
            return creates.recordingSession(recording, event, at);
        }
        if (state instanceof Refused refused) {
            return creates.refused(refused, event);
        }
        if (state instanceof CardOnlyOffered offered) {
            return creates.cardOnlyOffered(offered, event);
        }
        if (state instanceof Checking checking) {
            return sessions.checking(checking, event, at);
        }
        if (state instanceof AwaitingPayment awaiting) {
            return sessions.awaitingPayment(awaiting, event, at);
        }
        if (state instanceof Unrecorded unrecorded) {
            return sessions.unrecorded(unrecorded, event, at);
        }
        if (state instanceof Recording recording) {
            return sessions.recording(recording, event, at);
        }
        if (state instanceof Cancelling cancelling) {
            return sessions.cancelling(cancelling, event, at);
        }
        return settledOrStarting(state, event, at);
    }

    /** The states that wait for the cashier, or for the journal to take a new sale or attempt. */
    private Transition settledOrStarting(ChargeState state, ChargeEvent event, FlowContext at) {
        if (state instanceof Beginning beginning) {
            return beginning(beginning, event, at);
        }
        if (state instanceof BeginningAttempt beginning) {
            return beginningAttempt(beginning, event, at);
        }
        if (state instanceof Expired expired) {
            return expired(expired, event);
        }
        if (state instanceof Failed failed) {
            return failed(failed, event, at);
        }
        if (state instanceof ChargeState.TakingCash taking) {
            return takingCash(taking, event);
        }
        if (state instanceof NeedsAttention attention) {
            return needsAttention(attention, event);
        }
        if (state instanceof Paid || state instanceof Cancelled) {
            return sessions.settled(state, event);
        }
        return Transition.ignore(state); // Idle: only a new sale moves it
    }

    // ------------------------------------------------------------ a new sale, a new attempt

    private Transition begin(Start start) {
        boolean choice = CheckoutRequestFactory.cardOnlyByChoice(start.currency(), start.cardOnlyChoice());
        String key = IdempotencyKeys.forAttempt(start.saleId(), 1, choice, rules.settings().checkoutLocale());
        boolean cardOnly = start.cardOnlyChoice() || !CurrencyFacts.amazonPaySupports(start.currency());
        Money total = rules.requests().validate(start.currency(), start.lines());
        return Transition.to(new Beginning(start.saleId(), start.currency(), start.lines(), start.cardOnlyChoice()),
                new StopTimer(),
                Publish.always(ChargeStatus.of(Phase.CREATING, start.saleId(), total, cardOnly, 1)),
                new Journal(new Begin(start.saleId(), rules.settings().registerId(), start.currency(), start.lines(),
                        key, start.discounts())));
    }

    private Transition beginning(Beginning state, ChargeEvent event, FlowContext at) {
        if (event instanceof Recorded recorded && recorded.write() instanceof Begin) {
            Sale sale = recorded.sale();
            // Built from what the journal now holds, exactly as a replay after a crash will build it.
            CheckoutRequest request = rules.requests().build(sale.id(), 1, sale.idempotencyKey(), state.currency(),
                    state.lines(), state.cardOnlyChoice(), attemptStart(sale), at.skew());
            return creates.send(CreateAttempt.of(sale, request, false, false), at);
        }
        if (event instanceof RecordFailed refused && refused.write() instanceof Begin) {
            boolean cardOnly = state.cardOnlyChoice() || !CurrencyFacts.amazonPaySupports(state.currency());
            Money total = rules.requests().validate(state.currency(), state.lines());
            return Transition.to(new Failed(null, null),
                    new Log(Level.ERROR, "Journal refused sale " + state.saleId() + "; no session created",
                            refused.error()),
                    Publish.of(ChargeStatus.of(Phase.FAILED, state.saleId(), total, cardOnly, 1)
                            .withMessage(ChargeWording.JOURNAL_DOWN)));
        }
        return Transition.ignore(state);
    }

    /** After an expiry: the same cart under a new attempt and key, journaled before anything is sent. */
    private static Transition beginAttempt(Sale expired) {
        boolean cardOnly = cardOnly(expired);
        String key = nextKey(expired, cardOnly);
        return Transition.to(new BeginningAttempt(expired), creatingNext(expired, cardOnly),
                new Journal(new BeginAttempt(expired.id(), key)));
    }

    /**
     * A CHARGING attempt that made no session gives way to the sale's next attempt, journaled before anything
     * is sent: card only after Stripe refused Amazon Pay, or a new key after Stripe saved a failure.
     */
    static Transition replaceAttempt(Sale sale, boolean cardOnly, String why) {
        String key = nextKey(sale, cardOnly);
        return Transition.to(new BeginningAttempt(sale), creatingNext(sale, cardOnly),
                new Journal(new JournalWrite.ReplaceAttempt(sale.id(), key, why)));
    }

    /** The next attempt's key: the payment page keeps the language of the sale's attempts (ADR 0062). */
    private static String nextKey(Sale sale, boolean cardOnly) {
        return IdempotencyKeys.forAttempt(sale.id(), sale.attempt() + 1,
                CheckoutRequestFactory.cardOnlyByChoice(sale.currency(), cardOnly),
                IdempotencyKeys.checkoutLocale(sale.idempotencyKey()).orElse(null));
    }

    private static Publish creatingNext(Sale sale, boolean cardOnly) {
        return Publish.of(ChargeStatus.of(Phase.CREATING, sale.id(), sale.total(), cardOnly, sale.attempt() + 1));
    }

    private Transition beginningAttempt(BeginningAttempt state, ChargeEvent event, FlowContext at) {
        if (event instanceof Recorded recorded && isAttempt(recorded.write())) {
            Sale sale = recorded.sale();
            CheckoutRequest request = rules.requests().build(sale.id(), sale.attempt(), sale.idempotencyKey(),
                    sale.currency(), sale.lines(), cardOnly(sale), attemptStart(sale), at.skew());
            return creates.send(CreateAttempt.of(sale, request, false, false), at);
        }
        if (event instanceof RecordFailed refused && isAttempt(refused.write())) {
            Sale sale = state.sale();
            int attempt = sale.attempt() + 1;
            return Transition.to(new Failed(sale, null),
                    new Log(Level.ERROR, "Journal refused attempt " + attempt + " of sale " + sale.id(), refused.error()),
                    Publish.of(ChargeStatus.of(Phase.FAILED, sale.id(), sale.total(), cardOnly(sale), attempt)
                            .withMessage(ChargeWording.JOURNAL_DOWN)));
        }
        return Transition.ignore(state);
    }

    private static boolean isAttempt(JournalWrite write) {
        return write instanceof BeginAttempt || write instanceof JournalWrite.ReplaceAttempt;
    }

    // ------------------------------------------------------------ waiting for the cashier

    private Transition expired(Expired state, ChargeEvent event) {
        Sale sale = state.sale();
        if (event instanceof NewAttempt) {
            return beginAttempt(sale);
        }
        if (event instanceof Cancel) {
            return Transition.to(state, new Journal(new JournalWrite.Move(sale.id(), SaleState.CANCELLED,
                    "cashier went back to the cart after expiry")));
        }
        if (event instanceof Recorded recorded && CreateSteps.isMoveTo(recorded.write(), SaleState.CANCELLED)) {
            return Transition.to(new Cancelled(recorded.sale()), Publish.of(status(Phase.CANCELLED, recorded.sale())));
        }
        if (event instanceof RecordFailed refused && CreateSteps.isMoveTo(refused.write(), SaleState.CANCELLED)) {
            return ChargeRules.notRecorded(sale, SaleState.CANCELLED, refused.error());
        }
        return Transition.ignore(state);
    }

    private Transition failed(Failed state, ChargeEvent event, FlowContext at) {
        if (event instanceof Retry && state.retryable()) {
            return creates.send(state.retry().restarted(), at)
                    .after(Publish.of(status(Phase.CREATING, state.sale())));
        }
        if (event instanceof Cancel && state.retryable()) {
            // The create may or may not have reached Stripe: replay it to find out, then expire.
            return creates.send(state.retry().restarted().cancelled(), at).after(Publish.of(
                    status(Phase.CANCELLING, state.sale()).withMessage(ChargeWording.CANCELLING_CHECKS)));
        }
        if (event instanceof NewAttempt && isExpired(state.sale())) {
            return beginAttempt(state.sale());
        }
        if (event instanceof ChargeEvent.TakeCash take && cashMayTakeOver(state)) {
            Sale sale = state.sale();
            return Transition.to(new ChargeState.TakingCash(sale, state.retry(), take.failure()),
                    Log.of(Level.INFO, "Stripe cannot be reached: the cashier takes cash for the cart of sale " + sale.id()),
                    Publish.of(status(Phase.FAILED, sale).withMessage(take.failure()).withStripeUnreachable()));
        }
        return Transition.ignore(state);
    }

    /**
     * Cash may take the attempt over when its create gave up for want of Stripe and nothing else is known of it:
     * journaled CHARGING, the same attempt retryable (docs/adr/0180).
     */
    static boolean cashMayTakeOver(Failed state) {
        return state.retryable() && state.sale() != null && state.sale().state() == SaleState.CHARGING;
    }

    /** The cash screen is up for the attempt's cart: the cash sale takes the attempt over, or the cashier comes back. */
    private static Transition takingCash(ChargeState.TakingCash state, ChargeEvent event) {
        Sale sale = state.sale();
        if (event instanceof ChargeEvent.TakenOverByCash cash) {
            return Transition.to(new Idle(),
                    Log.of(Level.INFO, "Sale " + sale.id() + " taken over by cash sale " + cash.cashSaleId()
                            + "; its card attempt is settled once Stripe answers"),
                    new ChargeEffect.SettleLater(sale.id()), Publish.of(ChargeStatus.idle()));
        }
        if (event instanceof ChargeEvent.CashDeclined) {
            return Transition.to(new Failed(sale, state.retry()), Publish.of(status(Phase.FAILED, sale)
                    .withMessage(state.failure()).withRetry(true, false).withStripeUnreachable()));
        }
        return Transition.ignore(state);
    }

    private Transition needsAttention(NeedsAttention state, ChargeEvent event) {
        Sale sale = state.sale();
        if (event instanceof Recorded recorded && CreateSteps.isMoveTo(recorded.write(), SaleState.NEEDS_ATTENTION)) {
            NeedsAttention marked = new NeedsAttention(recorded.sale(), state.sessionId(), state.message());
            return Transition.to(marked, ChargeRules.needsAttentionLog(sale, state.message()), Publish.of(
                    ChargeRules.needsAttention(recorded.sale(), state.sessionId(), state.message())));
        }
        if (event instanceof RecordFailed refused
                && CreateSteps.isMoveTo(refused.write(), SaleState.NEEDS_ATTENTION)) {
            Message message = ChargeWording.andThen(state.message(), ChargeWording.JOURNAL_DOWN);
            return Transition.to(new NeedsAttention(sale, state.sessionId(), message),
                    new Log(Level.ERROR, "Journal could not mark " + sale.id() + " for attention", refused.error()),
                    ChargeRules.needsAttentionLog(sale, message),
                    Publish.of(ChargeRules.needsAttention(sale, state.sessionId(), message)));
        }
        if (event instanceof NewAttempt && isExpired(sale)) {
            // The journal still says EXPIRED (the way back to the cart could not be recorded).
            return beginAttempt(sale);
        }
        return Transition.ignore(state);
    }

    private static boolean isExpired(Sale sale) {
        return sale != null && sale.state() == SaleState.EXPIRED;
    }

    // ------------------------------------------------------------ after a restart, after a bug

    /** Takes a journaled sale up exactly where it stopped. */
    private Transition resume(Sale sale, FlowContext at) {
        String session = sale.sessionId();
        switch (sale.state()) {
            case CHARGING:
                return resend(sale, false, at, Publish.of(
                        status(Phase.CREATING, sale).withMessage(ChargeWording.CHECKING_CHARGE)));
            case AWAITING_PAYMENT:
                return check(sale, ChargeWording.CHECKING_PAYMENT);
            case CANCELLING:
                if (session != null) {
                    return sessions.expire(sale, session);
                }
                return resend(sale, true, at, null).after(Publish.of(status(Phase.CANCELLING, sale)));
            case NEEDS_ATTENTION:
                if (session != null) {
                    return check(sale, ChargeWording.CHECKING_SALE);
                }
                return Transition.to(new NeedsAttention(sale, null, ChargeWording.MARKED_WITHOUT_SESSION),
                        Publish.of(status(Phase.NEEDS_ATTENTION, sale)
                                .withMessage(ChargeWording.MARKED_WITHOUT_SESSION)));
            case EXPIRED:
                return Transition.to(new Expired(sale),
                        Publish.of(status(Phase.EXPIRED, sale).withSession(session, null, null)));
            case PAID:
                return Transition.to(new Paid(sale), Publish.of(status(Phase.PAID, sale)
                        .withSession(session, null, null).withPaymentMethod(sale.paymentMethod())));
            case CANCELLED:
            default:
                return Transition.to(new Cancelled(sale), Publish.of(status(Phase.CANCELLED, sale)));
        }
    }

    /** A resumed session is asked about before its QR code goes back up. */
    private static Transition check(Sale sale, Message message) {
        return Transition.to(new Checking(sale, true, false, 0),
                Publish.of(status(Phase.CREATING, sale).withSession(sale.sessionId(), null, sale.sessionExpiresAt())
                        .withMessage(message)),
                new Retrieve(sale.sessionId()));
    }

    /**
     * Sends an interrupted attempt again, rebuilt from the journal alone (key, card-only choice, attempt
     * start): byte for byte the request the earlier run sent, so Stripe replays its answer.
     *
     * @param sending shown once the request is rebuilt, or null
     */
    private Transition resend(Sale sale, boolean cancelRequested, FlowContext at, Publish sending) {
        CheckoutRequest request;
        try {
            request = rules.requests().build(sale.id(), sale.attempt(), sale.idempotencyKey(), sale.currency(),
                    sale.lines(), IdempotencyKeys.isCardOnlyChoice(sale.idempotencyKey()), attemptStart(sale),
                    at.skew());
        } catch (CartNotChargeableException | IllegalArgumentException e) {
            Message why = e instanceof CartNotChargeableException refusal ? refusal.reason()
                    : Message.of("charge.detail", String.valueOf(e.getMessage()));
            return ChargeRules.attention(sale, ChargeWording.cannotResend(why), null);
        }
        Transition send = creates.send(CreateAttempt.of(sale, request, true, cancelRequested), at);
        return sending == null ? send : send.after(sending);
    }

    private static Transition unexpected(ChargeState state) {
        Sale sale = state.sale();
        if (sale != null) {
            return ChargeRules.attention(sale, ChargeWording.UNEXPECTED_SALE_KEPT, null);
        }
        return Transition.to(new Idle(),
                Publish.of(ChargeStatus.idle().withMessage(ChargeWording.UNEXPECTED_NOTHING_CHARGED)));
    }
}
