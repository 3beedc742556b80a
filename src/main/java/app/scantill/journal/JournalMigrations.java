package app.scantill.journal;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's schema as a list of versioned migrations, and their application. {@code PRAGMA
 * user_version} holds the version a file is at; each migration runs in its own transaction together
 * with the version bump, so a crash mid-migration leaves the file at the previous version. Never edit
 * a released migration: add a new one.
 */
final class JournalMigrations {

    private static final System.Logger LOG = System.getLogger(JournalMigrations.class.getName());

    /** {@code PRAGMA application_id}: marks the file as a ScanTill journal ("STJ1"). */
    static final int APPLICATION_ID = 0x53544A31;

    /**
     * One schema version.
     *
     * @param rebuildsTables the migration drops and re-creates tables others refer to: foreign keys are switched
     *     off around its transaction and checked before it commits (SQLite's documented way to change a table's
     *     constraints: lang_altertable.html, "Making Other Kinds Of Table Schema Changes")
     */
    record Migration(int version, String description, List<String> statements, boolean rebuildsTables) {
        Migration(int version, String description, List<String> statements) {
            this(version, description, statements, false);
        }
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "sales, lines, attempts and state history", List.of(
                    "PRAGMA application_id = " + APPLICATION_ID,
                    """
                    CREATE TABLE sales (
                        id                TEXT    PRIMARY KEY,
                        register_id       TEXT    NOT NULL,
                        created_at        INTEGER NOT NULL,
                        currency          TEXT    NOT NULL CHECK (length(currency) = 3),
                        total_minor       INTEGER NOT NULL CHECK (total_minor >= 0),
                        state             TEXT    NOT NULL,
                        attempt           INTEGER NOT NULL CHECK (attempt >= 1),
                        payment_intent_id TEXT,
                        payment_method    TEXT,
                        updated_at        INTEGER NOT NULL
                    )""",
                    "CREATE INDEX sales_by_created ON sales (created_at)",
                    "CREATE INDEX sales_by_state ON sales (state)",
                    """
                    CREATE TABLE sale_lines (
                        sale_id           TEXT    NOT NULL REFERENCES sales (id),
                        line_no           INTEGER NOT NULL,
                        sku               TEXT    NOT NULL,
                        name              TEXT    NOT NULL,
                        unit_amount_minor INTEGER NOT NULL CHECK (unit_amount_minor >= 0),
                        quantity          INTEGER NOT NULL CHECK (quantity >= 1),
                        PRIMARY KEY (sale_id, line_no)
                    )""",
                    """
                    CREATE TABLE attempts (
                        sale_id            TEXT    NOT NULL REFERENCES sales (id),
                        attempt_no         INTEGER NOT NULL,
                        idempotency_key    TEXT    NOT NULL UNIQUE,
                        session_id         TEXT    UNIQUE,
                        session_expires_at INTEGER,
                        created_at         INTEGER NOT NULL,
                        PRIMARY KEY (sale_id, attempt_no)
                    )""",
                    """
                    CREATE TABLE state_changes (
                        id         INTEGER PRIMARY KEY AUTOINCREMENT,
                        sale_id    TEXT    NOT NULL REFERENCES sales (id),
                        at         INTEGER NOT NULL,
                        from_state TEXT,
                        to_state   TEXT    NOT NULL,
                        note       TEXT
                    )""",
                    "CREATE INDEX state_changes_by_sale ON state_changes (sale_id, id)")),
            // Changes are counted per sale always; the outbox is written only while a store ledger is
            // configured (docs/adr/0100). A sale from before this version counts one change per history entry.
            new Migration(2, "change numbers and the outbox for the store ledger", List.of(
                    "ALTER TABLE sales ADD COLUMN changes INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE sales ADD COLUMN queued INTEGER NOT NULL DEFAULT 0",
                    "UPDATE sales SET changes = (SELECT count(*) FROM state_changes c WHERE c.sale_id = sales.id)",
                    """
                    CREATE TABLE outbox (
                        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
                        sale_id   TEXT    NOT NULL REFERENCES sales (id),
                        change_no INTEGER NOT NULL CHECK (change_no >= 1),
                        image     TEXT,
                        queued_at INTEGER NOT NULL,
                        UNIQUE (sale_id, change_no)
                    )""")),
            new Migration(3, "refunds and their lines", List.of(
                    """
                    CREATE TABLE refunds (
                        id               TEXT    PRIMARY KEY,
                        sale_id          TEXT    NOT NULL REFERENCES sales (id),
                        register_id      TEXT    NOT NULL,
                        created_at       INTEGER NOT NULL,
                        currency         TEXT    NOT NULL CHECK (length(currency) = 3),
                        amount_minor     INTEGER NOT NULL CHECK (amount_minor > 0),
                        reason           TEXT    NOT NULL,
                        payment_intent_id TEXT   NOT NULL,
                        payment_method   TEXT,
                        idempotency_key  TEXT    NOT NULL UNIQUE,
                        status           TEXT    NOT NULL,
                        stripe_refund_id TEXT    UNIQUE,
                        failure_reason   TEXT,
                        updated_at       INTEGER NOT NULL
                    )""",
                    "CREATE INDEX refunds_by_sale ON refunds (sale_id, created_at)",
                    "CREATE INDEX refunds_by_created ON refunds (created_at)",
                    "CREATE INDEX refunds_by_status ON refunds (status)",
                    """
                    CREATE TABLE refund_lines (
                        refund_id TEXT    NOT NULL REFERENCES refunds (id),
                        line_no   INTEGER NOT NULL,
                        sale_line INTEGER NOT NULL CHECK (sale_line >= 1),
                        quantity  INTEGER NOT NULL CHECK (quantity >= 1),
                        PRIMARY KEY (refund_id, line_no)
                    )""")),
            // Refunds reach the store ledger through the outbox, a register may refund another register's sale
            // (no sale row here: the refund keeps what it needs of it), and a sale's refunds can be handed to the
            // store (docs/adr/0122). Refunds and the outbox are rebuilt to lose their reference to sales. A refund
            // from before counts as one change, so a till in a store ships it once, as it now is.
            new Migration(4, "refunds in the outbox, refunds of other registers' sales, refunds handed to the store",
                    List.of(
                    "ALTER TABLE sales ADD COLUMN refunds_in_store INTEGER NOT NULL DEFAULT 0",
                    """
                    CREATE TABLE refunds_v4 (
                        id               TEXT    PRIMARY KEY,
                        sale_id          TEXT    NOT NULL,
                        register_id      TEXT    NOT NULL,
                        created_at       INTEGER NOT NULL,
                        currency         TEXT    NOT NULL CHECK (length(currency) = 3),
                        amount_minor     INTEGER NOT NULL CHECK (amount_minor > 0),
                        reason           TEXT    NOT NULL,
                        payment_intent_id TEXT   NOT NULL,
                        payment_method   TEXT,
                        idempotency_key  TEXT    NOT NULL UNIQUE,
                        status           TEXT    NOT NULL,
                        stripe_refund_id TEXT    UNIQUE,
                        failure_reason   TEXT,
                        updated_at       INTEGER NOT NULL,
                        store_decides    INTEGER NOT NULL DEFAULT 0,
                        changes          INTEGER NOT NULL DEFAULT 0,
                        queued           INTEGER NOT NULL DEFAULT 0
                    )""",
                    """
                    INSERT INTO refunds_v4 (id, sale_id, register_id, created_at, currency, amount_minor, reason,
                                            payment_intent_id, payment_method, idempotency_key, status,
                                            stripe_refund_id, failure_reason, updated_at, changes)
                    SELECT id, sale_id, register_id, created_at, currency, amount_minor, reason, payment_intent_id,
                           payment_method, idempotency_key, status, stripe_refund_id, failure_reason, updated_at, 1
                      FROM refunds ORDER BY rowid""",
                    """
                    CREATE TABLE refund_lines_v4 (
                        refund_id TEXT    NOT NULL REFERENCES refunds_v4 (id),
                        line_no   INTEGER NOT NULL,
                        sale_line INTEGER NOT NULL CHECK (sale_line >= 1),
                        quantity  INTEGER NOT NULL CHECK (quantity >= 1),
                        PRIMARY KEY (refund_id, line_no)
                    )""",
                    "INSERT INTO refund_lines_v4 SELECT refund_id, line_no, sale_line, quantity FROM refund_lines",
                    "DROP TABLE refund_lines",
                    "DROP TABLE refunds",
                    // Renaming also turns refund_lines_v4's reference to refunds_v4 into one to refunds.
                    "ALTER TABLE refunds_v4 RENAME TO refunds",
                    "ALTER TABLE refund_lines_v4 RENAME TO refund_lines",
                    "CREATE INDEX refunds_by_sale ON refunds (sale_id, created_at)",
                    "CREATE INDEX refunds_by_created ON refunds (created_at)",
                    "CREATE INDEX refunds_by_status ON refunds (status)",
                    """
                    CREATE TABLE outbox_v4 (
                        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
                        sale_id   TEXT    NOT NULL,
                        refund_id TEXT,
                        change_no INTEGER NOT NULL CHECK (change_no >= 1),
                        image     TEXT,
                        queued_at INTEGER NOT NULL
                    )""",
                    """
                    INSERT INTO outbox_v4 (seq, sale_id, change_no, image, queued_at)
                    SELECT seq, sale_id, change_no, image, queued_at FROM outbox""",
                    "DROP TABLE outbox",
                    "ALTER TABLE outbox_v4 RENAME TO outbox",
                    // A change of a sale (refund_id NULL) or of a refund (of that sale), each once.
                    "CREATE UNIQUE INDEX outbox_once ON outbox (sale_id, ifnull(refund_id, ''), change_no)"),
                    true),
            // The tax rate included in each line's price, in basis points (docs/taxes.md). A line journaled before
            // this version reads as 0 %: the till kept no rate then, and the price it charged stays what it was.
            new Migration(5, "the tax rate of each sale line", List.of(
                    """
                    ALTER TABLE sale_lines ADD COLUMN tax_rate_bp INTEGER NOT NULL DEFAULT 0
                        CHECK (tax_rate_bp BETWEEN 0 AND 10000)""")),
            new Migration(6, "discounts: each line's amount off, and the discounts given with their reasons", List.of(
                    // Every sale journaled before reads as undiscounted: its lines cost their list amount.
                    "ALTER TABLE sale_lines ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0"
                            + " CHECK (discount_minor >= 0)",
                    """
                    CREATE TABLE sale_discounts (
                        sale_id      TEXT    NOT NULL REFERENCES sales (id),
                        line_no      INTEGER NOT NULL CHECK (line_no >= 0),
                        kind         TEXT    NOT NULL CHECK (kind IN ('percent', 'amount')),
                        value        INTEGER NOT NULL CHECK (value >= 1),
                        reason       TEXT    NOT NULL,
                        note         TEXT    NOT NULL DEFAULT '',
                        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
                        PRIMARY KEY (sale_id, line_no)
                    )""")),
            new Migration(7, "cash tenders, and the card attempt a cash sale took over (docs/cash.md)", List.of(
                    """
                    CREATE TABLE cash_tenders (
                        sale_id          TEXT    PRIMARY KEY REFERENCES sales (id),
                        tendered_minor   INTEGER NOT NULL CHECK (tendered_minor >= 0),
                        change_minor     INTEGER NOT NULL CHECK (change_minor >= 0 AND change_minor <= tendered_minor),
                        replaces_sale_id TEXT    UNIQUE REFERENCES sales (id)
                    )""",
                    """
                    CREATE TABLE drawer_entries (
                        id             TEXT    PRIMARY KEY,
                        register_id    TEXT    NOT NULL,
                        at             INTEGER NOT NULL,
                        currency       TEXT    NOT NULL CHECK (length(currency) = 3),
                        kind           TEXT    NOT NULL,
                        amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
                        reason         TEXT,
                        expected_minor INTEGER NOT NULL
                    )""",
                    "CREATE INDEX drawer_entries_by_at ON drawer_entries (at)")));

    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private JournalMigrations() {
    }

    /**
     * Brings the file from version {@code from} to {@link #LATEST}. Each step re-reads the version
     * inside its write lock, so two programs opening one old file migrate it once.
     */
    static void migrate(Statement st, int from, Path file) throws SQLException {
        for (Migration m : MIGRATIONS) {
            if (m.version() <= from) {
                continue;
            }
            if (m.rebuildsTables()) {
                // Takes effect only outside a transaction.
                st.execute("PRAGMA foreign_keys = OFF");
            }
            st.execute("BEGIN IMMEDIATE");
            try {
                if (intPragma(st, "user_version") >= m.version()) {
                    st.execute("COMMIT");
                    continue;
                }
                for (String sql : m.statements()) {
                    st.execute(sql);
                }
                if (m.rebuildsTables()) {
                    requireReferencesIntact(st, m);
                }
                st.execute("PRAGMA user_version = " + m.version());
                st.execute("COMMIT");
                LOG.log(System.Logger.Level.INFO, "Sales journal {0} migrated to version {1} ({2})",
                        file, m.version(), m.description());
            } catch (SQLException | RuntimeException e) {
                JournalConnection.rollbackQuietly(st.getConnection());
                throw e;
            } finally {
                if (m.rebuildsTables()) {
                    st.execute("PRAGMA foreign_keys = ON");
                }
            }
        }
    }

    /** Nothing checked references while the tables were rebuilt: every one must still hold before the commit. */
    private static void requireReferencesIntact(Statement st, Migration m) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
                throw new SQLException("Migration " + m.version() + " would leave a broken reference in table "
                        + rs.getString(1) + "; nothing was changed");
            }
        }
    }

    static int intPragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
