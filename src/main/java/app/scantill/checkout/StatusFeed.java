package app.scantill.checkout;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The register's {@link ChargeStatus}, told to listeners in the order it changes. Statuses are
 * published on the charge worker; {@link #status()}, {@link #claim} and {@link #await} may be called
 * from any thread.
 */
final class StatusFeed {

    private static final System.Logger LOG = System.getLogger(ChargeService.class.getName());

    private final List<Consumer<ChargeStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile ChargeStatus status = ChargeStatus.idle();
    /** The latest status every listener has heard; what {@link #await} waits on. */
    private ChargeStatus announced = ChargeStatus.idle();

    void addListener(Consumer<ChargeStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(Consumer<ChargeStatus> listener) {
        listeners.remove(listener);
    }

    ChargeStatus status() {
        return status;
    }

    /**
     * Marks the register busy at once, before the worker takes the command up, so a second start (a
     * double click) is refused and the register counts as having an open session from this moment.
     * Listeners hear of the sale when the worker publishes its first status.
     *
     * @throws IllegalStateException when a sale on this register is still in progress
     */
    void claim(ChargeStatus busy) {
        synchronized (lock) {
            if (!status.allowsNewSale()) {
                throw new IllegalStateException("Sale " + status.saleId() + " is still " + status.phase());
            }
            status = busy;
            announced = busy;
            lock.notifyAll();
        }
    }

    /** Tells every listener, unless the status is unchanged and {@code evenIfUnchanged} is false. */
    void publish(ChargeStatus next, boolean evenIfUnchanged) {
        synchronized (lock) {
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
        synchronized (lock) {
            announced = status;
            lock.notifyAll();
        }
    }

    /** Waits until the announced status matches, or the timeout passes; returns the status then. */
    ChargeStatus await(Predicate<ChargeStatus> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.test(announced)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return announced;
        }
    }
}
