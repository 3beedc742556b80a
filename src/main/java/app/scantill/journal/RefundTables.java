package app.scantill.journal;

import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SQL statement the journal runs on {@code refunds} and {@code refund_lines} (migrations 3 and 4 of
 * {@link JournalMigrations}). Only ever called inside a transaction of {@link JournalConnection}, through
 * {@link SaleTables#refunds()}; decides nothing.
 */
final class RefundTables {

    private static final String COLUMNS = """
            SELECT r.id, r.sale_id, r.register_id, r.created_at, r.currency, r.amount_minor, r.reason,
                   r.payment_intent_id, r.payment_method, r.idempotency_key, r.status, r.stripe_refund_id,
                   r.failure_reason, r.updated_at, r.store_decides
              FROM refunds r
            """;

    private final SaleTables tables;

    RefundTables(SaleTables tables) {
        this.tables = tables;
    }

    /**
     * @param sale the sale refunded: this journal's, or another register's as the store ledger holds it
     * @param storeDecides the store ledger reserves the refund before it is sent (docs/adr/0122)
     */
    void insert(RefundOrder order, Sale sale, boolean storeDecides, long now) throws SQLException {
        tables.update("""
                INSERT INTO refunds (id, sale_id, register_id, created_at, currency, amount_minor, reason,
                                     payment_intent_id, payment_method, idempotency_key, status, updated_at,
                                     store_decides)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                order.refundId(), sale.id(), order.registerId(), now, sale.currency().getCurrencyCode(),
                order.amountMinor(), order.reason().name(), sale.paymentIntentId(), sale.paymentMethod(),
                order.idempotencyKey(), RefundStatus.REQUESTED.name(), now, storeDecides ? 1 : 0);
        int no = 1;
        for (RefundLine line : order.lines()) {
            tables.update("INSERT INTO refund_lines (refund_id, line_no, sale_line, quantity) VALUES (?, ?, ?, ?)",
                    order.refundId(), no++, line.saleLine(), line.quantity());
        }
    }

    void setStatus(String refundId, String stripeRefundId, RefundStatus status, String failureReason, long now)
            throws SQLException {
        tables.update("""
                UPDATE refunds SET stripe_refund_id = COALESCE(stripe_refund_id, ?), status = ?,
                       failure_reason = COALESCE(?, failure_reason), updated_at = ?
                 WHERE id = ?""", stripeRefundId, status.name(), failureReason, now, refundId);
    }

    /** Counts one more change of the refund (for the store ledger's outbox) and returns its number. */
    int countChange(String refundId) throws SQLException {
        tables.update("UPDATE refunds SET changes = changes + 1 WHERE id = ?", refundId);
        return SaleTables.first(tables.rows("SELECT changes FROM refunds WHERE id = ?", List.of(refundId),
                rs -> rs.getInt(1))).orElseThrow();
    }

    Optional<Refund> load(String refundId) throws SQLException {
        return SaleTables.first(query("r.id = ?", List.of(refundId)));
    }

    Optional<Refund> byKey(String key) throws SQLException {
        return SaleTables.first(query("r.idempotency_key = ?", List.of(key)));
    }

    Optional<String> ownerOfStripeId(String stripeRefundId) throws SQLException {
        return SaleTables.first(tables.rows("SELECT id FROM refunds WHERE stripe_refund_id = ?",
                List.of(stripeRefundId), rs -> rs.getString(1)));
    }

    /** Refunds matching {@code where} (over alias {@code r}), oldest first, each with its lines. */
    List<Refund> query(String where, List<?> params) throws SQLException {
        Map<String, List<RefundLine>> lines = new LinkedHashMap<>();
        for (Map.Entry<String, RefundLine> line : tables.rows("""
                SELECT l.refund_id, l.sale_line, l.quantity
                  FROM refund_lines l JOIN refunds r ON r.id = l.refund_id
                 WHERE\s""" + where + " ORDER BY l.refund_id, l.line_no", params,
                rs -> Map.entry(rs.getString(1), new RefundLine(rs.getInt(2), rs.getInt(3))))) {
            lines.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(line.getValue());
        }
        return tables.rows(COLUMNS + " WHERE " + where + " ORDER BY r.created_at, r.rowid", params,
                rs -> refund(rs, lines));
    }

    private static Refund refund(ResultSet rs, Map<String, List<RefundLine>> lines) throws SQLException {
        String id = rs.getString(1);
        return new Refund(id, rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                SaleTables.currency(rs.getString(5)), rs.getLong(6), reason(rs.getString(7)),
                lines.getOrDefault(id, List.of()), rs.getString(8), rs.getString(9), rs.getString(10),
                status(rs.getString(11)), rs.getString(12), rs.getString(13), Instant.ofEpochMilli(rs.getLong(14)),
                rs.getInt(15) != 0);
    }

    private static RefundReason reason(String name) {
        try {
            return RefundReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JournalException("The journal holds a refund reason this ScanTill does not know: " + name, e);
        }
    }

    private static RefundStatus status(String name) {
        try {
            return RefundStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JournalException("The journal holds a refund status this ScanTill does not know: " + name, e);
        }
    }
}
