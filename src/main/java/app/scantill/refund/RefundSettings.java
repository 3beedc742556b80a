package app.scantill.refund;

import java.time.Duration;
import java.util.Optional;

/**
 * How the refund flow waits and retries.
 *
 * @param registerId the register that makes the refunds (Stripe metadata, recovery of its own refunds)
 * @param sendTries how often a send (or look-up) is tried before the refund waits as journaled
 * @param firstRetry the first wait after a transient failure; it doubles up to {@code maxWait}
 * @param followInterval how soon a pending refund is read again; it doubles every few reads up to {@code maxWait}
 * @param replayWindow how old a journaled, unanswered refund may be and still be replayed under its key
 *     (Stripe keeps keys at least 24 hours); an older one is looked up first
 * @param handoverPatience how long a refund of another register's sale waits for that register to hand the sale's
 *     refunds to the store (it does so within a second or two when it is connected) before it is refused
 * @param handoverPoll how often the store ledger is asked again meanwhile
 */
public record RefundSettings(String registerId, int sendTries, Duration firstRetry, Duration followInterval,
        Duration maxWait, Duration replayWindow, Duration handoverPatience, Duration handoverPoll) {

    public static RefundSettings defaults(String registerId) {
        return new RefundSettings(registerId, 4, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofHours(23), Duration.ofSeconds(10), Duration.ofMillis(200));
    }

    public RefundSettings withFollowInterval(Duration interval) {
        return new RefundSettings(registerId, sendTries, firstRetry, interval, maxWait, replayWindow, handoverPatience,
                handoverPoll);
    }

    public RefundSettings withFirstRetry(Duration wait) {
        return new RefundSettings(registerId, sendTries, wait, followInterval, maxWait, replayWindow, handoverPatience,
                handoverPoll);
    }

    public RefundSettings withHandoverPatience(Duration patience) {
        return new RefundSettings(registerId, sendTries, firstRetry, followInterval, maxWait, replayWindow, patience,
                handoverPoll);
    }

    /** The wait after {@code failures} transient failures, never shorter than Stripe's Retry-After. */
    Duration backoff(int failures, Optional<Duration> retryAfter) {
        Duration wait = grown(firstRetry, Math.max(0, failures - 1));
        return retryAfter.filter(r -> r.compareTo(wait) > 0).orElse(wait);
    }

    /** The wait before the next read of a pending refund: Amazon Pay refunds may take days, so it grows. */
    Duration followInterval(int reads) {
        return grown(followInterval, reads / 5);
    }

    private Duration grown(Duration base, int doublings) {
        Duration d = base.multipliedBy(1L << Math.min(doublings, 20));
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }
}
