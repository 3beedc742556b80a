package app.scantill.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far Stripe's clock is from this till's, as the gateway last learned it from Stripe's answers
 * (docs/adr/0110). Stripe measures a session's {@code expires_at} window (30 minutes to 24 hours) and
 * the {@code created} times the look-up searches by on its own clock, so the till computes both on it.
 *
 * @param stripeAhead Stripe's time minus the till's: positive when the till's clock is slow
 */
public record ClockSkew(Duration stripeAhead) {

    /** Nothing learned yet, or the clocks agree. */
    public static final ClockSkew NONE = new ClockSkew(Duration.ZERO);

    /**
     * Up to this much the till's clock counts as right: the five minutes kept inside Stripe's window
     * absorb it, requests stay what they were without a skew, and the cashier is not told.
     */
    public static final Duration NOTICEABLE = Duration.ofMinutes(1);

    public ClockSkew {
        Objects.requireNonNull(stripeAhead, "stripeAhead");
    }

    public static ClockSkew of(Duration stripeAhead) {
        return new ClockSkew(stripeAhead);
    }

    /** The till's instant as Stripe's clock reads it. */
    public Instant onStripe(Instant tillTime) {
        return tillTime.plus(stripeAhead);
    }

    /** Whether the till's clock is off by more than {@link #NOTICEABLE}. */
    public boolean noticeable() {
        return stripeAhead.abs().compareTo(NOTICEABLE) > 0;
    }

    /**
     * The correction a request's {@code expires_at} is built with: none while the skew is not noticeable,
     * else the skew in whole minutes. Whole minutes keep a rebuilt request byte-identical to the first one
     * when the learned skew wavers by a second (a replay under the same key must not differ).
     */
    public Duration forRequests() {
        if (!noticeable()) {
            return Duration.ZERO;
        }
        return Duration.ofMinutes(Math.round(stripeAhead.toMillis() / 60_000.0));
    }

    /** Whole minutes the till's clock is off, rounded, for the cashier. */
    public long minutesOff() {
        return Math.round(stripeAhead.abs().toMillis() / 60_000.0);
    }

    /** Whether the till's clock is behind Stripe's. */
    public boolean tillSlow() {
        return !stripeAhead.isNegative() && !stripeAhead.isZero();
    }
}
