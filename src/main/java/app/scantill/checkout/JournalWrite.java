package app.scantill.checkout;

import app.scantill.journal.SalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * One write the charge flow asks of the {@link SalesJournal}, as data: the flow decides it, the worker
 * performs it and answers with {@link ChargeEvent.Recorded} or {@link ChargeEvent.RecordFailed}.
 */
sealed interface JournalWrite {

    /** Performs the write; returns the sale as the journal now holds it. */
    Sale applyTo(SalesJournal journal);

    /** How the transition table names the write: what is being recorded. */
    String label();

    /** A new sale with its first attempt and key (state CHARGING). */
    record Begin(String saleId, String registerId, Currency currency, List<SaleLine> lines, String idempotencyKey,
            SaleDiscounts discounts) implements JournalWrite {
        public Begin {
            lines = List.copyOf(lines);
        }

        /** A sale without discounts. */
        public Begin(String saleId, String registerId, Currency currency, List<SaleLine> lines,
                String idempotencyKey) {
            this(saleId, registerId, currency, lines, idempotencyKey, SaleDiscounts.NONE);
        }

        @Override
        public Sale applyTo(SalesJournal journal) {
            return journal.begin(saleId, registerId, currency, lines, idempotencyKey, discounts);
        }

        @Override
        public String label() {
            return "begin";
        }
    }

    /** The next attempt of an expired sale, with its new key (state CHARGING). */
    record BeginAttempt(String saleId, String idempotencyKey) implements JournalWrite {
        @Override
        public Sale applyTo(SalesJournal journal) {
            return journal.newAttempt(saleId, idempotencyKey);
        }

        @Override
        public String label() {
            return "attempt";
        }
    }

    /**
     * The next attempt of a CHARGING sale whose attempt made no session, with its new key (still CHARGING):
     * card only after Stripe refused Amazon Pay, or a new key after Stripe saved a failure under the old one.
     */
    record ReplaceAttempt(String saleId, String idempotencyKey, String why) implements JournalWrite {
        @Override
        public Sale applyTo(SalesJournal journal) {
            return journal.replaceAttempt(saleId, idempotencyKey, why);
        }

        @Override
        public String label() {
            return "attempt";
        }
    }

    /** The attempt's session (state AWAITING_PAYMENT). */
    record RecordSession(String saleId, String sessionId, Instant expiresAt) implements JournalWrite {
        @Override
        public Sale applyTo(SalesJournal journal) {
            return journal.recordSession(saleId, sessionId, expiresAt);
        }

        @Override
        public String label() {
            return "session";
        }
    }

    /** The payment (state PAID); the journal takes the same payment twice as once. */
    record MarkPaid(String saleId, String paymentIntentId, String paymentMethod, String note) implements JournalWrite {
        @Override
        public Sale applyTo(SalesJournal journal) {
            return journal.markPaid(saleId, paymentIntentId, paymentMethod, note);
        }

        @Override
        public String label() {
            return SaleState.PAID.name();
        }
    }

    /** Any other change of state, with the note the sale's history keeps. */
    record Move(String saleId, SaleState to, String note) implements JournalWrite {
        @Override
        public Sale applyTo(SalesJournal journal) {
            return journal.transition(saleId, to, note);
        }

        @Override
        public String label() {
            return to.name();
        }
    }
}
