package app.scantill.journal;

/**
 * One change waiting in the journal's outbox for the store ledger (docs/adr/0100, 0122): a change of a sale or of
 * a refund, with the whole of it as that change left it. The ledger applies each change once, keyed by what
 * changed and the change's number, so sending one again is harmless.
 */
public sealed interface OutboxChange permits SaleChange, RefundChange {

    /** The outbox's order: changes are shipped by increasing {@code seq}, so in the order they were written. */
    long seq();

    /** The sale the change concerns (for a refund: the sale it gives money back from). */
    String saleId();

    /** The change's number, counted from 1 per sale or per refund. */
    int changeNo();
}
