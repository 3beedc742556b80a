package app.scantill.ledger;

import app.scantill.journal.JournalException;
import app.scantill.journal.OutboxChange;
import app.scantill.journal.SaleOutbox;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the journal's outbox to the store ledger, in order, on a thread of its own: a batch is applied in
 * one ledger transaction and only then taken out of the outbox. A till that dies in between sends the
 * batch again on its next start, and the ledger ignores what it has (keyed by sale id and change
 * number): at least once on the wire, exactly once in the ledger. While the ledger cannot be reached
 * the outbox simply grows, and the till sells on; it is sent when the ledger is back, waiting longer
 * between tries the longer the outage lasts.
 */
public final class LedgerShipper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LedgerShipper.class.getName());

    /** Changes per ledger transaction: a till catching up after a day offline sends hundreds per second. */
    static final int BATCH = 100;
    static final Duration PACE = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SaleOutbox outbox;
    private final StoreLedger ledger;
    private final ScheduledExecutorService thread;
    private int failures;

    public LedgerShipper(SaleOutbox outbox, StoreLedger ledger) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-shipper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts shipping in the background, at once and then every {@link #PACE}. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /**
     * Ships one batch now, on the caller's thread.
     *
     * @return how many changes the ledger took (0: the outbox is empty)
     * @throws LedgerException when the ledger refused or cannot be reached (nothing leaves the outbox)
     * @throws JournalException when the local outbox cannot be read or updated
     */
    public synchronized int shipOnce() {
        List<OutboxChange> batch = outbox.pending(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        ledger.inTransaction("record " + batch.size() + " sale changes", c -> {
            for (OutboxChange change : batch) {
                LedgerTables.apply(c, change);
            }
            return null;
        });
        outbox.shipped(batch);
        return batch.size();
    }

    /** Ships until the outbox is empty; throws as {@link #shipOnce()}. */
    public int drain() {
        int total = 0;
        int shipped;
        while ((shipped = shipOnce()) > 0) {
            total += shipped;
        }
        return total;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void round() {
        try {
            int shipped = drain();
            if (failures > 0) {
                LOG.log(Level.INFO, "Store ledger reachable again; {0} changes sent", shipped);
            }
            failures = 0;
            schedule(PACE);
        } catch (JournalException e) {
            failures++;
            if (failures == 1) {
                LOG.log(Level.WARNING, "Sales cannot be sent to the store ledger for now; they stay in the till's "
                        + "journal and are sent when it is back: " + e.getMessage());
            }
            schedule(backoff());
        } catch (RuntimeException e) {
            failures++;
            LOG.log(Level.ERROR, "Shipping to the store ledger failed unexpectedly", e);
            schedule(backoff());
        }
    }

    private Duration backoff() {
        long millis = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(failures - 1, 5));
        return Duration.ofMillis(millis);
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed: what is left stays in the outbox for the next start.
        }
    }
}
