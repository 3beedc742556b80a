package app.scantill.journal;

import app.scantill.sale.CashOrder;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

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
public interface SalesJournal extends SaleRecords, RefundRecords, DrawerRecords, AutoCloseable {

    /**
     * Journals a new sale in state {@link SaleState#CHARGING} with attempt 1 and its idempotency key.
     *
     * @throws JournalException when the sale id or the key is already in the journal, or the write fails
     * @throws IllegalArgumentException for a blank id, register or key, a key over 255 characters, no lines
     */
    default Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines,
            String idempotencyKey) {
        return begin(saleId, registerId, currency, lines, idempotencyKey, SaleDiscounts.NONE);
    }

    /**
     * As above, for lines discounted as {@code discounts} says: the lines' {@link SaleLine#discountMinor()} and the
     * discounts themselves are written in the same transaction, before Stripe is asked (the request is derived
     * from the lines as journaled, docs/adr/0060).
     *
     * @throws IllegalArgumentException also when a discount names a line the sale does not have
     */
    Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines, String idempotencyKey,
            SaleDiscounts discounts);

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

    /**
     * Journals a sale paid in cash, PAID at once with payment method {@code cash} and what was tendered and given
     * back, in one transaction; no network is involved. When the order takes over a card attempt of the same cart
     * ({@link CashOrder#replacesSaleId()}: Stripe could not be reached), that sale is moved to
     * {@link SaleState#CANCELLING} in the same transaction, so the charge flow expires whatever session it may have
     * made once Stripe answers again; a payment that still reaches it leaves it PAID and flagged by
     * {@link #cashReplacing} (docs/adr/0180). The same order again returns the sale as written.
     *
     * @throws app.scantill.sale.CashTender.TooLittleTenderedException when less than the total was tendered
     *     (nothing written)
     * @throws JournalException when the sale id or its key is used by another sale, or the card attempt is unknown,
     *     already paid, or already taken over by another cash sale
     */
    Sale payInCash(CashOrder order);

    /**
     * Journals a movement of the register's cash drawer (float, cash in or out, count). The same entry again (same
     * id and content) returns it as written.
     *
     * @throws JournalException when the id belongs to another entry, or the write fails
     */
    DrawerEntry recordDrawer(DrawerEntry entry);

    // ---- refunds (write-ahead as for sales: journaled with its key before Stripe is asked) ----

    /**
     * Journals a refund of a paid sale, status {@link RefundStatus#REQUESTED}, with its idempotency key,
     * before {@code POST /v1/refunds}. Whether the sale can give back that much is decided inside the same
     * transaction that writes it, against every refund of the sale that holds its amount, so two refunds
     * started at once (two windows, two processes on one journal) never give back more than was paid.
     * The same order again (same id, key, amount, reason and lines) returns the refund as written.
     *
     * @throws RefundRefusedException when the sale is not paid, has no payment intent, has too little
     *     left, the lines do not fit, or the id or key belongs to another refund
     */
    Refund beginRefund(RefundOrder order);

    /**
     * Journals a refund of a sale another register made, before the store ledger is asked to reserve it and
     * before {@code POST /v1/refunds} (docs/adr/0122): status {@link RefundStatus#REQUESTED}, with its key, and
     * {@link Refund#storeDecides()} set, since only the ledger sees every register's refunds of the sale. It is
     * checked against {@code sale} (as the ledger holds it) and this journal's own refunds of it; the ledger
     * checks it again, against every register's, when it reserves it. The same order again returns the refund as
     * written.
     *
     * @param sale the sale, as the store ledger holds it
     * @throws RefundRefusedException as {@link #beginRefund}
     * @throws JournalException when the sale is this journal's own (refund it with {@link #beginRefund})
     */
    Refund beginStoreRefund(RefundOrder order, Sale sale);

    /**
     * Hands the sale's refunds to the store (docs/adr/0122): from now on every refund of it, this register's too,
     * is decided by the store ledger, and {@link #beginRefund} journals it with {@link Refund#storeDecides()} set.
     * The register that made the sale does this when another register asks to refund it; a change of the sale, so
     * it reaches the ledger after every refund this journal made of it before. Once is enough: the same call
     * again changes nothing.
     *
     * @return true when the refunds were handed over now, false when they were before
     * @throws JournalException when the sale is not in the journal
     */
    boolean handRefundsToStore(String saleId);

    /**
     * Records what Stripe says of a refund: its {@code re_} id and status (or that Stripe refused it). The
     * same answer again changes nothing; a final status never changes; Stripe's id never changes.
     *
     * @param stripeRefundId Stripe's id, or null when not known (a refusal)
     * @param failureReason Stripe's {@code failure_reason} or the refusal's code; null when none
     */
    Refund recordRefundStatus(String refundId, String stripeRefundId, RefundStatus status, String failureReason);

    Optional<Refund> findRefund(String refundId);

    /** Refunds not final yet (requested, pending, requiring action): followed again after a restart. */
    List<Refund> unfinishedRefunds();

    @Override
    void close();
}
