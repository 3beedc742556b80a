package app.scantill.till;

import app.scantill.checkout.ChargeService;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.EventsGateway;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.config.AppConfig;
import app.scantill.config.MachineName;
import app.scantill.config.Settings;
import app.scantill.journal.JournalException;
import app.scantill.journal.RegisterInUseException;
import app.scantill.journal.SaleOutbox;
import app.scantill.journal.SaleRecords;
import app.scantill.journal.SalesJournal;
import app.scantill.ledger.LedgerAddress;
import app.scantill.ledger.LedgerRefunds;
import app.scantill.ledger.LedgerSales;
import app.scantill.ledger.LedgerShipper;
import app.scantill.ledger.StoreLedger;
import app.scantill.ledger.StoreSession;
import app.scantill.ledger.StoreSession.Watch;
import app.scantill.ledger.StripeOutcome;
import app.scantill.ledger.WatcherSeat;
import app.scantill.money.Money;
import app.scantill.refund.RefundReservations;
import app.scantill.watcher.StoreWatcher;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A till's place in its store (docs/adr/0100), built only when {@code store.ledger.url} is set: the
 * ledger, the shipper of the journal's outbox, the session that holds the register and elects the
 * store's Stripe watcher, and that watcher while this till holds the seat. A ledger that cannot be
 * reached at start does not stop the till: it sells on its own and connects in the background.
 */
final class StoreLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreLink.class.getName());
    static final Duration RECONNECT = Duration.ofSeconds(5);

    private final AppConfig config;
    private final SaleOutbox outbox;
    /** The till's journal: a sale's refunds are handed to the store there (docs/adr/0122). */
    private final SalesJournal journal;
    private final CheckoutGateway gateway;
    private final EventsGateway events;
    private final Clock clock;
    private final ScheduledExecutorService connector;
    private final List<Consumer<Watch>> watchListeners = new CopyOnWriteArrayList<>();
    private final Set<String> handoverProblems = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile StoreLedger ledger;
    private volatile LedgerShipper shipper;
    private volatile StoreSession session;
    private volatile ChargeService charges;
    private volatile Watch watch = Watch.NONE;
    private StoreWatcher watcher;
    private volatile boolean closed;

    private StoreLink(AppConfig config, SalesJournal journal, SaleOutbox outbox, CheckoutGateway gateway,
            EventsGateway events, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.outbox = outbox;
        this.gateway = gateway;
        this.events = events;
        this.clock = clock;
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-link");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Joins the store: connects, claims the register, starts shipping and the session.
     *
     * @param journal the till's journal, which keeps {@code outbox}
     * @param gateway the till's Checkout gateway (the watcher looks a paid session's method up with it), or null
     * @param events Stripe's events for the watcher, or null when this till may not be the watcher
     * @param away told why, when the ledger cannot be reached now (the till then sells on its own)
     * @throws RegisterInUseException when another till of the store holds the register
     */
    static StoreLink join(AppConfig config, SalesJournal journal, SaleOutbox outbox, CheckoutGateway gateway,
            EventsGateway events, Clock clock, Consumer<String> away) {
        StoreLink link = new StoreLink(config, journal, outbox, gateway, events, clock);
        try {
            link.connect();
        } catch (RegisterInUseException held) {
            link.close();
            throw held;
        } catch (JournalException e) {
            LOG.log(Level.WARNING, "Store ledger not reachable at start: " + e.getMessage());
            away.accept(e.getMessage());
            link.schedule(RECONNECT);
        }
        return link;
    }

    /** The charge flow to tell about the watcher's outcomes and pace. */
    void attach(ChargeService service) {
        this.charges = service;
        service.watched(watch == Watch.WATCHING);
    }

    void addWatchListener(Consumer<Watch> listener) {
        watchListeners.add(listener);
    }

    /** The store's sales for History and the end-of-day report; empty while the ledger is not connected. */
    Optional<SaleRecords> sales() {
        StoreLedger l = ledger;
        return l == null ? Optional.empty() : Optional.of(new LedgerSales(l));
    }

    /** The store's refunds, every register's; empty while the ledger is not connected. */
    Optional<LedgerRefunds> refunds() {
        StoreLedger l = ledger;
        return l == null ? Optional.empty() : Optional.of(new LedgerRefunds(l));
    }

    /**
     * The store ledger as the refund flow's one place of decision (docs/adr/0122). While the ledger is not
     * connected every reservation fails as the ledger being out of reach does.
     */
    RefundReservations reservations() {
        return refund -> {
            LedgerRefunds.Reservation r = refunds().orElseThrow(() -> new JournalException(
                    "The store ledger cannot be reached; refund " + refund.id() + " cannot be reserved")).reserve(refund);
            return new RefundReservations.Reservation(r.reserved(), r.seller());
        };
    }

    /** Sales of this till the ledger does not hold yet. */
    Set<String> notYetInLedger() {
        return outbox.unshippedSales();
    }

    Watch watch() {
        return watch;
    }

    boolean connected() {
        return session != null;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            connector.shutdownNow();
            stopWatching();
        }
        // Outside the lock: the session's thread may be waiting for it (an election) while it is closed.
        if (session != null) {
            session.close();
        }
        if (shipper != null) {
            shipper.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    // ------------------------------------------------------------ connecting

    private synchronized void connect() {
        if (closed) {
            return;
        }
        if (ledger == null) {
            ledger = StoreLedger.open(address());
        }
        if (shipper == null) {
            shipper = new LedgerShipper(outbox, ledger);
            shipper.start();
        }
        StoreSession s = StoreSession.claim(ledger, config.registerId(), MachineName.current(), events != null);
        s.start(new SessionListener());
        session = s;
        LOG.log(Level.INFO, "Register {0} joined the store ledger", config.registerId());
    }

    private void retry() {
        try {
            connect();
        } catch (RegisterInUseException held) {
            // Sold alone meanwhile: the sales still go to the ledger, but this register is someone else's.
            LOG.log(Level.ERROR, held.getMessage());
        } catch (RuntimeException away) {
            schedule(RECONNECT);
        }
    }

    private void schedule(Duration delay) {
        try {
            connector.schedule(this::retry, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedAlready) {
            // Closing.
        }
    }

    private LedgerAddress address() {
        return new LedgerAddress(config.get(Settings.LEDGER_URL).orElseThrow(),
                config.get(Settings.LEDGER_USER).orElse(null), config.get(Settings.LEDGER_PASSWORD).orElse(null),
                "ScanTill " + config.registerId());
    }

    private synchronized void startWatching(WatcherSeat seat) {
        stopWatching();
        if (!closed && events != null && gateway != null) {
            watcher = new StoreWatcher(events, gateway, seat, config.get(Settings.EVENTS_POLL_INTERVAL), clock);
            watcher.start();
        }
    }

    private synchronized void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** What the watcher wrote, as the charge flow reads a session. */
    static SessionSnapshot snapshot(StripeOutcome o) {
        Money total = o.amountTotal() == null || o.currency() == null ? null
                : Money.of(o.amountTotal(), o.currency().toUpperCase(Locale.ROOT));
        return new SessionSnapshot(o.sessionId(), status(o.status()), paymentStatus(o.paymentStatus()), null, total,
                o.sessionCreated() == null ? null : Instant.ofEpochSecond(o.sessionCreated()),
                o.sessionExpiresAt() == null ? null : Instant.ofEpochSecond(o.sessionExpiresAt()), o.saleId(),
                o.paymentIntentId(), o.paymentMethod(), o.livemode(),
                o.attempt() == null ? Map.of() : Map.of("attempt", o.attempt()));
    }

    private static SessionSnapshot.Status status(String wire) {
        return switch (wire) {
            case "open" -> SessionSnapshot.Status.OPEN;
            case "complete" -> SessionSnapshot.Status.COMPLETE;
            case "expired" -> SessionSnapshot.Status.EXPIRED;
            default -> SessionSnapshot.Status.UNKNOWN;
        };
    }

    private static SessionSnapshot.PaymentStatus paymentStatus(String wire) {
        return switch (wire) {
            case "paid" -> SessionSnapshot.PaymentStatus.PAID;
            case "unpaid" -> SessionSnapshot.PaymentStatus.UNPAID;
            case "no_payment_required" -> SessionSnapshot.PaymentStatus.NO_PAYMENT_REQUIRED;
            default -> SessionSnapshot.PaymentStatus.UNKNOWN;
        };
    }

    /** The session's news, passed on to the charge flow and whoever shows the store's state. */
    private final class SessionListener implements StoreSession.Listener {
        @Override
        public void outcome(StripeOutcome outcome) {
            ChargeService c = charges;
            if (c != null) {
                try {
                    c.storeReported(snapshot(outcome));
                } catch (IllegalStateException shutDown) {
                    // The till is closing.
                }
            }
        }

        @Override
        public void watch(Watch now) {
            watch = now;
            if (now == Watch.NO_PERMISSION) {
                LOG.log(Level.WARNING, "The store's Stripe key may not read events (a restricted key needs Events: "
                        + "Read): each till checks its own payments, as without a watcher.");
            }
            ChargeService c = charges;
            if (c != null) {
                c.watched(now == Watch.WATCHING);
            }
            watchListeners.forEach(l -> l.accept(now));
        }

        @Override
        public void elected(WatcherSeat seat) {
            startWatching(seat);
        }

        @Override
        public void deposed() {
            stopWatching();
        }

        @Override
        public void handOverRefunds(String saleId) {
            try {
                if (journal.handRefundsToStore(saleId)) {
                    LOG.log(Level.INFO, "Refunds of sale {0} handed to the store: another register refunds it", saleId);
                }
            } catch (JournalException e) {
                // Asked again every second until it works: said once per sale.
                if (handoverProblems.add(saleId)) {
                    LOG.log(Level.WARNING, "The refunds of sale " + saleId + " could not be handed to the store: "
                            + e.getMessage());
                }
            }
        }
    }
}
