package app.scantill.checkout;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the charge flow wants done, as data. {@link ChargeFlow} only decides effects; the worker in
 * {@link ChargeService} performs them, in order, on its one thread. An effect that asks the journal or
 * Stripe ({@link #awaitsAnswer()}) comes last in a transition, and its answer is the next event.
 */
sealed interface ChargeEffect {

    /** Whether the effect asks the journal or Stripe something and its answer is the next event. */
    default boolean awaitsAnswer() {
        return false;
    }

    /**
     * Tell the listeners (the screen, the headless till); an equal status is not told twice unless
     * {@code evenIfUnchanged}.
     */
    record Publish(ChargeStatus status, boolean evenIfUnchanged) implements ChargeEffect {
        public Publish {
            Objects.requireNonNull(status, "status");
        }

        static Publish of(ChargeStatus status) {
            return new Publish(status, false);
        }

        /** The first status of a sale: listeners hear it even if it equals the one the register claimed. */
        static Publish always(ChargeStatus status) {
            return new Publish(status, true);
        }
    }

    /** Write to the journal; answered by {@link ChargeEvent.Recorded} or {@link ChargeEvent.RecordFailed}. */
    record Journal(JournalWrite write) implements ChargeEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Create the Checkout Session; answered by {@link ChargeEvent.Created} or {@link ChargeEvent.CreateFailed}. */
    record Create(CheckoutRequest request) implements ChargeEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** List the sale's sessions made since {@code since}; answered by Found or FindFailed. */
    record Find(String saleId, Instant since) implements ChargeEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Read the session; answered by Retrieved or RetrieveFailed. */
    record Retrieve(String sessionId) implements ChargeEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Expire the session; answered by ExpireAnswered or ExpireFailed. */
    record Expire(String sessionId) implements ChargeEffect {
        @Override
        public boolean awaitsAnswer() {
            return true;
        }
    }

    /** Expire a session no customer has seen; a failure is only logged. */
    record ExpireQuietly(String sessionId) implements ChargeEffect {
    }

    /**
     * After {@code delay}, the event {@code due}. One timer at a time: scheduling replaces the pending one,
     * so polls and retries never overlap.
     */
    record Schedule(Duration delay, ChargeEvent due) implements ChargeEffect {
    }

    /** Drop the pending timer, if any. */
    record StopTimer() implements ChargeEffect {
    }

    /**
     * Stripe refused Amazon Pay for this account: the register charges by card alone until it restarts
     * ({@code payments.amazon_pay=auto}), and the screen says so next to the total.
     */
    record AmazonPayUnavailable() implements ChargeEffect {
    }

    /**
     * A cash sale took the card attempt {@code saleId} over (journaled CANCELLING): it is settled in the background,
     * off this register, once Stripe answers: its session expired, or a payment that reached it kept and flagged.
     */
    record SettleLater(String saleId) implements ChargeEffect {
    }

    /** Read Stripe at this pace from now on (it widens after a 429 and narrows again by itself). */
    record SetPollPace(PollPace pace) implements ChargeEffect {
    }

    /** A line for the log (never the API key: the flow does not know it). */
    record Log(Level level, String message, Throwable cause) implements ChargeEffect {
        static Log of(Level level, String message) {
            return new Log(level, message, null);
        }
    }
}
