package app.scantill.watcher;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.EventsGateway;
import app.scantill.checkout.EventsGateway.CheckoutEvent;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.journal.JournalException;
import app.scantill.ledger.StripeOutcome;
import app.scantill.ledger.WatcherSeat;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lists Stripe's Checkout events for the whole store, about twice a second, while this till holds the
 * watcher's seat: every page since the last event read (less an overlap, because {@code created} is in
 * whole seconds and an event may show in the list a moment after its second), each event acted on once
 * for the store (de-duplicated by id in the ledger), a paid session's method looked up once, and the
 * outcome written to the ledger, which wakes the tills. Where to go on from is kept in the ledger, so a
 * watcher that takes over from a dead one reads the seconds it missed and no payment is missed.
 *
 * <p>A key that may not read events ends the listing: the store says so once, and each till checks its
 * own sessions as without a watcher.
 */
public final class StoreWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreWatcher.class.getName());

    /** How far back each listing reaches before the newest event read. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    /** Where a store's very first watcher starts reading. */
    static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(10);
    static final int PAGE = 100;
    /** A round reads at most this many pages; the rest waits for the next round (a day offline, say). */
    static final int MAX_PAGES = 20;

    private final EventsGateway events;
    private final CheckoutGateway sessions;
    private final WatcherSeat seat;
    private final Duration pace;
    private final Clock clock;
    private final ScheduledExecutorService thread;

    // Touched only on the watcher's thread.
    private long since;
    private final Map<String, Long> seen = new HashMap<>();
    private boolean failing;
    private boolean permitted = true;
    private int rounds;

    public StoreWatcher(EventsGateway events, CheckoutGateway sessions, WatcherSeat seat, Duration pace, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.seat = Objects.requireNonNull(seat, "seat");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes up the watch where the previous watcher left it. */
    public void start() {
        schedule(Duration.ZERO, this::begin);
    }

    /** Stops listing at once (the seat was lost, or the till closes). */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void begin() {
        try {
            OptionalLong previous = seat.eventsSince();
            since = previous.orElse(clock.instant().minus(FIRST_LOOK_BACK).getEpochSecond());
            seat.announce(true);
            LOG.log(Level.INFO, "Watching Stripe's events for the store from {0}", Instant.ofEpochSecond(since));
            schedule(Duration.ZERO, this::round);
        } catch (JournalException e) {
            LOG.log(Level.WARNING, "The store's watcher cannot start yet: " + e.getMessage());
            schedule(pace.multipliedBy(4), this::begin);
        }
    }

    private void round() {
        try {
            if (permitted) {
                read();
                seat.heartbeat(OptionalLong.of(since));
            } else {
                seat.heartbeat(OptionalLong.empty());
            }
            if (failing) {
                LOG.log(Level.INFO, "The store's watcher reads Stripe's events again");
                failing = false;
            }
            if (++rounds % 1000 == 0) {
                seat.forgetBefore(since - Duration.ofDays(1).toSeconds());
            }
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.PERMISSION) {
                refused(e);
            } else {
                troubled("Stripe's events cannot be read for now (" + e.kind() + "): " + e.getMessage());
            }
        } catch (JournalException e) {
            troubled("The store's watcher cannot write to the ledger for now: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The store's watcher failed unexpectedly", e);
        }
        schedule(pace, this::round);
    }

    /** Reads every page since the last event read (less the overlap) and acts on each event, oldest first. */
    private void read() throws GatewayException {
        Instant from = Instant.ofEpochSecond(since).minus(OVERLAP);
        List<CheckoutEvent> fresh = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            EventsGateway.EventPage p = events.checkoutEvents(from, after, PAGE);
            for (CheckoutEvent e : p.events()) {
                if (!seen.containsKey(e.id())) {
                    fresh.add(e);
                }
            }
            if (!p.hasMore() || p.events().isEmpty()) {
                break;
            }
            after = p.events().get(p.events().size() - 1).id();
        }
        fresh.sort(Comparator.comparing(CheckoutEvent::created));
        for (CheckoutEvent e : fresh) {
            long created = e.created().getEpochSecond();
            seat.actOnce(e.id(), created, outcome(e));
            seen.put(e.id(), created);
            since = Math.max(since, created);
        }
        long forget = since - OVERLAP.toSeconds() - 60;
        seen.values().removeIf(created -> created < forget);
    }

    /** The event as the ledger keeps it; a paid session's method is looked up once if the event lacks it. */
    private StripeOutcome outcome(CheckoutEvent e) {
        SessionSnapshot s = e.session();
        String method = s.paymentMethod();
        if (s.isPaid() && method == null) {
            try {
                method = sessions.paymentMethod(s.id());
            } catch (GatewayException lookUp) {
                LOG.log(Level.INFO, "Payment method of paid session {0} unknown: {1}", s.id(), lookUp.getMessage());
            }
        }
        return new StripeOutcome(s.id(), s.clientReferenceId(), e.id(), e.type(), e.created().getEpochSecond(),
                wire(s.status().name()), wire(s.paymentStatus().name()), s.paymentIntentId(), method,
                s.amountTotal() == null ? null : s.amountTotal().minorUnits(),
                s.amountTotal() == null ? null : s.amountTotal().currencyCode(), s.livemode(),
                s.created() == null ? null : s.created().getEpochSecond(),
                s.expiresAt() == null ? null : s.expiresAt().getEpochSecond(), s.metadata().get("attempt"));
    }

    private static String wire(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    private void refused(GatewayException e) {
        permitted = false;
        LOG.log(Level.WARNING, "The Stripe key may not read events (a restricted key needs Events: Read): each till "
                + "checks its own payments. " + e.getMessage());
        try {
            seat.announce(false);
        } catch (JournalException ledgerAway) {
            troubled("The store's watcher cannot write to the ledger for now: " + ledgerAway.getMessage());
        }
    }

    private void troubled(String what) {
        if (!failing) {
            LOG.log(Level.WARNING, what);
            failing = true;
        }
    }

    private void schedule(Duration delay, Runnable step) {
        try {
            thread.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed: the seat is someone else's now, or the till is closing.
        }
    }
}
