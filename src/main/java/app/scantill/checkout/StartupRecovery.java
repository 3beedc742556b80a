package app.scantill.checkout;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.RecoverySummary.Entry;
import app.scantill.checkout.RecoverySummary.Outcome;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.i18n.Message;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reconciles, at start-up, every sale of this register the journal holds unfinished (charging,
 * awaiting payment, cancelling, needing attention) with Stripe, before the cashier takes a new sale.
 * See docs/charge-flow.md, "Recovery".
 *
 * <p>Each sale is taken up by a {@link ChargeService} of its own, which does what the charge flow
 * would have done had it not been interrupted (replay the create under the journaled key, retrieve,
 * finish a cancel, record a payment once), until the sale is settled or its session is known to be
 * open. At most one sale is left open per register: the newest open one goes back on the screen's
 * service ({@code onScreen}) and is polled again; any older open one is expired, journal first, as a
 * cancel would. When Stripe cannot be reached the sales stay as journaled, the summary says so, and
 * {@link #retryInBackground} tries again with backoff.
 *
 * <p>{@link #run()} blocks (network calls): call it from a background thread, never the JavaFX thread.
 */
public final class StartupRecovery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StartupRecovery.class.getName());

    /** The first wait before recovery tries again while Stripe cannot be reached; doubled up to the maximum. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    public static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final ChargeService onScreen;
    private final CheckoutGateway gateway;
    private final SalesJournal journal;
    private final Clock clock;
    private final Duration perSale;
    private final Set<String> unresolved = new LinkedHashSet<>();
    private ScheduledExecutorService retries;
    private int retryRound;

    /**
     * @param onScreen the register's charge service (idle: nothing started yet); the open sale goes back on it
     * @param perSale how long one sale may take to settle or show its session open before it counts as
     *     waiting for Stripe
     */
    public StartupRecovery(ChargeService onScreen, CheckoutGateway gateway, SalesJournal journal, Clock clock,
            Duration perSale) {
        this.onScreen = Objects.requireNonNull(onScreen, "onScreen");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perSale = Objects.requireNonNull(perSale, "perSale");
    }

    /**
     * Reconciles every unfinished sale of this register, newest first, and says what happened.
     * Blocks until each sale is settled, open, or known to be waiting for Stripe.
     */
    public synchronized RecoverySummary run() throws InterruptedException {
        List<Sale> sales;
        try {
            sales = new ArrayList<>(journal.unfinished());
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Recovery could not read the journal", e);
            return RecoverySummary.empty();
        }
        String register = onScreen.settings().registerId();
        sales.removeIf(s -> !register.equals(s.registerId()));
        sales.sort(Comparator.comparing(Sale::createdAt).thenComparing(Sale::id).reversed());
        List<Entry> entries = new ArrayList<>();
        boolean screenTaken = !onScreen.status().allowsNewSale();
        for (Sale sale : sales) {
            entries.add(reconcile(sale, screenTaken));
            screenTaken = onScreen.status().phase() != Phase.IDLE;
        }
        unresolved.clear();
        // The sale on screen keeps trying by itself; the others are tried again by retryInBackground.
        String shown = onScreen.status().saleId();
        entries.stream().filter(e -> e.outcome() == Outcome.WAITING_FOR_STRIPE && !e.saleId().equals(shown))
                .forEach(e -> unresolved.add(e.saleId()));
        RecoverySummary summary = new RecoverySummary(entries);
        LOG.log(Level.INFO, ChargeWording.inEnglish(summary.headline()));
        return summary;
    }

    /**
     * While some sales could not be checked, tries them again in the background (2 s, 4 s, ... up to a
     * minute apart), and nudges a sale on screen whose create gave up. Each round's summary goes to
     * {@code onRound}; the retries stop once nothing is left unresolved, or on {@link #close()}.
     */
    public synchronized void retryInBackground(Consumer<RecoverySummary> onRound) {
        Objects.requireNonNull(onRound, "onRound");
        if (retries == null) {
            retries = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "recovery-retry");
                t.setDaemon(true);
                return t;
            });
        }
        scheduleRound(onRound);
    }

    private void scheduleRound(Consumer<RecoverySummary> onRound) {
        Duration wait = Backoff.delay(FIRST_RETRY, MAX_RETRY, ++retryRound, Optional.empty());
        try {
            retries.schedule(() -> round(onRound), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "Recovery retries stopped");
        }
    }

    private void round(Consumer<RecoverySummary> onRound) {
        RecoverySummary summary;
        Set<String> settled = new LinkedHashSet<>();
        synchronized (this) {
            ChargeStatus shown = onScreen.status();
            if (shown.phase() == Phase.FAILED && shown.retryable()) {
                // The sale on screen gave up creating while Stripe was away: replay it again, same key.
                onScreen.retry();
            }
            List<Entry> entries = new ArrayList<>();
            for (String saleId : List.copyOf(unresolved)) {
                Optional<Sale> sale = journal.find(saleId);
                if (sale.isEmpty() || !sale.get().state().needsReconciliation()
                        || saleId.equals(onScreen.status().saleId())) {
                    settled.add(saleId);
                    continue;
                }
                try {
                    Entry entry = reconcile(sale.get(), onScreen.status().phase() != Phase.IDLE);
                    entries.add(entry);
                    if (entry.outcome() != Outcome.WAITING_FOR_STRIPE) {
                        settled.add(saleId);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "Recovery of " + saleId + " failed unexpectedly; trying again later", e);
                }
            }
            summary = new RecoverySummary(entries);
        }
        if (!summary.isEmpty()) {
            onRound.accept(summary);
        }
        synchronized (this) {
            // Only now: whoever sees a sale leave unresolved() may count on its round having been reported.
            unresolved.removeAll(settled);
            if (!unresolved.isEmpty() || (onScreen.status().phase() == Phase.FAILED && onScreen.status().retryable())) {
                scheduleRound(onRound);
            }
        }
    }

    /** Sales recovery has not been able to check yet. */
    public synchronized Set<String> unresolved() {
        return Set.copyOf(unresolved);
    }

    @Override
    public synchronized void close() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- one sale

    private Entry reconcile(Sale sale, boolean screenTaken) throws InterruptedException {
        ChargeService checker = new ChargeService(gateway, journal, onScreen.settings(), clock);
        boolean handedOver = false;
        try {
            checker.resume(sale);
            ChargeStatus status = checker.await(settledOpenOrStuck(), perSale);
            Sale now = journal.find(sale.id()).orElse(sale);
            boolean open = status.phase() == Phase.AWAITING_PAYMENT && now.state() == SaleState.AWAITING_PAYMENT;
            boolean unknown = now.state().needsReconciliation() && !open;
            if (open || (unknown && !screenTaken && mayBeOpen(now))) {
                if (!screenTaken) {
                    checker.shutdown();
                    handedOver = true;
                    onScreen.resume(now);
                    LOG.log(Level.INFO, "Sale " + sale.id() + " is back on screen");
                    return open ? entry(now, Outcome.RESUMED, "recovery.sale.resumed")
                            : entry(now, Outcome.WAITING_FOR_STRIPE, "recovery.sale.unreachable_on_screen");
                }
                if (open) {
                    // Only one QR code per register: the newer sale keeps the screen, this one is expired.
                    status = checker.cancelAndWait(perSale);
                    now = journal.find(sale.id()).orElse(now);
                    if (now.state() == SaleState.CANCELLED) {
                        return entry(now, Outcome.WITHDRAWN, "recovery.sale.withdrawn");
                    }
                }
            }
            return settledEntry(now, status);
        } finally {
            if (!handedOver) {
                checker.shutdown();
            }
        }
    }

    private Entry settledEntry(Sale now, ChargeStatus status) {
        return switch (now.state()) {
            case PAID -> now.paymentMethod() == null ? entry(now, Outcome.PAID, "recovery.sale.paid")
                    : entry(now, Outcome.PAID, "recovery.sale.paid_with", PaymentMethod.labelOf(now.paymentMethod()));
            case EXPIRED -> entry(now, Outcome.EXPIRED, "recovery.sale.expired");
            case CANCELLED -> status.message() != null && status.phase() == Phase.FAILED
                    ? entry(now, Outcome.CANCELLED, "recovery.sale.cancelled_because", status.message())
                    : entry(now, Outcome.CANCELLED, "recovery.sale.cancelled");
            case NEEDS_ATTENTION -> entry(now, Outcome.NEEDS_ATTENTION, "recovery.sale.needs_attention",
                    status.message() != null ? status.message() : Message.of("recovery.see_history"));
            default -> entry(now, Outcome.WAITING_FOR_STRIPE, "recovery.sale.unreachable");
        };
    }

    /** The checker has come to rest: settled, open, or waiting for Stripe. */
    private static Predicate<ChargeStatus> settledOpenOrStuck() {
        return s -> switch (s.phase()) {
            case PAID, EXPIRED, CANCELLED, NEEDS_ATTENTION, AWAITING_PAYMENT, CONNECTION_LOST, FAILED, IDLE -> true;
            case CREATING, CANCELLING -> s.stripeUnreachable();
        };
    }

    /** A customer could be looking at this sale's QR code (or one may exist that the till never showed). */
    private static boolean mayBeOpen(Sale sale) {
        return sale.state() == SaleState.AWAITING_PAYMENT || sale.state() == SaleState.CHARGING;
    }

    /** The entry's sentence: {@code key} with the sale id, its total and then {@code more}. */
    private static Entry entry(Sale sale, Outcome outcome, String key, Object... more) {
        Object[] args = new Object[2 + more.length];
        args[0] = sale.id();
        args[1] = sale.total();
        System.arraycopy(more, 0, args, 2, more.length);
        return new Entry(sale.id(), outcome, sale.total(), sale.paymentMethod(), sale.sessionId(),
                Message.of(key, args));
    }
}
