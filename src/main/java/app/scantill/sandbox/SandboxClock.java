package app.scantill.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The sandbox's idea of "now". Session expiry, {@code created} and the {@code expires_at} window are
 * all measured on it, so a test can move time forward instead of waiting half an hour.
 *
 * <p>It follows a base clock plus an offset that only ever grows: time in the sandbox never runs
 * backwards, just as it does not at Stripe.
 */
public final class SandboxClock {

    private final Clock base;
    private Duration offset = Duration.ZERO;

    private SandboxClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Wall-clock time, movable forward by tests and demos. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    /**
     * Wall-clock time moved by {@code offset}, either way: a Stripe whose clock is ahead of (positive) or
     * behind (negative) this machine's, as a till with a wrong clock sees it. Sessions are created, and their
     * {@code expires_at} window measured, on this clock. (The {@code Date} header of the sandbox's answers
     * still shows the machine's time: the JDK's HTTP server writes it.)
     */
    public static SandboxClock offsetFromSystem(Duration offset) {
        return new SandboxClock(Clock.offset(Clock.systemUTC(), offset));
    }

    /** A clock that stands still at {@code start} until it is advanced: for fully deterministic tests. */
    public static SandboxClock fixedAt(Instant start) {
        return new SandboxClock(Clock.fixed(start, java.time.ZoneOffset.UTC));
    }

    public synchronized Instant now() {
        return base.instant().plus(offset);
    }

    /** Moves time forward; sessions whose {@code expires_at} is passed are expired on their next read. */
    public synchronized void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        offset = offset.plus(amount);
    }
}
