package app.scantill.journal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQLite journal's outbox (table {@code outbox}, see {@link JournalMigrations}): read in order,
 * emptied only once the ledger has committed. A row queued without an image (a sale or refund from before
 * the till joined the store) is shipped with the sale or refund as it is when read.
 */
final class JournalOutbox implements SaleOutbox {

    private final JournalConnection db;

    JournalOutbox(JournalConnection db) {
        this.db = db;
    }

    @Override
    public List<OutboxChange> pending(int max) {
        return db.read("read the outbox for the store ledger", t -> {
            List<OutboxChange> changes = new ArrayList<>();
            for (SaleTables.QueuedChange q : t.queued(max)) {
                if (q.refundId() != null) {
                    changes.add(new RefundChange(q.seq(), q.changeNo(), q.image() != null ? RefundJson.decode(q.image())
                            : t.refunds().load(q.refundId()).orElseThrow(() -> RefundRules.unknownRefund(q.refundId()))));
                } else {
                    changes.add(new SaleChange(q.seq(), q.saleId(), q.changeNo(), q.image() != null
                            ? SaleImageJson.decode(q.image())
                            : t.image(q.saleId()).orElseThrow(() -> JournalRules.unknownSale(q.saleId()))));
                }
            }
            return changes;
        });
    }

    @Override
    public void shipped(List<? extends OutboxChange> changes) {
        db.write("mark changes as shipped to the store ledger", t -> {
            for (OutboxChange c : changes) {
                t.unqueue(c.seq());
            }
            return null;
        });
    }

    @Override
    public Set<String> unshippedSales() {
        return db.read("read the sales not yet in the store ledger", t -> new LinkedHashSet<>(t.unshippedSales()));
    }
}
