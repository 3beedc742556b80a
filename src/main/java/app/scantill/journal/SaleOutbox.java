package app.scantill.journal;

import java.util.List;
import java.util.Set;

/**
 * The journal's outbox for the store ledger (docs/adr/0100): each change of a sale is put here in the
 * same transaction that writes it, and stays until the ledger has it. Reading it never removes
 * anything; only {@link #shipped} does, after the ledger committed the changes, so a crash anywhere
 * in between sends a change again (at least once) and never loses one.
 */
public interface SaleOutbox {

    /** Up to {@code max} changes waiting, oldest first (so in order per sale). */
    List<SaleChange> pending(int max);

    /** Forgets these changes: the ledger holds them. */
    void shipped(List<SaleChange> changes);

    /** Ids of the sales with at least one change the ledger does not hold yet. */
    Set<String> unshippedSales();
}
