package app.scantill.journal;

import app.scantill.sale.CashOrder;
import app.scantill.sale.CashTender;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A journal in memory for tests of code that uses {@link SalesJournal}. It makes its decisions through
 * the same {@link JournalRules} as the SQLite journal and is held to the same
 * {@link SalesJournalContract}; in addition it has a switch that makes every write fail as a full disk
 * would.
 */
public final class InMemorySalesJournal implements SalesJournal {

    /** A sale and what the journal keeps beside it. */
    private static final class Entry {
        Sale sale;
        final List<StateChange> history = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<String> sessions = new ArrayList<>();
        boolean refundsInStore;

        Entry(Sale sale) {
            this.sale = sale;
        }
    }

    private final Clock clock;
    /** In the order written: with equal creation times, the first written is listed first, as in SQLite. */
    private final Map<String, Entry> sales = new LinkedHashMap<>();
    private final Map<String, String> keyOwners = new HashMap<>();
    private final Map<String, String> sessionOwners = new HashMap<>();
    /** In the order written, as SQLite lists refunds of equal creation time. */
    private final Map<String, Refund> refunds = new LinkedHashMap<>();
    private final Map<String, CashTender> cash = new HashMap<>();
    private final Map<String, DrawerEntry> drawer = new LinkedHashMap<>();
    private boolean failing;
    private boolean closed;

    public InMemorySalesJournal(Clock clock) {
        this.clock = clock;
    }

    /** From now on every write throws {@link JournalException}, as when the disk is full. */
    public synchronized void failWrites(boolean fail) {
        this.failing = fail;
    }

    @Override
    public synchronized Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines,
            String idempotencyKey, SaleDiscounts discounts) {
        long total = JournalRules.checkBegin(saleId, registerId, currency, lines, idempotencyKey);
        JournalRules.checkDiscounts(lines, discounts);
        checkWritable("journal sale " + saleId);
        if (sales.containsKey(saleId)) {
            throw JournalRules.saleExists(saleId);
        }
        requireUnusedKey(idempotencyKey);
        Instant now = now();
        Entry e = new Entry(new Sale(saleId, registerId, now, currency, lines, total, SaleState.CHARGING, 1,
                idempotencyKey, null, null, null, null, now, now, discounts));
        e.history.add(new StateChange(saleId, now, null, SaleState.CHARGING, JournalRules.attemptNote(1)));
        e.keys.add(idempotencyKey);
        e.sessions.add(null);
        sales.put(saleId, e);
        keyOwners.put(idempotencyKey, saleId);
        return e.sale;
    }

    @Override
    public synchronized Sale newAttempt(String saleId, String idempotencyKey) {
        JournalRules.checkKey(idempotencyKey);
        Entry e = writable(saleId, "start a new attempt for sale " + saleId);
        Sale s = e.sale;
        if (JournalRules.isRetriedAttempt(s, idempotencyKey)) {
            return s;
        }
        requireUnusedKey(idempotencyKey);
        Instant now = now();
        int attempt = s.attempt() + 1;
        e.keys.add(idempotencyKey);
        e.sessions.add(null);
        keyOwners.put(idempotencyKey, saleId);
        return store(e, changed(s, SaleState.CHARGING, attempt, idempotencyKey, null, null, s.paymentIntentId(),
                s.paymentMethod(), now), JournalRules.attemptNote(attempt));
    }

    @Override
    public synchronized Sale replaceAttempt(String saleId, String idempotencyKey, String why) {
        JournalRules.checkKey(idempotencyKey);
        Entry e = writable(saleId, "replace the attempt of sale " + saleId);
        Sale s = e.sale;
        if (JournalRules.isRetriedReplacement(s, idempotencyKey)) {
            return s;
        }
        requireUnusedKey(idempotencyKey);
        Instant now = now();
        int attempt = s.attempt() + 1;
        e.keys.add(idempotencyKey);
        e.sessions.add(null);
        keyOwners.put(idempotencyKey, saleId);
        return store(e, changed(s, SaleState.CHARGING, attempt, idempotencyKey, null, null, s.paymentIntentId(),
                s.paymentMethod(), now), JournalRules.replacedAttemptNote(attempt, why));
    }

    @Override
    public synchronized Sale recordSession(String saleId, String sessionId, Instant expiresAt) {
        JournalRules.checkSessionId(sessionId);
        Entry e = writable(saleId, "record session " + sessionId + " for sale " + saleId);
        Sale s = e.sale;
        JournalRules.SessionStep step = JournalRules.recordSession(s, sessionId);
        if (step == JournalRules.SessionStep.UNCHANGED) {
            return s;
        }
        String owner = sessionOwners.get(sessionId);
        if (owner != null) {
            throw JournalRules.sessionInUse(sessionId, owner, sales.get(owner).sessions.indexOf(sessionId) + 1);
        }
        e.sessions.set(s.attempt() - 1, sessionId);
        sessionOwners.put(sessionId, saleId);
        boolean cancelling = step == JournalRules.SessionStep.RECORD_WHILE_CANCELLING;
        Sale next = changed(s, cancelling ? s.state() : SaleState.AWAITING_PAYMENT, s.attempt(), s.idempotencyKey(),
                sessionId, millis(expiresAt), s.paymentIntentId(), s.paymentMethod(), s.attemptStartedAt());
        return cancelling ? replace(e, next) : store(e, next, JournalRules.sessionNote(sessionId));
    }

    @Override
    public synchronized Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note) {
        Entry e = writable(saleId, "record payment of sale " + saleId);
        Sale s = e.sale;
        return switch (JournalRules.markPaid(s, paymentIntentId, paymentMethod)) {
            case UNCHANGED -> s;
            case FILL_IN -> replace(e, paid(s, JournalRules.kept(s.paymentIntentId(), paymentIntentId),
                    JournalRules.kept(s.paymentMethod(), paymentMethod)));
            case PAY -> store(e, paid(s, paymentIntentId, paymentMethod), JournalRules.paidNote(note, paymentIntentId));
        };
    }

    @Override
    public synchronized Sale transition(String saleId, SaleState to, String note) {
        Objects.requireNonNull(to, "to");
        if (to == SaleState.PAID) {
            return markPaid(saleId, null, null, note);
        }
        Entry e = writable(saleId, "move sale " + saleId + " to " + to);
        Sale s = e.sale;
        JournalRules.requireMove(s, to);
        return store(e, changed(s, to, s.attempt(), s.idempotencyKey(), s.sessionId(), s.sessionExpiresAt(),
                s.paymentIntentId(), s.paymentMethod(), s.attemptStartedAt()), note);
    }

    @Override
    public synchronized Sale payInCash(CashOrder order) {
        Objects.requireNonNull(order, "order");
        String saleId = order.saleId();
        JournalRules.checkBegin(saleId, order.registerId(), order.currency(), order.lines(), order.attemptKey());
        CashTender tender = order.tender();
        checkWritable("journal cash sale " + saleId);
        if (sales.containsKey(saleId)) {
            if (tender.equals(cash.get(saleId))) {
                return sales.get(saleId).sale;
            }
            throw JournalRules.saleExists(saleId);
        }
        requireUnusedKey(order.attemptKey());
        Entry card = null;
        if (order.replacesSaleId() != null) {
            card = sales.get(order.replacesSaleId());
            if (card == null) {
                throw JournalRules.unknownSale(order.replacesSaleId());
            }
            String cardId = card.sale.id();
            boolean takenOver = cash.values().stream().anyMatch(t -> cardId.equals(t.replacesSaleId()));
            JournalRules.checkTakeOver(card.sale, takenOver);
        }
        Instant now = now();
        if (card != null && JournalRules.takeOverCancels(card.sale)) {
            Sale s = card.sale;
            store(card, changed(s, SaleState.CANCELLING, s.attempt(), s.idempotencyKey(), s.sessionId(),
                    s.sessionExpiresAt(), s.paymentIntentId(), s.paymentMethod(), s.attemptStartedAt()),
                    JournalRules.takenOverNote(saleId));
        }
        Entry e = new Entry(new Sale(saleId, order.registerId(), now, order.currency(), order.lines(),
                order.totalMinor(), SaleState.PAID, 1, order.attemptKey(), null, null, null, CashOrder.METHOD, now, now));
        e.history.add(new StateChange(saleId, now, null, SaleState.PAID, JournalRules.cashNote(tender, order.currency())));
        e.keys.add(order.attemptKey());
        e.sessions.add(null);
        sales.put(saleId, e);
        keyOwners.put(order.attemptKey(), saleId);
        cash.put(saleId, tender);
        return e.sale;
    }

    @Override
    public synchronized DrawerEntry recordDrawer(DrawerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        checkWritable("record drawer entry " + entry.id());
        DrawerEntry stored = new DrawerEntry(entry.id(), entry.registerId(), millis(entry.at()), entry.currency(),
                entry.kind(), entry.amountMinor(), entry.reason(), entry.expectedMinor());
        DrawerEntry same = drawer.get(entry.id());
        if (same != null) {
            if (same.equals(stored)) {
                return same;
            }
            throw new JournalException("Drawer entry " + entry.id() + " is in the journal already, otherwise");
        }
        drawer.put(entry.id(), stored);
        return stored;
    }

    @Override
    public synchronized List<DrawerEntry> drawerBetween(Instant from, Instant to) {
        checkOpen("read the drawer");
        return drawer.values().stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                .sorted(Comparator.comparing(DrawerEntry::at)).toList();
    }

    @Override
    public synchronized Optional<CashTender> cashTender(String saleId) {
        checkOpen("read the cash of sale " + saleId);
        return Optional.ofNullable(cash.get(saleId));
    }

    @Override
    public synchronized Optional<CashTender> cashReplacing(String cardSaleId) {
        checkOpen("read the cash sale that took over " + cardSaleId);
        return cash.values().stream().filter(t -> cardSaleId.equals(t.replacesSaleId())).findFirst();
    }

    @Override
    public synchronized Optional<Sale> find(String saleId) {
        checkOpen("read sale " + saleId);
        return Optional.ofNullable(sales.get(saleId)).map(e -> e.sale);
    }

    @Override
    public synchronized List<Sale> unfinished() {
        checkOpen("read unfinished sales");
        return oldestFirst(s -> s.state().needsReconciliation());
    }

    @Override
    public synchronized List<Sale> createdBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        checkOpen("read sales");
        return oldestFirst(s -> !s.createdAt().isBefore(from) && s.createdAt().isBefore(to));
    }

    @Override
    public synchronized List<StateChange> history(String saleId) {
        checkOpen("read the history of sale " + saleId);
        Entry e = sales.get(saleId);
        return e == null ? List.of() : List.copyOf(e.history);
    }

    @Override
    public synchronized List<String> attemptKeys(String saleId) {
        checkOpen("read the attempts of sale " + saleId);
        Entry e = sales.get(saleId);
        return e == null ? List.of() : List.copyOf(e.keys);
    }

    @Override
    public synchronized Refund beginRefund(RefundOrder order) {
        checkWritable("journal refund " + order.refundId() + " of sale " + order.saleId());
        Refund same = retriedOrder(order);
        if (same != null) {
            return same;
        }
        Entry e = sales.get(order.saleId());
        if (e == null) {
            throw JournalRules.unknownSale(order.saleId());
        }
        return insertRefund(order, e.sale, e.refundsInStore);
    }

    @Override
    public synchronized Refund beginStoreRefund(RefundOrder order, Sale sale) {
        if (!sale.id().equals(order.saleId())) {
            throw new IllegalArgumentException("Refund " + order.refundId() + " is of sale " + order.saleId());
        }
        checkWritable("journal refund " + order.refundId() + " of sale " + sale.id());
        Refund same = retriedOrder(order);
        if (same != null) {
            return same;
        }
        if (sales.containsKey(sale.id())) {
            throw new JournalException("Sale " + sale.id() + " is this journal's own; refund " + order.refundId()
                    + " was not journaled as a refund of another register's sale");
        }
        return insertRefund(order, sale, true);
    }

    @Override
    public synchronized boolean handRefundsToStore(String saleId) {
        Entry e = writable(saleId, "hand the refunds of sale " + saleId + " to the store");
        boolean now = !e.refundsInStore;
        e.refundsInStore = true;
        return now;
    }

    private Refund retriedOrder(RefundOrder order) {
        Refund same = refunds.get(order.refundId());
        if (same != null) {
            if (RefundRules.isRetriedOrder(same, order)) {
                return same;
            }
            throw RefundRules.duplicate("Refund id " + order.refundId());
        }
        if (keyOwners.containsKey(order.idempotencyKey())
                || refunds.values().stream().anyMatch(r -> r.idempotencyKey().equals(order.idempotencyKey()))) {
            throw RefundRules.duplicate("Idempotency key " + order.idempotencyKey());
        }
        return null;
    }

    private Refund insertRefund(RefundOrder order, Sale sale, boolean storeDecides) {
        RefundRules.checkOrder(sale, refundsOf(sale.id()), order);
        Instant now = now();
        Refund refund = new Refund(order.refundId(), sale.id(), order.registerId(), now, sale.currency(),
                order.amountMinor(), order.reason(), order.lines(), sale.paymentIntentId(), sale.paymentMethod(),
                order.idempotencyKey(), RefundStatus.REQUESTED, null, null, now, storeDecides);
        refunds.put(refund.id(), refund);
        return refund;
    }

    @Override
    public synchronized Refund recordRefundStatus(String refundId, String stripeRefundId, RefundStatus status,
            String failureReason) {
        checkWritable("record status " + status + " of refund " + refundId);
        Refund r = refunds.get(refundId);
        if (r == null) {
            throw RefundRules.unknownRefund(refundId);
        }
        if (RefundRules.recordStatus(r, stripeRefundId, status) == RefundRules.StatusStep.UNCHANGED) {
            return r;
        }
        if (stripeRefundId != null && r.stripeRefundId() == null) {
            for (Refund other : refunds.values()) {
                if (stripeRefundId.equals(other.stripeRefundId())) {
                    throw new JournalException("Stripe refund " + stripeRefundId + " is recorded for refund "
                            + other.id() + " already; it was not recorded for " + refundId);
                }
            }
        }
        Refund next = r.withStatus(status, stripeRefundId, failureReason, now());
        refunds.put(refundId, next);
        return next;
    }

    @Override
    public synchronized Optional<Refund> findRefund(String refundId) {
        checkOpen("read refund " + refundId);
        return Optional.ofNullable(refunds.get(refundId));
    }

    @Override
    public synchronized List<Refund> refunds(String saleId) {
        checkOpen("read the refunds of sale " + saleId);
        return refundsOf(saleId);
    }

    @Override
    public synchronized List<Refund> unfinishedRefunds() {
        checkOpen("read unfinished refunds");
        return refundsWhere(r -> !r.status().isFinal());
    }

    @Override
    public synchronized List<Refund> refundsCreatedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        checkOpen("read refunds");
        return refundsWhere(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to));
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private List<Refund> refundsOf(String saleId) {
        return refundsWhere(r -> r.saleId().equals(saleId));
    }

    private List<Refund> refundsWhere(Predicate<Refund> filter) {
        return refunds.values().stream().filter(filter).sorted(Comparator.comparing(Refund::createdAt)).toList();
    }

    // ---- helpers ----

    /** The clock's time as the SQLite journal keeps it: whole milliseconds. */
    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private static Instant millis(Instant t) {
        return t == null ? null : Instant.ofEpochMilli(t.toEpochMilli());
    }

    private List<Sale> oldestFirst(Predicate<Sale> filter) {
        return sales.values().stream().map(e -> e.sale).filter(filter)
                .sorted(Comparator.comparing(Sale::createdAt)).toList();
    }

    private Entry writable(String saleId, String action) {
        checkWritable(action);
        Entry e = sales.get(saleId);
        if (e == null) {
            throw JournalRules.unknownSale(saleId);
        }
        return e;
    }

    private void requireUnusedKey(String key) {
        String owner = keyOwners.get(key);
        if (owner != null) {
            throw JournalRules.keyInUse(key, owner, sales.get(owner).keys.indexOf(key) + 1);
        }
    }

    private Sale paid(Sale s, String intent, String method) {
        return changed(s, SaleState.PAID, s.attempt(), s.idempotencyKey(), s.sessionId(), s.sessionExpiresAt(), intent,
                method, s.attemptStartedAt());
    }

    /** The sale with what a write changes, updated now. */
    private Sale changed(Sale s, SaleState state, int attempt, String key, String sessionId, Instant expiresAt,
            String intent, String method, Instant attemptStartedAt) {
        return new Sale(s.id(), s.registerId(), s.createdAt(), s.currency(), s.lines(), s.totalMinor(), state, attempt,
                key, sessionId, expiresAt, intent, method, now(), attemptStartedAt, s.discounts());
    }

    /** Replaces the sale without a history entry. */
    private Sale replace(Entry e, Sale next) {
        e.sale = next;
        return next;
    }

    /** Replaces the sale and writes the history entry of its move. */
    private Sale store(Entry e, Sale next, String note) {
        Sale before = e.sale;
        Sale after = replace(e, next);
        e.history.add(new StateChange(after.id(), after.updatedAt(), before.state(), after.state(), note));
        return after;
    }

    private void checkWritable(String action) {
        checkOpen(action);
        if (failing) {
            throw new JournalException("Could not " + action + ": disk full");
        }
    }

    private void checkOpen(String action) {
        if (closed) {
            throw JournalRules.closed(action);
        }
    }
}
