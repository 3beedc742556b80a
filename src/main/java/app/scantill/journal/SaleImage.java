package app.scantill.journal;

import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.StateChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the journal holds of one sale at one moment: the sale, every attempt and the whole state
 * history. It is what one change ships to the store ledger, so the ledger can answer every question
 * the journal answers ({@code find}, {@code history}, {@code attemptKeys}) from it alone.
 *
 * @param attempts in attempt order
 * @param history oldest first, the first entry being the sale's creation
 * @param refundsInStore the register handed the sale's refunds to the store: the ledger decides them from now on
 *     (docs/adr/0122)
 * @param cash what the customer handed over and got back, for a sale paid in cash; null otherwise
 * @param takenOverByCash the cash sale that took this card attempt over while Stripe could not be reached
 *     (docs/adr/0180); null otherwise
 */
public record SaleImage(Sale sale, List<Attempt> attempts, List<StateChange> history, boolean refundsInStore,
        CashTender cash, String takenOverByCash) {

    public SaleImage {
        Objects.requireNonNull(sale, "sale");
        attempts = List.copyOf(attempts);
        history = List.copyOf(history);
    }

    /** A sale with no cash about it. */
    public SaleImage(Sale sale, List<Attempt> attempts, List<StateChange> history, boolean refundsInStore) {
        this(sale, attempts, history, refundsInStore, null, null);
    }

    /** One attempt: its key, the session it made (null until known) and when it was journaled. */
    public record Attempt(int number, String idempotencyKey, String sessionId, Instant sessionExpiresAt,
            Instant startedAt) {
        public Attempt {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }
}
