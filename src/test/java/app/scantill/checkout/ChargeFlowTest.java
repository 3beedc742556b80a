package app.scantill.checkout;

import app.scantill.i18n.English;
import app.scantill.i18n.Message;
import static app.scantill.checkout.FlowFixtures.CAD;
import static app.scantill.checkout.FlowFixtures.CART;
import static app.scantill.checkout.FlowFixtures.CART_TOTAL;
import static app.scantill.checkout.FlowFixtures.EXPIRES_AT;
import static app.scantill.checkout.FlowFixtures.KEY;
import static app.scantill.checkout.FlowFixtures.NOW;
import static app.scantill.checkout.FlowFixtures.SALE_ID;
import static app.scantill.checkout.FlowFixtures.SESSION_ID;
import static app.scantill.checkout.FlowFixtures.USD;
import static app.scantill.checkout.FlowFixtures.attempt;
import static app.scantill.checkout.FlowFixtures.completeUnpaid;
import static app.scantill.checkout.FlowFixtures.expired;
import static app.scantill.checkout.FlowFixtures.moved;
import static app.scantill.checkout.FlowFixtures.open;
import static app.scantill.checkout.FlowFixtures.paid;
import static app.scantill.checkout.FlowFixtures.request;
import static app.scantill.checkout.FlowFixtures.sale;
import static app.scantill.checkout.FlowFixtures.session;
import static app.scantill.checkout.FlowFixtures.withSession;
import static app.scantill.checkout.ScriptedCheckoutGateway.failure;
import static app.scantill.checkout.ScriptedCheckoutGateway.network;
import static app.scantill.checkout.ScriptedCheckoutGateway.rateLimited;
import static app.scantill.checkout.ScriptedCheckoutGateway.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.checkout.ChargeEffect.Create;
import app.scantill.checkout.ChargeEffect.Expire;
import app.scantill.checkout.ChargeEffect.ExpireQuietly;
import app.scantill.checkout.ChargeEffect.Find;
import app.scantill.checkout.ChargeEffect.Journal;
import app.scantill.checkout.ChargeEffect.Log;
import app.scantill.checkout.ChargeEffect.SetPollPace;
import app.scantill.checkout.ChargeEffect.Publish;
import app.scantill.checkout.ChargeEffect.Retrieve;
import app.scantill.checkout.ChargeEffect.Schedule;
import app.scantill.checkout.ChargeEffect.StopTimer;
import app.scantill.checkout.ChargeEvent.Cancel;
import app.scantill.checkout.ChargeEvent.CheckDue;
import app.scantill.checkout.ChargeEvent.CreateFailed;
import app.scantill.checkout.ChargeEvent.Created;
import app.scantill.checkout.ChargeEvent.ExpireAnswered;
import app.scantill.checkout.ChargeEvent.ExpireDue;
import app.scantill.checkout.ChargeEvent.ExpireFailed;
import app.scantill.checkout.ChargeEvent.FindFailed;
import app.scantill.checkout.ChargeEvent.Found;
import app.scantill.checkout.ChargeEvent.LookupDue;
import app.scantill.checkout.ChargeEvent.NewAttempt;
import app.scantill.checkout.ChargeEvent.PollDue;
import app.scantill.checkout.ChargeEvent.RecordFailed;
import app.scantill.checkout.ChargeEvent.Recorded;
import app.scantill.checkout.ChargeEvent.Resume;
import app.scantill.checkout.ChargeEvent.RetrieveFailed;
import app.scantill.checkout.ChargeEvent.Retrieved;
import app.scantill.checkout.ChargeEvent.Retry;
import app.scantill.checkout.ChargeEvent.RetryDue;
import app.scantill.checkout.ChargeEvent.Start;
import app.scantill.checkout.ChargeEvent.StoreReported;
import app.scantill.checkout.ChargeEvent.WatchChanged;
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
import app.scantill.checkout.ChargeTransitions.Edge;
import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.JournalWrite.Begin;
import app.scantill.checkout.JournalWrite.BeginAttempt;
import app.scantill.checkout.JournalWrite.MarkPaid;
import app.scantill.checkout.JournalWrite.Move;
import app.scantill.checkout.JournalWrite.RecordSession;
import app.scantill.checkout.SessionSnapshot.PaymentStatus;
import app.scantill.checkout.SessionSnapshot.Status;
import app.scantill.journal.JournalException;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the charge flow as a plain call: a state and an event in, the next state and the
 * effects out (log lines aside), as the worker would perform them. When the whole class has run, every
 * transition {@link ChargeTransitions} declares must have been made by one of these tests.
 */
class ChargeFlowTest {

    private static final Set<Edge> EXERCISED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger TESTS_RUN = new AtomicInteger();

    private static final ChargeFlow FLOW = FlowFixtures.flow();
    private static final JournalException DISK_FULL = new JournalException("disk full");
    private static final Duration POLL = Duration.ofSeconds(1);

    // ------------------------------------------------------------ the harness

    /** The flow's answer at {@link FlowFixtures#NOW}; a transition (not an ignored event) is counted. */
    static Transition step(ChargeState from, ChargeEvent event) {
        return step(from, event, NOW);
    }

    static Transition step(ChargeState from, ChargeEvent event, Instant now) {
        return step(FLOW, from, event, FlowContext.at(now));
    }

    static Transition step(ChargeState from, ChargeEvent event, FlowContext at) {
        return step(FLOW, from, event, at);
    }

    static Transition step(ChargeFlow flow, ChargeState from, ChargeEvent event, Instant now) {
        return step(flow, from, event, FlowContext.at(now));
    }

    static Transition step(ChargeFlow flow, ChargeState from, ChargeEvent event, FlowContext at) {
        Transition transition = flow.next(from, event, at);
        if (!transition.ignores(from)) {
            EXERCISED.add(new Edge(ChargeTransitions.nameOf(from), event.label(),
                    ChargeTransitions.nameOf(transition.next())));
        }
        return transition;
    }

    /** The effects without log lines. */
    static List<ChargeEffect> effects(Transition transition) {
        return transition.effects().stream().filter(e -> !(e instanceof Log)).toList();
    }

    static void assertIgnored(ChargeState state, ChargeEvent event) {
        Transition transition = step(state, event);
        assertThat(transition.ignores(state)).as("%s ignores %s", state, event).isTrue();
    }

    static ChargeStatus status(Phase phase, Sale sale) {
        return ChargeRules.status(phase, sale);
    }

    /** The journal's note of a sale handed to a person: the message, in English. */
    /** A person's note, as any message the flow hands over. */
    static final Message LOOK = Message.of("charge.detail", "Look at it.");

    static Journal move(SaleState to, Message note) {
        return move(to, ChargeWording.inEnglish(note));
    }

    static Journal move(SaleState to, String note) {
        return new Journal(new Move(SALE_ID, to, note));
    }

    static Recorded recorded(JournalWrite write, Sale sale) {
        return new Recorded(write, sale);
    }

    static RecordFailed refused(JournalWrite write) {
        return new RecordFailed(write, DISK_FULL);
    }

    static Move moveTo(SaleState to) {
        return new Move(SALE_ID, to, "note");
    }

    /** Stripe's refusal of {@code amazon_pay} for an account that cannot use it. */
    static GatewayException amazonPayRefused() {
        return new GatewayException(Kind.INVALID_REQUEST, 400, "payment_method_unactivated",
                "payment_method_types", "req_1", null, "amazon_pay is not activated", null);
    }

    @AfterEach
    void count() {
        TESTS_RUN.incrementAndGet();
    }

    @AfterAll
    static void everyDeclaredTransitionIsMadeByATest() {
        long tests = Stream.concat(Stream.of(ChargeFlowTest.class), Arrays.stream(ChargeFlowTest.class.getDeclaredClasses()))
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        if (TESTS_RUN.get() < tests) {
            return; // a single test was run: the census needs them all
        }
        Set<Edge> missing = ChargeTransitions.DECLARED.stream().filter(declared -> EXERCISED.stream().noneMatch(
                made -> made.event().equals(declared.event()) && made.to().equals(declared.to())
                        && (declared.from().equals(ChargeTransitions.ANY) || made.from().equals(declared.from()))))
                .collect(Collectors.toSet());
        assertThat(missing).as("declared transitions no test makes").isEmpty();
    }

    // ------------------------------------------------------------ a new sale

    @Nested
    class NewSale {

        private final Start start = new Start(SALE_ID, USD, CART, false);

        @Test
        void startJournalsTheSaleBeforeAnythingElse() {
            Transition t = step(new Idle(), start);

            assertThat(t.next()).isEqualTo(new Beginning(SALE_ID, USD, CART, false));
            assertThat(effects(t)).containsExactly(new StopTimer(),
                    Publish.always(ChargeStatus.of(Phase.CREATING, SALE_ID, Money.of(CART_TOTAL, USD), false, 1)),
                    new Journal(new Begin(SALE_ID, "till-1", USD, CART, KEY)));
        }

        @Test
        void startReplacesASettledSaleAndStopsItsTimer() {
            Transition t = step(new Paid(sale(SaleState.PAID)), start);

            assertThat(t.next()).isInstanceOf(Beginning.class);
            assertThat(t.effects()).startsWith(new StopTimer());
        }

        @Test
        void cardOnlyByChoiceIsJournaledInTheKeyAndCardOnlyByCurrencyIsNot() {
            Transition chosen = step(new Idle(), new Start(SALE_ID, USD, CART, true));
            Transition forced = step(new Idle(), new Start(SALE_ID, CAD, CART, false));

            assertThat(effects(chosen)).contains(new Journal(new Begin(SALE_ID, "till-1", USD, CART, KEY + "-card")));
            assertThat(((Publish) effects(chosen).get(1)).status().cardOnly()).isTrue();
            assertThat(effects(forced)).contains(new Journal(new Begin(SALE_ID, "till-1", CAD, CART, KEY)));
            assertThat(((Publish) effects(forced).get(1)).status().cardOnly()).isTrue();
        }

        @Test
        void journaledSaleIsSentToStripeWithTheRequestBuiltFromTheJournal() {
            Sale sale = sale(SaleState.CHARGING);
            Transition t = step(new Beginning(SALE_ID, USD, CART, false), recorded(new Begin(SALE_ID, "till-1", USD,
                    CART, KEY), sale));

            CheckoutRequest sent = request(sale);
            assertThat(t.next()).isEqualTo(new Creating(new CreateAttempt(sale, sent, 1, false, false, 0)));
            assertThat(effects(t)).containsExactly(new Create(sent));
            assertThat(sent.idempotencyKey()).isEqualTo(KEY);
            assertThat(sent.expiresAt()).isEqualTo(EXPIRES_AT);
        }

        @Test
        void journalRefusingTheSaleStopsItBeforeStripe() {
            Begin begin = new Begin(SALE_ID, "till-1", USD, CART, KEY);
            Transition t = step(new Beginning(SALE_ID, USD, CART, false), refused(begin));

            assertThat(t.next()).isEqualTo(new Failed(null, null));
            assertThat(effects(t)).containsExactly(Publish.of(ChargeStatus.of(Phase.FAILED, SALE_ID,
                    Money.of(CART_TOTAL, USD), false, 1).withMessage(ChargeWording.JOURNAL_DOWN)));
            assertThat(t.effects()).anyMatch(e -> e instanceof Log log && log.cause() == DISK_FULL);
        }

        @Test
        void unexpectedErrorBeforeASaleIsJournaledSaysNothingWasCharged() {
            Unexpected bug = new Unexpected(new IllegalStateException("bug"));
            Publish nothing = Publish.of(ChargeStatus.idle().withMessage(ChargeWording.UNEXPECTED_NOTHING_CHARGED));

            assertThat(step(new Beginning(SALE_ID, USD, CART, false), bug)).isEqualTo(Transition.to(new Idle(), nothing));
            assertThat(step(new Idle(), bug)).isEqualTo(Transition.to(new Idle(), nothing));
            assertThat(step(new Failed(null, null), bug)).isEqualTo(Transition.to(new Idle(), nothing));
        }

        @Test
        void unexpectedErrorWithASaleHandsItToAPerson() {
            Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
            Transition t = step(new AwaitingPayment(awaiting, open(), 0), new Unexpected(new IllegalStateException()));

            assertThat(t.next()).isEqualTo(new NeedsAttention(awaiting, SESSION_ID, ChargeWording.UNEXPECTED_SALE_KEPT));
            assertThat(effects(t)).containsExactly(new StopTimer(),
                    move(SaleState.NEEDS_ATTENTION, ChargeWording.UNEXPECTED_SALE_KEPT));

            // A paid sale cannot move to NEEDS_ATTENTION in the journal: the screen alone says so.
            Sale paidSale = sale(SaleState.PAID);
            Transition paidT = step(new Paid(paidSale), new Unexpected(new IllegalStateException()));
            assertThat(effects(paidT)).containsExactly(new StopTimer(), Publish.of(status(Phase.NEEDS_ATTENTION,
                    paidSale).withSession(SESSION_ID, null, null).withMessage(ChargeWording.UNEXPECTED_SALE_KEPT)));
        }
    }

    // ------------------------------------------------------------ creating the session

    @Nested
    class CreatingTheSession {

        @Test
        void createAnswerIsJournaledBeforeAnyoneSeesIt() {
            CreateAttempt sent = attempt(1);
            Transition t = step(new Creating(sent), new Created(open()));

            assertThat(t.next()).isEqualTo(new RecordingSession(sent, open()));
            assertThat(effects(t)).containsExactly(new Journal(new RecordSession(SALE_ID, SESSION_ID, EXPIRES_AT)));
        }

        @Test
        void createAnswerOfACancelledSaleIsExpiredAtOnce() {
            Sale cancelling = sale(SaleState.CANCELLING, USD, KEY, null);
            CreateAttempt sent = new CreateAttempt(cancelling, request(cancelling), 5, true, true, 2);
            Transition t = step(new Creating(sent), new Created(open()));

            assertThat(t.next()).isEqualTo(new Cancelling(cancelling, SESSION_ID, 0));
            assertThat(effects(t)).containsExactly(
                    Publish.of(status(Phase.CANCELLING, cancelling).withSession(SESSION_ID, null, null)),
                    new Expire(SESSION_ID));
        }

        @Test
        void transientFailureIsSentAgainAfterAGrowingWaitNeverShorterThanRetryAfter() {
            assertThat(effects(step(new Creating(attempt(1)), new CreateFailed(serverError()))))
                    .containsExactly(new Schedule(Duration.ofMillis(500), new RetryDue()));
            assertThat(effects(step(new Creating(attempt(2)), new CreateFailed(network()))))
                    .containsExactly(new Schedule(Duration.ofSeconds(1), new RetryDue()));
            Transition limited = step(new Creating(attempt(1)), new CreateFailed(rateLimited(Duration.ofSeconds(3))));
            assertThat(limited.next()).isEqualTo(new Creating(attempt(1)));
            assertThat(effects(limited)).containsExactly(new Schedule(Duration.ofSeconds(3), new RetryDue()));
        }

        @Test
        void failureIsLoggedWithTheKeyAndTheTry() {
            Transition t = step(new Creating(attempt(2)), new CreateFailed(serverError()));

            assertThat(t.effects()).anyMatch(e -> e instanceof Log log
                    && log.message().contains("key " + KEY + ", try 2") && log.message().contains("SERVER"));
        }

        @Test
        void retryDueSendsTheVeryRequestAgain() {
            Transition t = step(new Creating(attempt(1)), new RetryDue());

            assertThat(t.next()).isEqualTo(new Creating(attempt(2)));
            assertThat(effects(t)).containsExactly(new Create(attempt(1).request()));
        }

        @Test
        void stillFailingAfterEveryTryOffersRetryAndKeepsTheCartLocked() {
            Transition t = step(new Creating(attempt(4)), new CreateFailed(network()));

            assertThat(t.next()).isEqualTo(new Failed(attempt(4).sale(), attempt(4)));
            ChargeStatus shown = ((Publish) effects(t).get(0)).status();
            assertThat(shown.phase()).isEqualTo(Phase.FAILED);
            assertThat(shown.retryable()).isTrue();
            assertThat(shown.stripeUnreachable()).isTrue();
            assertThat(English.text(shown.message())).contains("Retry");
            assertThat(shown.sessionMayBeOpen()).isTrue();
        }

        @Test
        void cancelWhileTheCreateFailsIsJournaledAndTheCreateGoesOn() {
            CreateAttempt cancelled = attempt(4).cancelled();
            Transition t = step(new Creating(cancelled), new CreateFailed(network()));

            assertThat(t.next()).isEqualTo(new Creating(cancelled.failedAgain()));
            assertThat(effects(t)).containsExactly(new Schedule(POLL, new RetryDue()),
                    move(SaleState.CANCELLING, "cancelled by cashier before the session was known"));

            Sale cancelling = moved(cancelled.sale(), SaleState.CANCELLING);
            Transition journaled = step(t.next(), recorded(moveTo(SaleState.CANCELLING), cancelling));
            assertThat(journaled.next()).isEqualTo(new Creating(cancelled.failedAgain().withSale(cancelling)));
            assertThat(effects(journaled)).containsExactly(Publish.of(status(Phase.CANCELLING, cancelling)
                    .withMessage(ChargeWording.STILL_CANCELLING).withStripeUnreachable()));

            // Already journaled as cancelling: say so again and wait longer.
            Transition again = step(journaled.next(), new CreateFailed(network()));
            assertThat(effects(again)).containsExactly(Publish.of(status(Phase.CANCELLING, cancelling)
                    .withMessage(ChargeWording.STILL_CANCELLING).withStripeUnreachable()),
                    new Schedule(Duration.ofSeconds(2), new RetryDue()));
        }

        @Test
        void cancelThatTheJournalRefusesWhileCreatingNeedsAttention() {
            CreateAttempt cancelled = attempt(4).cancelled().failedAgain();
            Transition t = step(new Creating(cancelled), refused(moveTo(SaleState.CANCELLING)));

            Message message = ChargeWording.notRecordedAs(SaleState.CANCELLING);
            assertThat(t.next()).isEqualTo(new NeedsAttention(cancelled.sale(), null, message));
            assertThat(effects(t)).containsExactly(new StopTimer(),
                    Publish.of(status(Phase.NEEDS_ATTENTION, cancelled.sale()).withMessage(message)));
        }

        @Test
        void idempotencyErrorOrARefusedReplayLooksTheSessionUp() {
            GatewayException idempotency = failure(Kind.IDEMPOTENCY, 400, "idempotency_error", "other parameters");
            Transition t = step(new Creating(attempt(1)), new CreateFailed(idempotency));

            Find find = new Find(SALE_ID, NOW.minus(ChargeRules.CLOCK_SLACK));
            assertThat(t.next()).isEqualTo(new LookingUp(attempt(1), idempotency));
            assertThat(effects(t)).containsExactly(find);

            CreateAttempt replaying = new CreateAttempt(attempt(1).sale(), attempt(1).request(), 1, true, false, 0);
            GatewayException invalid = failure(Kind.INVALID_REQUEST, 400, null, "expires_at");
            Transition replayed = step(new Creating(replaying), new CreateFailed(invalid));
            assertThat(replayed.next()).isEqualTo(new LookingUp(replaying, invalid));
            assertThat(effects(replayed)).containsExactly(find);
        }

        @Test
        void refusedCreateClosesTheSaleAsCancelled() {
            GatewayException refusal = failure(Kind.AUTHENTICATION, 401, null, "Invalid API Key provided");
            Transition t = step(new Creating(attempt(1)), new CreateFailed(refusal));

            assertThat(t.next()).isEqualTo(new Refused(attempt(1), refusal));
            assertThat(effects(t)).containsExactly(move(SaleState.CANCELLED, "create refused: AUTHENTICATION"));
        }

        @Test
        void cancelWhileCreatingWaitsForTheAnswerOnce() {
            Transition t = step(new Creating(attempt(1)), new Cancel());

            assertThat(t.next()).isEqualTo(new Creating(attempt(1).cancelled()));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.CANCELLING, attempt(1).sale())
                    .withMessage(ChargeWording.CANCELLING_WAITS_FOR_CREATE)));
            assertIgnored(t.next(), new Cancel());
        }

        @Test
        void attemptTooOldToReplayIsLookedUpThenSentWithAFreshExpiryUnderItsKey() {
            Instant later = NOW.plus(Duration.ofMinutes(10));
            Transition look = step(new Creating(attempt(1)), new RetryDue(), later);
            assertThat(look.next()).isEqualTo(new Creating(attempt(2)));
            assertThat(effects(look)).containsExactly(new Find(SALE_ID, NOW.minus(ChargeRules.CLOCK_SLACK)));

            Transition send = step(look.next(), new Found(List.of()), later);
            CheckoutRequest fresh = attempt(1).request().withExpiresAt(later.plus(Duration.ofMinutes(35)));
            assertThat(send.next()).as("the look-up and the send are one try")
                    .isEqualTo(new Creating(attempt(2).withRequest(fresh)));
            assertThat(effects(send)).containsExactly(new Create(fresh));
            assertThat(fresh.idempotencyKey()).isEqualTo(KEY);
        }

        @Test
        void sessionFoundBeforeAFreshSendIsTheAttemptsOwn() {
            SessionSnapshot earlierAttempt = session("cs_test_earlier", Status.EXPIRED, PaymentStatus.UNPAID, null, null,
                    CART_TOTAL, "0");
            Transition t = step(new Creating(attempt(2)), new Found(List.of(earlierAttempt, open())));

            assertThat(t.next()).isEqualTo(new RecordingSession(attempt(2), open()));
            assertThat(effects(t)).containsExactly(new Journal(new RecordSession(SALE_ID, SESSION_ID, EXPIRES_AT)));
        }

        @Test
        void sessionFoundForACancelledSaleIsExpired() {
            Sale cancelling = sale(SaleState.CANCELLING, USD, KEY, null);
            CreateAttempt sent = new CreateAttempt(cancelling, request(cancelling), 1, true, true, 0);

            assertThat(step(new Creating(sent), new Found(List.of(open()))).next())
                    .isEqualTo(new Cancelling(cancelling, SESSION_ID, 0));
        }

        @Test
        void lookupFailingBeforeAFreshSendCountsAsACreateFailure() {
            Instant later = NOW.plus(Duration.ofMinutes(10));
            assertThat(effects(step(new Creating(attempt(1)), new FindFailed(network()), later)))
                    .containsExactly(new Schedule(Duration.ofMillis(500), new RetryDue()));
            assertThat(step(new Creating(attempt(4)), new FindFailed(network()), later).next())
                    .isEqualTo(new Failed(attempt(4).sale(), attempt(4)));

            Transition refusedLookup = step(new Creating(attempt(1)), new FindFailed(
                    failure(Kind.PERMISSION, 403, null, "no permission")), later);
            assertThat(refusedLookup.next()).isInstanceOf(NeedsAttention.class);
            assertThat(English.text(((NeedsAttention) refusedLookup.next()).message())).startsWith("Stripe could not be asked");
        }
    }

    // ------------------------------------------------------------ looking the session up

    @Nested
    class LookingTheSessionUp {

        private final GatewayException idempotency = failure(Kind.IDEMPOTENCY, 400, "idempotency_error", "x");
        private final GatewayException invalid = failure(Kind.INVALID_REQUEST, 400, null, "expires_at");

        @Test
        void sessionOfTheAttemptIsJournaled() {
            SessionSnapshot otherSale = new SessionSnapshot("cs_test_other", Status.OPEN, PaymentStatus.UNPAID, "u",
                    Money.of(CART_TOTAL, USD), NOW, EXPIRES_AT, "S-OTHER", null, null, false);
            Transition t = step(new LookingUp(attempt(1), idempotency), new Found(List.of(otherSale, open())));

            assertThat(t.next()).isEqualTo(new RecordingSession(attempt(1), open()));
            assertThat(effects(t)).containsExactly(new Journal(new RecordSession(SALE_ID, SESSION_ID, EXPIRES_AT)));
        }

        @Test
        void sessionOfACancelledSaleIsExpired() {
            Sale cancelling = sale(SaleState.CANCELLING, USD, KEY, null);
            CreateAttempt sent = new CreateAttempt(cancelling, request(cancelling), 1, true, true, 0);

            assertThat(step(new LookingUp(sent, invalid), new Found(List.of(open()))).next())
                    .isEqualTo(new Cancelling(cancelling, SESSION_ID, 0));
        }

        @Test
        void keySeenButNoSessionFoundNeedsAttention() {
            Transition t = step(new LookingUp(attempt(1), idempotency), new Found(List.of()));

            assertThat(t.next()).isEqualTo(new NeedsAttention(attempt(1).sale(), null,
                    ChargeWording.SEEN_WITHOUT_SESSION));
            assertThat(effects(t)).containsExactly(new StopTimer(),
                    move(SaleState.NEEDS_ATTENTION, ChargeWording.SEEN_WITHOUT_SESSION));
        }

        @Test
        void refusedReplayWithNoSessionWasARefusal() {
            Transition t = step(new LookingUp(attempt(1), invalid), new Found(List.of()));

            assertThat(t.next()).isEqualTo(new Refused(attempt(1), invalid));
            assertThat(effects(t)).containsExactly(move(SaleState.CANCELLED, "create refused: INVALID_REQUEST"));
        }

        @Test
        void lookupFailingTransientlyIsTriedAgainAndSaysStripeIsAway() {
            Transition t = step(new LookingUp(attempt(1), idempotency), new FindFailed(network()));

            assertThat(t.next()).isEqualTo(new LookingUp(attempt(1).failedAgain(), idempotency));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.CREATING, attempt(1).sale())
                    .withMessage(ChargeWording.STILL_CHECKING).withStripeUnreachable()),
                    new Schedule(POLL, new LookupDue()));

            Transition cancelling = step(new LookingUp(attempt(1).cancelled(), idempotency), new FindFailed(network()));
            assertThat(((Publish) effects(cancelling).get(0)).status().message())
                    .isEqualTo(ChargeWording.STILL_CANCELLING);
        }

        @Test
        void lookupRefusedNeedsAttention() {
            Transition t = step(new LookingUp(attempt(1), idempotency),
                    new FindFailed(failure(Kind.PERMISSION, 403, null, "no")));

            assertThat(t.next()).isInstanceOf(NeedsAttention.class);
        }

        @Test
        void lookupDueLooksAgain() {
            LookingUp waiting = new LookingUp(attempt(1).failedAgain(), idempotency);

            assertThat(step(waiting, new LookupDue())).isEqualTo(Transition.to(waiting,
                    new Find(SALE_ID, NOW.minus(ChargeRules.CLOCK_SLACK))));
        }

        @Test
        void cancelWhileLookingUpWaitsForTheAnswer() {
            Transition t = step(new LookingUp(attempt(1), idempotency), new Cancel());

            assertThat(t.next()).isEqualTo(new LookingUp(attempt(1).cancelled(), idempotency));
            assertThat(((Publish) effects(t).get(0)).status().phase()).isEqualTo(Phase.CANCELLING);
            assertIgnored(t.next(), new Cancel());
        }
    }

    // ------------------------------------------------------------ journaling the session

    @Nested
    class JournalingTheSession {

        private final Sale awaiting = withSession(sale(SaleState.CHARGING), open());
        private final RecordSession write = new RecordSession(SALE_ID, SESSION_ID, EXPIRES_AT);

        @Test
        void journaledSessionShowsItsQrCodeAndIsPolled() {
            Transition t = step(new RecordingSession(attempt(1), open()), recorded(write, awaiting));

            assertThat(t.next()).isEqualTo(new AwaitingPayment(awaiting, open(), 0));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.AWAITING_PAYMENT, awaiting)
                    .withSession(SESSION_ID, ScriptedCheckoutGateway.urlOf(SESSION_ID), EXPIRES_AT)),
                    new Schedule(POLL, new PollDue()));
        }

        @Test
        void answerThatMayBeAReplayIsReadAgainBeforeTheQrCode() {
            Transition retried = step(new RecordingSession(attempt(2), open()), recorded(write, awaiting));
            assertThat(retried).isEqualTo(Transition.to(new Checking(awaiting, false, false, 0),
                    new Retrieve(SESSION_ID)));

            CreateAttempt replaying = new CreateAttempt(attempt(1).sale(), attempt(1).request(), 1, true, false, 0);
            assertThat(step(new RecordingSession(replaying, open()), recorded(write, awaiting)).next())
                    .isEqualTo(new Checking(awaiting, false, false, 0));
        }

        @Test
        void sessionFoundAlreadyPaidIsJournaledPaid() {
            Transition t = step(new RecordingSession(attempt(2), paid("card")), recorded(write, awaiting));

            assertThat(t.next()).isEqualTo(new Recording(awaiting, paid("card"), SaleState.PAID, false, false));
            assertThat(effects(t)).containsExactly(new Journal(new MarkPaid(SALE_ID, "pi_1", "card",
                    "paid; session " + SESSION_ID)));
        }

        @Test
        void sessionForAnotherAmountIsExpiredAndNeedsAttention() {
            SessionSnapshot wrong = session(SESSION_ID, Status.OPEN, PaymentStatus.UNPAID, null, null,
                    CART_TOTAL - 100, "1");
            Transition t = step(new RecordingSession(attempt(1), wrong), recorded(write, awaiting));

            Message message = ((NeedsAttention) t.next()).message();
            assertThat(English.text(message)).isEqualTo("Stripe's session is for $32.99 but the sale totals $33.99.");
            assertThat(t.next()).isEqualTo(new NeedsAttention(awaiting, SESSION_ID, message));
            assertThat(effects(t)).containsExactly(new ExpireQuietly(SESSION_ID), new StopTimer(),
                    move(SaleState.NEEDS_ATTENTION, message));
        }

        @Test
        void cancelDuringTheCreateIsJournaledAfterTheSessionThenExpires() {
            CreateAttempt cancelled = attempt(1).cancelled();
            Transition t = step(new RecordingSession(cancelled, open()), recorded(write, awaiting));
            assertThat(t.next()).isEqualTo(new RecordingSession(cancelled.withSale(awaiting), open()));
            assertThat(effects(t)).containsExactly(move(SaleState.CANCELLING, "cancelled by cashier; session "
                    + SESSION_ID));

            Sale cancelling = moved(awaiting, SaleState.CANCELLING);
            Transition expire = step(t.next(), recorded(moveTo(SaleState.CANCELLING), cancelling));
            assertThat(expire.next()).isEqualTo(new Cancelling(cancelling, SESSION_ID, 0));
            assertThat(effects(expire)).containsExactly(
                    Publish.of(status(Phase.CANCELLING, cancelling).withSession(SESSION_ID, null, null)),
                    new Expire(SESSION_ID));

            Transition unrecorded = step(t.next(), refused(moveTo(SaleState.CANCELLING)));
            assertThat(unrecorded.next()).isEqualTo(new NeedsAttention(awaiting, null,
                    ChargeWording.notRecordedAs(SaleState.CANCELLING)));
        }

        @Test
        void sessionTheJournalRefusesIsTakenAwayUnseen() {
            Transition t = step(new RecordingSession(attempt(1), open()), refused(write));

            Sale charging = attempt(1).sale();
            assertThat(t.next()).isEqualTo(new Failed(charging, null));
            assertThat(effects(t)).containsExactly(new ExpireQuietly(SESSION_ID),
                    Publish.of(status(Phase.FAILED, charging).withMessage(ChargeWording.JOURNAL_DOWN)));
        }
    }

    // ------------------------------------------------------------ a refused create

    @Nested
    class RefusedCreate {

        private final Sale cancelled = moved(sale(SaleState.CHARGING), SaleState.CANCELLED);

        @Test
        void refusalIsShownOnceTheSaleIsJournaledCancelled() {
            GatewayException refusal = failure(Kind.AUTHENTICATION, 401, null, "Invalid API Key provided");
            Transition t = step(new Refused(attempt(1), refusal), recorded(moveTo(SaleState.CANCELLED), cancelled));

            assertThat(t.next()).isEqualTo(new Failed(cancelled, null));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.FAILED, cancelled)
                    .withMessage(GatewayErrorMessages.byKind().forCashier(refusal)).withRetry(false, false)));
        }

        @Test
        void amazonPayRefusedOffersCardOnlyUnlessTheSaleWasCardOnly() {
            GatewayException amazonPay = amazonPayRefused();
            Transition t = step(new Creating(attempt(1)), new CreateFailed(amazonPay));
            Sale charging = attempt(1).sale();
            assertThat(t.next()).as("the sale is kept, not cancelled").isEqualTo(new CardOnlyOffered(charging));
            ChargeStatus offer = ((Publish) effects(t).get(1)).status();
            assertThat(offer.cardOnlyOffered()).isTrue();
            assertThat(offer.retryable()).isFalse();
            assertThat(offer.allowsNewSale()).as("the offered sale is still journaled").isFalse();

            Sale cardOnly = sale(SaleState.CHARGING, USD, KEY + "-card", null);
            CreateAttempt cardAttempt = new CreateAttempt(cardOnly, request(cardOnly), 1, false, false, 0);
            Transition card = step(new Creating(cardAttempt), new CreateFailed(amazonPay));
            assertThat(card.next()).isEqualTo(new Refused(cardAttempt, amazonPay));
            Transition shown = step(card.next(), recorded(moveTo(SaleState.CANCELLED), cancelled));
            assertThat(((Publish) effects(shown).get(0)).status().cardOnlyOffered()).isFalse();
        }

        @Test
        void refusalAfterACancelEndsCancelled() {
            Transition t = step(new Refused(attempt(1).cancelled(), serverError()),
                    recorded(moveTo(SaleState.CANCELLED), cancelled));

            assertThat(t).isEqualTo(Transition.to(new Cancelled(cancelled),
                    Publish.of(status(Phase.CANCELLED, cancelled))));
        }

        @Test
        void refusalTheJournalCannotRecordNeedsAttention() {
            Transition t = step(new Refused(attempt(1), serverError()), refused(moveTo(SaleState.CANCELLED)));

            assertThat(t.next()).isEqualTo(new NeedsAttention(attempt(1).sale(), null,
                    ChargeWording.notRecordedAs(SaleState.CANCELLED)));
        }
    }

    // ------------------------------------------------------------ a journaled session

    @Nested
    class CheckingASession {

        private final Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
        private final Checking resumed = new Checking(awaiting, true, false, 0);

        @Test
        void openSessionPutsTheQrCodeUpAndPolls() {
            Transition t = step(resumed, new Retrieved(open()));

            assertThat(t.next()).isEqualTo(new AwaitingPayment(awaiting, open(), 0));
            assertThat(effects(t)).containsExactly(Publish.of(ChargeRules.awaiting(awaiting, open())),
                    new Schedule(POLL, new PollDue()));
        }

        @Test
        void openSessionAfterACancelIsJournaledCancellingInsteadOfShown() {
            Transition t = step(new Checking(awaiting, true, true, 0), new Retrieved(open()));

            assertThat(t.next()).isEqualTo(new AwaitingPayment(awaiting, open(), 0));
            assertThat(effects(t)).containsExactly(new StopTimer(), move(SaleState.CANCELLING, "cancelled by cashier"));
        }

        @Test
        void paidExpiredAndReopenedSessionsAreJournaledBeforeTheyAreShown() {
            assertThat(step(resumed, new Retrieved(paid("amazon_pay")))).isEqualTo(Transition.to(
                    new Recording(awaiting, paid("amazon_pay"), SaleState.PAID, false, false),
                    new Journal(new MarkPaid(SALE_ID, "pi_1", "amazon_pay", "paid; session " + SESSION_ID))));
            assertThat(step(resumed, new Retrieved(expired()))).isEqualTo(Transition.to(
                    new Recording(awaiting, expired(), SaleState.EXPIRED, false, false),
                    move(SaleState.EXPIRED, "session " + SESSION_ID + " expired")));

            Sale marked = sale(SaleState.NEEDS_ATTENTION);
            assertThat(step(new Checking(marked, true, true, 0), new Retrieved(open()))).isEqualTo(Transition.to(
                    new Recording(marked, open(), SaleState.AWAITING_PAYMENT, false, true),
                    move(SaleState.AWAITING_PAYMENT, "session open again")));
        }

        @Test
        void sessionEndedInAWayScanTillDoesNotExpectNeedsAttention() {
            Transition t = step(resumed, new Retrieved(completeUnpaid()));

            assertThat(t.next()).isEqualTo(new NeedsAttention(awaiting, SESSION_ID,
                    ChargeWording.unexpectedEnd(completeUnpaid())));
            assertThat(English.text(((NeedsAttention) t.next()).message())).contains("COMPLETE/NO_PAYMENT_REQUIRED");
        }

        @Test
        void stripeAwaySaysSoAndAsksAgainLater() {
            Transition t = step(resumed, new RetrieveFailed(network()));
            assertThat(t.next()).isEqualTo(new Checking(awaiting, true, false, 1));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.CREATING, awaiting)
                    .withSession(SESSION_ID, null, EXPIRES_AT).withMessage(ChargeWording.STILL_CHECKING)
                    .withStripeUnreachable()), new Schedule(POLL, new PollDue()));

            Transition fresh = step(new Checking(awaiting, false, false, 1), new RetrieveFailed(network()));
            assertThat(effects(fresh)).containsExactly(Publish.of(status(Phase.CREATING, awaiting)
                    .withMessage(ChargeWording.STILL_CHECKING).withStripeUnreachable()),
                    new Schedule(Duration.ofSeconds(2), new PollDue()));

            Transition cancelled = step(new Checking(awaiting, true, true, 0), new RetrieveFailed(network()));
            assertThat(effects(cancelled)).as("the screen keeps saying Cancelling")
                    .containsExactly(new Schedule(POLL, new PollDue()));
        }

        @Test
        void stripeRefusingToTellNeedsAttention() {
            Transition t = step(resumed, new RetrieveFailed(failure(Kind.NOT_FOUND, 404, "resource_missing", "gone")));

            assertThat(t.next()).isInstanceOf(NeedsAttention.class);
            assertThat(English.text(((NeedsAttention) t.next()).message())).startsWith("Stripe will not tell the state");
        }

        @Test
        void pollDueAsksAgain() {
            assertThat(step(resumed, new PollDue())).isEqualTo(Transition.to(resumed, new Retrieve(SESSION_ID)));
        }

        @Test
        void cancelWhileCheckingWaitsForStripesAnswer() {
            Transition t = step(resumed, new Cancel());

            assertThat(t).isEqualTo(Transition.to(new Checking(awaiting, true, true, 0), Publish.of(
                    status(Phase.CANCELLING, awaiting).withMessage(ChargeWording.CANCELLING_WAITS_FOR_CREATE))));
            assertIgnored(t.next(), new Cancel());
        }
    }

    @Nested
    class AwaitingThePayment {

        private final Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
        private final AwaitingPayment shown = new AwaitingPayment(awaiting, open(), 0);

        @Test
        void stillOpenPollsAgainAfterTheIntervalAndClearsALostConnection() {
            Transition t = step(new AwaitingPayment(awaiting, open(), 3), new Retrieved(open()));

            assertThat(t.next()).isEqualTo(shown);
            assertThat(effects(t)).containsExactly(Publish.of(ChargeRules.awaiting(awaiting, open())),
                    new Schedule(POLL, new PollDue()));
        }

        @Test
        void paidOrExpiredIsJournaledFirst() {
            assertThat(step(shown, new Retrieved(paid("card"))).next())
                    .isEqualTo(new Recording(awaiting, paid("card"), SaleState.PAID, false, false));
            assertThat(step(shown, new Retrieved(expired())).next())
                    .isEqualTo(new Recording(awaiting, expired(), SaleState.EXPIRED, false, false));
        }

        @Test
        void sessionInAnotherCurrencyNeedsAttention() {
            SessionSnapshot euros = new SessionSnapshot(SESSION_ID, Status.OPEN, PaymentStatus.UNPAID, "u",
                    Money.of(CART_TOTAL, "EUR"), NOW, EXPIRES_AT, SALE_ID, null, null, false);
            Transition t = step(shown, new Retrieved(euros));

            assertThat(English.text(((NeedsAttention) t.next()).message())).isEqualTo(
                    "Stripe's session is in EUR but the sale is in USD.");
        }

        @Test
        void lostConnectionKeepsTheQrCodeUpAndWaitsLongerEachTime() {
            Transition t = step(shown, new RetrieveFailed(rateLimited(Duration.ofSeconds(3))));
            assertThat(t.next()).isEqualTo(new AwaitingPayment(awaiting, open(), 1));
            assertThat(effects(t)).containsExactly(new SetPollPace(new PollPace(NOW, Duration.ofSeconds(3))),
                    Publish.of(ChargeRules.connectionLost(awaiting, open())),
                    new Schedule(Duration.ofSeconds(3), new PollDue()));
            ChargeStatus lost = ((Publish) effects(t).get(1)).status();
            assertThat(lost.phase()).isEqualTo(Phase.CONNECTION_LOST);
            assertThat(lost.url()).isEqualTo(ScriptedCheckoutGateway.urlOf(SESSION_ID));

            Transition fourth = step(new AwaitingPayment(awaiting, open(), 3), new RetrieveFailed(network()));
            assertThat(effects(fourth)).endsWith(new Schedule(Duration.ofSeconds(8), new PollDue()));
            Transition capped = step(new AwaitingPayment(awaiting, open(), 9), new RetrieveFailed(network()));
            assertThat(effects(capped)).endsWith(new Schedule(Duration.ofSeconds(30), new PollDue()));
        }

        @Test
        void stripeRefusingToTellNeedsAttention() {
            Transition t = step(shown, new RetrieveFailed(failure(Kind.AUTHENTICATION, 401, null, "key")));

            assertThat(t.next()).isInstanceOf(NeedsAttention.class);
            assertThat(effects(t)).startsWith(new StopTimer());
        }

        @Test
        void pollDueAsksStripe() {
            assertThat(step(shown, new PollDue())).isEqualTo(Transition.to(shown, new Retrieve(SESSION_ID)));
        }

        @Test
        void cancelIsJournaledBeforeTheSessionIsExpired() {
            Transition t = step(shown, new Cancel());
            assertThat(t).isEqualTo(Transition.to(shown, new StopTimer(),
                    move(SaleState.CANCELLING, "cancelled by cashier")));

            Sale cancelling = moved(awaiting, SaleState.CANCELLING);
            Transition expire = step(shown, recorded(moveTo(SaleState.CANCELLING), cancelling));
            assertThat(expire).isEqualTo(Transition.to(new Cancelling(cancelling, SESSION_ID, 0),
                    Publish.of(status(Phase.CANCELLING, cancelling).withSession(SESSION_ID, null, null)),
                    new Expire(SESSION_ID)));
        }

        @Test
        void cancelTheJournalRefusesKeepsTheQrCodeUpAndPolling() {
            Transition t = step(shown, refused(moveTo(SaleState.CANCELLING)));
            assertThat(t.next()).isEqualTo(shown);
            assertThat(effects(t)).containsExactly(Publish.of(ChargeRules.awaiting(awaiting, open())
                    .withMessage(ChargeWording.CANCEL_NOT_RECORDED)), new Schedule(POLL, new PollDue()));

            AwaitingPayment lost = new AwaitingPayment(awaiting, open(), 2);
            assertThat(((Publish) effects(step(lost, refused(moveTo(SaleState.CANCELLING)))).get(0)).status().phase())
                    .isEqualTo(Phase.CONNECTION_LOST);
        }
    }

    @Nested
    class TheStoresWatcher {

        private final ChargeFlow watchedFlow = FlowFixtures.watchedFlow();
        private final Duration fallback = FlowFixtures.SETTINGS.fallbackPollInterval();
        private final Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
        private final AwaitingPayment shown = new AwaitingPayment(awaiting, open(), 0);

        private SessionSnapshot inEuros() {
            return new SessionSnapshot(SESSION_ID, Status.COMPLETE, PaymentStatus.PAID, null,
                    Money.of(CART_TOTAL, "EUR"), NOW, EXPIRES_AT, SALE_ID, "pi_1", "card", false);
        }

        @Test
        void aPaymentTheWatcherReportsIsJournaledFirstAsAfterAPoll() {
            Transition t = step(shown, new StoreReported(paid("amazon_pay")));

            assertThat(t.next()).isEqualTo(new Recording(awaiting, paid("amazon_pay"), SaleState.PAID, false, false));
            assertThat(effects(t)).containsExactly(new Journal(new MarkPaid(SALE_ID, "pi_1", "amazon_pay",
                    "paid; session " + SESSION_ID)));
            assertThat(step(shown, new StoreReported(expired())).next())
                    .isEqualTo(new Recording(awaiting, expired(), SaleState.EXPIRED, false, false));
        }

        @Test
        void aReportOfAnotherSessionOrOfAnOpenOneChangesNothing() {
            assertIgnored(shown, new StoreReported(session("cs_test_other", Status.COMPLETE, PaymentStatus.PAID, "pi_9",
                    "card", CART_TOTAL, "1")));
            assertIgnored(shown, new StoreReported(open()));
            assertIgnored(new Idle(), new StoreReported(paid("card")));
            assertIgnored(new Paid(moved(awaiting, SaleState.PAID)), new StoreReported(paid("card")));
        }

        @Test
        void aReportedPaymentOfAnotherAmountOrCurrencyNeedsAttention() {
            assertThat(step(shown, new StoreReported(inEuros())).next()).isInstanceOf(NeedsAttention.class);
            Checking checking = new Checking(awaiting, true, false, 1);
            assertThat(step(checking, new StoreReported(inEuros())).next()).isInstanceOf(NeedsAttention.class);
            Cancelling cancelling = new Cancelling(moved(awaiting, SaleState.CANCELLING), SESSION_ID, 1);
            assertThat(step(cancelling, new StoreReported(inEuros())).next()).isInstanceOf(NeedsAttention.class);
        }

        @Test
        void aReportWhileCheckingAResumedSaleEndsTheWait() {
            Checking checking = new Checking(awaiting, true, true, 2);
            Transition t = step(checking, new StoreReported(paid("card")));

            assertThat(t.next()).isEqualTo(new Recording(awaiting, paid("card"), SaleState.PAID, false, true));
        }

        @Test
        void aPaymentReportedWhileCancellingWinsAndAnExpiryEndsTheCancel() {
            Sale cancelling = moved(awaiting, SaleState.CANCELLING);
            Cancelling state = new Cancelling(cancelling, SESSION_ID, 1);

            assertThat(step(state, new StoreReported(paid("card"))).next())
                    .isEqualTo(new Recording(cancelling, paid("card"), SaleState.PAID, true, true));
            assertThat(step(state, new StoreReported(expired())).next())
                    .isEqualTo(new Recording(cancelling, expired(), SaleState.CANCELLED, true, true));
        }

        @Test
        void whileTheWatcherReportsTheQrCodeIsCheckedOnlyAtTheFallbackPace() {
            Sale recorded = withSession(sale(SaleState.CHARGING), open());
            Transition t = step(watchedFlow, new RecordingSession(attempt(1), open()), recorded(
                    new JournalWrite.RecordSession(SALE_ID, SESSION_ID, EXPIRES_AT), recorded), NOW);

            assertThat(effects(t)).endsWith(new Schedule(fallback, new PollDue()));
            assertThat(fallback).isGreaterThan(POLL);
        }

        @Test
        void whenTheWatcherComesOrGoesThePendingCheckIsSetAtTheNewPace() {
            assertThat(step(watchedFlow, shown, new WatchChanged(), NOW))
                    .isEqualTo(Transition.to(shown, new Schedule(fallback, new PollDue())));
            assertThat(step(shown, new WatchChanged())).isEqualTo(Transition.to(shown, new Schedule(POLL, new PollDue())));
            assertIgnored(new AwaitingPayment(awaiting, open(), 2), new WatchChanged());
            assertIgnored(new Idle(), new WatchChanged());
        }
    }

    @Nested
    class JournalingStripesAnswer {

        private final Sale awaiting = sale(SaleState.AWAITING_PAYMENT);

        @Test
        void paymentIsShownOnceJournaledAndStopsPolling() {
            Sale paidSale = moved(awaiting, SaleState.PAID);
            Transition t = step(new Recording(awaiting, paid("amazon_pay"), SaleState.PAID, false, false),
                    recorded(new MarkPaid(SALE_ID, "pi_1", "amazon_pay", "n"), paidSale));

            assertThat(t).isEqualTo(Transition.to(new Paid(paidSale), new StopTimer(), Publish.of(
                    status(Phase.PAID, paidSale).withSession(SESSION_ID, null, null).withPaymentMethod("amazon_pay"))));
        }

        @Test
        void paymentThatBeatTheCancelSaysTheMoneyWasTaken() {
            Sale paidSale = moved(awaiting, SaleState.PAID);
            Transition t = step(new Recording(awaiting, paid("card"), SaleState.PAID, true, true),
                    recorded(new MarkPaid(SALE_ID, "pi_1", "card", "n"), paidSale));

            assertThat(((Publish) effects(t).get(1)).status().message()).isEqualTo(ChargeWording.PAID_BEFORE_CANCEL);
        }

        @Test
        void expiryAndCancelAreShownOnceJournaled() {
            Sale expiredSale = moved(awaiting, SaleState.EXPIRED);
            assertThat(step(new Recording(awaiting, expired(), SaleState.EXPIRED, false, false),
                    recorded(moveTo(SaleState.EXPIRED), expiredSale))).isEqualTo(Transition.to(new Expired(expiredSale),
                            Publish.of(status(Phase.EXPIRED, expiredSale).withSession(SESSION_ID, null, null))));

            Sale cancelled = moved(awaiting, SaleState.CANCELLED);
            assertThat(step(new Recording(awaiting, expired(), SaleState.CANCELLED, true, true),
                    recorded(moveTo(SaleState.CANCELLED), cancelled))).isEqualTo(Transition.to(new Cancelled(cancelled),
                            Publish.of(status(Phase.CANCELLED, cancelled).withSession(SESSION_ID, null, null))));
        }

        @Test
        void reopenedSessionIsShownOrCancelledOnceJournaled() {
            Sale marked = sale(SaleState.NEEDS_ATTENTION);
            Transition shown = step(new Recording(marked, open(), SaleState.AWAITING_PAYMENT, false, false),
                    recorded(moveTo(SaleState.AWAITING_PAYMENT), awaiting));
            assertThat(shown).isEqualTo(Transition.to(new AwaitingPayment(awaiting, open(), 0),
                    Publish.of(ChargeRules.awaiting(awaiting, open())), new Schedule(POLL, new PollDue())));

            Transition cancel = step(new Recording(marked, open(), SaleState.AWAITING_PAYMENT, false, true),
                    recorded(moveTo(SaleState.AWAITING_PAYMENT), awaiting));
            assertThat(effects(cancel)).containsExactly(new StopTimer(),
                    move(SaleState.CANCELLING, "cancelled by cashier"));
        }

        @Test
        void answerTheJournalRefusesAsksForAttentionAndAsksStripeAgain() {
            for (SaleState to : List.of(SaleState.PAID, SaleState.EXPIRED, SaleState.AWAITING_PAYMENT)) {
                JournalWrite write = to == SaleState.PAID ? new MarkPaid(SALE_ID, "pi_1", "card", "n") : moveTo(to);
                Transition t = step(new Recording(awaiting, paid("card"), to, false, true), refused(write));

                assertThat(t.next()).isEqualTo(new Unrecorded(awaiting, SESSION_ID, true, 1));
                assertThat(effects(t)).containsExactly(Publish.of(ChargeRules.needsAttention(awaiting, SESSION_ID,
                        ChargeWording.RESULT_NOT_RECORDED)), new Schedule(POLL, new PollDue()));
            }
        }

        @Test
        void endOfACancelTheJournalRefusesKeepsCancelling() {
            Sale cancelling = sale(SaleState.CANCELLING);
            for (SaleState to : List.of(SaleState.PAID, SaleState.CANCELLED)) {
                JournalWrite write = to == SaleState.PAID ? new MarkPaid(SALE_ID, "pi_1", "card", "n") : moveTo(to);
                Transition t = step(new Recording(cancelling, expired(), to, true, true), refused(write));

                assertThat(t.next()).isEqualTo(new Cancelling(cancelling, SESSION_ID, 1));
                assertThat(effects(t)).containsExactly(Publish.of(status(Phase.CANCELLING, cancelling)
                        .withSession(SESSION_ID, null, null).withMessage(ChargeWording.CANCEL_RESULT_NOT_RECORDED)),
                        new Schedule(POLL, new CheckDue()));
            }
        }

        @Test
        void unrecordedAnswerIsAskedForAgainUntilTheJournalTakesIt() {
            Unrecorded unrecorded = new Unrecorded(awaiting, SESSION_ID, false, 1);

            assertThat(step(unrecorded, new PollDue())).isEqualTo(Transition.to(unrecorded, new Retrieve(SESSION_ID)));
            assertThat(step(unrecorded, new Retrieved(paid("card"))).next())
                    .isEqualTo(new Recording(awaiting, paid("card"), SaleState.PAID, false, false));
            assertThat(step(unrecorded, new Retrieved(completeUnpaid())).next()).isInstanceOf(NeedsAttention.class);
            Transition away = step(unrecorded, new RetrieveFailed(network()));
            assertThat(away.next()).isEqualTo(new Unrecorded(awaiting, SESSION_ID, false, 2));
            assertThat(effects(away)).as("no news for the screen")
                    .containsExactly(new Schedule(Duration.ofSeconds(2), new PollDue()));
            assertThat(step(unrecorded, new RetrieveFailed(failure(Kind.PERMISSION, 403, null, "no"))).next())
                    .isInstanceOf(NeedsAttention.class);
            assertIgnored(unrecorded, new Cancel());
        }
    }

    @Nested
    class CancellingTheSession {

        private final Sale cancelling = sale(SaleState.CANCELLING);
        private final Cancelling expiring = new Cancelling(cancelling, SESSION_ID, 0);

        @Test
        void expiredSessionIsJournaledCancelled() {
            Transition t = step(expiring, new ExpireAnswered(expired()));

            assertThat(t).isEqualTo(Transition.to(new Recording(cancelling, expired(), SaleState.CANCELLED, true, true),
                    move(SaleState.CANCELLED, "session " + SESSION_ID + " expired")));
        }

        @Test
        void sessionStillOpenIsExpiredAgainAfterTheInterval() {
            Transition t = step(new Cancelling(cancelling, SESSION_ID, 2), new ExpireAnswered(open()));

            assertThat(t).isEqualTo(Transition.to(expiring, Publish.of(status(Phase.CANCELLING, cancelling)
                    .withSession(SESSION_ID, null, null).withMessage(ChargeWording.STILL_CANCELLING)),
                    new Schedule(POLL, new ExpireDue())));
        }

        @Test
        void cancelledSessionEndedUnexpectedlyNeedsAttention() {
            Transition t = step(expiring, new ExpireAnswered(completeUnpaid()));

            assertThat(((NeedsAttention) t.next()).message()).isEqualTo(ChargeWording.unexpectedCancelEnd(
                    completeUnpaid()));
            assertThat(English.text(((NeedsAttention) t.next()).message()))
                    .isEqualTo("The cancelled session ended as COMPLETE/NO_PAYMENT_REQUIRED, which ScanTill does not expect.");
        }

        @Test
        void expireRefusedBecauseTheSessionEndedReadsItBack() {
            GatewayException notOpen = failure(Kind.INVALID_REQUEST, 400, null, "Only Checkout Sessions with a status "
                    + "in [\"open\"] can be expired.");

            assertThat(step(expiring, new ExpireFailed(notOpen))).isEqualTo(Transition.to(expiring,
                    new Retrieve(SESSION_ID)));
        }

        @Test
        void customerWhoPaidFirstIsJournaledPaid() {
            assertThat(step(expiring, new Retrieved(paid("amazon_pay")))).isEqualTo(Transition.to(
                    new Recording(cancelling, paid("amazon_pay"), SaleState.PAID, true, true),
                    new Journal(new MarkPaid(SALE_ID, "pi_1", "amazon_pay", "paid; session " + SESSION_ID))));

            SessionSnapshot paidLess = session(SESSION_ID, Status.COMPLETE, PaymentStatus.PAID, "pi_1", "card", 100, "1");
            assertThat(step(expiring, new Retrieved(paidLess)).next()).isInstanceOf(NeedsAttention.class);
            assertThat(step(expiring, new Retrieved(open())).next()).isEqualTo(expiring);
        }

        @Test
        void stripeAwayKeepsCancellingAndSaysTheCustomerCouldStillPay() {
            Transition t = step(expiring, new ExpireFailed(network()));
            ChargeStatus waiting = status(Phase.CANCELLING, cancelling).withSession(SESSION_ID, null, null)
                    .withMessage(ChargeWording.STILL_CANCELLING).withStripeUnreachable();
            assertThat(t.next()).isEqualTo(new Cancelling(cancelling, SESSION_ID, 1));
            assertThat(effects(t)).containsExactly(Publish.of(waiting), new Schedule(POLL, new ExpireDue()));

            Transition check = step(new Cancelling(cancelling, SESSION_ID, 1), new RetrieveFailed(serverError()));
            assertThat(effects(check)).containsExactly(Publish.of(waiting),
                    new Schedule(Duration.ofSeconds(2), new CheckDue()));
        }

        @Test
        void cancelStripeRefusesNeedsAttention() {
            GatewayException permission = failure(Kind.PERMISSION, 403, null, "no");

            assertThat(English.text(((NeedsAttention) step(expiring, new ExpireFailed(permission)).next()).message()))
                    .startsWith("The cancel could not be completed");
            assertThat(step(expiring, new RetrieveFailed(permission)).next()).isInstanceOf(NeedsAttention.class);
        }

        @Test
        void timersAskAgainAndASecondCancelChangesNothing() {
            assertThat(step(expiring, new ExpireDue())).isEqualTo(Transition.to(expiring, new Expire(SESSION_ID)));
            assertThat(step(expiring, new CheckDue())).isEqualTo(Transition.to(expiring, new Retrieve(SESSION_ID)));
            assertIgnored(expiring, new Cancel());
        }
    }

    // ------------------------------------------------------------ waiting for the cashier

    @Nested
    class AfterTheSession {

        private final Sale expiredSale = sale(SaleState.EXPIRED);

        @Test
        void newAttemptIsJournaledWithANewKeyFirst() {
            Transition t = step(new Expired(expiredSale), new NewAttempt());

            assertThat(t).isEqualTo(Transition.to(new BeginningAttempt(expiredSale),
                    Publish.of(ChargeStatus.of(Phase.CREATING, SALE_ID, Money.of(CART_TOTAL, USD), false, 2)),
                    new Journal(new BeginAttempt(SALE_ID, "scantill-" + SALE_ID + "-a2"))));

            Sale cardOnly = sale(SaleState.EXPIRED, USD, KEY + "-card", SESSION_ID);
            assertThat(effects(step(new Expired(cardOnly), new NewAttempt())))
                    .endsWith(new Journal(new BeginAttempt(SALE_ID, "scantill-" + SALE_ID + "-a2-card")));
        }

        @Test
        void aNewAttemptKeepsThePaymentPagesLanguageOfTheSale() {
            Sale japanese = sale(SaleState.EXPIRED, USD, KEY + "-card-lang-ja", SESSION_ID);

            assertThat(effects(step(new Expired(japanese), new NewAttempt())))
                    .endsWith(new Journal(new BeginAttempt(SALE_ID, "scantill-" + SALE_ID + "-a2-card-lang-ja")));
        }

        @Test
        void journaledAttemptIsSentWithItsOwnKeyAndStart() {
            Sale second = sale(SaleState.CHARGING, USD, "scantill-" + SALE_ID + "-a2", null);
            Transition t = step(new BeginningAttempt(expiredSale), recorded(new BeginAttempt(SALE_ID, "k"), second));

            CheckoutRequest sent = request(second);
            assertThat(t).isEqualTo(Transition.to(new Creating(new CreateAttempt(second, sent, 1, false, false, 0)),
                    new Create(sent)));
            assertThat(sent.metadata()).containsEntry("attempt", "2");
        }

        @Test
        void attemptTheJournalRefusesFailsAndCanBeTriedAgain() {
            Transition t = step(new BeginningAttempt(expiredSale), refused(new BeginAttempt(SALE_ID, "k")));

            assertThat(t.next()).isEqualTo(new Failed(expiredSale, null));
            assertThat(effects(t)).containsExactly(Publish.of(ChargeStatus.of(Phase.FAILED, SALE_ID,
                    Money.of(CART_TOTAL, USD), false, 2).withMessage(ChargeWording.JOURNAL_DOWN)));
            assertThat(step(t.next(), new NewAttempt()).next()).isEqualTo(new BeginningAttempt(expiredSale));
        }

        @Test
        void backToTheCartAfterExpiryJournalsCancelled() {
            Transition t = step(new Expired(expiredSale), new Cancel());
            assertThat(t).isEqualTo(Transition.to(new Expired(expiredSale),
                    move(SaleState.CANCELLED, "cashier went back to the cart after expiry")));

            Sale cancelled = moved(expiredSale, SaleState.CANCELLED);
            assertThat(step(new Expired(expiredSale), recorded(moveTo(SaleState.CANCELLED), cancelled)))
                    .isEqualTo(Transition.to(new Cancelled(cancelled), Publish.of(status(Phase.CANCELLED, cancelled))));
        }

        @Test
        void backToTheCartTheJournalRefusesNeedsAttentionAndStillAllowsANewAttempt() {
            Transition t = step(new Expired(expiredSale), refused(moveTo(SaleState.CANCELLED)));

            assertThat(t.next()).isEqualTo(new NeedsAttention(expiredSale, null,
                    ChargeWording.notRecordedAs(SaleState.CANCELLED)));
            assertThat(step(t.next(), new NewAttempt()).next()).isEqualTo(new BeginningAttempt(expiredSale));
            assertIgnored(new NeedsAttention(sale(SaleState.NEEDS_ATTENTION), SESSION_ID,
                    LOOK), new NewAttempt());
        }

        @Test
        void retrySendsTheFailedAttemptAgainFromTheFirstTry() {
            Failed failed = new Failed(attempt(4).sale(), attempt(4));
            Transition t = step(failed, new Retry());

            assertThat(t).isEqualTo(Transition.to(new Creating(attempt(1)),
                    Publish.of(status(Phase.CREATING, attempt(4).sale())), new Create(attempt(4).request())));
        }

        @Test
        void cancelOfAFailedAttemptReplaysItToLearnWhetherASessionExists() {
            Failed failed = new Failed(attempt(4).sale(), attempt(4));
            Transition t = step(failed, new Cancel());

            assertThat(t).isEqualTo(Transition.to(new Creating(attempt(1).cancelled()),
                    Publish.of(status(Phase.CANCELLING, attempt(4).sale()).withMessage(ChargeWording.CANCELLING_CHECKS)),
                    new Create(attempt(4).request())));
        }

        @Test
        void failureWithNothingToRetryWaitsForANewSale() {
            Failed refused = new Failed(moved(sale(SaleState.CHARGING), SaleState.CANCELLED), null);

            assertIgnored(refused, new Retry());
            assertIgnored(refused, new Cancel());
            assertIgnored(refused, new NewAttempt());
        }

        @Test
        void cashForTheCartHoldsTheUnreachableAttemptUnsent() {
            Sale charging = attempt(4).sale();
            Message unreachable = Message.of("charge.cash_offer");

            Transition t = step(new Failed(charging, attempt(4)), new ChargeEvent.TakeCash(unreachable));

            assertThat(t.next()).isEqualTo(new ChargeState.TakingCash(charging, attempt(4), unreachable));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.FAILED, charging).withMessage(unreachable)
                    .withStripeUnreachable()));
            assertIgnored(t.next(), new Retry());
            assertIgnored(t.next(), new NewAttempt());
        }

        @Test
        void theCashSaleTakingTheAttemptOverFreesTheRegisterAndSettlesTheAttemptLater() {
            ChargeState.TakingCash taking = new ChargeState.TakingCash(attempt(4).sale(), attempt(4), LOOK);

            Transition t = step(taking, new ChargeEvent.TakenOverByCash("S-CASH"));

            assertThat(t.next()).isEqualTo(new Idle());
            assertThat(effects(t)).containsExactly(new ChargeEffect.SettleLater(SALE_ID),
                    Publish.of(ChargeStatus.idle()));
            assertThat(ChargeStatus.idle().allowsNewSale()).isTrue();
        }

        @Test
        void backFromTheCashScreenTheFailedAttemptIsOfferedAgain() {
            Sale charging = attempt(4).sale();
            Transition t = step(new ChargeState.TakingCash(charging, attempt(4), LOOK), new ChargeEvent.CashDeclined());

            assertThat(t.next()).isEqualTo(new Failed(charging, attempt(4)));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.FAILED, charging).withMessage(LOOK)
                    .withRetry(true, false).withStripeUnreachable()));
            assertThat(status(Phase.FAILED, charging).withRetry(true, false).withStripeUnreachable().cashMayTakeOver())
                    .as("cash is offered again").isTrue();
            assertThat(status(Phase.FAILED, charging).withRetry(true, false).cashMayTakeOver())
                    .as("not for a failure Stripe answered").isFalse();
        }

        @Test
        void cashCannotTakeOverAFailureWithNothingToRetry() {
            Failed refused = new Failed(moved(sale(SaleState.CHARGING), SaleState.CANCELLED), null);

            assertIgnored(refused, new ChargeEvent.TakeCash(LOOK));
            assertIgnored(new Failed(null, null), new ChargeEvent.TakeCash(LOOK));
        }

        @Test
        void attentionIsShownOnceJournaledOrWithTheJournalsTrouble() {
            Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
            Sale marked = moved(awaiting, SaleState.NEEDS_ATTENTION);
            NeedsAttention attention = new NeedsAttention(awaiting, SESSION_ID, LOOK);

            Transition t = step(attention, recorded(moveTo(SaleState.NEEDS_ATTENTION), marked));
            assertThat(t.next()).isEqualTo(new NeedsAttention(marked, SESSION_ID, LOOK));
            assertThat(effects(t)).containsExactly(Publish.of(status(Phase.NEEDS_ATTENTION, marked)
                    .withSession(SESSION_ID, null, null).withMessage(LOOK)));

            Transition unrecorded = step(attention, refused(moveTo(SaleState.NEEDS_ATTENTION)));
            Message message = ((NeedsAttention) unrecorded.next()).message();
            assertThat(English.text(message)).isEqualTo("Look at it. " + English.text(ChargeWording.JOURNAL_DOWN));
            assertThat(unrecorded.next()).isEqualTo(new NeedsAttention(awaiting, SESSION_ID, message));
            assertThat(effects(unrecorded)).containsExactly(Publish.of(status(Phase.NEEDS_ATTENTION, awaiting)
                    .withSession(SESSION_ID, null, null).withMessage(message)));
        }

        @Test
        void settledSalesIgnoreCommandsAndTimers() {
            assertIgnored(new Paid(sale(SaleState.PAID)), new Cancel());
            assertIgnored(new Cancelled(moved(sale(SaleState.CHARGING), SaleState.CANCELLED)), new Retry());
            assertIgnored(new Idle(), new PollDue());
            assertIgnored(new Idle(), new Cancel());
            assertIgnored(new Expired(expiredSale), new RetryDue());
        }
    }

    // ------------------------------------------------------------ after a restart

    @Nested
    class Resuming {

        private Publish checking(Sale sale) {
            return Publish.always(status(Phase.CREATING, sale).withMessage(ChargeWording.CHECKING_SALE));
        }

        @Test
        void interruptedCreateIsReplayedWithTheJournaledKey() {
            Sale charging = sale(SaleState.CHARGING);
            Transition t = step(new Idle(), new Resume(charging));

            CreateAttempt replay = new CreateAttempt(charging, request(charging), 1, true, false, 0);
            assertThat(t.next()).isEqualTo(new Creating(replay));
            assertThat(effects(t)).containsExactly(new StopTimer(), checking(charging),
                    Publish.of(status(Phase.CREATING, charging).withMessage(ChargeWording.CHECKING_CHARGE)),
                    new Create(request(charging)));
        }

        @Test
        void interruptedCreateThatCanNoLongerBeSentNeedsAttention() {
            Sale broken = new Sale(SALE_ID, "till-1", NOW, USD, List.of(new SaleLine("A", "Apple", 100, 1000)),
                    100_000, SaleState.CHARGING, 1, KEY, null, null, null, null, NOW, NOW);
            Transition t = step(new Idle(), new Resume(broken));

            assertThat(t.next()).isInstanceOf(NeedsAttention.class);
            assertThat(English.text(((NeedsAttention) t.next()).message())).startsWith("The interrupted sale can no longer be sent");
        }

        @Test
        void openSessionIsCheckedBeforeItsQrCodeGoesBackUp() {
            Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
            Transition t = step(new Idle(), new Resume(awaiting));

            assertThat(t.next()).isEqualTo(new Checking(awaiting, true, false, 0));
            assertThat(effects(t)).containsExactly(new StopTimer(), checking(awaiting),
                    Publish.of(status(Phase.CREATING, awaiting).withSession(SESSION_ID, null, EXPIRES_AT)
                            .withMessage(ChargeWording.CHECKING_PAYMENT)),
                    new Retrieve(SESSION_ID));
        }

        @Test
        void interruptedCancelIsFinished() {
            Sale cancelling = sale(SaleState.CANCELLING);
            Transition t = step(new Idle(), new Resume(cancelling));
            assertThat(t.next()).isEqualTo(new Cancelling(cancelling, SESSION_ID, 0));
            assertThat(effects(t)).containsExactly(new StopTimer(), checking(cancelling),
                    Publish.of(status(Phase.CANCELLING, cancelling).withSession(SESSION_ID, null, null)),
                    new Expire(SESSION_ID));

            Sale noSession = sale(SaleState.CANCELLING, USD, KEY, null);
            Transition learn = step(new Idle(), new Resume(noSession));
            assertThat(learn.next()).as("replay the create to learn the session, then expire it")
                    .isEqualTo(new Creating(new CreateAttempt(noSession, request(noSession), 1, true, true, 0)));
            assertThat(effects(learn)).endsWith(Publish.of(status(Phase.CANCELLING, noSession)),
                    new Create(request(noSession)));
        }

        @Test
        void saleMarkedForAttentionIsCheckedIfItHasASession() {
            Sale marked = sale(SaleState.NEEDS_ATTENTION);
            assertThat(step(new Idle(), new Resume(marked)).next()).isEqualTo(new Checking(marked, true, false, 0));

            Sale noSession = sale(SaleState.NEEDS_ATTENTION, USD, KEY, null);
            Transition t = step(new Idle(), new Resume(noSession));
            assertThat(t.next()).isEqualTo(new NeedsAttention(noSession, null, ChargeWording.MARKED_WITHOUT_SESSION));
            assertThat(effects(t)).endsWith(Publish.of(status(Phase.NEEDS_ATTENTION, noSession)
                    .withMessage(ChargeWording.MARKED_WITHOUT_SESSION)));
        }

        @Test
        void settledSalesAreShownAsJournaled() {
            Sale expiredSale = sale(SaleState.EXPIRED);
            Sale paidSale = sale(SaleState.PAID);
            Sale cancelled = sale(SaleState.CANCELLED);

            Transition expiredT = step(new Idle(), new Resume(expiredSale));
            assertThat(expiredT.next()).isEqualTo(new Expired(expiredSale));
            assertThat(effects(expiredT)).containsExactly(new StopTimer(), checking(expiredSale),
                    Publish.of(status(Phase.EXPIRED, expiredSale).withSession(SESSION_ID, null, null)));
            assertThat(effects(step(new Idle(), new Resume(paidSale)))).endsWith(Publish.of(status(Phase.PAID, paidSale)
                    .withSession(SESSION_ID, null, null).withPaymentMethod("amazon_pay")));
            assertThat(step(new Idle(), new Resume(cancelled)).next()).isEqualTo(new Cancelled(cancelled));
        }
    }

    // ------------------------------------------------------------ the table itself

    // ------------------------------------------------------------ Stripe as it really is (issue 10)

    /** A saved 500: Stripe replays it for the key, with the first answer's request id. */
    static GatewayException savedServerError() {
        return new GatewayException(Kind.SERVER, 500, null, null, "req_saved", null, true,
                "create failed: ApiException HTTP 500 (replayed)", null);
    }

    @Nested
    class AmazonPayRefused {

        private final Sale charging = sale(SaleState.CHARGING);
        private final CardOnlyOffered offered = new CardOnlyOffered(charging);

        @Test
        void refusalIsRememberedForTheAccountOnlyWhenAmazonPayIsAuto() {
            Transition auto = step(new Creating(attempt(1)), new CreateFailed(amazonPayRefused()));
            assertThat(effects(auto)).startsWith(new ChargeEffect.AmazonPayUnavailable());

            ChargeFlow alwaysAsk = new ChargeFlow(FlowFixtures.SETTINGS.withAmazonPay(
                    app.scantill.config.AmazonPayChoice.ON), FlowFixtures.REQUESTS, GatewayErrorMessages.byKind());
            Transition on = alwaysAsk.next(new Creating(attempt(1)), new CreateFailed(amazonPayRefused()),
                    FlowContext.at(NOW));
            assertThat(on.next()).isEqualTo(offered);
            assertThat(on.effects()).noneMatch(e -> e instanceof ChargeEffect.AmazonPayUnavailable);
        }

        @Test
        void replayedCreateRefusedForAmazonPayIsOfferedByCardOnceNoSessionIsFound() {
            CreateAttempt replaying = new CreateAttempt(charging, request(charging), 1, true, false, 0);
            GatewayException refusal = amazonPayRefused();
            Transition looking = step(new Creating(replaying), new CreateFailed(refusal));
            assertThat(looking.next()).isEqualTo(new LookingUp(replaying, refusal));

            Transition t = step(looking.next(), new Found(List.of()));
            assertThat(t.next()).isEqualTo(offered);
            assertThat(((Publish) effects(t).get(1)).status().cardOnlyOffered()).isTrue();
        }

        @Test
        void oneKeyPressChargesTheSameSaleByCardAsItsNextAttempt() {
            Transition t = step(offered, new ChargeEvent.ChargeByCardOnly());

            assertThat(t.next()).isEqualTo(new BeginningAttempt(charging));
            assertThat(effects(t)).containsExactly(
                    Publish.of(ChargeStatus.of(Phase.CREATING, SALE_ID, Money.of(CART_TOTAL, USD), true, 2)),
                    new Journal(new JournalWrite.ReplaceAttempt(SALE_ID, "scantill-" + SALE_ID + "-a2-card",
                            "card only after Stripe refused Amazon Pay")));

            Sale second = sale(SaleState.CHARGING, USD, "scantill-" + SALE_ID + "-a2-card", null);
            Transition sent = step(t.next(), recorded(((Journal) effects(t).get(1)).write(), second));
            CheckoutRequest cardOnly = ((Create) effects(sent).get(0)).request();
            assertThat(cardOnly.paymentMethods()).containsExactly(app.scantill.sale.PaymentMethod.CARD);
            assertThat(cardOnly.saleId()).isEqualTo(SALE_ID);
        }

        @Test
        void backToTheCartIsJournaledCancelledFirst() {
            Transition t = step(offered, new Cancel());
            assertThat(t).isEqualTo(Transition.to(offered, new Journal(new Move(SALE_ID, SaleState.CANCELLED,
                    "back to the cart after Stripe refused Amazon Pay"))));

            Sale cancelled = moved(charging, SaleState.CANCELLED);
            assertThat(step(offered, recorded(moveTo(SaleState.CANCELLED), cancelled))).isEqualTo(
                    Transition.to(new Cancelled(cancelled), Publish.of(status(Phase.CANCELLED, cancelled))));
            assertThat(step(offered, refused(moveTo(SaleState.CANCELLED))).next()).isInstanceOf(NeedsAttention.class);
            assertIgnored(offered, new Retry());
        }
    }

    @Nested
    class SavedFailure {

        private final Sale charging = sale(SaleState.CHARGING);

        @Test
        void replayedServerErrorIsNotSentAgainButLookedUp() {
            GatewayException saved = savedServerError();
            Transition t = step(new Creating(attempt(1)), new CreateFailed(saved));

            assertThat(t.next()).isEqualTo(new LookingUp(attempt(1), saved));
            assertThat(effects(t)).containsExactly(new Find(SALE_ID, NOW.minus(ChargeRules.CLOCK_SLACK)));
        }

        @Test
        void sessionMadeBehindTheFailureIsAdoptedAndAnyOtherOpenOneExpired() {
            SessionSnapshot other = session("cs_test_other", Status.OPEN, PaymentStatus.UNPAID, null, null,
                    CART_TOTAL, "9");
            Transition t = step(new LookingUp(attempt(1), savedServerError()), new Found(List.of(open(), other)));

            assertThat(t.next()).isEqualTo(new RecordingSession(attempt(1), open()));
            assertThat(effects(t)).containsExactly(new ExpireQuietly("cs_test_other"),
                    new Journal(new RecordSession(SALE_ID, SESSION_ID, EXPIRES_AT)));
        }

        @Test
        void noSessionBehindTheFailureJournalsANewKeyBeforeCreatingAgain() {
            Transition t = step(new LookingUp(attempt(1), savedServerError()), new Found(List.of()));

            assertThat(t.next()).isEqualTo(new BeginningAttempt(charging));
            assertThat(effects(t)).containsExactly(
                    Publish.of(ChargeStatus.of(Phase.CREATING, SALE_ID, Money.of(CART_TOTAL, USD), false, 2)),
                    new Journal(new JournalWrite.ReplaceAttempt(SALE_ID, "scantill-" + SALE_ID + "-a2",
                            "new key: Stripe saved a failure under " + KEY + " and holds no session for it")));
        }

        @Test
        void cancelledMeanwhileNoSessionMeansNothingToCharge() {
            CreateAttempt cancelled = attempt(1).cancelled();
            GatewayException saved = savedServerError();
            Transition t = step(new LookingUp(cancelled, saved), new Found(List.of()));

            assertThat(t.next()).isEqualTo(new Refused(cancelled, saved));
        }

        @Test
        void saleOfSeveralAttemptsEndsWithALookForOrphans() {
            Sale second = sale(SaleState.AWAITING_PAYMENT, USD, "scantill-" + SALE_ID + "-a2", SESSION_ID);
            Sale paid = moved(second, SaleState.PAID);
            Transition t = step(new Recording(second, paid("card"), SaleState.PAID, false, false),
                    recorded(new MarkPaid(SALE_ID, "pi_1", "card", "note"), paid));
            assertThat(t.next()).isEqualTo(new Paid(paid));
            assertThat(effects(t)).endsWith(new Find(SALE_ID, NOW.minus(ChargeRules.CLOCK_SLACK)));

            SessionSnapshot orphan = session("cs_test_orphan", Status.OPEN, PaymentStatus.UNPAID, null, null,
                    CART_TOTAL, "1");
            Transition swept = step(new Paid(paid), new Found(List.of(paid("card"), orphan)));
            assertThat(effects(swept)).containsExactly(new ExpireQuietly("cs_test_orphan"));
            assertThat(step(new Paid(paid), new FindFailed(network())).next()).isEqualTo(new Paid(paid));
            assertIgnored(new Paid(paid), new Found(List.of(paid("card"))));

            Sale cancelled = moved(second, SaleState.CANCELLED);
            Transition c = step(new Recording(second, expired(), SaleState.CANCELLED, true, true),
                    recorded(moveTo(SaleState.CANCELLED), cancelled));
            assertThat(effects(c)).endsWith(new Find(SALE_ID, NOW.minus(ChargeRules.CLOCK_SLACK)));
            assertThat(effects(step(new Cancelled(cancelled), new Found(List.of(orphan)))))
                    .containsExactly(new ExpireQuietly("cs_test_orphan"));
            assertThat(step(new Cancelled(cancelled), new FindFailed(network())).next())
                    .isEqualTo(new Cancelled(cancelled));
        }

        @Test
        void firstAttemptEndsWithoutALook() {
            Sale paid = moved(sale(SaleState.AWAITING_PAYMENT), SaleState.PAID);
            Transition t = step(new Recording(sale(SaleState.AWAITING_PAYMENT), paid("card"), SaleState.PAID, false,
                    false), recorded(new MarkPaid(SALE_ID, "pi_1", "card", "note"), paid));
            assertThat(t.effects()).noneMatch(e -> e instanceof Find);
        }
    }

    @Nested
    class StripesClock {

        private final ClockSkew tillSlow = ClockSkew.of(Duration.ofMinutes(15).plusSeconds(2));

        @Test
        void requestIsBuiltOnStripesClockOnceTheSkewIsNoticeable() {
            Sale sale = sale(SaleState.CHARGING);
            Begin begin = new Begin(SALE_ID, "till-1", USD, CART, KEY);
            Transition slow = step(new Beginning(SALE_ID, USD, CART, false), recorded(begin, sale),
                    FlowContext.at(NOW).withSkew(tillSlow));
            assertThat(((Create) effects(slow).get(0)).request().expiresAt())
                    .isEqualTo(EXPIRES_AT.plus(Duration.ofMinutes(15)));

            Transition near = step(new Beginning(SALE_ID, USD, CART, false), recorded(begin, sale),
                    FlowContext.at(NOW).withSkew(ClockSkew.of(Duration.ofSeconds(50))));
            assertThat(((Create) effects(near).get(0)).request()).as("within a minute: as without a skew")
                    .isEqualTo(request(sale));
        }

        @Test
        void expiresAtRefusedBeforeTheClockWasKnownIsSentAgainOnStripesClock() {
            GatewayException refusal = new GatewayException(Kind.INVALID_REQUEST, 400, null, "expires_at", "req_2",
                    null, "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", null);
            Transition t = step(new Creating(attempt(1)), new CreateFailed(refusal), FlowContext.at(NOW)
                    .withSkew(tillSlow));

            CheckoutRequest resend = attempt(1).request().withExpiresAt(EXPIRES_AT.plus(Duration.ofMinutes(15)));
            assertThat(t.next()).isEqualTo(new Creating(attempt(1).withRequest(resend).sent()));
            assertThat(effects(t)).containsExactly(new Create(resend));
            assertThat(resend.idempotencyKey()).isEqualTo(KEY);

            // Learned nothing new: a refusal like any other.
            Transition again = step(new Creating(attempt(1)), new CreateFailed(refusal));
            assertThat(again.next()).isEqualTo(new Refused(attempt(1), refusal));
        }

        @Test
        void lookUpSearchesStripesCreatedTimes() {
            FlowContext fast = FlowContext.at(NOW).withSkew(ClockSkew.of(Duration.ofMinutes(-15)));
            Transition t = step(new Creating(attempt(1)), new CreateFailed(savedServerError()), fast);

            assertThat(effects(t)).containsExactly(new Find(SALE_ID,
                    NOW.minus(Duration.ofMinutes(15)).minus(ChargeRules.CLOCK_SLACK)));
        }

        @Test
        void attemptIsOldOnStripesClockSoonerWhenTheTillIsSlow() {
            CreateAttempt built = attempt(1);
            Instant fourMinutesLater = NOW.plus(Duration.ofMinutes(4));
            assertThat(effects(step(new Creating(built), new RetryDue(), fourMinutesLater)))
                    .containsExactly(new Create(built.request()));
            assertThat(effects(step(new Creating(built), new RetryDue(),
                    FlowContext.at(fourMinutesLater).withSkew(ClockSkew.of(Duration.ofMinutes(2))))))
                    .containsExactly(new Find(SALE_ID, NOW.plus(Duration.ofMinutes(2)).minus(ChargeRules.CLOCK_SLACK)));
        }
    }

    @Nested
    class ReadBudget {

        private final Sale awaiting = sale(SaleState.AWAITING_PAYMENT);
        private final AwaitingPayment shown = new AwaitingPayment(awaiting, open(), 0);

        @Test
        void aRateLimitWidensThePollIntervalForAWhileThenItNarrows() {
            Transition limited = step(shown, new RetrieveFailed(rateLimited(Duration.ofSeconds(1))));
            PollPace pace = ((SetPollPace) effects(limited).get(0)).pace();
            assertThat(pace).isEqualTo(new PollPace(NOW, Duration.ofSeconds(2)));

            FlowContext soon = new FlowContext(NOW.plusSeconds(30), ClockSkew.NONE, pace);
            Transition answered = step(new AwaitingPayment(awaiting, open(), 1), new Retrieved(open()), soon);
            assertThat(effects(answered)).endsWith(new Schedule(Duration.ofSeconds(2), new PollDue()));

            FlowContext later = new FlowContext(NOW.plusSeconds(95), ClockSkew.NONE, pace);
            Transition calm = step(new AwaitingPayment(awaiting, open(), 0), new Retrieved(open()), later);
            assertThat(effects(calm)).endsWith(new Schedule(POLL, new PollDue()));
        }

        @Test
        void limitsInARowDoubleTheIntervalUpToEightTimesIt() {
            AwaitingPayment state = shown;
            FlowContext at = FlowContext.at(NOW);
            for (int i = 0; i < 6; i++) {
                Transition t = step(state, new RetrieveFailed(rateLimited(Duration.ofSeconds(1))), at);
                at = at.withPace(((SetPollPace) effects(t).get(0)).pace());
                state = (AwaitingPayment) t.next();
            }
            PollPace pace = at.pace();
            assertThat(pace.interval(NOW, POLL)).isEqualTo(POLL.multipliedBy(8));
            assertThat(pace.interval(NOW.plusSeconds(61), POLL)).isEqualTo(Duration.ofSeconds(4));
            assertThat(pace.interval(NOW.plusSeconds(240), POLL)).isEqualTo(POLL);

            // Failures in a row back off from the configured interval; the pace is a floor, not a factor.
            Transition fourth = step(new AwaitingPayment(awaiting, open(), 3), new RetrieveFailed(network()), at);
            assertThat(effects(fourth)).endsWith(new Schedule(Duration.ofSeconds(8), new PollDue()));
        }

        @Test
        void otherFailuresDoNotChangeThePace() {
            assertThat(step(shown, new RetrieveFailed(network())).effects())
                    .noneMatch(e -> e instanceof SetPollPace);
        }
    }

    @Nested
    class Table {

        @Test
        void transitionTheTableDoesNotDeclareIsRefused() {
            assertThat(ChargeTransitions.declares(new Paid(sale(SaleState.PAID)), new Cancel(),
                    new Creating(attempt(1)))).isFalse();
            assertThatThrownBy(() -> ChargeTransitions.requireDeclared(new Paid(sale(SaleState.PAID)), new Cancel(),
                    new Creating(attempt(1)))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Paid -> Creating : Cancel");
        }

        @Test
        void everyStateTakesPartInTheTable() {
            Set<String> named = ChargeTransitions.DECLARED.stream()
                    .flatMap(e -> Stream.of(e.from(), e.to())).collect(Collectors.toSet());

            assertThat(named).containsAll(Arrays.stream(ChargeState.class.getPermittedSubclasses())
                    .map(Class::getSimpleName).toList());
        }

        @Test
        void onlyTheLastEffectMayAwaitAnAnswer() {
            assertThatThrownBy(() -> Transition.to(new Idle(), new Retrieve("a"), new Publish(ChargeStatus.idle(),
                    false))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
