package app.scantill.checkout;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits between calls that failed: doubling from a base up to a cap, and never shorter than the
 * Retry-After a 429 asked for. Doubling keeps a till that lost its network from adding to a
 * rate-limit bucket shared by every register of the account.
 */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param failures consecutive failures so far, at least 1
     */
    static Duration delay(Duration base, Duration cap, int failures, Optional<Duration> retryAfter) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 20);
        Duration grown = base.multipliedBy(1L << doublings);
        Duration wait = grown.compareTo(cap) > 0 ? cap : grown;
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return wait;
    }
}
