package app.scantill.journal;

import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * The durable record of every sale. Each method returns only after its change is on disk (for the
 * JDBC implementation: committed with synchronous writes), so the caller may then show it to the
 * cashier or call Stripe. Implementations are thread-safe and never touch JavaFX.
 *
 * <p>Write-ahead order used by the charge flow: {@link #begin} (sale + first idempotency key)
 * before the create call; {@link #recordSession} before the QR is shown; the final state before the
 * UI says Paid or Cancelled.
 *
 * <p>What every implementation does alike (held by {@code SalesJournalContract} in the tests): a
 * refused call writes nothing; a repeated call that already took effect returns the sale unchanged;
 * sale ids, idempotency keys and session ids are each recorded once in the whole journal; times are
 * kept to the millisecond, so a returned sale equals the one read back later; lists are oldest first;
 * after {@link #close} every call throws {@link JournalException}.
 */
public interface SalesJournal extends SaleRecords, AutoCloseable {

    /**
     * Journals a new sale in state {@link SaleState#CHARGING} with attempt 1 and its idempotency key.
     *
     * @throws JournalException when the sale id or the key is already in the journal, or the write fails
     * @throws IllegalArgumentException for a blank id, register or key, a key over 255 characters, no lines
     */
    Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines, String idempotencyKey);

    /**
     * Starts a new attempt (after {@link SaleState#EXPIRED} or a refused create): new key, state CHARGING.
     * The same call again (the sale still CHARGING with this key) returns the sale unchanged.
     */
    Sale newAttempt(String saleId, String idempotencyKey);

    /**
     * Replaces a CHARGING attempt that made no session with the sale's next attempt (new key, still
     * CHARGING): after Stripe refused the create in a way the same sale can get past (Amazon Pay refused
     * for the account: charged by card instead), or kept a failure under the old key and holds no session
     * for it. The caller must know that no session exists for the current attempt; one recorded in the
     * journal makes the call fail. The same call again (this key already current) returns the sale unchanged.
     *
     * @param why for the history entry, e.g. "card only after Stripe refused Amazon Pay"
     * @throws IllegalTransitionException when the sale is not CHARGING
     * @throws JournalException when the current attempt has a session, or the key is used already
     */
    Sale replaceAttempt(String saleId, String idempotencyKey, String why);

    /**
     * Records the current attempt's session and moves the sale to {@link SaleState#AWAITING_PAYMENT};
     * while {@link SaleState#CANCELLING} the session is recorded and the state kept. The same session
     * again changes nothing; another one for the same attempt is refused.
     */
    Sale recordSession(String saleId, String sessionId, Instant expiresAt);

    /**
     * Records payment; idempotent for the same payment intent, refused for a different one with
     * {@link ConflictingPaymentException}. On a paid sale an intent or method not known before is
     * filled in without a second history entry.
     */
    Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note);

    /**
     * Moves the sale to {@code to}, writing the history entry in the same transaction.
     *
     * @throws IllegalTransitionException when the move is not allowed from the sale's current state
     */
    Sale transition(String saleId, SaleState to, String note);

    @Override
    void close();
}
