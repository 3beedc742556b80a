package app.scantill.journal;

import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The refund operations of the SQLite journal ({@link JdbcSalesJournal} delegates them here): each one transaction on
 * the journal's connection, the decisions {@link RefundRules}', the SQL {@link RefundTables}'. Every change of a refund
 * is counted and, when the journal keeps an outbox, queued for the store ledger in the same transaction.
 */
final class JournalRefunds {

    private final JournalConnection db;
    private final Clock clock;
    private final boolean keepOutbox;

    JournalRefunds(JournalConnection db, Clock clock, boolean keepOutbox) {
        this.db = db;
        this.clock = clock;
        this.keepOutbox = keepOutbox;
    }

    /**
     * {@link SalesJournal#beginRefund}, in one {@code BEGIN IMMEDIATE} transaction: the sale and its earlier refunds
     * are read and the new refund written under SQLite's write lock, so a refund started at the same moment in
     * another window or another process on this file sees this one's amount (or this one sees its).
     */
    Refund begin(RefundOrder order) {
        return db.write("journal refund " + order.refundId() + " of sale " + order.saleId(), t -> {
            Optional<Refund> same = retriedOrder(t, order);
            if (same.isPresent()) {
                return same.get();
            }
            Sale sale = JdbcSalesJournal.required(t, order.saleId());
            return insertRefund(t, order, sale, t.refundsInStore(sale.id()));
        });
    }

    /**
     * {@link SalesJournal#beginStoreRefund}, in the same kind of transaction as {@link #begin}: two refunds of the
     * other register's sale from two windows of this till still see each other here, before the ledger sees both.
     */
    Refund beginStore(RefundOrder order, Sale sale) {
        Objects.requireNonNull(sale, "sale");
        if (!sale.id().equals(order.saleId())) {
            throw new IllegalArgumentException("Refund " + order.refundId() + " is of sale " + order.saleId()
                    + ", not of " + sale.id());
        }
        return db.write("journal refund " + order.refundId() + " of sale " + sale.id() + " of register "
                + sale.registerId(), t -> {
            Optional<Refund> same = retriedOrder(t, order);
            if (same.isPresent()) {
                return same.get();
            }
            if (t.exists(sale.id())) {
                throw new JournalException("Sale " + sale.id() + " is this journal's own; refund " + order.refundId()
                        + " was not journaled as a refund of another register's sale");
            }
            return insertRefund(t, order, sale, true);
        });
    }

    /** {@link SalesJournal#recordRefundStatus}. */
    Refund recordStatus(String refundId, String stripeRefundId, RefundStatus status, String failureReason) {
        return db.write("record status " + status + " of refund " + refundId, t -> {
            RefundTables refunds = t.refunds();
            Refund current = refunds.load(refundId).orElseThrow(() -> RefundRules.unknownRefund(refundId));
            if (RefundRules.recordStatus(current, stripeRefundId, status) == RefundRules.StatusStep.UNCHANGED) {
                return current;
            }
            if (stripeRefundId != null && current.stripeRefundId() == null) {
                Optional<String> owner = refunds.ownerOfStripeId(stripeRefundId);
                if (owner.isPresent()) {
                    throw new JournalException("Stripe refund " + stripeRefundId + " is recorded for refund "
                            + owner.get() + " already; it was not recorded for " + refundId);
                }
            }
            long now = clock.millis();
            refunds.setStatus(refundId, stripeRefundId, status, failureReason, now);
            return refundChanged(t, refundId, now);
        });
    }

    Optional<Refund> find(String refundId) {
        return db.read("read refund " + refundId, t -> t.refunds().load(refundId));
    }

    List<Refund> ofSale(String saleId) {
        return db.read("read the refunds of sale " + saleId, t -> t.refunds().query("r.sale_id = ?", List.of(saleId)));
    }

    List<Refund> unfinished() {
        List<Object> open = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (RefundStatus s : RefundStatus.values()) {
            if (!s.isFinal()) {
                in.append(in.length() == 0 ? "?" : ", ?");
                open.add(s.name());
            }
        }
        return db.read("read unfinished refunds", t -> t.refunds().query("r.status IN (" + in + ")", open));
    }

    List<Refund> createdBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("read refunds", t -> t.refunds().query("r.created_at >= ? AND r.created_at < ?",
                List.of(from.toEpochMilli(), to.toEpochMilli())));
    }

    /** The refund as {@code order} wrote it before (a retry), or nothing; refuses an id or key used for another. */
    private static Optional<Refund> retriedOrder(SaleTables t, RefundOrder order) throws SQLException {
        RefundTables refunds = t.refunds();
        Optional<Refund> same = refunds.load(order.refundId());
        if (same.isPresent()) {
            if (RefundRules.isRetriedOrder(same.get(), order)) {
                return same;
            }
            throw RefundRules.duplicate("Refund id " + order.refundId());
        }
        if (refunds.byKey(order.idempotencyKey()).isPresent() || t.keyOwner(order.idempotencyKey()).isPresent()) {
            throw RefundRules.duplicate("Idempotency key " + order.idempotencyKey());
        }
        return Optional.empty();
    }

    /** Checks the order against the sale and this journal's refunds of it, then writes it and queues it. */
    private Refund insertRefund(SaleTables t, RefundOrder order, Sale sale, boolean storeDecides) throws SQLException {
        RefundTables refunds = t.refunds();
        RefundRules.checkOrder(sale, refunds.query("r.sale_id = ?", List.of(sale.id())), order);
        long now = clock.millis();
        refunds.insert(order, sale, storeDecides, now);
        return refundChanged(t, order.refundId(), now);
    }

    /** A change of a refund: counted, and queued for the store ledger in the same transaction (docs/adr/0122). */
    private Refund refundChanged(SaleTables t, String refundId, long now) throws SQLException {
        RefundTables refunds = t.refunds();
        int changeNo = refunds.countChange(refundId);
        Refund refund = refunds.load(refundId).orElseThrow();
        if (keepOutbox) {
            t.queueRefund(refundId, refund.saleId(), changeNo, RefundJson.encode(refund), now);
        }
        return refund;
    }
}
