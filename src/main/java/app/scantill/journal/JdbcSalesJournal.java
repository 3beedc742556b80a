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
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sales journal in one SQLite file: WAL mode, {@code synchronous=FULL} (a commit is on the disk,
 * not just in the OS cache, before a method returns), foreign keys on, schema migrated through
 * {@code PRAGMA user_version}.
 *
 * <p>One connection guarded by a lock serves every thread. SQLite allows a single writer per file
 * anyway, and every write here is a handful of rows followed by an fsync; a pool would add waiting on
 * SQLite's own lock (and {@code SQLITE_BUSY} between our own connections) without adding throughput.
 * Every write runs in a {@code BEGIN IMMEDIATE} transaction that reads the current state, checks
 * {@link SaleState#canMoveTo} and writes, so another thread or another process can never slip a
 * change in between the check and the write.
 *
 * <p>Who does what: {@link JournalFile} opens and checks the file, {@link JournalMigrations} brings its
 * schema up to date, {@link JournalConnection} runs each method as one transaction behind the lock,
 * {@link JournalRules} makes every decision (the same ones as every other journal) and
 * {@link SaleTables} holds the SQL. This class joins them, one method per journal operation; the refunds'
 * operations are {@link JournalRefunds}'.
 */
public final class JdbcSalesJournal implements SalesJournal {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(JdbcSalesJournal.class.getName());

    private final Path file;
    private final Clock clock;
    private final JournalConnection db;
    /** Null unless the journal keeps an outbox for the store ledger. */
    private final JournalOutbox outbox;
    private final JournalRefunds refunds;

    private JdbcSalesJournal(Path file, Clock clock, JournalConnection db, boolean keepOutbox) {
        this.file = file;
        this.clock = clock;
        this.db = db;
        this.outbox = keepOutbox ? new JournalOutbox(db) : null;
        this.refunds = new JournalRefunds(db, clock, keepOutbox);
    }

    /** Opens (creating and migrating if needed) the journal at {@code file} with the system UTC clock. */
    public static JdbcSalesJournal open(Path file) {
        return open(file, Clock.systemUTC(), DEFAULT_BUSY_TIMEOUT);
    }

    public static JdbcSalesJournal open(Path file, Clock clock) {
        return open(file, clock, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the journal, creating the file and its folder when missing and migrating the schema to
     * {@link #schemaVersion()}. An existing file is never replaced, truncated or deleted.
     *
     * @param busyTimeout how long a write waits for another program's lock before giving up
     * @throws JournalOpenException with a message for the cashier when the journal cannot be used
     */
    public static JdbcSalesJournal open(Path file, Clock clock, Duration busyTimeout) {
        return open(file, clock, busyTimeout, false);
    }

    /**
     * As {@link #open(Path, Clock, Duration)}; with {@code keepOutbox} every change is also put in the
     * journal's outbox for the store ledger, in the same transaction (docs/adr/0100), and sales changed
     * while no ledger was configured are queued at once, so a till joining a store brings them along.
     */
    public static JdbcSalesJournal open(Path file, Clock clock, Duration busyTimeout, boolean keepOutbox) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Path f = file.toAbsolutePath().normalize();
        JournalConnection db = new JournalConnection(f, busyTimeout, JournalFile.open(f, busyTimeout));
        if (keepOutbox) {
            try {
                int queued = db.write("queue the sales the store ledger has not seen", t -> t.queueUnqueued(clock.millis()));
                if (queued > 0) {
                    LOG.log(System.Logger.Level.INFO, "{0} sales queued for the store ledger", queued);
                }
            } catch (JournalException e) {
                db.close();
                throw e;
            }
        }
        return new JdbcSalesJournal(f, clock, db, keepOutbox);
    }

    /** The outbox for the store ledger; empty unless the journal was opened to keep one. */
    public Optional<SaleOutbox> outbox() {
        return Optional.ofNullable(outbox);
    }

    /** The schema version this build writes and understands. */
    public static int schemaVersion() {
        return JournalMigrations.LATEST;
    }

    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines,
            String idempotencyKey, SaleDiscounts discounts) {
        long totalMinor = JournalRules.checkBegin(saleId, registerId, currency, lines, idempotencyKey);
        JournalRules.checkDiscounts(lines, discounts);
        return db.write("journal sale " + saleId, t -> {
            if (t.exists(saleId)) {
                throw JournalRules.saleExists(saleId);
            }
            requireUnusedKey(t, idempotencyKey);
            long now = clock.millis();
            t.insertSale(saleId, registerId, currency, totalMinor, now);
            t.insertLines(saleId, lines);
            t.insertDiscounts(saleId, discounts);
            t.insertAttempt(saleId, 1, idempotencyKey, now);
            t.insertChange(saleId, now, null, SaleState.CHARGING, JournalRules.attemptNote(1));
            return changed(t, saleId, now);
        });
    }

    @Override
    public Sale newAttempt(String saleId, String idempotencyKey) {
        JournalRules.checkKey(idempotencyKey);
        return db.write("start a new attempt for sale " + saleId, t -> {
            Sale current = required(t, saleId);
            if (JournalRules.isRetriedAttempt(current, idempotencyKey)) {
                return current;
            }
            requireUnusedKey(t, idempotencyKey);
            long now = clock.millis();
            int attempt = current.attempt() + 1;
            t.insertAttempt(saleId, attempt, idempotencyKey, now);
            t.startAttempt(saleId, attempt, now);
            t.insertChange(saleId, now, current.state(), SaleState.CHARGING, JournalRules.attemptNote(attempt));
            return changed(t, saleId, now);
        });
    }

    @Override
    public Sale replaceAttempt(String saleId, String idempotencyKey, String why) {
        JournalRules.checkKey(idempotencyKey);
        return db.write("replace the attempt of sale " + saleId, t -> {
            Sale current = required(t, saleId);
            if (JournalRules.isRetriedReplacement(current, idempotencyKey)) {
                return current;
            }
            requireUnusedKey(t, idempotencyKey);
            long now = clock.millis();
            int attempt = current.attempt() + 1;
            t.insertAttempt(saleId, attempt, idempotencyKey, now);
            t.startAttempt(saleId, attempt, now);
            t.insertChange(saleId, now, SaleState.CHARGING, SaleState.CHARGING,
                    JournalRules.replacedAttemptNote(attempt, why));
            return changed(t, saleId, now);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Recording the same session again returns the sale unchanged. While the sale is
     * {@link SaleState#CANCELLING} (the cashier cancelled while the create call was in flight) the
     * session is recorded and the state stays CANCELLING, so the flow knows which session to expire.
     *
     * @throws JournalException when the current attempt already has a different session, or the
     *     session is recorded for another attempt
     */
    @Override
    public Sale recordSession(String saleId, String sessionId, Instant expiresAt) {
        JournalRules.checkSessionId(sessionId);
        return db.write("record session " + sessionId + " for sale " + saleId, t -> {
            Sale current = required(t, saleId);
            JournalRules.SessionStep step = JournalRules.recordSession(current, sessionId);
            if (step == JournalRules.SessionStep.UNCHANGED) {
                return current;
            }
            Optional<SaleTables.Owner> owner = t.sessionOwner(sessionId);
            if (owner.isPresent()) {
                throw JournalRules.sessionInUse(sessionId, owner.get().saleId(), owner.get().attempt());
            }
            long now = clock.millis();
            t.setSession(saleId, current.attempt(), sessionId, expiresAt);
            if (step == JournalRules.SessionStep.RECORD_WHILE_CANCELLING) {
                t.touch(saleId, now);
            } else {
                t.setState(saleId, SaleState.AWAITING_PAYMENT, now);
                t.insertChange(saleId, now, current.state(), SaleState.AWAITING_PAYMENT,
                        JournalRules.sessionNote(sessionId));
            }
            return changed(t, saleId, now);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>A {@code null} payment intent is accepted (the sale is still paid) and filled in by a later
     * call that knows it. On a sale that is already paid, the same intent (or an unknown one) returns
     * the sale and only fills in what was missing.
     *
     * @throws ConflictingPaymentException when the sale is paid with a different payment intent
     * @throws IllegalTransitionException when the sale's state does not allow payment
     */
    @Override
    public Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note) {
        return db.write("record payment of sale " + saleId, t -> {
            Sale current = required(t, saleId);
            long now = clock.millis();
            switch (JournalRules.markPaid(current, paymentIntentId, paymentMethod)) {
                case UNCHANGED -> {
                    return current;
                }
                case FILL_IN -> t.setPayment(saleId, JournalRules.kept(current.paymentIntentId(), paymentIntentId),
                        JournalRules.kept(current.paymentMethod(), paymentMethod), now);
                case PAY -> {
                    t.setPayment(saleId, paymentIntentId, paymentMethod, now);
                    t.setState(saleId, SaleState.PAID, now);
                    t.insertChange(saleId, now, current.state(), SaleState.PAID,
                            JournalRules.paidNote(note, paymentIntentId));
                }
            }
            return changed(t, saleId, now);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Moving to {@link SaleState#PAID} this way is {@link #markPaid} with the intent unknown.
     */
    @Override
    public Sale transition(String saleId, SaleState to, String note) {
        Objects.requireNonNull(to, "to");
        if (to == SaleState.PAID) {
            return markPaid(saleId, null, null, note);
        }
        return db.write("move sale " + saleId + " to " + to, t -> {
            Sale current = required(t, saleId);
            JournalRules.requireMove(current, to);
            long now = clock.millis();
            t.setState(saleId, to, now);
            t.insertChange(saleId, now, current.state(), to, note);
            return changed(t, saleId, now);
        });
    }

    @Override
    public Sale payInCash(CashOrder order) {
        Objects.requireNonNull(order, "order");
        String saleId = order.saleId();
        JournalRules.checkBegin(saleId, order.registerId(), order.currency(), order.lines(), order.attemptKey());
        CashTender tender = order.tender();
        return db.write("journal cash sale " + saleId, t -> {
            if (t.exists(saleId)) {
                if (t.cashTender(saleId).filter(tender::equals).isPresent()) {
                    return required(t, saleId);
                }
                throw JournalRules.saleExists(saleId);
            }
            requireUnusedKey(t, order.attemptKey());
            long now = clock.millis();
            if (order.replacesSaleId() != null) {
                takeOver(t, order.replacesSaleId(), saleId, now);
            }
            t.insertSale(saleId, order.registerId(), order.currency(), order.totalMinor(), now);
            t.insertLines(saleId, order.lines());
            t.insertAttempt(saleId, 1, order.attemptKey(), now);
            t.setPayment(saleId, null, CashOrder.METHOD, now);
            t.setState(saleId, SaleState.PAID, now);
            t.insertChange(saleId, now, null, SaleState.PAID, JournalRules.cashNote(tender, order.currency()));
            t.insertCashTender(tender);
            return changed(t, saleId, now);
        });
    }

    /** The card attempt a cash sale takes over is cancelled in the same transaction, unless nothing can reach it. */
    private void takeOver(SaleTables t, String cardSaleId, String cashSaleId, long now) throws SQLException {
        Sale card = required(t, cardSaleId);
        JournalRules.checkTakeOver(card, t.cashReplacing(cardSaleId).isPresent());
        if (JournalRules.takeOverCancels(card)) {
            t.setState(cardSaleId, SaleState.CANCELLING, now);
            t.insertChange(cardSaleId, now, card.state(), SaleState.CANCELLING, JournalRules.takenOverNote(cashSaleId));
            changed(t, cardSaleId, now);
        }
    }

    @Override
    public DrawerEntry recordDrawer(DrawerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        DrawerEntry stored = new DrawerEntry(entry.id(), entry.registerId(),
                Instant.ofEpochMilli(entry.at().toEpochMilli()), entry.currency(), entry.kind(), entry.amountMinor(),
                entry.reason(), entry.expectedMinor());
        return db.write("record drawer entry " + entry.id(), t -> {
            List<DrawerEntry> same = t.drawer("id = ?", List.of(entry.id()));
            if (!same.isEmpty()) {
                if (same.get(0).equals(stored)) {
                    return same.get(0);
                }
                throw new JournalException("Drawer entry " + entry.id() + " is in the journal already, otherwise");
            }
            t.insertDrawer(stored);
            return stored;
        });
    }

    @Override
    public List<DrawerEntry> drawerBetween(Instant from, Instant to) {
        return db.read("read the drawer", t -> t.drawer("at >= ? AND at < ?",
                List.of(from.toEpochMilli(), to.toEpochMilli())));
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Sale> find(String saleId) {
        return db.read("read sale " + saleId, t -> t.load(saleId));
    }

    @Override
    public List<Sale> unfinished() {
        StringBuilder in = new StringBuilder();
        List<Object> states = new ArrayList<>();
        for (SaleState s : SaleState.values()) {
            if (s.needsReconciliation()) {
                in.append(in.length() == 0 ? "?" : ", ?");
                states.add(s.name());
            }
        }
        return db.read("read unfinished sales", t -> t.query("s.state IN (" + in + ")", states));
    }

    @Override
    public List<Sale> createdBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("read sales", t -> t.query("s.created_at >= ? AND s.created_at < ?",
                List.of(from.toEpochMilli(), to.toEpochMilli())));
    }

    /** The sale's history, oldest first; the first entry (from {@code null}) is the sale's creation. */
    @Override
    public List<StateChange> history(String saleId) {
        return db.read("read the history of sale " + saleId, t -> t.history(saleId));
    }

    @Override
    public List<String> attemptKeys(String saleId) {
        return db.read("read the attempts of sale " + saleId, t -> t.attemptKeys(saleId));
    }

    @Override
    public Optional<CashTender> cashTender(String saleId) {
        return db.read("read the cash of sale " + saleId, t -> t.cashTender(saleId));
    }

    @Override
    public Optional<CashTender> cashReplacing(String cardSaleId) {
        return db.read("read the cash sale that took over " + cardSaleId, t -> t.cashReplacing(cardSaleId));
    }

    // ---------------------------------------------------------------- refunds (JournalRefunds)

    @Override
    public Refund beginRefund(RefundOrder order) {
        return refunds.begin(order);
    }

    @Override
    public Refund beginStoreRefund(RefundOrder order, Sale sale) {
        return refunds.beginStore(order, sale);
    }

    @Override
    public boolean handRefundsToStore(String saleId) {
        return db.write("hand the refunds of sale " + saleId + " to the store", t -> {
            required(t, saleId);
            if (t.refundsInStore(saleId)) {
                return false;
            }
            t.handRefundsToStore(saleId);
            changed(t, saleId, clock.millis());
            return true;
        });
    }

    @Override
    public Refund recordRefundStatus(String refundId, String stripeRefundId, RefundStatus status,
            String failureReason) {
        return refunds.recordStatus(refundId, stripeRefundId, status, failureReason);
    }

    @Override
    public Optional<Refund> findRefund(String refundId) {
        return refunds.find(refundId);
    }

    @Override
    public List<Refund> refunds(String saleId) {
        return refunds.ofSale(saleId);
    }

    @Override
    public List<Refund> unfinishedRefunds() {
        return refunds.unfinished();
    }

    @Override
    public List<Refund> refundsCreatedBetween(Instant from, Instant to) {
        return refunds.createdBetween(from, to);
    }

    @Override
    public void close() {
        db.close();
    }

    /**
     * Caps the file at {@code pages} pages for this connection. SQLite then answers writes that need
     * more room with {@code SQLITE_FULL}, exactly as on a full disk: the tests use it to show that a
     * full disk leaves nothing half-written.
     */
    void capPages(long pages) {
        db.capPages(pages);
    }

    /**
     * Counts the change just written and, when the journal keeps an outbox, queues the sale as it now is,
     * in the same transaction: the change and its trip to the ledger are committed together or not at all.
     */
    private Sale changed(SaleTables t, String saleId, long now) throws SQLException {
        int changeNo = t.countChange(saleId);
        if (outbox == null) {
            return t.load(saleId).orElseThrow();
        }
        SaleImage image = t.image(saleId).orElseThrow();
        t.queue(saleId, changeNo, SaleImageJson.encode(image), now);
        return image.sale();
    }

    // ---------------------------------------------------------------- checks needing the tables

    static Sale required(SaleTables t, String saleId) throws SQLException {
        return t.load(saleId).orElseThrow(() -> JournalRules.unknownSale(saleId));
    }

    private static void requireUnusedKey(SaleTables t, String key) throws SQLException {
        Optional<SaleTables.Owner> owner = t.keyOwner(key);
        if (owner.isPresent()) {
            throw JournalRules.keyInUse(key, owner.get().saleId(), owner.get().attempt());
        }
    }
}
