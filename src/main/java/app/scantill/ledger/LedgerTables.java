package app.scantill.ledger;

import app.scantill.journal.OutboxChange;
import app.scantill.journal.RefundChange;
import app.scantill.journal.SaleChange;
import app.scantill.journal.SaleImage;
import app.scantill.journal.SaleImageJson;
import app.scantill.money.TaxRate;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the ledger's sale tables (see {@code V1__store_ledger.sql}, {@code V5__cash.sql}): applying a shipped change,
 * and reading sales back as the journal returns them. Decides nothing; runs inside the caller's
 * transaction.
 */
final class LedgerTables {

    private static final String SALE_COLUMNS = """
            SELECT s.id, s.register_id, s.created_at, s.currency, s.total_minor, s.state, s.attempt,
                   a.idempotency_key, a.session_id, a.session_expires_at,
                   s.payment_intent_id, s.payment_method, s.updated_at, a.started_at
              FROM sales s JOIN attempts a ON a.sale_id = s.id AND a.attempt_no = s.attempt
            """;

    private LedgerTables() {
    }

    // ---- applying a change ----

    /** Applies one change of a sale or of a refund; see {@link #apply(Connection, SaleChange)}. */
    static boolean apply(Connection c, OutboxChange change) throws SQLException {
        if (change instanceof RefundChange r) {
            return LedgerRefundTables.apply(c, r);
        }
        return apply(c, (SaleChange) change);
    }

    /**
     * Applies one change: recorded in {@code sale_changes} once (a resend finds it there and does
     * nothing); the sale's rows take its image only if no later change of the sale arrived first.
     *
     * @return true when the change was new to the ledger
     */
    static boolean apply(Connection c, SaleChange change) throws SQLException {
        SaleImage image = change.image();
        Sale s = image.sale();
        int inserted = update(c, """
                INSERT INTO sale_changes (sale_id, change_no, register_id, state, image)
                VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (sale_id, change_no) DO NOTHING""",
                s.id(), change.changeNo(), s.registerId(), s.state().name(), SaleImageJson.encode(image));
        if (inserted == 0) {
            return false;
        }
        int newer = update(c, """
                INSERT INTO sales (id, register_id, created_at, currency, total_minor, state, attempt,
                                   payment_intent_id, payment_method, updated_at, change_no, refunds_in_store)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, attempt = excluded.attempt,
                    payment_intent_id = excluded.payment_intent_id, payment_method = excluded.payment_method,
                    updated_at = excluded.updated_at, change_no = excluded.change_no,
                    refunds_in_store = sales.refunds_in_store OR excluded.refunds_in_store
                WHERE sales.change_no < excluded.change_no""",
                s.id(), s.registerId(), time(s.createdAt()), s.currency().getCurrencyCode(), s.totalMinor(),
                s.state().name(), s.attempt(), s.paymentIntentId(), s.paymentMethod(), time(s.updatedAt()),
                change.changeNo(), image.refundsInStore());
        if (newer == 0) {
            return true; // a later change already carried more than this one
        }
        int lineNo = 1;
        for (SaleLine line : s.lines()) {
            update(c, """
                    INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_amount_minor, quantity, tax_rate_bp,
                                            discount_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    s.id(), lineNo++, line.sku(), line.name(), line.unitAmountMinor(), line.quantity(),
                    line.taxRate().basisPoints(), line.discountMinor());
        }
        for (AppliedDiscount d : s.discounts().entries()) {
            update(c, """
                    INSERT INTO sale_discounts (sale_id, line_no, kind, value, reason, note, amount_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    s.id(), d.lineNo(), d.discount().kind().code(), d.discount().value(), d.discount().reason().code(),
                    d.discount().note(), d.amountMinor());
        }
        for (SaleImage.Attempt a : image.attempts()) {
            update(c, """
                    INSERT INTO attempts (sale_id, attempt_no, idempotency_key, session_id, session_expires_at,
                                          started_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sale_id, attempt_no) DO UPDATE SET session_id = excluded.session_id,
                        session_expires_at = excluded.session_expires_at""",
                    s.id(), a.number(), a.idempotencyKey(), a.sessionId(), time(a.sessionExpiresAt()),
                    time(a.startedAt()));
        }
        if (image.cash() != null) {
            update(c, """
                    INSERT INTO cash_tenders (sale_id, tendered_minor, change_minor, replaces_sale_id)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    s.id(), image.cash().tenderedMinor(), image.cash().changeMinor(), image.cash().replacesSaleId());
        }
        int entryNo = 1;
        for (StateChange h : image.history()) {
            update(c, """
                    INSERT INTO state_changes (sale_id, entry_no, at, from_state, to_state, note)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    s.id(), entryNo++, time(h.at()), h.from() == null ? null : h.from().name(), h.to().name(),
                    h.note());
        }
        return true;
    }

    // ---- reading sales back ----

    /** Sales matching {@code where} (over alias {@code s}), oldest first, each with its lines. */
    static List<Sale> query(Connection c, String where, List<?> params) throws SQLException {
        Map<String, List<SaleLine>> lines = new LinkedHashMap<>();
        for (Map.Entry<String, SaleLine> line : rows(c, """
                SELECT l.sale_id, l.sku, l.name, l.unit_amount_minor, l.quantity, l.tax_rate_bp, l.discount_minor
                  FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                 WHERE\s""" + where + " ORDER BY l.sale_id, l.line_no", params,
                rs -> Map.entry(rs.getString(1), new SaleLine(rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getLong(7), new TaxRate(rs.getInt(6)))))) {
            lines.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(line.getValue());
        }
        Map<String, List<AppliedDiscount>> discounts = new LinkedHashMap<>();
        for (Map.Entry<String, AppliedDiscount> d : rows(c, """
                SELECT d.sale_id, d.line_no, d.kind, d.value, d.reason, d.note, d.amount_minor
                  FROM sale_discounts d JOIN sales s ON s.id = d.sale_id
                 WHERE\s""" + where, params, rs -> Map.entry(rs.getString(1), new AppliedDiscount(rs.getInt(2),
                        new Discount(Discount.Kind.fromCode(rs.getString(3)), rs.getLong(4),
                                DiscountReason.fromCode(rs.getString(5)).orElse(DiscountReason.OTHER),
                                rs.getString(6)), rs.getLong(7))))) {
            discounts.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d.getValue());
        }
        return rows(c, SALE_COLUMNS + " WHERE " + where + " ORDER BY s.created_at, s.arrival", params, rs -> {
            String id = rs.getString(1);
            return new Sale(id, rs.getString(2), instant(rs, 3), Currency.getInstance(rs.getString(4).strip()),
                    lines.getOrDefault(id, List.of()), rs.getLong(5), SaleState.valueOf(rs.getString(6)), rs.getInt(7),
                    rs.getString(8), rs.getString(9), instant(rs, 10), rs.getString(11), rs.getString(12),
                    instant(rs, 13), instant(rs, 14), new SaleDiscounts(discounts.getOrDefault(id, List.of())));
        });
    }

    static List<StateChange> history(Connection c, String saleId) throws SQLException {
        return rows(c, "SELECT at, from_state, to_state, note FROM state_changes WHERE sale_id = ? ORDER BY entry_no",
                List.of(saleId), rs -> {
                    String from = rs.getString(2);
                    return new StateChange(saleId, instant(rs, 1), from == null ? null : SaleState.valueOf(from),
                            SaleState.valueOf(rs.getString(3)), rs.getString(4));
                });
    }

    static List<String> attemptKeys(Connection c, String saleId) throws SQLException {
        return rows(c, "SELECT idempotency_key FROM attempts WHERE sale_id = ? ORDER BY attempt_no", List.of(saleId),
                rs -> rs.getString(1));
    }

    /** The cash of a cash sale ({@code column} sale_id), or of the one that took over a card attempt (replaces_sale_id). */
    static Optional<CashTender> cashTender(Connection c, String column, String saleId) throws SQLException {
        return first(rows(c, "SELECT sale_id, tendered_minor, change_minor, replaces_sale_id FROM cash_tenders WHERE "
                + column + " = ?", List.of(saleId),
                rs -> new CashTender(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4))));
    }

    // ---- plumbing, shared by the ledger's other tables ----

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, Arrays.asList(params));
            return ps.executeUpdate();
        }
    }

    static <T> List<T> rows(Connection c, String sql, List<?> params, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
            return result;
        }
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}
