package app.scantill.checkout;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.AmazonPayChoice;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Charges one sale at a time on one register: journals it, creates its Checkout Session, polls the
 * session until it ends, and cancels it safely. The facade the screen, the headless till and
 * recovery use; see docs/charge-flow.md.
 *
 * <p>Inside, the flow is a state machine: {@link ChargeFlow} decides every transition (states in
 * {@link ChargeState}, events in {@link ChargeEvent}, effects in {@link ChargeEffect}), and a
 * {@link ChargeWorker} performs the effects on one private thread, one after another, so a poll, a
 * cancel and a create retry can never race each other; waits are scheduled on that thread, never
 * slept. Command methods return at once and may be called from any thread (the JavaFX thread
 * included: the only work they do in the caller's thread is checking the cart). Progress is
 * published as {@link ChargeStatus} values to listeners, called on the worker thread.
 *
 * <p>Write-ahead: the journal holds the sale and its idempotency key before the create call, the
 * session id before AWAITING_PAYMENT is published, and the final state before PAID or CANCELLED is
 * published. When the journal cannot write, Stripe is not called and the cashier is told that
 * payments cannot be taken.
 */
public final class ChargeService {

    private final CheckoutGateway gateway;
    private final SalesJournal journal;
    private final ChargeSettings settings;
    private final CheckoutRequestFactory requests;
    private final SaleIdGenerator saleIds;
    private final StatusFeed feed = new StatusFeed();
    private final ChargeWorker worker;
    /** Card attempts cash sales took over, settled off this register (made on first use). */
    private CardAttemptSettler settler;
    private final List<Consumer<TakenOverAttempt>> settledListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Clock clock;
    /** Stripe refused Amazon Pay for the account since this service started ({@code payments.amazon_pay=auto}). */
    private volatile boolean amazonPayRefused;

    public ChargeService(CheckoutGateway gateway, SalesJournal journal, ChargeSettings settings, Clock clock) {
        this(gateway, journal, settings, clock, new SaleIdGenerator(clock), GatewayErrorMessages.byKind());
    }

    public ChargeService(CheckoutGateway gateway, SalesJournal journal, ChargeSettings settings, Clock clock,
            SaleIdGenerator saleIds, GatewayErrorMessages messages) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.saleIds = Objects.requireNonNull(saleIds, "saleIds");
        Objects.requireNonNull(messages, "messages");
        this.requests = new CheckoutRequestFactory(settings, Objects.requireNonNull(clock, "clock"));
        this.clock = clock;
        this.worker = new ChargeWorker(settings.registerId(),
                new ChargeFlow(settings, requests, messages, ChargeFlow.Pace.OWN),
                new ChargeFlow(settings, requests, messages, ChargeFlow.Pace.WATCHED), gateway, journal, feed, clock,
                () -> amazonPayRefused = true, this::settleLater);
    }

    public void addListener(Consumer<ChargeStatus> listener) {
        feed.addListener(listener);
    }

    public void removeListener(Consumer<ChargeStatus> listener) {
        feed.removeListener(listener);
    }

    /** The latest published status. */
    public ChargeStatus status() {
        return feed.status();
    }

    /** SANDBOX, TEST or LIVE, for the badge on screen. */
    public CheckoutGateway.Mode mode() {
        return gateway.mode();
    }

    public ChargeSettings settings() {
        return settings;
    }

    /**
     * How far Stripe's clock is from this till's, as learned from Stripe's answers: the till computes
     * {@code expires_at} on it, and the cashier is told once when it is more than a minute.
     */
    public ClockSkew clockSkew() {
        return gateway.clockSkew();
    }

    /**
     * Whether Stripe refused Amazon Pay for this account since the till started: until it restarts (or the
     * setting changes), every sale is charged by card alone and the screen says so next to the total.
     */
    public boolean amazonPayUnavailableOnAccount() {
        return amazonPayRefused && settings.amazonPay() == AmazonPayChoice.AUTO;
    }

    /** Whether new sales offer card alone: {@code payments.amazon_pay=off}, or Stripe refused it for the account. */
    public boolean amazonPayWithheld() {
        return settings.amazonPay() == AmazonPayChoice.OFF || amazonPayUnavailableOnAccount();
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
     * the currency or is withheld ({@link #amazonPayWithheld()}). Returns at once; the new sale id and
     * all progress arrive as statuses.
     *
     * @throws CartNotChargeableException when the cart breaks one of Stripe's limits (nothing journaled)
     * @throws IllegalStateException when a sale on this register is still in progress
     */
    public void start(Currency currency, List<SaleLine> lines) {
        start(currency, lines, SaleDiscounts.NONE);
    }

    /** As above, for lines discounted as {@code discounts} says; the discounts are journaled with the sale. */
    public void start(Currency currency, List<SaleLine> lines, SaleDiscounts discounts) {
        start(currency, lines, discounts, amazonPayWithheld());
    }

    /** As {@link #start}, offering card alone whatever the currency and the account allow. */
    public void startCardOnly(Currency currency, List<SaleLine> lines) {
        start(currency, lines, SaleDiscounts.NONE, true);
    }

    /**
     * After Stripe refused Amazon Pay ({@link ChargeStatus#cardOnlyOffered()}): the same journaled sale by
     * card alone, as its next attempt with a new key and a new session.
     */
    public void chargeByCardOnly() {
        worker.submit(ChargeEvent.ChargeByCardOnly::new);
    }

    /**
     * The cashier opens the cash screen for the failed attempt's cart ({@link ChargeStatus#cashMayTakeOver()}): the
     * attempt waits, unsent.
     */
    public void takeCash() {
        worker.submit(() -> new ChargeEvent.TakeCash(feed.status().message()));
    }

    /** The cashier came back from the cash screen without taking cash: Retry and Cancel as before. */
    public void cashDeclined() {
        worker.submit(ChargeEvent.CashDeclined::new);
    }

    /**
     * The cash sale {@code cashSaleId} is journaled and took this register's attempt over (journaled CANCELLING in
     * the same write, {@link CashDesk#pay}): the register is free, and the attempt is settled in the background.
     */
    public void takenOverByCash(String cashSaleId) {
        worker.submit(() -> new ChargeEvent.TakenOverByCash(cashSaleId));
    }

    /**
     * Told (on a background thread) how each card attempt taken over by cash ended: cancelled, or paid by card too
     * ({@link TakenOverAttempt#paidTwice()}).
     */
    public void addTakenOverListener(Consumer<TakenOverAttempt> listener) {
        settledListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** How a card attempt that cash took over ended. */
    public record TakenOverAttempt(Sale card, java.util.Optional<app.scantill.sale.CashTender> cash) {
        /** The card attempt was paid as well: the customer paid twice, one of the two is to be refunded. */
        public boolean paidTwice() {
            return card.state() == app.scantill.sale.SaleState.PAID;
        }
    }

    private synchronized void settleLater(String saleId) {
        if (settler == null) {
            settler = new CardAttemptSettler(gateway, journal, settings, clock);
            settler.addListener(settled -> settledListeners.forEach(l -> l.accept(settled)));
        }
        settler.settle(saleId);
    }

    /** Sends the failed attempt again with the same idempotency key (FAILED with retryable). */
    public void retry() {
        worker.submit(ChargeEvent.Retry::new);
    }

    /** After EXPIRED: a new attempt for the same cart, with a new idempotency key and a new session. */
    public void newAttempt() {
        worker.submit(ChargeEvent.NewAttempt::new);
    }

    /**
     * Cancels the current sale: expires its session, and keeps trying in the background while
     * Stripe cannot be reached. If the customer paid first, the sale ends PAID and the status says
     * so. After EXPIRED, or when card only was offered, closes the sale as CANCELLED (back to the cart).
     */
    public void cancel() {
        worker.submit(ChargeEvent.Cancel::new);
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
        feed.claim(ChargeStatus.of(Phase.CREATING, unfinished.id(), unfinished.total(), false, unfinished.attempt()));
        worker.submit(() -> new ChargeEvent.Resume(worker.latest(unfinished)));
    }

    /**
     * The store's watcher read Stripe's event about {@code session} (as it was at the event). If it is
     * this register's open session and it ended, the sale is journaled and shown as after a poll; any
     * other report is ignored. Returns at once.
     */
    public void storeReported(SessionSnapshot session) {
        Objects.requireNonNull(session, "session");
        worker.submit(() -> new ChargeEvent.StoreReported(session));
    }

    /**
     * Whether the store's watcher reports Stripe's events for this register: while it does, an open
     * session is checked only every {@link ChargeSettings#fallbackPollInterval()}, in case a report is lost.
     */
    public void watched(boolean byTheStore) {
        worker.watched(byTheStore);
    }

    /** Whether a customer could pay right now (or a create may have made a session): ask before closing. */
    public boolean hasOpenSession() {
        return feed.status().sessionMayBeOpen();
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
        return feed.await(condition, timeout);
    }

    /**
     * Stops polling and retries now. The sale stays in the journal as it is, and {@link #resume}
     * takes it up on the next start.
     */
    public void shutdown() {
        worker.shutdown();
        synchronized (this) {
            if (settler != null) {
                settler.close();
            }
        }
    }

    private void start(Currency currency, List<SaleLine> lines, SaleDiscounts discounts, boolean cardOnlyChoice) {
        Money total = requests.validate(currency, lines);
        List<SaleLine> frozen = List.copyOf(lines);
        feed.claim(ChargeStatus.of(Phase.CREATING, null, total, cardOnlyChoice, 1));
        worker.submit(() -> new ChargeEvent.Start(uniqueSaleId(), currency, frozen, cardOnlyChoice, discounts));
    }

    /** A new sale id the journal does not know yet (runs on the worker, before the sale is journaled). */
    private String uniqueSaleId() {
        for (int i = 0; i < 5; i++) {
            String id = saleIds.next();
            try {
                if (journal.find(id).isEmpty()) {
                    return id;
                }
            } catch (JournalException e) {
                // Journaling the sale reports the journal's problem to the cashier; an id is still needed for it.
                return id;
            }
        }
        return saleIds.next();
    }
}
