package app.scantill.ledger;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL schema of its own for one test class, on the server every machine of this project runs
 * ({@code 127.0.0.1:5432}, trust authentication, database {@code test}; {@code SCANTILL_TEST_PG_URL}
 * and {@code SCANTILL_TEST_PG_USER} point elsewhere). Created before the class, dropped after it, so
 * nothing is left on the server and nothing left there is relied on. Without a reachable server the
 * class is skipped with a message saying how to run it, except under {@code CI=true}, where it fails:
 * CI must prove the ledger, not skip it.
 *
 * <pre>{@code @RegisterExtension static final LedgerDatabase DB = new LedgerDatabase();}</pre>
 */
public final class LedgerDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String baseUrl = envOr("SCANTILL_TEST_PG_URL", DEFAULT_URL);
    private final String user = envOr("SCANTILL_TEST_PG_USER", "postgres");
    private boolean migrated;
    private final String schema = "st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);

    @Override
    public void beforeAll(ExtensionContext context) {
        try (Connection c = connect(baseUrl); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String how = "No PostgreSQL at " + baseUrl + " (" + e.getMessage() + "). The store ledger tests need "
                    + "one: start PostgreSQL on 127.0.0.1:5432 with trust authentication and a database 'test', "
                    + "or set SCANTILL_TEST_PG_URL (and SCANTILL_TEST_PG_USER) to a server where they may create "
                    + "and drop a schema.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how + " CI=true: the ledger tests must run, not be skipped.");
            }
            Assumptions.abort(how);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try (Connection c = connect(baseUrl); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The JDBC URL of this class's schema: what a till's {@code store.ledger.url} is set to. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return user;
    }

    public String schema() {
        return schema;
    }

    public LedgerAddress address(String applicationName) {
        return new LedgerAddress(url(), user, null, applicationName);
    }

    /** A plain connection to this class's schema, for the test's own look at the ledger. */
    public Connection connection() throws SQLException {
        return connect(url());
    }

    /**
     * Empties every table the ledger holds data in (the schema history stays): a fresh store. The schema is
     * brought up to date first, as the first till of a store would.
     */
    public void emptyLedger() throws SQLException {
        if (!migrated) {
            StoreLedger.open(address("ScanTill tests")).close();
            migrated = true;
        }
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE sale_changes, state_changes, attempts, sale_discounts, sale_lines, sales, registers, watcher, "
                    + "seen_events, stripe_outcomes, refund_changes, refund_lines, refunds, refund_handovers, cash_tenders");
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("connectTimeout", "3");
        p.setProperty("ApplicationName", "ScanTill tests");
        return DriverManager.getConnection(url, p);
    }

    private static String envOr(String variable, String otherwise) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? otherwise : v.strip();
    }
}
