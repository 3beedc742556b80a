package app.scantill.journal;

import java.util.List;
import java.util.Set;

/**
 * The journal's outbox for the store ledger (docs/adr/0100, 0122): each change of a sale or of a refund is put here
 * in the same transaction that writes it, and stays until the ledger has it. Reading it never removes anything;
 * only {@link #shipped} does, after the ledger committed the changes, so a crash anywhere in between sends a
 * change again (at least once) and never loses one.
 */
public interface SaleOutbox {

    /** Up to {@code max} changes waiting, oldest first (so in order per sale and per refund). */
    List<OutboxChange> pending(int max);

    /** Forgets these changes: the ledger holds them. */
    void shipped(List<? extends OutboxChange> changes);

    /** Ids of the sales with at least one change of theirs, or of one of their refunds, the ledger does not hold yet. */
    Set<String> unshippedSales();
}
