package app.scantill.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal's one SQLite connection behind a lock (ADR 0021): each piece of work runs alone, in one
 * transaction, and either commits whole or leaves nothing. A write begins {@code IMMEDIATE}, taking
 * SQLite's write lock before its first read, so no other thread or process can change the sale
 * between the work's check and its write.
 */
final class JournalConnection {

    private static final System.Logger LOG = System.getLogger(JournalConnection.class.getName());

    /** Work inside one transaction, on the journal's tables. */
    @FunctionalInterface
    interface Work<T> {
        T run(SaleTables tables) throws SQLException;
    }

    private final Path file;
    private final Duration busyTimeout;
    private final Connection connection;
    private final SaleTables tables;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    JournalConnection(Path file, Duration busyTimeout, Connection connection) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        this.connection = connection;
        this.tables = new SaleTables(connection);
    }

    /** Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction; {@code action} names it in a failure. */
    <T> T write(String action, Work<T> work) {
        return inTransaction("BEGIN IMMEDIATE", action, true, work);
    }

    <T> T read(String action, Work<T> work) {
        return inTransaction("BEGIN", action, false, work);
    }

    private <T> T inTransaction(String begin, String action, boolean writing, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw JournalRules.closed(action);
            }
            try (Statement st = connection.createStatement()) {
                st.execute(begin);
                T result;
                try {
                    result = work.run(tables);
                    st.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
                return result;
            } catch (SQLException e) {
                JournalException failure = SqliteFailures.during(action, file, e, busyTimeout, writing);
                LOG.log(System.Logger.Level.WARNING, failure.getMessage(), e);
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the sales journal " + file + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** See {@link JdbcSalesJournal#capPages}. */
    void capPages(long pages) {
        lock.lock();
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA max_page_count = " + pages);
        } catch (SQLException e) {
            throw new JournalException("Could not cap the journal size", e);
        } finally {
            lock.unlock();
        }
    }

    static void rollbackQuietly(Connection c) {
        try (Statement st = c.createStatement()) {
            if (!c.getAutoCommit()) {
                c.rollback();
            } else {
                st.execute("ROLLBACK");
            }
        } catch (SQLException ignored) {
            // No transaction left to roll back (SQLite already did, e.g. after SQLITE_FULL): nothing to do.
        }
    }
}
