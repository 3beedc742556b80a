package app.scantill.stripe;

import app.scantill.checkout.ClockSkew;
import com.stripe.net.StripeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Stripe's clock as the till learns it (docs/adr/0110). Stripe measures a new session's {@code expires_at}
 * window from the moment it creates the session, on its own clock; a till whose clock is minutes off
 * must compute {@code expires_at} on Stripe's.
 *
 * <p>What tells Stripe's time, in whole seconds: the {@code created} of a session the create just made
 * (Stripe's own record of the moment), else the answer's {@code Date} header (a refused create, or an
 * answer replayed from the idempotency store, whose {@code created} is old). Answers to reads do not
 * move the estimate: the sandbox cannot put its (movable) clock into {@code Date}, because the JDK's HTTP
 * server writes that header itself from the machine's clock, and the till learns enough from creates.
 * A second of Stripe's clock lies in [t, t+1s), and the answer arrived after it: the estimate takes the
 * middle of that second against the moment the answer was received, so it is off by less than the
 * answer's trip plus half a second, well inside the minutes of margin a request keeps.
 */
final class StripeClock {

    private final Clock tillClock;
    private volatile ClockSkew skew = ClockSkew.NONE;

    StripeClock(Clock tillClock) {
        this.tillClock = Objects.requireNonNull(tillClock, "tillClock");
    }

    ClockSkew skew() {
        return skew;
    }

    /** Now on the till's clock: the moment an answer was received. */
    Instant now() {
        return tillClock.instant();
    }

    /** Stripe's clock read {@code stripeSecond} (whole seconds) shortly before {@code receivedAt}. */
    void learn(Instant stripeSecond, Instant receivedAt) {
        Instant middle = stripeSecond.plusMillis(500);
        skew = ClockSkew.of(Duration.between(receivedAt, middle));
    }

    /** Learns from an answer's {@code Date} header, when it has a readable one. */
    void learnFromDate(StripeResponse response, Instant receivedAt) {
        if (response == null || response.headers() == null) {
            return;
        }
        try {
            Instant date = response.date();
            if (date != null) {
                learn(date, receivedAt);
            }
        } catch (DateTimeParseException e) {
            // A Date header in another form (a proxy's?) tells nothing reliable.
        }
    }
}
