package app.scantill.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often this register reads an open session, given the 429s it saw lately. Stripe's read limit is
 * shared by every register of the account (https://docs.stripe.com/rate-limits): a 429 says the whole
 * shop reads too often, so one slower next request is not enough. After a 429 the interval doubles (up to
 * {@link #MAX_WIDENING} times the configured one, or Retry-After) and stays wide for {@link #STAYS_WIDE};
 * then it halves every {@link #NARROWS_EVERY} until it is back at the configured interval.
 *
 * @param limitedAt when the last 429 came, or null when none came
 * @param widened the interval set by that 429
 */
record PollPace(Instant limitedAt, Duration widened) {

    static final PollPace CALM = new PollPace(null, null);
    /** The widest interval after 429s, as a multiple of the configured one. */
    static final int MAX_WIDENING = 8;
    static final Duration STAYS_WIDE = Duration.ofMinutes(1);
    static final Duration NARROWS_EVERY = Duration.ofSeconds(30);

    /** The wait between two reads at {@code now}, for the configured interval {@code base}. */
    Duration interval(Instant now, Duration base) {
        if (limitedAt == null) {
            return base;
        }
        Duration since = Duration.between(limitedAt, now);
        if (since.compareTo(STAYS_WIDE) <= 0) {
            return max(base, widened);
        }
        long halvings = Math.min(30, since.minus(STAYS_WIDE).toMillis() / NARROWS_EVERY.toMillis() + 1);
        return max(base, Duration.ofMillis(widened.toMillis() >> halvings));
    }

    /** The pace after a 429 at {@code now}: twice the current interval (or Retry-After), at most {@code cap}. */
    PollPace limited(Instant now, Duration base, Duration cap, Optional<Duration> retryAfter) {
        Duration doubled = interval(now, base).multipliedBy(2);
        Duration wanted = retryAfter.filter(r -> r.compareTo(doubled) > 0).orElse(doubled);
        return new PollPace(now, wanted.compareTo(cap) > 0 ? cap : wanted);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
