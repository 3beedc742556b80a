package app.scantill.ledger;

import app.scantill.journal.RefundChange;
import app.scantill.journal.RefundJson;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the ledger's refund tables (see {@code V2__refunds.sql}): applying a shipped refund change, writing a
 * reservation, and reading refunds back as the journals return them. Decides nothing; runs inside the caller's
 * transaction.
 */
final class LedgerRefundTables {

    private static final String COLUMNS = """
            SELECT r.id, r.sale_id, r.register_id, r.created_at, r.currency, r.amount_minor, r.reason,
                   r.payment_intent_id, r.payment_method, r.idempotency_key, r.status, r.stripe_refund_id,
                   r.failure_reason, r.updated_at, r.store_decides, r.reserved_at IS NOT NULL
              FROM refunds r
            """;

    /** A refund as the ledger holds it, and whether the ledger reserved it. */
    record Held(Refund refund, boolean reserved) {
    }

    private LedgerRefundTables() {
    }

    /**
     * Applies one change of a refund: recorded in {@code refund_changes} once (a resend finds it there and does
     * nothing); the refund's row takes its image only if no later change of it arrived first. A reservation, made
     * before any change arrived, is kept.
     *
     * @return true when the change was new to the ledger
     */
    static boolean apply(Connection c, RefundChange change) throws SQLException {
        Refund r = change.image();
        int inserted = LedgerTables.update(c, """
                INSERT INTO refund_changes (refund_id, change_no, sale_id, register_id, status, image)
                VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (refund_id, change_no) DO NOTHING""",
                r.id(), change.changeNo(), r.saleId(), r.registerId(), r.status().name(), RefundJson.encode(r));
        if (inserted == 0) {
            return false;
        }
        int newer = LedgerTables.update(c, """
                INSERT INTO refunds (id, sale_id, register_id, created_at, currency, amount_minor, reason,
                                     payment_intent_id, payment_method, idempotency_key, status, stripe_refund_id,
                                     failure_reason, updated_at, store_decides, change_no)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, stripe_refund_id = excluded.stripe_refund_id,
                    failure_reason = excluded.failure_reason, updated_at = excluded.updated_at,
                    store_decides = excluded.store_decides, change_no = excluded.change_no
                WHERE refunds.change_no < excluded.change_no""",
                values(r, change.changeNo()));
        if (newer > 0) {
            insertLines(c, r);
        }
        return true;
    }

    /** Writes a refund the ledger reserved before any change of it arrived (change number 0: every change is newer). */
    static void insertReserved(Connection c, Refund r) throws SQLException {
        LedgerTables.update(c, """
                INSERT INTO refunds (id, sale_id, register_id, created_at, currency, amount_minor, reason,
                                     payment_intent_id, payment_method, idempotency_key, status, stripe_refund_id,
                                     failure_reason, updated_at, store_decides, change_no, reserved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""", values(r, 0));
        insertLines(c, r);
    }

    /** Marks a refund that arrived through an outbox as reserved now. */
    static void markReserved(Connection c, String refundId) throws SQLException {
        LedgerTables.update(c, "UPDATE refunds SET reserved_at = now() WHERE id = ? AND reserved_at IS NULL", refundId);
    }

    private static Object[] values(Refund r, int changeNo) {
        return new Object[] {r.id(), r.saleId(), r.registerId(), LedgerTables.time(r.createdAt()),
            r.currency().getCurrencyCode(), r.amountMinor(), r.reason().name(), r.paymentIntentId(), r.paymentMethod(),
            r.idempotencyKey(), r.status().name(), r.stripeRefundId(), r.failureReason(),
            LedgerTables.time(r.updatedAt()), r.storeDecides(), changeNo};
    }

    private static void insertLines(Connection c, Refund r) throws SQLException {
        int no = 1;
        for (RefundLine line : r.lines()) {
            LedgerTables.update(c, """
                    INSERT INTO refund_lines (refund_id, line_no, sale_line, quantity) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", r.id(), no++, line.saleLine(), line.quantity());
        }
    }

    // ---- reading refunds back ----

    /** Refunds matching {@code where} (over alias {@code r}), oldest first, each with its lines. */
    static List<Refund> query(Connection c, String where, List<?> params) throws SQLException {
        return held(c, where, params).stream().map(Held::refund).toList();
    }

    /** As {@link #query}, with whether the ledger reserved each. */
    static List<Held> held(Connection c, String where, List<?> params) throws SQLException {
        Map<String, List<RefundLine>> lines = new LinkedHashMap<>();
        for (Map.Entry<String, RefundLine> line : LedgerTables.rows(c, """
                SELECT l.refund_id, l.sale_line, l.quantity
                  FROM refund_lines l JOIN refunds r ON r.id = l.refund_id
                 WHERE\s""" + where + " ORDER BY l.refund_id, l.line_no", params,
                rs -> Map.entry(rs.getString(1), new RefundLine(rs.getInt(2), rs.getInt(3))))) {
            lines.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(line.getValue());
        }
        return LedgerTables.rows(c, COLUMNS + " WHERE " + where + " ORDER BY r.created_at, r.arrival", params,
                rs -> new Held(refund(rs, lines), rs.getBoolean(16)));
    }

    private static Refund refund(ResultSet rs, Map<String, List<RefundLine>> lines) throws SQLException {
        String id = rs.getString(1);
        return new Refund(id, rs.getString(2), rs.getString(3), LedgerTables.instant(rs, 4),
                Currency.getInstance(rs.getString(5).strip()), rs.getLong(6), RefundReason.valueOf(rs.getString(7)),
                lines.getOrDefault(id, List.of()), rs.getString(8), rs.getString(9), rs.getString(10),
                RefundStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                LedgerTables.instant(rs, 14), rs.getBoolean(15));
    }
}
