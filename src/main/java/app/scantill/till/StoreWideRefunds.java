package app.scantill.till;

import app.scantill.journal.JournalException;
import app.scantill.journal.RefundRecords;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.Refund;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Refunds as History, the refund window, receipts and the end-of-day report read them: every register's from the
 * store ledger while one is connected, with this till's own laid over them from its journal (the journal has them
 * first: a refund made a moment ago may not be shipped yet, and its status is the journal's before it is the
 * ledger's); this till's own alone otherwise. When the ledger cannot answer, this till's own are read, so a
 * refund at the register that sold keeps working with the ledger away (docs/adr/0122).
 */
final class StoreWideRefunds implements RefundRecords {

    private static final System.Logger LOG = System.getLogger(StoreWideRefunds.class.getName());

    private final SalesJournal journal;
    /** The store's refunds now: empty without a ledger or while it is not connected. */
    private final Supplier<Optional<? extends RefundRecords>> store;

    StoreWideRefunds(SalesJournal journal, Supplier<Optional<? extends RefundRecords>> store) {
        this.journal = journal;
        this.store = store;
    }

    @Override
    public List<Refund> refunds(String saleId) {
        return merged(storeSays(s -> s.refunds(saleId)), journal.refunds(saleId));
    }

    @Override
    public Map<String, List<Refund>> refunds(Collection<String> saleIds) {
        Map<String, List<Refund>> stored = storeSays(s -> s.refunds(saleIds)).orElse(Map.of());
        Map<String, List<Refund>> bySale = new LinkedHashMap<>();
        for (String id : saleIds) {
            bySale.put(id, merged(Optional.ofNullable(stored.get(id)), journal.refunds(id)));
        }
        return bySale;
    }

    @Override
    public List<Refund> refundsCreatedBetween(Instant from, Instant to) {
        return merged(storeSays(s -> s.refundsCreatedBetween(from, to)), journal.refundsCreatedBetween(from, to));
    }

    private <T> Optional<T> storeSays(java.util.function.Function<RefundRecords, T> question) {
        Optional<? extends RefundRecords> s = store.get();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(question.apply(s.get()));
        } catch (JournalException away) {
            LOG.log(Level.DEBUG, "Store ledger not answering; this till's own refunds are shown: " + away.getMessage());
            return Optional.empty();
        }
    }

    /** The store's refunds with this till's own in their place (and those the store has not yet), oldest first. */
    private static List<Refund> merged(Optional<List<Refund>> stored, List<Refund> own) {
        if (stored.isEmpty()) {
            return own;
        }
        Map<String, Refund> byId = new LinkedHashMap<>();
        stored.get().forEach(r -> byId.put(r.id(), r));
        own.forEach(r -> byId.put(r.id(), r));
        List<Refund> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Refund::createdAt));
        return all;
    }
}
