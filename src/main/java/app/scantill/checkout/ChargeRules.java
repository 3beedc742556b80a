package app.scantill.checkout;

import app.scantill.checkout.ChargeEffect.Journal;
import app.scantill.checkout.ChargeEffect.Log;
import app.scantill.checkout.ChargeEffect.Publish;
import app.scantill.checkout.ChargeEffect.StopTimer;
import app.scantill.checkout.ChargeState.NeedsAttention;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every step of the charge flow shares: the register's settings, how a sale looks on screen, how
 * long to wait after failures, and how a sale is handed to a person. Pure: no journal, no Stripe, no
 * clock.
 */
final class ChargeRules {

    /** How far before the attempt's journaled start a session found by reference may have been created. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    private final ChargeSettings settings;
    private final CheckoutRequestFactory requests;
    private final GatewayErrorMessages messages;
    private final ChargeFlow.Pace pace;

    ChargeRules(ChargeSettings settings, CheckoutRequestFactory requests, GatewayErrorMessages messages,
            ChargeFlow.Pace pace) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.pace = Objects.requireNonNull(pace, "pace");
    }

    /**
     * The wait between two checks of an open session behind the QR code: the poll interval, or the slow
     * fallback while the store's watcher reports Stripe's events for this register.
     */
    Duration awaitingPoll() {
        return pace == ChargeFlow.Pace.WATCHED ? settings.fallbackPollInterval() : settings.pollInterval();
    }

    ChargeSettings settings() {
        return settings;
    }

    CheckoutRequestFactory requests() {
        return requests;
    }

    /** One sentence for the cashier about a failed Stripe call. */
    Message forCashier(GatewayException failure) {
        return messages.forCashier(failure);
    }

    // ------------------------------------------------------------ the sale on screen

    /** Card alone: chosen by the cashier (journaled in the key), or the only method for the currency. */
    static boolean cardOnly(Sale sale) {
        return IdempotencyKeys.isCardOnlyChoice(sale.idempotencyKey())
                || !CurrencyFacts.amazonPaySupports(sale.currency());
    }

    /** A status of the sale's current attempt in {@code phase}, with no detail yet. */
    static ChargeStatus status(Phase phase, Sale sale) {
        return ChargeStatus.of(phase, sale.id(), sale.total(), cardOnly(sale), sale.attempt());
    }

    /** The QR code of an open session. */
    static ChargeStatus awaiting(Sale sale, SessionSnapshot session) {
        return status(Phase.AWAITING_PAYMENT, sale).withSession(session.id(), session.url(), session.expiresAt());
    }

    /** The QR code stays up while the session cannot be asked about. */
    static ChargeStatus connectionLost(Sale sale, SessionSnapshot session) {
        return status(Phase.CONNECTION_LOST, sale).withSession(session.id(), session.url(), session.expiresAt())
                .withMessage(ChargeWording.CONNECTION_LOST).withStripeUnreachable();
    }

    /** When the current attempt was journaled (older journals: the sale's creation). */
    static Instant attemptStart(Sale sale) {
        return sale.attemptStartedAt() != null ? sale.attemptStartedAt() : sale.createdAt();
    }

    // ------------------------------------------------------------ Stripe's answers

    /** Why Stripe's session cannot be the sale's (another amount or currency), if it cannot. */
    static Optional<Message> mismatch(Sale sale, SessionSnapshot session) {
        Money got = session.amountTotal();
        if (got == null) {
            return Optional.empty();
        }
        if (!got.currency().equals(sale.currency())) {
            return Optional.of(ChargeWording.otherCurrency(got, sale.currency().getCurrencyCode()));
        }
        if (got.minorUnits() != sale.totalMinor()) {
            return Optional.of(ChargeWording.otherAmount(got, sale.total()));
        }
        return Optional.empty();
    }

    /** The newest of these sessions made for the sale's current attempt, other than one already journaled. */
    static Optional<SessionSnapshot> attemptSession(Sale sale, List<SessionSnapshot> found) {
        String earlierSession = sale.sessionId();
        return found.stream()
                .filter(s -> s.belongsTo(sale.id(), sale.attempt()))
                .filter(s -> !s.id().equals(earlierSession))
                .max(Comparator.comparing(s -> s.created() == null ? Instant.EPOCH : s.created()));
    }

    // ------------------------------------------------------------ waits

    /** The wait between two reads of a session now: the configured interval, wider for a while after a 429. */
    Duration pollInterval(FlowContext at) {
        return at.pace().interval(at.now(), settings.pollInterval());
    }

    /**
     * The wait between two checks of an open session behind the QR code now: {@link #awaitingPoll()} (the
     * poll interval, or the store watcher's fallback), wider for a while after a 429.
     */
    Duration awaitingPoll(FlowContext at) {
        return at.pace().interval(at.now(), awaitingPoll());
    }

    /**
     * The register's poll pace after a 429 at this moment: at most {@link PollPace#MAX_WIDENING} times the
     * configured interval (and never beyond the longest poll backoff), so a burst of 429s slows the shop's reads
     * without leaving a paid sale unseen for long.
     */
    PollPace slowerAfterLimit(FlowContext at, GatewayException limit) {
        Duration widest = settings.pollInterval().multipliedBy(PollPace.MAX_WIDENING);
        Duration cap = widest.compareTo(settings.maxPollBackoff()) < 0 ? widest : settings.maxPollBackoff();
        return at.pace().limited(at.now(), settings.pollInterval(), cap, limit.retryAfter());
    }

    /**
     * The wait before asking Stripe again after {@code failures} transient failures in a row: the backoff from
     * the configured interval, but never less than the register's current pace (the two do not multiply).
     */
    Duration pollBackoff(int failures, Optional<Duration> retryAfter, FlowContext at) {
        Duration backoff = Backoff.delay(settings.pollInterval(), settings.maxPollBackoff(), failures, retryAfter);
        Duration paced = pollInterval(at);
        return backoff.compareTo(paced) >= 0 ? backoff : paced;
    }

    Duration pollBackoff(int failures, GatewayException cause, FlowContext at) {
        return pollBackoff(failures, cause.retryAfter(), at);
    }

    // ------------------------------------------------------------ a person must look

    /**
     * The sale needs a person: stop waiting, journal NEEDS_ATTENTION (where the sale may still move
     * there), then say so.
     *
     * @param sessionId the session to name, or null for the sale's journaled one
     */
    static Transition attention(Sale sale, Message message, String sessionId) {
        String session = sessionId != null ? sessionId : sale.sessionId();
        NeedsAttention next = new NeedsAttention(sale, session, message);
        if (sale.state().canMoveTo(SaleState.NEEDS_ATTENTION)) {
            return Transition.to(next, new StopTimer(),
                    new Journal(new JournalWrite.Move(sale.id(), SaleState.NEEDS_ATTENTION,
                            ChargeWording.inEnglish(message))));
        }
        return Transition.to(next, new StopTimer(), needsAttentionLog(sale, message),
                Publish.of(needsAttention(sale, session, message)));
    }

    static ChargeStatus needsAttention(Sale sale, String sessionId, Message message) {
        return status(Phase.NEEDS_ATTENTION, sale).withSession(sessionId, null, null).withMessage(message);
    }

    static Log needsAttentionLog(Sale sale, Message message) {
        return Log.of(Level.WARNING, "Sale " + sale.id() + " needs attention: " + ChargeWording.inEnglish(message));
    }

    /** The journal refused to move the sale to {@code to}: nothing more can safely happen to it here. */
    static Transition notRecorded(Sale sale, SaleState to, RuntimeException error) {
        Message message = ChargeWording.notRecordedAs(to);
        return Transition.to(new NeedsAttention(sale, null, message), new StopTimer(),
                new Log(Level.ERROR, "Journal refused " + sale.id() + " -> " + to, error),
                Publish.of(status(Phase.NEEDS_ATTENTION, sale).withMessage(message)));
    }
}
