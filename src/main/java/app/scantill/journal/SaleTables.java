package app.scantill.journal;

import app.scantill.money.TaxRate;
import app.scantill.sale.CashTender;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.Sale;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SQL statement the journal runs on its sale tables ({@code sales}, {@code sale_lines},
 * {@code attempts}, {@code state_changes}, {@code cash_tenders}; see {@link JournalMigrations}). Only ever called inside a
 * transaction of {@link JournalConnection}; decides nothing. Times are UTC epoch milliseconds.
 */
final class SaleTables {

    private static final String SALE_COLUMNS = """
            SELECT s.id, s.register_id, s.created_at, s.currency, s.total_minor, s.state, s.attempt,
                   a.idempotency_key, a.session_id, a.session_expires_at,
                   s.payment_intent_id, s.payment_method, s.updated_at, a.created_at
              FROM sales s JOIN attempts a ON a.sale_id = s.id AND a.attempt_no = s.attempt
            """;

    private static final String CASH_COLUMNS =
            "SELECT sale_id, tendered_minor, change_minor, replaces_sale_id FROM cash_tenders";

    /** One row of a result, made into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Where a stored idempotency key or session belongs. */
    record Owner(String saleId, int attempt) {
    }

    private final Connection connection;
    private final RefundTables refunds;

    SaleTables(Connection connection) {
        this.connection = connection;
        this.refunds = new RefundTables(this);
    }

    /** The refund tables, in the same transaction. */
    RefundTables refunds() {
        return refunds;
    }

    // ---- writes ----

    void insertSale(String saleId, String registerId, Currency currency, long totalMinor, long now)
            throws SQLException {
        update("""
                INSERT INTO sales (id, register_id, created_at, currency, total_minor, state, attempt, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?)""",
                saleId, registerId, now, currency.getCurrencyCode(), totalMinor, SaleState.CHARGING.name(), now);
    }

    void insertLines(String saleId, List<SaleLine> lines) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_amount_minor, quantity, tax_rate_bp,
                                        discount_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int no = 1;
            for (SaleLine line : lines) {
                bind(ps, List.of(saleId, no++, line.sku(), line.name(), line.unitAmountMinor(), line.quantity(),
                        line.taxRate().basisPoints(), line.discountMinor()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The discounts the cashier gave (line 0: the cart's), beside the amounts already in the lines. */
    void insertDiscounts(String saleId, SaleDiscounts discounts) throws SQLException {
        for (AppliedDiscount d : discounts.entries()) {
            update("""
                    INSERT INTO sale_discounts (sale_id, line_no, kind, value, reason, note, amount_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", saleId, d.lineNo(), d.discount().kind().code(),
                    d.discount().value(), d.discount().reason().code(), d.discount().note(), d.amountMinor());
        }
    }

    void insertAttempt(String saleId, int attempt, String key, long now) throws SQLException {
        update("INSERT INTO attempts (sale_id, attempt_no, idempotency_key, created_at) VALUES (?, ?, ?, ?)",
                saleId, attempt, key, now);
    }

    /** Makes {@code attempt} the sale's current attempt, CHARGING. */
    void startAttempt(String saleId, int attempt, long now) throws SQLException {
        update("UPDATE sales SET state = ?, attempt = ?, updated_at = ? WHERE id = ?",
                SaleState.CHARGING.name(), attempt, now, saleId);
    }

    void setSession(String saleId, int attempt, String sessionId, Instant expiresAt) throws SQLException {
        update("UPDATE attempts SET session_id = ?, session_expires_at = ? WHERE sale_id = ? AND attempt_no = ?",
                sessionId, expiresAt == null ? null : expiresAt.toEpochMilli(), saleId, attempt);
    }

    void insertChange(String saleId, long at, SaleState from, SaleState to, String note) throws SQLException {
        update("INSERT INTO state_changes (sale_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)",
                saleId, at, from == null ? null : from.name(), to.name(), note);
    }

    void setState(String saleId, SaleState state, long now) throws SQLException {
        update("UPDATE sales SET state = ?, updated_at = ? WHERE id = ?", state.name(), now, saleId);
    }

    void touch(String saleId, long now) throws SQLException {
        update("UPDATE sales SET updated_at = ? WHERE id = ?", now, saleId);
    }

    void setPayment(String saleId, String intent, String method, long now) throws SQLException {
        update("UPDATE sales SET payment_intent_id = ?, payment_method = ?, updated_at = ? WHERE id = ?",
                intent, method, now, saleId);
    }

    // ---- cash (docs/cash.md) ----

    void insertCashTender(CashTender tender) throws SQLException {
        update("INSERT INTO cash_tenders (sale_id, tendered_minor, change_minor, replaces_sale_id) VALUES (?, ?, ?, ?)",
                tender.saleId(), tender.tenderedMinor(), tender.changeMinor(), tender.replacesSaleId());
    }

    Optional<CashTender> cashTender(String saleId) throws SQLException {
        return first(rows(CASH_COLUMNS + " WHERE sale_id = ?", List.of(saleId), SaleTables::cashTender));
    }

    Optional<CashTender> cashReplacing(String cardSaleId) throws SQLException {
        return first(rows(CASH_COLUMNS + " WHERE replaces_sale_id = ?", List.of(cardSaleId), SaleTables::cashTender));
    }

    private static CashTender cashTender(ResultSet rs) throws SQLException {
        return new CashTender(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
    }

    // ---- the cash drawer (docs/cash.md) ----

    void insertDrawer(DrawerEntry e) throws SQLException {
        update("""
                INSERT INTO drawer_entries (id, register_id, at, currency, kind, amount_minor, reason, expected_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", e.id(), e.registerId(), e.at().toEpochMilli(),
                e.currency().getCurrencyCode(), e.kind().name(), e.amountMinor(), e.reason(), e.expectedMinor());
    }

    List<DrawerEntry> drawer(String where, List<?> params) throws SQLException {
        return rows("SELECT id, register_id, at, currency, kind, amount_minor, reason, expected_minor FROM drawer_entries"
                + " WHERE " + where + " ORDER BY at, rowid", params, rs -> new DrawerEntry(rs.getString(1),
                rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), currency(rs.getString(4)),
                DrawerEntry.Kind.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getLong(8)));
    }

    // ---- the outbox (docs/adr/0100) ----

    /** Counts one more change of the sale and returns its number. */
    int countChange(String saleId) throws SQLException {
        update("UPDATE sales SET changes = changes + 1 WHERE id = ?", saleId);
        return first(rows("SELECT changes FROM sales WHERE id = ?", List.of(saleId), rs -> rs.getInt(1)))
                .orElseThrow();
    }

    /** Queues change {@code changeNo} with the sale as it now is ({@code image} null: read when shipped). */
    void queue(String saleId, int changeNo, String image, long now) throws SQLException {
        update("INSERT INTO outbox (sale_id, change_no, image, queued_at) VALUES (?, ?, ?, ?)",
                saleId, changeNo, image, now);
        update("UPDATE sales SET queued = ? WHERE id = ?", changeNo, saleId);
    }

    /** Queues change {@code changeNo} of a refund with the refund as it now is ({@code image} null: read when shipped). */
    void queueRefund(String refundId, String saleId, int changeNo, String image, long now) throws SQLException {
        update("INSERT INTO outbox (sale_id, refund_id, change_no, image, queued_at) VALUES (?, ?, ?, ?, ?)",
                saleId, refundId, changeNo, image, now);
        update("UPDATE refunds SET queued = ? WHERE id = ?", changeNo, refundId);
    }

    /**
     * Queues every sale and refund changed while no ledger was configured, as one image of its latest change: a
     * till joining a store brings its earlier sales and refunds along (the sales first).
     *
     * @return how many sales and refunds were queued
     */
    int queueUnqueued(long now) throws SQLException {
        List<Map.Entry<String, Integer>> behind = rows(
                "SELECT id, changes FROM sales WHERE queued < changes ORDER BY created_at, rowid", List.of(),
                rs -> Map.entry(rs.getString(1), rs.getInt(2)));
        for (Map.Entry<String, Integer> sale : behind) {
            queue(sale.getKey(), sale.getValue(), null, now);
        }
        List<QueuedChange> refundsBehind = rows(
                "SELECT id, sale_id, changes FROM refunds WHERE queued < changes ORDER BY created_at, rowid",
                List.of(), rs -> new QueuedChange(0, rs.getString(2), rs.getString(1), rs.getInt(3), null));
        for (QueuedChange r : refundsBehind) {
            queueRefund(r.refundId(), r.saleId(), r.changeNo(), null, now);
        }
        return behind.size() + refundsBehind.size();
    }

    /** A row of the outbox: a change of a sale ({@code refundId} null) or of one of its refunds. */
    record QueuedChange(long seq, String saleId, String refundId, int changeNo, String image) {
    }

    List<QueuedChange> queued(int max) throws SQLException {
        return rows("SELECT seq, sale_id, refund_id, change_no, image FROM outbox ORDER BY seq LIMIT ?", List.of(max),
                rs -> new QueuedChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
    }

    void unqueue(long seq) throws SQLException {
        update("DELETE FROM outbox WHERE seq = ?", seq);
    }

    List<String> unshippedSales() throws SQLException {
        return rows("SELECT DISTINCT sale_id FROM outbox", List.of(), rs -> rs.getString(1));
    }

    List<SaleImage.Attempt> attempts(String saleId) throws SQLException {
        return rows("""
                SELECT attempt_no, idempotency_key, session_id, session_expires_at, created_at
                  FROM attempts WHERE sale_id = ? ORDER BY attempt_no""", List.of(saleId),
                rs -> new SaleImage.Attempt(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        Instant.ofEpochMilli(rs.getLong(5))));
    }

    /** The sale with its attempts and history, as one change ships it. */
    Optional<SaleImage> image(String saleId) throws SQLException {
        Optional<Sale> sale = load(saleId);
        if (sale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SaleImage(sale.get(), attempts(saleId), history(saleId), refundsInStore(saleId),
                cashTender(saleId).orElse(null), cashReplacing(saleId).map(CashTender::saleId).orElse(null)));
    }

    // ---- a sale's refunds handed to the store (docs/adr/0122) ----

    boolean refundsInStore(String saleId) throws SQLException {
        return first(rows("SELECT refunds_in_store FROM sales WHERE id = ?", List.of(saleId), rs -> rs.getInt(1) != 0))
                .orElse(false);
    }

    void handRefundsToStore(String saleId) throws SQLException {
        update("UPDATE sales SET refunds_in_store = 1 WHERE id = ?", saleId);
    }

    // ---- reads ----

    boolean exists(String saleId) throws SQLException {
        return !rows("SELECT 1 FROM sales WHERE id = ?", List.of(saleId), rs -> true).isEmpty();
    }

    Optional<Owner> keyOwner(String key) throws SQLException {
        return first(rows("SELECT sale_id, attempt_no FROM attempts WHERE idempotency_key = ?", List.of(key),
                SaleTables::owner));
    }

    Optional<Owner> sessionOwner(String sessionId) throws SQLException {
        return first(rows("SELECT sale_id, attempt_no FROM attempts WHERE session_id = ?", List.of(sessionId),
                SaleTables::owner));
    }

    Optional<Sale> load(String saleId) throws SQLException {
        return first(query("s.id = ?", List.of(saleId)));
    }

    /** Sales matching {@code where} (over alias {@code s}), oldest first, each with its lines. */
    List<Sale> query(String where, List<?> params) throws SQLException {
        Map<String, List<SaleLine>> lines = new LinkedHashMap<>();
        for (Map.Entry<String, SaleLine> line : rows("""
                SELECT l.sale_id, l.sku, l.name, l.unit_amount_minor, l.quantity, l.tax_rate_bp, l.discount_minor
                  FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                 WHERE\s""" + where + " ORDER BY l.sale_id, l.line_no", params,
                rs -> Map.entry(rs.getString(1), new SaleLine(rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getLong(7), new TaxRate(rs.getInt(6)))))) {
            lines.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(line.getValue());
        }
        Map<String, List<AppliedDiscount>> discounts = new LinkedHashMap<>();
        for (Map.Entry<String, AppliedDiscount> d : rows("""
                SELECT d.sale_id, d.line_no, d.kind, d.value, d.reason, d.note, d.amount_minor
                  FROM sale_discounts d JOIN sales s ON s.id = d.sale_id
                 WHERE\s""" + where, params, rs -> Map.entry(rs.getString(1), discountAt(rs)))) {
            discounts.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d.getValue());
        }
        return rows(SALE_COLUMNS + " WHERE " + where + " ORDER BY s.created_at, s.rowid", params,
                rs -> sale(rs, lines).withDiscounts(new SaleDiscounts(discounts.getOrDefault(rs.getString(1),
                        List.of()))));
    }

    List<StateChange> history(String saleId) throws SQLException {
        return rows("SELECT at, from_state, to_state, note FROM state_changes WHERE sale_id = ? ORDER BY id",
                List.of(saleId), rs -> {
                    String from = rs.getString(2);
                    return new StateChange(saleId, Instant.ofEpochMilli(rs.getLong(1)),
                            from == null ? null : state(from), state(rs.getString(3)), rs.getString(4));
                });
    }

    List<String> attemptKeys(String saleId) throws SQLException {
        return rows("SELECT idempotency_key FROM attempts WHERE sale_id = ? ORDER BY attempt_no", List.of(saleId),
                rs -> rs.getString(1));
    }

    // ---- plumbing ----

    void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, Arrays.asList(params));
            ps.executeUpdate();
        }
    }

    <T> List<T> rows(String sql, List<?> params, Row<T> row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
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

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value == null) {
                // Every nullable column of the journal is TEXT or an INTEGER time; SQLite stores NULL alike.
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    private static Owner owner(ResultSet rs) throws SQLException {
        return new Owner(rs.getString(1), rs.getInt(2));
    }

    private static Sale sale(ResultSet rs, Map<String, List<SaleLine>> lines) throws SQLException {
        String id = rs.getString(1);
        return new Sale(id, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), currency(rs.getString(4)),
                lines.getOrDefault(id, List.of()), rs.getLong(5), state(rs.getString(6)), rs.getInt(7),
                rs.getString(8), rs.getString(9), instant(rs, 10), rs.getString(11), rs.getString(12),
                Instant.ofEpochMilli(rs.getLong(13)), Instant.ofEpochMilli(rs.getLong(14)));
    }

    /** A stored discount from a row (sale_id, line_no, kind, value, reason, note, amount_minor); a reason this
     *  ScanTill does not know (a newer one wrote it) reads as other. */
    private static AppliedDiscount discountAt(ResultSet rs) throws SQLException {
        Discount d = new Discount(Discount.Kind.fromCode(rs.getString(3)), rs.getLong(4),
                DiscountReason.fromCode(rs.getString(5)).orElse(DiscountReason.OTHER), rs.getString(6));
        return new AppliedDiscount(rs.getInt(2), d, rs.getLong(7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static SaleState state(String name) {
        try {
            return SaleState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JournalException("The journal holds a sale state this ScanTill does not know: " + name, e);
        }
    }

    static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new JournalException("The journal holds an unknown currency: " + code, e);
        }
    }
}
