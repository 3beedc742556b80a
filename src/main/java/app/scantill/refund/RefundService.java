package app.scantill.refund;

import app.scantill.checkout.GatewayException;
import app.scantill.journal.JournalException;
import app.scantill.journal.RefundRefusedException;
import app.scantill.journal.SalesJournal;
import app.scantill.money.Money;
import app.scantill.refund.RefundEffect.Begin;
import app.scantill.refund.RefundEffect.Find;
import app.scantill.refund.RefundEffect.Later;
import app.scantill.refund.RefundEffect.Publish;
import app.scantill.refund.RefundEffect.RecordStatus;
import app.scantill.refund.RefundEffect.Reserve;
import app.scantill.refund.RefundEffect.Retrieve;
import app.scantill.refund.RefundEffect.Send;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The refunds of one register: the facade the screens and the headless till use. Every step of every
 * refund runs on one worker thread, where {@link RefundFlow} decides it and this class performs it (the
 * journal write or the Stripe call whose answer is the next event is done before anything else is taken
 * up), so two refunds never interleave their writes and a timer never races an answer. Thread-safe; never
 * blocks the caller except in {@link #await}.
 */
public final class RefundService {

    private static final System.Logger LOG = System.getLogger(RefundService.class.getName());

    private final RefundGateway gateway;
    private final SalesJournal journal;
    /** Null for a till without a store ledger: it refunds only its own register's sales. */
    private final RefundReservations store;
    private final RefundSettings settings;
    private final Clock clock;
    private final SaleIdGenerator ids;
    private final RefundFlow flow;
    private final ScheduledExecutorService worker;
    private final List<Consumer<RefundProgress>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, RefundProgress> latest = new ConcurrentHashMap<>();
    private final Object announced = new Object();

    // Touched only on the worker thread.
    private final Map<String, RefundState> states = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();

    public RefundService(RefundGateway gateway, SalesJournal journal, RefundSettings settings, Clock clock,
            SaleIdGenerator ids) {
        this(gateway, journal, null, settings, clock, ids);
    }

    /**
     * A register's refunds in a store: refunds the store decides (another register's sales, sales handed to the
     * store) are reserved through {@code store} before they are sent (docs/adr/0122).
     *
     * @param store the store ledger's reservations, or null for a till alone
     */
    public RefundService(RefundGateway gateway, SalesJournal journal, RefundReservations store, RefundSettings settings,
            Clock clock, SaleIdGenerator ids) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.store = store;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.flow = new RefundFlow(settings);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refunds-" + settings.registerId());
            t.setDaemon(true);
            return t;
        });
    }

    public RefundSettings settings() {
        return settings;
    }

    /**
     * An order for a refund of {@code sale}: a new refund id ({@code R-...}, as sale ids are made) and its
     * key. Nothing is written yet; {@link #start} journals it.
     *
     * @param lines the sale lines given back (their sum must be {@code amountMinor}), or empty for an amount
     */
    public RefundOrder order(Sale sale, long amountMinor, RefundReason reason, List<RefundLine> lines) {
        String refundId = "R" + ids.next().substring(1);
        return new RefundOrder(refundId, sale.id(), settings.registerId(), amountMinor, reason, lines,
                RefundKeys.forRefund(refundId));
    }

    /**
     * Journals the order, then sends it to Stripe and follows it until final; listeners hear every step.
     * A refusal (the journal's: more than is left; or Stripe's) arrives as a {@link RefundProgress.Phase#REFUSED}
     * progress, never as an exception.
     */
    public void start(RefundOrder order, Money amount) {
        submit(order.refundId(), new RefundEvent.Start(order, amount));
    }

    /**
     * As {@link #start(RefundOrder, Money)} for a sale of any register: this register's own is decided by its
     * journal (or, once handed to the store, by the ledger); another register's is journaled here and reserved in
     * the store ledger before Stripe hears of it. Without a store ledger another register's sale is refused.
     */
    public void start(RefundOrder order, Sale sale) {
        Money amount = Money.of(order.amountMinor(), sale.currency());
        submit(order.refundId(), new RefundEvent.Start(order, amount, ownSale(sale) ? null : sale));
    }

    /** Whether this register may refund the sale: its own always, another register's only in a store. */
    public boolean mayRefund(Sale sale) {
        return ownSale(sale) || store != null;
    }

    private boolean ownSale(Sale sale) {
        return settings.registerId().equals(sale.registerId());
    }

    /** Takes a journaled refund up again where it stood: sends it again under its key, or reads it at Stripe. */
    public void resume(Refund refund) {
        submit(refund.id(), new RefundEvent.Resume(refund));
    }

    /**
     * Takes up every refund of this register that the journal holds unfinished (start-up recovery): a
     * journaled one is sent again under its key or looked up, a pending one is read again. Does not wait.
     *
     * @return the refunds taken up
     */
    public List<Refund> resumeUnfinished() {
        List<Refund> mine = journal.unfinishedRefunds().stream()
                .filter(r -> r.registerId().equals(settings.registerId())).toList();
        mine.forEach(this::resume);
        return mine;
    }

    /** The last progress of a refund this service took up, if any. */
    public Optional<RefundProgress> progress(String refundId) {
        return Optional.ofNullable(latest.get(refundId));
    }

    public void addListener(Consumer<RefundProgress> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<RefundProgress> listener) {
        listeners.remove(listener);
    }

    /**
     * Waits until the refund's progress satisfies {@code condition}; never on the JavaFX thread.
     *
     * @throws TimeoutException when it does not within {@code timeout}
     */
    public RefundProgress await(String refundId, Predicate<RefundProgress> condition, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (announced) {
            while (true) {
                RefundProgress p = latest.get(refundId);
                if (p != null && condition.test(p)) {
                    return p;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("Refund " + refundId + " is " + (p == null ? "unknown" : p.phase()));
                }
                TimeUnit.NANOSECONDS.timedWait(announced, left);
            }
        }
    }

    /** The hosted receipt of a payment (its latest charge's receipt_url); a Stripe call: never on the JavaFX thread. */
    public Optional<String> receiptUrl(String paymentIntentId) throws GatewayException {
        return gateway.receiptUrl(paymentIntentId);
    }

    /** Stops following; every refund stays as journaled and is taken up again by the next start's recovery. */
    public void shutdown() {
        worker.shutdownNow();
    }

    // ------------------------------------------------------------ the worker

    private void submit(String refundId, RefundEvent event) {
        try {
            worker.execute(() -> dispatch(refundId, event));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The refund service has been shut down", e);
        }
    }

    private void dispatch(String refundId, RefundEvent first) {
        Deque<RefundEvent> events = new ArrayDeque<>(List.of(first));
        while (!events.isEmpty()) {
            RefundEvent event = events.poll();
            RefundTransition t;
            try {
                t = flow.next(states.get(refundId), event, clock.instant());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Refund " + refundId + " step failed unexpectedly; it stays as journaled", e);
                return;
            }
            if (t.next() != null) {
                states.put(refundId, t.next());
            }
            for (RefundEffect effect : t.effects()) {
                perform(refundId, effect).ifPresent(events::add);
            }
        }
    }

    private Optional<RefundEvent> perform(String refundId, RefundEffect effect) {
        if (effect instanceof Publish publish) {
            announce(publish.progress());
            return Optional.empty();
        }
        if (effect instanceof Later later) {
            schedule(refundId, later.delay());
            return Optional.empty();
        }
        try {
            if (effect instanceof Begin begin) {
                return Optional.of(new RefundEvent.Journaled(begin.soldElsewhere() == null
                        ? journal.beginRefund(begin.order()) : beginStoreRefund(begin.order(), begin.soldElsewhere())));
            }
            if (effect instanceof Reserve reserve) {
                if (store == null) {
                    throw new JournalException("No store ledger is configured: refund " + refundId
                            + " cannot be reserved");
                }
                return Optional.of(new RefundEvent.ReserveAnswered(store.reserve(reserve.refund())));
            }
            if (effect instanceof RecordStatus write) {
                return Optional.of(new RefundEvent.Journaled(journal.recordRefundStatus(write.refundId(),
                        write.stripeRefundId(), write.status(), write.failureReason())));
            }
        } catch (JournalException e) {
            LOG.log(Level.WARNING, "Refund " + refundId + ": " + e.getMessage());
            return Optional.of(effect instanceof Reserve ? new RefundEvent.ReserveFailed(e)
                    : new RefundEvent.JournalFailed(e));
        }
        return Optional.of(ask(effect));
    }

    /** Another register's sale: journaled here only when a store ledger can decide it. */
    private Refund beginStoreRefund(RefundOrder order, Sale sale) {
        if (store == null) {
            throw new RefundRefusedException("Sale " + sale.id() + " is register " + sale.registerId()
                    + "'s, and this till has no store ledger to refund it through",
                    RefundRefusedException.Why.NOT_THIS_REGISTER, null, sale.registerId());
        }
        return journal.beginStoreRefund(order, sale);
    }

    private RefundEvent ask(RefundEffect call) {
        try {
            if (call instanceof Send send) {
                return new RefundEvent.Answered(gateway.create(send.request()));
            }
            if (call instanceof Find find) {
                return new RefundEvent.Found(gateway.findByPaymentIntent(find.paymentIntentId()));
            }
            if (call instanceof Retrieve retrieve) {
                return new RefundEvent.Read(gateway.retrieve(retrieve.stripeRefundId()));
            }
        } catch (GatewayException e) {
            if (call instanceof Send) {
                return new RefundEvent.SendFailed(e);
            }
            return call instanceof Find ? new RefundEvent.FindFailed(e) : new RefundEvent.ReadFailed(e);
        }
        throw new IllegalArgumentException("Not a Stripe call: " + call);
    }

    private void schedule(String refundId, Duration delay) {
        ScheduledFuture<?> previous = timers.remove(refundId);
        if (previous != null) {
            previous.cancel(false);
        }
        try {
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            self[0] = worker.schedule(() -> {
                if (timers.get(refundId) == self[0]) {
                    timers.remove(refundId);
                    dispatch(refundId, new RefundEvent.Due());
                }
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            timers.put(refundId, self[0]);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "Refund worker stopped; refund " + refundId + " stays as journaled");
        }
    }

    private void announce(RefundProgress progress) {
        synchronized (announced) {
            latest.put(progress.refundId(), progress);
            announced.notifyAll();
        }
        for (Consumer<RefundProgress> listener : listeners) {
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A refund listener failed", e);
            }
        }
    }
}
