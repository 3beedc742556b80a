package app.scantill.ledger;

import app.scantill.journal.JournalException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The connection to the store's PostgreSQL ledger: a small HikariCP pool for the shipper and History,
 * the schema brought up to date by Flyway when opened, and dedicated connections for what must stay on
 * one server session (advisory locks, LISTEN). Thread-safe.
 */
public final class StoreLedger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreLedger.class.getName());

    /** Shipping and History are a handful of short statements: two connections at most per till. */
    static final int POOL_SIZE = 2;

    /** What one piece of work does with one pooled connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final LedgerAddress address;
    private final HikariDataSource pool;

    private StoreLedger(LedgerAddress address, HikariDataSource pool) {
        this.address = address;
        this.pool = pool;
    }

    /**
     * Connects and migrates the ledger's schema.
     *
     * @throws LedgerException when the server cannot be reached, refuses the login, or the schema cannot
     *     be brought up to date
     */
    public static StoreLedger open(LedgerAddress address) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("scantill-ledger");
        config.setJdbcUrl(address.url());
        config.setDataSourceProperties(address.driverProperties());
        config.setMaximumPoolSize(POOL_SIZE);
        // Idle tills hold no pooled connection: a store of 20 tills must fit the server's connection limit.
        config.setMinimumIdle(0);
        config.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        // A till starting while the server is away waits this long at most, then sells on its own.
        config.setInitializationFailTimeout(Duration.ofSeconds(3).toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new LedgerException("The store ledger at " + address.url() + " cannot be reached ("
                    + rootMessage(e) + ")", e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:app/scantill/ledger/migration")
                    .table("ledger_schema_history").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new LedgerException("The store ledger at " + address.url() + " could not be brought up to date ("
                    + rootMessage(e) + ")", e);
        }
        LOG.log(System.Logger.Level.INFO, "Store ledger open: {0}", address);
        return new StoreLedger(address, pool);
    }

    public LedgerAddress address() {
        return address;
    }

    /** Runs {@code work} in one transaction on a pooled connection; {@code action} names it in a failure. */
    public <T> T inTransaction(String action, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("Could not " + action + " in the store ledger: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            if (e instanceof JournalException decided) {
                // A ledger failure already said, or a refusal the work decided (a refund that does not fit).
                throw decided;
            }
            throw new LedgerException("Could not " + action + " in the store ledger: " + rootMessage(e), e);
        }
    }

    /** A connection of its own, outside the pool, for locks and LISTEN that live as long as it does. */
    Connection sessionConnection() throws SQLException {
        return DriverManager.getConnection(address.url(), address.driverProperties());
    }

    @Override
    public void close() {
        pool.close();
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is gone; the server rolled back on its side.
        }
    }

    /** The innermost cause's words (a closed socket says nothing: then its kind), for a log line or a problem. */
    static String rootMessage(Throwable e) {
        String said = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            said = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        }
        return said;
    }
}
