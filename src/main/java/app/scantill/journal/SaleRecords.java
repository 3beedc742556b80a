package app.scantill.journal;

import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.StateChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The questions asked of past sales: by the charge flow of its own register (through the
 * {@link SalesJournal}), and by History and the end-of-day report of one till or of the whole store
 * (the store ledger's read side). Every implementation answers alike: lists oldest first, times to the
 * millisecond; {@code SalesJournalContract} holds them to it.
 */
public interface SaleRecords {

    Optional<Sale> find(String saleId);

    /** Sales whose state says money may still arrive (see {@link app.scantill.sale.SaleState#needsReconciliation()}). */
    List<Sale> unfinished();

    /** Sales created in {@code [from, to)}, oldest first. */
    List<Sale> createdBetween(Instant from, Instant to);

    /** The sale's history, oldest first. */
    List<StateChange> history(String saleId);

    /** Every idempotency key this sale's attempts used, in attempt order. */
    List<String> attemptKeys(String saleId);

    /** What was handed over and given back for a sale paid in cash; empty for any other sale. */
    Optional<CashTender> cashTender(String saleId);

    /**
     * The cash sale that took over this card attempt while Stripe could not be reached (docs/adr/0180); empty when
     * none did. A card attempt taken over that ends PAID was paid twice: one of the two is to be refunded.
     */
    Optional<CashTender> cashReplacing(String cardSaleId);
}
