package app.scantill.checkout;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Charges one sale at a time on one register: journals it, creates its Checkout Session, polls the
 * session until it ends, and cancels it safely. See docs/charge-flow.md.
 *
 * <p>Every step runs on one private worker thread, one after another, so a poll, a cancel and a
 * create retry can never race each other; waits are scheduled on that thread, never slept. Command
 * methods return at once and may be called from any thread (the JavaFX thread included: the only
 * work they do in the caller's thread is checking the cart). Progress is published as
 * {@link ChargeStatus} values to listeners, called on the worker thread.
 *
 * <p>Write-ahead: the journal holds the sale and its idempotency key before the create call, the
 * session id before AWAITING_PAYMENT is published, and the final state before PAID or CANCELLED is
 * published. When the journal cannot write, Stripe is not called and the cashier is told that
 * payments cannot be taken.
 */
public final class ChargeService {

    private static final System.Logger LOG = System.getLogger(ChargeService.class.getName());

    /** How far before the attempt's journaled start a session found by reference may have been created. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    private final CheckoutGateway gateway;
    private final SalesJournal journal;
    private final ChargeSettings settings;
    private final CheckoutRequestFactory requests;
    private final SaleIdGenerator saleIds;
    private final GatewayErrorMessages messages;
    private final ScheduledExecutorService worker;
    private final List<Consumer<ChargeStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object statusLock = new Object();
    private volatile ChargeStatus status = ChargeStatus.idle();
    /** The latest status every listener has heard; what {@link #await} waits on. */
    private ChargeStatus announced = ChargeStatus.idle();

    // Worker-thread state: read and written only by tasks on the worker.
    private Sale sale;
    private CheckoutRequest request;
    private boolean cardOnly;
    private boolean replaying;
    private boolean cancelRequested;
    private String cancelSessionId;
    private int createTries;
    private int failures;
    private ScheduledFuture<?> pending;
    private long generation;
    private String paidMessage;

    public ChargeService(CheckoutGateway gateway, SalesJournal journal, ChargeSettings settings, Clock clock) {
        this(gateway, journal, settings, clock, new SaleIdGenerator(clock), GatewayErrorMessages.byKind());
    }

    public ChargeService(CheckoutGateway gateway, SalesJournal journal, ChargeSettings settings, Clock clock,
            SaleIdGenerator saleIds, GatewayErrorMessages messages) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.saleIds = Objects.requireNonNull(saleIds, "saleIds");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.requests = new CheckoutRequestFactory(settings, Objects.requireNonNull(clock, "clock"));
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "charge-" + settings.registerId());
            thread.setDaemon(true);
            return thread;
        });
    }

    // ---------------------------------------------------------------- public API

    public void addListener(Consumer<ChargeStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<ChargeStatus> listener) {
        listeners.remove(listener);
    }

    /** The latest published status. */
    public ChargeStatus status() {
        return status;
    }

    /** SANDBOX, TEST or LIVE, for the badge on screen. */
    public CheckoutGateway.Mode mode() {
        return gateway.mode();
    }

    public ChargeSettings settings() {
        return settings;
    }

    /**
     * Checks a cart against Stripe's limits without charging it, e.g. to explain a disabled button.
     *
     * @return the cart's total
     * @throws CartNotChargeableException with a sentence for the cashier
     */
    public Money check(Currency currency, List<SaleLine> lines) {
        return requests.validate(currency, lines);
    }

    /**
     * Starts charging a cart: card and Amazon Pay, or card alone where Amazon Pay cannot present
     * the currency. Returns at once; the new sale id and all progress arrive as statuses.
     *
     * @throws CartNotChargeableException when the cart breaks one of Stripe's limits (nothing journaled)
     * @throws IllegalStateException when a sale on this register is still in progress
     */
    public void start(Currency currency, List<SaleLine> lines) {
        start(currency, lines, false);
    }

    /** As {@link #start}, offering card alone (e.g. when Stripe refused Amazon Pay for the account). */
    public void startCardOnly(Currency currency, List<SaleLine> lines) {
        start(currency, lines, true);
    }

    /** Sends the failed attempt again with the same idempotency key (FAILED with retryable). */
    public void retry() {
        submit(this::retryStep);
    }

    /** After EXPIRED: a new attempt for the same cart, with a new idempotency key and a new session. */
    public void newAttempt() {
        submit(this::newAttemptStep);
    }

    /**
     * Cancels the current sale: expires its session, and keeps trying in the background while
     * Stripe cannot be reached. If the customer paid first, the sale ends PAID and the status says
     * so. After EXPIRED, closes the sale as CANCELLED (back to the cart).
     */
    public void cancel() {
        submit(this::cancelStep);
    }

    /**
     * Takes up an unfinished sale from the journal after a restart, exactly where it stopped: a
     * create is replayed with the journaled key, an open session is polled again, a cancel is
     * finished, a payment is recorded once.
     *
     * @throws IllegalStateException when a sale on this register is still in progress
     */
    public void resume(Sale unfinished) {
        Objects.requireNonNull(unfinished, "unfinished");
        claim(ChargeStatus.of(Phase.CREATING, unfinished.id(), unfinished.total(), false, unfinished.attempt()));
        submit(() -> resumeStep(unfinished));
    }

    /** Whether a customer could pay right now (or a create may have made a session): ask before closing. */
    public boolean hasOpenSession() {
        return status.sessionMayBeOpen();
    }

    /**
     * Cancels and waits until the sale is settled (CANCELLED, PAID, or a state a person must look
     * at), or the timeout passes. Blocks the caller: not for the JavaFX thread.
     *
     * @return the status at the end of the wait
     */
    public ChargeStatus cancelAndWait(Duration timeout) throws InterruptedException {
        cancel();
        return await(s -> !s.sessionMayBeOpen() && s.phase() != Phase.EXPIRED, timeout);
    }

    /**
     * Waits until the published status matches, or the timeout passes. Blocks the caller.
     *
     * @return the status at the end of the wait
     */
    public ChargeStatus await(Predicate<ChargeStatus> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (statusLock) {
            while (!condition.test(announced)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(statusLock, left);
            }
            return announced;
        }
    }

    /**
     * Stops polling and retries now. The sale stays in the journal as it is, and {@link #resume}
     * takes it up on the next start.
     */
    public void shutdown() {
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- commands, on the worker

    private void start(Currency currency, List<SaleLine> lines, boolean onlyCard) {
        Money total = requests.validate(currency, lines);
        List<SaleLine> frozen = List.copyOf(lines);
        claim(ChargeStatus.of(Phase.CREATING, null, total, onlyCard, 1));
        submit(() -> startStep(currency, frozen, onlyCard));
    }

    /**
     * Marks the register busy at once, before the worker takes the command up, so a second start
     * (a double click) is refused and {@link #hasOpenSession()} is true from this moment. Listeners
     * hear of it when the worker publishes its first status.
     */
    private void claim(ChargeStatus busy) {
        synchronized (statusLock) {
            if (!status.allowsNewSale()) {
                throw new IllegalStateException("Sale " + status.saleId() + " is still " + status.phase());
            }
            status = busy;
            announced = busy;
            statusLock.notifyAll();
        }
    }

    private String uniqueSaleId() {
        for (int i = 0; i < 5; i++) {
            String id = saleIds.next();
            try {
                if (journal.find(id).isEmpty()) {
                    return id;
                }
            } catch (JournalException e) {
                // The begin call reports the journal problem to the cashier; an id is still needed for it.
                return id;
            }
        }
        return saleIds.next();
    }

    private void startStep(Currency currency, List<SaleLine> lines, boolean onlyCard) {
        resetForNewSale();
        String saleId = uniqueSaleId();
        cardOnly = onlyCard || !CurrencyFacts.amazonPaySupports(currency);
        String key = IdempotencyKeys.forAttempt(saleId, 1, CheckoutRequestFactory.cardOnlyByChoice(currency, onlyCard));
        Money total = requests.validate(currency, lines);
        publishAlways(ChargeStatus.of(Phase.CREATING, saleId, total, cardOnly, 1));
        try {
            sale = journal.begin(saleId, settings.registerId(), currency, lines, key);
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Journal refused sale " + saleId + "; no session created", e);
            publish(ChargeStatus.of(Phase.FAILED, saleId, total, cardOnly, 1).withMessage(journalDown()));
            return;
        }
        // Built from what the journal now holds, exactly as a replay after a crash will build it.
        request = requests.build(saleId, 1, key, currency, lines, onlyCard, attemptStart());
        sendCreate();
    }

    private void retryStep() {
        if (sale == null || status.phase() != Phase.FAILED || !status.retryable()) {
            return;
        }
        createTries = 0;
        publish(base(Phase.CREATING));
        sendCreate();
    }

    private void newAttemptStep() {
        if (sale == null || sale.state() != SaleState.EXPIRED) {
            return;
        }
        int attempt = sale.attempt() + 1;
        String key = IdempotencyKeys.forAttempt(sale.id(), attempt,
                CheckoutRequestFactory.cardOnlyByChoice(sale.currency(), cardOnly));
        replaying = false;
        cancelRequested = false;
        failures = 0;
        createTries = 0;
        publish(ChargeStatus.of(Phase.CREATING, sale.id(), sale.total(), cardOnly, attempt));
        try {
            sale = journal.newAttempt(sale.id(), key);
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Journal refused attempt " + attempt + " of sale " + sale.id(), e);
            publish(ChargeStatus.of(Phase.FAILED, sale.id(), sale.total(), cardOnly, attempt)
                    .withMessage(journalDown()));
            return;
        }
        request = requests.build(sale.id(), attempt, key, sale.currency(), sale.lines(), cardOnly, attemptStart());
        sendCreate();
    }

    private void cancelStep() {
        if (sale == null) {
            return;
        }
        switch (status.phase()) {
            case CREATING -> {
                // A create retry is scheduled (never running: this task runs between steps). Let it
                // finish so it is known whether a session exists, then expire that session.
                cancelRequested = true;
                publish(base(Phase.CANCELLING).withMessage("Cancelling: waiting for Stripe to answer the charge."));
            }
            case FAILED -> {
                if (status.retryable()) {
                    // The create may or may not have reached Stripe: replay it to find out, then expire.
                    cancelRequested = true;
                    createTries = 0;
                    publish(base(Phase.CANCELLING).withMessage("Cancelling: checking with Stripe."));
                    sendCreate();
                }
            }
            case AWAITING_PAYMENT, CONNECTION_LOST -> cancelOpenSession();
            case EXPIRED -> {
                if (transitionOrReport(SaleState.CANCELLED, "cashier went back to the cart after expiry")) {
                    publish(base(Phase.CANCELLED));
                }
            }
            default -> {
                // Nothing to cancel: CANCELLING goes on by itself; final states stay final.
            }
        }
    }

    private void resumeStep(Sale unfinished) {
        resetForNewSale();
        sale = journal.find(unfinished.id()).orElse(unfinished);
        cardOnly = IdempotencyKeys.isCardOnlyChoice(sale.idempotencyKey())
                || !CurrencyFacts.amazonPaySupports(sale.currency());
        LOG.log(Level.INFO, "Resuming sale " + sale.id() + " in state " + sale.state());
        publishAlways(base(Phase.CREATING).withMessage("Checking the sale with Stripe."));
        switch (sale.state()) {
            case CHARGING -> {
                if (!rebuildRequest()) {
                    return;
                }
                publish(base(Phase.CREATING).withMessage("Checking the interrupted charge with Stripe."));
                sendCreate();
            }
            case AWAITING_PAYMENT -> {
                publish(base(Phase.CREATING).withSession(sale.sessionId(), null, sale.sessionExpiresAt())
                        .withMessage("Checking the payment with Stripe."));
                poll(generation);
            }
            case CANCELLING -> {
                cancelRequested = true;
                cancelSessionId = sale.sessionId();
                publish(base(Phase.CANCELLING).withSession(sale.sessionId(), null, null));
                if (cancelSessionId != null) {
                    expireStep();
                } else if (rebuildRequest()) {
                    sendCreate();
                }
            }
            case NEEDS_ATTENTION -> {
                if (sale.sessionId() != null) {
                    publish(base(Phase.CREATING).withSession(sale.sessionId(), null, sale.sessionExpiresAt())
                            .withMessage("Checking the sale with Stripe."));
                    poll(generation);
                } else {
                    publish(base(Phase.NEEDS_ATTENTION).withMessage("This sale was marked for a check and "
                            + "has no Stripe session. A supervisor should look at it."));
                }
            }
            case EXPIRED -> publish(base(Phase.EXPIRED).withSession(sale.sessionId(), null, null));
            case PAID -> publish(base(Phase.PAID).withSession(sale.sessionId(), null, null)
                    .withPaymentMethod(sale.paymentMethod()));
            case CANCELLED -> publish(base(Phase.CANCELLED));
        }
    }

    /**
     * The request of a journaled attempt, rebuilt after a restart from the journal alone (key, card-only
     * choice, attempt start): byte for byte the request the earlier run sent, so Stripe replays its answer.
     */
    private boolean rebuildRequest() {
        try {
            request = requests.build(sale.id(), sale.attempt(), sale.idempotencyKey(), sale.currency(), sale.lines(),
                    IdempotencyKeys.isCardOnlyChoice(sale.idempotencyKey()), attemptStart());
            replaying = true;
            return true;
        } catch (CartNotChargeableException | IllegalArgumentException e) {
            attention("The interrupted sale can no longer be sent to Stripe (" + e.getMessage() + ").", null);
            return false;
        }
    }

    // ---------------------------------------------------------------- create

    private void sendCreate() {
        if (!requests.stillAcceptable(request.expiresAt())) {
            locateBeforeFreshCreate();
            return;
        }
        send();
    }

    private void send() {
        createTries++;
        SessionSnapshot created;
        try {
            created = gateway.create(request);
        } catch (GatewayException e) {
            onCreateFailed(e);
            return;
        }
        failures = 0;
        onSessionKnown(created);
    }

    private void onCreateFailed(GatewayException e) {
        LOG.log(Level.WARNING, "Create for sale " + sale.id() + " (key " + request.idempotencyKey() + ", try "
                + createTries + ") failed: " + e.kind() + " " + e.getMessage());
        if (e.isTransient()) {
            if (createTries < settings.createTries()) {
                Duration wait = Backoff.delay(settings.createBackoff(), settings.maxPollBackoff(), createTries,
                        e.retryAfter());
                schedule(this::sendCreate, wait);
                return;
            }
            if (cancelRequested) {
                // The cashier cancelled while Stripe cannot be reached: keep finding out in the background.
                if (sale.state() == SaleState.CHARGING
                        && !transitionOrReport(SaleState.CANCELLING, "cancelled by cashier before the session was known")) {
                    return;
                }
                failures++;
                publish(base(Phase.CANCELLING).withMessage(stillCancelling()).withStripeUnreachable());
                schedule(this::sendCreate, pollBackoff(e));
                return;
            }
            publish(base(Phase.FAILED).withMessage(messages.forCashier(e)).withRetry(true, false)
                    .withStripeUnreachable());
            return;
        }
        if (e.kind() == GatewayException.Kind.IDEMPOTENCY || replaying) {
            // Stripe has seen this key (or might have, under an earlier run): look the session up instead.
            locateByReference(e);
            return;
        }
        createRefused(e);
    }

    /** Stripe refused the create itself, so no session exists for this attempt. */
    private void createRefused(GatewayException e) {
        String note = "create refused: " + e.kind() + e.code().map(c -> " " + c).orElse("");
        if (!transitionOrReport(SaleState.CANCELLED, note)) {
            return;
        }
        if (cancelRequested) {
            publish(base(Phase.CANCELLED));
        } else {
            publish(base(Phase.FAILED).withMessage(messages.forCashier(e))
                    .withRetry(false, !cardOnly && GatewayErrorMessages.refusesAmazonPay(e)));
        }
    }

    /**
     * The attempt is too old to be sent as it was: Stripe would refuse its expires_at. An earlier send may
     * have made its session, so look for it first; only when Stripe holds none, send the attempt with a
     * fresh expiry under the same key (should Stripe know the key after all, it answers idempotency_error
     * and the session is looked up again: never a second session for one key).
     */
    private void locateBeforeFreshCreate() {
        createTries++;
        List<SessionSnapshot> found;
        try {
            found = gateway.findByClientReference(sale.id(), attemptStart().minus(CLOCK_SLACK));
        } catch (GatewayException e) {
            if (e.isTransient()) {
                onCreateFailed(e);
            } else {
                attention("Stripe could not be asked about this sale (" + messages.forCashier(e) + ")", null);
            }
            return;
        }
        Optional<SessionSnapshot> mine = attemptSession(found);
        if (mine.isPresent()) {
            LOG.log(Level.INFO, "Found session " + mine.get().id() + " of sale " + sale.id() + " attempt "
                    + sale.attempt() + " before sending it again");
            failures = 0;
            onSessionKnown(mine.get());
            return;
        }
        LOG.log(Level.INFO, "No session of sale " + sale.id() + " attempt " + sale.attempt()
                + " at Stripe; sending it with a fresh expiry under key " + request.idempotencyKey());
        request = request.withExpiresAt(requests.freshExpiresAt());
        createTries--;
        send();
    }

    /** The newest of these sessions made for the current attempt, other than one already journaled. */
    private Optional<SessionSnapshot> attemptSession(List<SessionSnapshot> found) {
        String earlierSession = sale.sessionId();
        return found.stream()
                .filter(s -> s.belongsTo(sale.id(), sale.attempt()))
                .filter(s -> !s.id().equals(earlierSession))
                .max(Comparator.comparing(s -> s.created() == null ? Instant.EPOCH : s.created()));
    }

    /** Finds the attempt's session by client_reference_id after a replayed create was refused. */
    private void locateByReference(GatewayException refusal) {
        List<SessionSnapshot> found;
        try {
            found = gateway.findByClientReference(sale.id(), attemptStart().minus(CLOCK_SLACK));
        } catch (GatewayException e) {
            if (e.isTransient()) {
                failures++;
                publish((cancelRequested ? base(Phase.CANCELLING).withMessage(stillCancelling())
                        : base(Phase.CREATING).withMessage("Stripe cannot be reached; still checking the sale."))
                        .withStripeUnreachable());
                schedule(() -> locateByReference(refusal), pollBackoff(e));
            } else {
                attention("Stripe could not be asked about this sale (" + messages.forCashier(e) + ")", null);
            }
            return;
        }
        Optional<SessionSnapshot> mine = attemptSession(found);
        if (mine.isPresent()) {
            LOG.log(Level.INFO, "Found session " + mine.get().id() + " of sale " + sale.id() + " by reference");
            failures = 0;
            onSessionKnown(mine.get());
        } else if (refusal.kind() == GatewayException.Kind.IDEMPOTENCY) {
            attention("Stripe has seen this charge before but no session for it was found.", null);
        } else {
            createRefused(refusal);
        }
    }

    /** When the current attempt was journaled: the journal says so, or (older journals) its history. */
    private Instant attemptStart() {
        if (sale.attemptStartedAt() != null) {
            return sale.attemptStartedAt();
        }
        try {
            List<StateChange> history = journal.history(sale.id());
            for (int i = history.size() - 1; i >= 0; i--) {
                if (history.get(i).to() == SaleState.CHARGING) {
                    return history.get(i).at();
                }
            }
        } catch (JournalException e) {
            LOG.log(Level.WARNING, "No history for " + sale.id() + "; searching from its creation", e);
        }
        return sale.createdAt();
    }

    /** A session for the current attempt exists: journal it, then act on it. */
    private void onSessionKnown(SessionSnapshot session) {
        // A create answered from Stripe's idempotency store describes the session as it was when first
        // made (open, unpaid), however long ago: the customer may have paid since. Ask again before acting.
        boolean possiblyReplayed = replaying || createTries > 1;
        replaying = false;
        if (sale.state() == SaleState.CHARGING) {
            try {
                sale = journal.recordSession(sale.id(), session.id(), session.expiresAt());
            } catch (JournalException e) {
                LOG.log(Level.ERROR, "Journal could not record session " + session.id() + " of " + sale.id(), e);
                // The customer has not seen this session: take it away rather than show an unjournaled QR.
                tryExpireQuietly(session.id());
                publish(base(Phase.FAILED).withMessage(journalDown()));
                return;
            }
        }
        if (cancelRequested) {
            cancelSessionId = session.id();
            if (sale.state() == SaleState.AWAITING_PAYMENT
                    && !transitionOrReport(SaleState.CANCELLING, "cancelled by cashier; session " + session.id())) {
                return;
            }
            failures = 0;
            publish(base(Phase.CANCELLING).withSession(session.id(), null, null));
            expireStep();
            return;
        }
        if (mismatch(session).isPresent() && session.isOpen()) {
            tryExpireQuietly(session.id());
        }
        if (possiblyReplayed && session.isOpen() && mismatch(session).isEmpty()) {
            poll(generation);
            return;
        }
        handleSnapshot(session);
    }

    // ---------------------------------------------------------------- polling

    private void schedulePoll(Duration wait) {
        long gen = generation;
        schedule(() -> poll(gen), wait);
    }

    private void poll(long gen) {
        if (gen != generation || sale == null) {
            return;
        }
        SessionSnapshot session;
        try {
            session = gateway.retrieve(sale.sessionId());
        } catch (GatewayException e) {
            if (e.isTransient()) {
                failures++;
                LOG.log(Level.WARNING, "Status of " + sale.sessionId() + " unknown (" + failures + " in a row): "
                        + e.kind() + " " + e.getMessage());
                if (status.phase() == Phase.AWAITING_PAYMENT || status.phase() == Phase.CONNECTION_LOST) {
                    publish(ChargeStatus.of(Phase.CONNECTION_LOST, sale.id(), sale.total(), cardOnly, sale.attempt())
                            .withSession(status.sessionId(), status.url(), status.expiresAt())
                            .withMessage("Connection lost — still waiting for the payment.").withStripeUnreachable());
                } else if (status.phase() == Phase.CREATING) {
                    // Checking a resumed sale: say that Stripe is away, so recovery need not wait it out.
                    publish(status.withMessage("Stripe cannot be reached; still checking the sale.")
                            .withStripeUnreachable());
                }
                schedulePoll(pollBackoff(e));
            } else {
                LOG.log(Level.ERROR, "Status of " + sale.sessionId() + " refused: " + e.kind() + " " + e.getMessage());
                attention("Stripe will not tell the state of this payment (" + messages.forCashier(e) + ")",
                        sale.sessionId());
            }
            return;
        }
        failures = 0;
        handleSnapshot(session);
    }

    /** Acts on what Stripe says of the current attempt's session. */
    private void handleSnapshot(SessionSnapshot session) {
        Optional<String> wrong = mismatch(session);
        if (wrong.isPresent()) {
            attention(wrong.get(), session.id());
            return;
        }
        try {
            if (session.isPaid()) {
                recordPaid(session);
            } else if (session.isOpen()) {
                if (sale.state() == SaleState.NEEDS_ATTENTION) {
                    sale = journal.transition(sale.id(), SaleState.AWAITING_PAYMENT, "session open again");
                }
                if (cancelRequested) {
                    cancelOpenSession();
                    return;
                }
                publish(ChargeStatus.of(Phase.AWAITING_PAYMENT, sale.id(), sale.total(), cardOnly, sale.attempt())
                        .withSession(session.id(), session.url(), session.expiresAt()));
                schedulePoll(settings.pollInterval());
            } else if (session.isExpired()) {
                if (sale.state() != SaleState.EXPIRED) {
                    sale = journal.transition(sale.id(), SaleState.EXPIRED, "session " + session.id() + " expired");
                }
                publish(base(Phase.EXPIRED).withSession(session.id(), null, null));
            } else {
                attention("Stripe says the payment session ended as " + session.status() + "/"
                        + session.paymentStatus() + ", which ScanTill does not expect.", session.id());
            }
        } catch (JournalException e) {
            journalTrouble(e, session.id());
        }
    }

    /** Money arrived: journal it (once), then say so. */
    private void recordPaid(SessionSnapshot session) {
        if (sale.state() != SaleState.PAID) {
            sale = journal.markPaid(sale.id(), session.paymentIntentId(), session.paymentMethod(),
                    "paid; session " + session.id());
        }
        cancelPending();
        publish(base(Phase.PAID).withSession(session.id(), null, null)
                .withPaymentMethod(session.method().orElse(sale.paymentMethod()))
                .withMessage(paidMessage));
    }

    private Optional<String> mismatch(SessionSnapshot session) {
        Money got = session.amountTotal();
        if (got == null) {
            return Optional.empty();
        }
        if (!got.currency().equals(sale.currency())) {
            return Optional.of("Stripe's session is in " + got.currencyCode() + " but the sale is in "
                    + sale.currency().getCurrencyCode() + ".");
        }
        if (got.minorUnits() != sale.totalMinor()) {
            return Optional.of("Stripe's session is for " + got + " but the sale totals " + sale.total() + ".");
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- cancel

    /** The journaled session may be open: journal CANCELLING first, then expire it. */
    private void cancelOpenSession() {
        cancelPending();
        try {
            sale = journal.transition(sale.id(), SaleState.CANCELLING, "cancelled by cashier");
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Journal refused the cancel of " + sale.id(), e);
            cancelRequested = false;
            publish(status.withMessage("The cancel could not be recorded, so the QR code stays up. "
                    + journalDown()));
            schedulePoll(settings.pollInterval());
            return;
        }
        cancelRequested = true;
        cancelSessionId = sale.sessionId();
        failures = 0;
        publish(base(Phase.CANCELLING).withSession(cancelSessionId, null, null));
        expireStep();
    }

    private void expireStep() {
        if (sale == null || sale.state() != SaleState.CANCELLING) {
            return;
        }
        SessionSnapshot after;
        try {
            after = gateway.expire(cancelSessionId);
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.INVALID_REQUEST) {
                // Only open sessions can be expired: it ended some other way, perhaps paid a moment ago.
                checkAfterRefusedExpire();
            } else {
                cancelTrouble(e, this::expireStep);
            }
            return;
        }
        afterCancelAnswer(after);
    }

    private void checkAfterRefusedExpire() {
        SessionSnapshot session;
        try {
            session = gateway.retrieve(cancelSessionId);
        } catch (GatewayException e) {
            cancelTrouble(e, this::checkAfterRefusedExpire);
            return;
        }
        afterCancelAnswer(session);
    }

    private void afterCancelAnswer(SessionSnapshot session) {
        failures = 0;
        try {
            if (session.isPaid()) {
                paidMessage = "The customer paid before the cancel reached Stripe: the money was taken.";
                Optional<String> wrong = mismatch(session);
                if (wrong.isPresent()) {
                    attention(wrong.get(), session.id());
                } else {
                    recordPaid(session);
                }
            } else if (session.isExpired()) {
                sale = journal.transition(sale.id(), SaleState.CANCELLED, "session " + session.id() + " expired");
                publish(base(Phase.CANCELLED).withSession(session.id(), null, null));
            } else if (session.isOpen()) {
                publish(base(Phase.CANCELLING).withSession(session.id(), null, null)
                        .withMessage(stillCancelling()));
                schedule(this::expireStep, settings.pollInterval());
            } else {
                attention("The cancelled session ended as " + session.status() + "/" + session.paymentStatus()
                        + ", which ScanTill does not expect.", session.id());
            }
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Journal could not record the end of cancelled sale " + sale.id(), e);
            publish(base(Phase.CANCELLING).withSession(session.id(), null, null)
                    .withMessage("The result could not be recorded. " + journalDown()));
            failures++;
            schedule(this::checkAfterRefusedExpire, Backoff.delay(settings.pollInterval(), settings.maxPollBackoff(),
                    failures, Optional.empty()));
        }
    }

    private void cancelTrouble(GatewayException e, Runnable again) {
        if (e.isTransient()) {
            failures++;
            LOG.log(Level.WARNING, "Cancel of " + sale.id() + " waits: " + e.kind() + " " + e.getMessage());
            publish(base(Phase.CANCELLING).withSession(cancelSessionId, null, null).withMessage(stillCancelling())
                    .withStripeUnreachable());
            schedule(again, pollBackoff(e));
        } else {
            LOG.log(Level.ERROR, "Cancel of " + sale.id() + " refused: " + e.kind() + " " + e.getMessage());
            attention("The cancel could not be completed (" + messages.forCashier(e) + ")", cancelSessionId);
        }
    }

    private void tryExpireQuietly(String sessionId) {
        try {
            gateway.expire(sessionId);
        } catch (GatewayException e) {
            LOG.log(Level.WARNING, "Could not expire session " + sessionId + ": " + e.kind() + " " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    private void attention(String message, String sessionId) {
        cancelPending();
        String session = sessionId != null ? sessionId : sale.sessionId();
        try {
            if (sale.state().canMoveTo(SaleState.NEEDS_ATTENTION)) {
                sale = journal.transition(sale.id(), SaleState.NEEDS_ATTENTION, message);
            }
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Journal could not mark " + sale.id() + " for attention", e);
            message = message + " " + journalDown();
        }
        LOG.log(Level.WARNING, "Sale " + sale.id() + " needs attention: " + message);
        publish(base(Phase.NEEDS_ATTENTION).withSession(session, null, null).withMessage(message));
    }

    /** The journal failed while recording what Stripe said: say so, and ask Stripe again later. */
    private void journalTrouble(JournalException e, String sessionId) {
        LOG.log(Level.ERROR, "Journal could not record the state of sale " + sale.id(), e);
        failures++;
        publish(base(Phase.NEEDS_ATTENTION).withSession(sessionId, null, null)
                .withMessage("The result could not be recorded; still trying. Do not hand over goods yet. "
                        + journalDown()));
        schedulePoll(Backoff.delay(settings.pollInterval(), settings.maxPollBackoff(), failures, Optional.empty()));
    }

    private boolean transitionOrReport(SaleState to, String note) {
        try {
            sale = journal.transition(sale.id(), to, note);
            return true;
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Journal refused " + sale.id() + " -> " + to, e);
            publish(base(Phase.NEEDS_ATTENTION).withMessage("The sale could not be recorded as " + to + ". "
                    + journalDown()));
            return false;
        }
    }

    private Duration pollBackoff(GatewayException e) {
        return Backoff.delay(settings.pollInterval(), settings.maxPollBackoff(), failures, e.retryAfter());
    }

    private static String journalDown() {
        return "Payments cannot be taken: the sales journal cannot write. Check the disk, then restart ScanTill.";
    }

    private static String stillCancelling() {
        return "Connection lost — still trying to cancel. The customer could still pay: keep the goods.";
    }

    private ChargeStatus base(Phase phase) {
        return ChargeStatus.of(phase, sale.id(), sale.total(), cardOnly, sale.attempt());
    }

    private void resetForNewSale() {
        cancelPending();
        generation++;
        sale = null;
        request = null;
        replaying = false;
        cancelRequested = false;
        cancelSessionId = null;
        createTries = 0;
        failures = 0;
        paidMessage = null;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void schedule(Runnable step, Duration wait) {
        cancelPending();
        long gen = generation;
        try {
            pending = worker.schedule(() -> runStep(gen, step, true), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "Charge worker stopped; sale stays as journaled");
        }
    }

    private void submit(Runnable step) {
        try {
            worker.execute(() -> runStep(generation, step, false));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The charge service has been shut down", e);
        }
    }

    /** Runs a step; a scheduled one only if its sale is still the current one. */
    private void runStep(long gen, Runnable step, boolean scheduled) {
        if (scheduled && gen != generation) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Charge step failed unexpectedly", e);
            if (sale != null) {
                attention("Something unexpected went wrong; the sale is kept in the journal.", null);
            } else {
                publish(ChargeStatus.idle().withMessage("Something unexpected went wrong; nothing was charged."));
            }
        }
    }

    private void publish(ChargeStatus next) {
        publish(next, false);
    }

    private void publishAlways(ChargeStatus next) {
        publish(next, true);
    }

    private void publish(ChargeStatus next, boolean evenIfUnchanged) {
        synchronized (statusLock) {
            if (!evenIfUnchanged && next.equals(status)) {
                return;
            }
            status = next;
        }
        for (Consumer<ChargeStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Charge listener failed", e);
            }
        }
        synchronized (statusLock) {
            announced = status;
            statusLock.notifyAll();
        }
    }
}
