package app.scantill.checkout;

import app.scantill.journal.JournalException;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import java.util.Currency;
import java.util.List;

/**
 * Something that happened to the charge flow: a command of the cashier (or of recovery), the answer
 * of the journal or of Stripe to an effect, a timer that ran out, or an error no one expected.
 * {@link ChargeFlow} turns a state and an event into the next state and its effects.
 */
sealed interface ChargeEvent {

    /** The name of the event in the transition table: its type, and for the journal, what was written. */
    default String label() {
        return getClass().getSimpleName();
    }

    // ------------------------------------------------------------ commands

    /** Charge a cart; the sale id was chosen on the worker (unique in the journal). */
    record Start(String saleId, Currency currency, List<SaleLine> lines, boolean cardOnlyChoice,
            SaleDiscounts discounts) implements ChargeEvent {
        public Start {
            lines = List.copyOf(lines);
            java.util.Objects.requireNonNull(discounts, "discounts");
        }

        /** A cart without discounts. */
        public Start(String saleId, Currency currency, List<SaleLine> lines, boolean cardOnlyChoice) {
            this(saleId, currency, lines, cardOnlyChoice, SaleDiscounts.NONE);
        }
    }

    /** Take up a sale the journal holds unfinished (as the journal holds it now). */
    record Resume(Sale sale) implements ChargeEvent {
    }

    /** Send the failed attempt again under its key. */
    record Retry() implements ChargeEvent {
    }

    /** After an expiry: a new attempt for the same cart. */
    record NewAttempt() implements ChargeEvent {
    }

    /** After Stripe refused Amazon Pay: the same sale by card alone, as a new attempt. */
    record ChargeByCardOnly() implements ChargeEvent {
    }

    record Cancel() implements ChargeEvent {
    }

    /**
     * Stripe cannot be reached and the create gave up: the cashier takes cash for the same cart instead
     * (docs/adr/0180). {@code failure} is what the Failed screen said, shown again should the cashier come back.
     */
    record TakeCash(app.scantill.i18n.Message failure) implements ChargeEvent {
    }

    /** The cashier left the cash screen without taking cash: the card attempt is offered again as it was. */
    record CashDeclined() implements ChargeEvent {
    }

    /**
     * The cash sale {@code cashSaleId} is journaled, and with it this card attempt CANCELLING (one write): the
     * register is free, and the attempt is settled in the background once Stripe answers.
     */
    record TakenOverByCash(String cashSaleId) implements ChargeEvent {
    }

    // ------------------------------------------------------------ the journal

    /** The journal wrote {@code write} and answered with the sale as it now holds it. */
    record Recorded(JournalWrite write, Sale sale) implements ChargeEvent {
        @Override
        public String label() {
            return "Recorded(" + write.label() + ")";
        }
    }

    /** The journal refused {@code write} (disk full, a rule broken): nothing of it was stored. */
    record RecordFailed(JournalWrite write, JournalException error) implements ChargeEvent {
        @Override
        public String label() {
            return "RecordFailed(" + write.label() + ")";
        }
    }

    // ------------------------------------------------------------ Stripe

    record Created(SessionSnapshot session) implements ChargeEvent {
    }

    record CreateFailed(GatewayException error) implements ChargeEvent {
    }

    /** The sessions Stripe holds for the sale (by client_reference_id). */
    record Found(List<SessionSnapshot> sessions) implements ChargeEvent {
        public Found {
            sessions = List.copyOf(sessions);
        }
    }

    record FindFailed(GatewayException error) implements ChargeEvent {
    }

    record Retrieved(SessionSnapshot session) implements ChargeEvent {
    }

    record RetrieveFailed(GatewayException error) implements ChargeEvent {
    }

    /** Stripe expired the session as asked. */
    record ExpireAnswered(SessionSnapshot session) implements ChargeEvent {
    }

    record ExpireFailed(GatewayException error) implements ChargeEvent {
    }

    // ------------------------------------------------------------ the store's watcher

    /**
     * The store's watcher read Stripe's event about a session ({@code session} as it was at the event):
     * an outcome that arrived without this register asking Stripe.
     */
    record StoreReported(SessionSnapshot session) implements ChargeEvent {
    }

    /** The store's watcher came or went: the register now checks its open session at the new pace. */
    record WatchChanged() implements ChargeEvent {
    }

    // ------------------------------------------------------------ timers

    /** Time to send the create again. */
    record RetryDue() implements ChargeEvent {
    }

    /** Time to look the session up again. */
    record LookupDue() implements ChargeEvent {
    }

    /** Time to ask Stripe for the session's state again. */
    record PollDue() implements ChargeEvent {
    }

    /** Time to ask Stripe again to expire the session. */
    record ExpireDue() implements ChargeEvent {
    }

    /** Time to read back a session Stripe would not expire. */
    record CheckDue() implements ChargeEvent {
    }

    // ------------------------------------------------------------ the worker

    /** A step failed in a way no state provides for (a bug, a runtime failure of a dependency). */
    record Unexpected(RuntimeException error) implements ChargeEvent {
    }
}
