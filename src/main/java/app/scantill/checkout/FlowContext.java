package app.scantill.checkout;

import java.time.Instant;
import java.util.Objects;

/**
 * What the register knows at the moment an event is decided, besides its state: the time on its own
 * clock, how far Stripe's clock is from it, and how often it may read Stripe now. {@link ChargeFlow}
 * reads no clock and no gateway; the worker hands it this with every event.
 */
record FlowContext(Instant now, ClockSkew skew, PollPace pace) {

    FlowContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(skew, "skew");
        Objects.requireNonNull(pace, "pace");
    }

    /** At {@code now}, with clocks that agree and no 429 seen. */
    static FlowContext at(Instant now) {
        return new FlowContext(now, ClockSkew.NONE, PollPace.CALM);
    }

    /** The moment on Stripe's clock. */
    Instant stripeNow() {
        return skew.onStripe(now);
    }

    FlowContext withSkew(ClockSkew learned) {
        return new FlowContext(now, learned, pace);
    }

    FlowContext withPace(PollPace changed) {
        return new FlowContext(now, skew, changed);
    }
}
