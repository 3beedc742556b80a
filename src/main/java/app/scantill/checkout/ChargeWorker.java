package app.scantill.checkout;

import app.scantill.checkout.ChargeEffect.Create;
import app.scantill.checkout.ChargeEffect.Expire;
import app.scantill.checkout.ChargeEffect.ExpireQuietly;
import app.scantill.checkout.ChargeEffect.Find;
import app.scantill.checkout.ChargeEffect.Journal;
import app.scantill.checkout.ChargeEffect.Log;
import app.scantill.checkout.ChargeEffect.Publish;
import app.scantill.checkout.ChargeEffect.Retrieve;
import app.scantill.checkout.ChargeEffect.Schedule;
import app.scantill.checkout.ChargeEffect.StopTimer;
import app.scantill.checkout.ChargeEvent.CreateFailed;
import app.scantill.checkout.ChargeEvent.Created;
import app.scantill.checkout.ChargeEvent.ExpireAnswered;
import app.scantill.checkout.ChargeEvent.ExpireFailed;
import app.scantill.checkout.ChargeEvent.FindFailed;
import app.scantill.checkout.ChargeEvent.Found;
import app.scantill.checkout.ChargeEvent.RecordFailed;
import app.scantill.checkout.ChargeEvent.Recorded;
import app.scantill.checkout.ChargeEvent.RetrieveFailed;
import app.scantill.checkout.ChargeEvent.Retrieved;
import app.scantill.checkout.ChargeEvent.Unexpected;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one register's charge flow on one thread (ADR 0041): holds the current {@link ChargeState},
 * feeds each event to {@link ChargeFlow}, and performs the effects it decides, in order. An effect that
 * asks the journal or Stripe answers with the next event, which is decided at once, before any other
 * command or timer is taken up; so a poll, a cancel and a create retry can never race each other.
 */
final class ChargeWorker {

    private static final System.Logger LOG = System.getLogger(ChargeService.class.getName());

    private final ChargeFlow ownPace;
    private final ChargeFlow watchedPace;
    private final CheckoutGateway gateway;
    private final SalesJournal journal;
    private final StatusFeed feed;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final Runnable onAmazonPayUnavailable;
    private final java.util.function.Consumer<String> onSettleLater;

    // Touched only on the worker thread.
    private ChargeState state = new ChargeState.Idle();
    /** How often sessions are read now: wider for a while after a 429 (see {@link PollPace}). */
    private PollPace pace = PollPace.CALM;
    private ScheduledFuture<?> pending;
    /** Counts timers set or stopped; a timer runs only if it is still the latest (at most one pending). */
    private long timers;
    private boolean failing;
    /** Whether the store's watcher reports for this register; changed only through {@link #watched}. */
    private volatile boolean watched;

    /**
     * @param ownPace the flow deciding while this register checks its sessions on its own
     * @param watchedPace the same flow at the slow fallback pace, while the store's watcher reports
     * @param onAmazonPayUnavailable told (on the worker thread) when Stripe refused Amazon Pay for the account
     * @param onSettleLater given (on the worker thread) a card attempt a cash sale took over, to settle off the register
     */
    ChargeWorker(String registerId, ChargeFlow ownPace, ChargeFlow watchedPace, CheckoutGateway gateway,
            SalesJournal journal, StatusFeed feed, Clock clock, Runnable onAmazonPayUnavailable,
            java.util.function.Consumer<String> onSettleLater) {
        this.onSettleLater = onSettleLater;
        this.ownPace = ownPace;
        this.watchedPace = watchedPace;
        this.onAmazonPayUnavailable = onAmazonPayUnavailable;
        this.gateway = gateway;
        this.journal = journal;
        this.feed = feed;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, "charge-" + registerId);
            worker.setDaemon(true);
            return worker;
        });
    }

    /**
     * Takes a command up on the worker: {@code command} makes the event there (it may read the journal),
     * after every step already queued.
     *
     * @throws IllegalStateException after {@link #shutdown()}
     */
    void submit(Supplier<ChargeEvent> command) {
        try {
            thread.execute(() -> {
                ChargeEvent event;
                try {
                    event = command.get();
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
                dispatch(event);
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The charge service has been shut down", e);
        }
    }

    /** The store's watcher came or went: decisions from now on use the flow of that pace. */
    void watched(boolean nowWatched) {
        if (watched != nowWatched) {
            watched = nowWatched;
            submit(ChargeEvent.WatchChanged::new);
        }
    }

    /** Stops polling and retries now; the sale stays as journaled. */
    void shutdown() {
        thread.shutdownNow();
    }

    /** The sale as the journal holds it now, with its attempt's start known (see {@link #journaled}). */
    Sale latest(Sale sale) {
        return journaled(journal.find(sale.id()).orElse(sale));
    }

    // ------------------------------------------------------------ deciding and doing

    private void dispatch(ChargeEvent first) {
        Deque<ChargeEvent> events = new ArrayDeque<>(List.of(first));
        try {
            while (!events.isEmpty()) {
                ChargeEvent event = events.poll();
                // Read for every event: an answer of Stripe's may just have taught the gateway its clock.
                FlowContext at = new FlowContext(clock.instant(), gateway.clockSkew(), pace);
                Transition transition = (watched ? watchedPace : ownPace).next(state, event, at);
                state = transition.next();
                for (ChargeEffect effect : transition.effects()) {
                    perform(effect).ifPresent(events::add);
                }
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** A step failed unexpectedly: the flow hands the sale to a person (or says nothing was charged). */
    private void fail(RuntimeException error) {
        LOG.log(Level.ERROR, "Charge step failed unexpectedly", error);
        if (failing) {
            return; // reporting the failure failed too: the sale stays as journaled
        }
        failing = true;
        try {
            dispatch(new Unexpected(error));
        } finally {
            failing = false;
        }
    }

    private Optional<ChargeEvent> perform(ChargeEffect effect) {
        if (effect instanceof Publish publish) {
            feed.publish(publish.status(), publish.evenIfUnchanged());
        } else if (effect instanceof Journal write) {
            return Optional.of(record(write.write()));
        } else if (effect instanceof Schedule schedule) {
            schedule(schedule);
        } else if (effect instanceof StopTimer) {
            stopTimer();
        } else if (effect instanceof Log log) {
            LOG.log(log.level(), log.message(), log.cause());
        } else if (effect instanceof ExpireQuietly quietly) {
            expireQuietly(quietly.sessionId());
        } else if (effect instanceof ChargeEffect.SetPollPace newPace) {
            pace = newPace.pace();
        } else if (effect instanceof ChargeEffect.AmazonPayUnavailable) {
            onAmazonPayUnavailable.run();
        } else if (effect instanceof ChargeEffect.SettleLater later) {
            onSettleLater.accept(later.saleId());
        } else {
            return Optional.of(ask(effect));
        }
        return Optional.empty();
    }

    private ChargeEvent record(JournalWrite write) {
        try {
            return new Recorded(write, journaled(write.applyTo(journal)));
        } catch (JournalException e) {
            return new RecordFailed(write, e);
        }
    }

    /** Performs a Stripe call and turns its answer or failure into the next event. */
    private ChargeEvent ask(ChargeEffect call) {
        try {
            if (call instanceof Create create) {
                return new Created(gateway.create(create.request()));
            }
            if (call instanceof Retrieve retrieve) {
                return new Retrieved(gateway.retrieve(retrieve.sessionId()));
            }
            if (call instanceof Expire expire) {
                return new ExpireAnswered(gateway.expire(expire.sessionId()));
            }
            if (call instanceof Find find) {
                return new Found(gateway.findByClientReference(find.saleId(), find.since()));
            }
        } catch (GatewayException e) {
            return failed(call, e);
        }
        throw new IllegalArgumentException("Not a Stripe call: " + call);
    }

    private static ChargeEvent failed(ChargeEffect call, GatewayException e) {
        if (call instanceof Create) {
            return new CreateFailed(e);
        }
        if (call instanceof Retrieve) {
            return new RetrieveFailed(e);
        }
        return call instanceof Expire ? new ExpireFailed(e) : new FindFailed(e);
    }

    private void expireQuietly(String sessionId) {
        try {
            gateway.expire(sessionId);
        } catch (GatewayException e) {
            LOG.log(Level.WARNING, "Could not expire session " + sessionId + ": " + e.kind() + " " + e.getMessage());
        }
    }

    private void schedule(Schedule schedule) {
        stopTimer();
        long timer = timers;
        try {
            pending = thread.schedule(() -> {
                if (timer == timers) {
                    dispatch(schedule.due());
                }
            }, Math.max(0, schedule.delay().toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "Charge worker stopped; sale stays as journaled");
        }
    }

    private void stopTimer() {
        timers++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /**
     * The sale with its current attempt's start: the journal says so, or (older journals) its history;
     * the attempt's request and the look-up of its session are derived from it.
     */
    private Sale journaled(Sale sale) {
        if (sale.attemptStartedAt() != null) {
            return sale;
        }
        Instant start = sale.createdAt();
        try {
            List<StateChange> history = journal.history(sale.id());
            for (int i = history.size() - 1; i >= 0; i--) {
                if (history.get(i).to() == SaleState.CHARGING) {
                    start = history.get(i).at();
                    break;
                }
            }
        } catch (JournalException e) {
            LOG.log(Level.WARNING, "No history for " + sale.id() + "; searching from its creation", e);
        }
        return new Sale(sale.id(), sale.registerId(), sale.createdAt(), sale.currency(), sale.lines(),
                sale.totalMinor(), sale.state(), sale.attempt(), sale.idempotencyKey(), sale.sessionId(),
                sale.sessionExpiresAt(), sale.paymentIntentId(), sale.paymentMethod(), sale.updatedAt(), start);
    }
}
