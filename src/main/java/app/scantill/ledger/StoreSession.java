package app.scantill.ledger;

import app.scantill.journal.RegisterInUseException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A till's own session with the store ledger, on a connection outside the pool, because what it holds
 * lives exactly as long as that session: the register's advisory lock (one register, one till), the
 * store watcher's advisory lock once this till is elected, and {@code LISTEN} for the watcher's news.
 * When the server or the till dies, the server drops the locks with the session, so another till takes
 * the watcher's seat within a second or two.
 *
 * <p>One thread, on a scheduled executor: each tick waits briefly for notifications, and about once a
 * second tries for the watcher's seat, reads how the store's watcher is doing and whether another register asked
 * for one of this register's sales to have its refunds handed to the store (docs/adr/0122). A lost connection is
 * opened again with growing waits; the register is claimed again before anything else.
 */
public final class StoreSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreSession.class.getName());

    /** The watcher's advisory lock, by name (a register's is {@code register:<id>}). */
    static final String WATCHER_LOCK = "watcher";
    static final Duration TICK = Duration.ofMillis(250);
    static final Duration ELECTION_PACE = Duration.ofSeconds(1);

    /** How the store's watcher is doing, as seen from this till. */
    public enum Watch {
        /** No watcher is alive (or the ledger cannot be reached): each till polls its own session. */
        NONE,
        /** A watcher lists Stripe's events for the store: tills poll their own session only slowly. */
        WATCHING,
        /** The watcher's Stripe key may not read events: each till polls its own session. */
        NO_PERMISSION
    }

    /** What the session tells the till; called on the session's thread, one call at a time. */
    public interface Listener {
        /** The watcher recorded an outcome for a Checkout Session (the till checks whether it is its own). */
        void outcome(StripeOutcome outcome);

        /** The store's watcher changed state. */
        void watch(Watch watch);

        /** This till holds the watcher's seat now: it should start listing Stripe's events. */
        void elected(WatcherSeat seat);

        /** This till lost the seat (its session ended): it must stop listing at once. */
        void deposed();

        /**
         * Another register asks to refund a sale of this register (docs/adr/0122): its refunds are to be handed to
         * the store, in this till's journal. Said again until the ledger has the hand-over, so it must be harmless
         * to do twice.
         */
        void handOverRefunds(String saleId);
    }

    private final StoreLedger ledger;
    private final String registerId;
    private final String machine;
    private final boolean mayWatch;
    private final ScheduledExecutorService thread;

    // Touched only on the session's thread (and in claim(), before it starts).
    private Connection connection;
    private Listener listener;
    private boolean watcher;
    private Watch watch = Watch.NONE;
    private Instant nextElection = Instant.EPOCH;
    private int failures;

    private StoreSession(StoreLedger ledger, String registerId, String machine, boolean mayWatch, Connection connection) {
        this.ledger = ledger;
        this.registerId = registerId;
        this.machine = machine;
        this.mayWatch = mayWatch;
        this.connection = connection;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-session-" + registerId);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the session and claims {@code registerId} for this till.
     *
     * @param mayWatch whether this till may be elected the store's watcher (it has a Stripe key to list events)
     * @throws RegisterInUseException when another till of the store holds the register
     * @throws LedgerException when the ledger cannot be reached
     */
    public static StoreSession claim(StoreLedger ledger, String registerId, String machine, boolean mayWatch) {
        Objects.requireNonNull(registerId, "registerId");
        Connection c;
        try {
            c = ledger.sessionConnection();
        } catch (SQLException e) {
            throw new LedgerException("The store ledger cannot be reached (" + StoreLedger.rootMessage(e) + ")", e);
        }
        try {
            claimRegister(c, registerId, machine);
            listen(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LedgerException("The register could not be claimed in the store ledger ("
                    + StoreLedger.rootMessage(e) + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        return new StoreSession(ledger, registerId, machine, mayWatch, c);
    }

    /** Starts the session's thread; {@code to} hears of outcomes, the watcher's state and elections. */
    public void start(Listener to) {
        this.listener = Objects.requireNonNull(to, "to");
        schedule(Duration.ZERO);
    }

    /** Reads the outcome the watcher recorded for a session, if any (e.g. after a notification was missed). */
    public Optional<StripeOutcome> outcome(String sessionId) {
        return ledger.inTransaction("read the outcome of " + sessionId, c -> StripeOutcomes.find(c, sessionId));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Closing the session releases the register and the watcher's seat on the server.
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    // ------------------------------------------------------------ the session's thread

    private void tick() {
        try {
            if (connection == null) {
                reconnect();
            }
            boolean handoverAsked = false;
            for (PGNotification n : notifications()) {
                if (LedgerRefunds.HANDOVER_CHANNEL.equals(n.getName())) {
                    handoverAsked |= registerId.equals(n.getParameter());
                    continue;
                }
                Optional<StripeOutcome> outcome = StripeOutcomes.find(connection, n.getParameter());
                outcome.ifPresent(listener::outcome);
            }
            boolean pace = !Instant.now().isBefore(nextElection);
            if (pace) {
                nextElection = Instant.now().plus(ELECTION_PACE);
                elect();
                see(readWatch());
            }
            if (handoverAsked || pace) {
                // Also at the election's pace: a notification sent while this session was away is not lost.
                for (String saleId : LedgerRefunds.handoversAsked(connection, registerId)) {
                    listener.handOverRefunds(saleId);
                }
            }
            failures = 0;
            schedule(Duration.ZERO);
        } catch (SQLException | RuntimeException e) {
            lost(e);
        }
    }

    private List<PGNotification> notifications() throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications((int) TICK.toMillis());
        return received == null ? List.of() : List.of(received);
    }

    private void elect() throws SQLException {
        if (!mayWatch || watcher) {
            return;
        }
        if (tryLock(connection, WATCHER_LOCK)) {
            watcher = true;
            LOG.log(Level.INFO, "Register {0} is now the store's Stripe watcher", registerId);
            listener.elected(new WatcherSeat(ledger, registerId, machine));
        }
    }

    private Watch readWatch() throws SQLException {
        return LedgerTables.first(LedgerTables.rows(connection, """
                SELECT status, heartbeat_at > now() - make_interval(secs => ?) FROM watcher WHERE id = 1""",
                List.of((double) WatcherSeat.HEARTBEAT_LIMIT.toMillis() / 1000), rs -> {
                    if (!rs.getBoolean(2)) {
                        return Watch.NONE;
                    }
                    return "watching".equals(rs.getString(1)) ? Watch.WATCHING : Watch.NO_PERMISSION;
                })).orElse(Watch.NONE);
    }

    private void see(Watch now) {
        if (now != watch) {
            watch = now;
            listener.watch(now);
        }
    }

    private void lost(Exception e) {
        failures++;
        if (failures == 1) {
            LOG.log(Level.WARNING, "Session with the store ledger lost; each till polls on its own until it is back: "
                    + StoreLedger.rootMessage(e));
        }
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
        if (watcher) {
            watcher = false;
            listener.deposed();
        }
        see(Watch.NONE);
        schedule(Duration.ofMillis(Math.min(30_000, 500L << Math.min(failures - 1, 6))));
    }

    private void reconnect() throws SQLException {
        Connection c = ledger.sessionConnection();
        try {
            claimRegister(c, registerId, machine);
            listen(c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof RegisterInUseException held) {
                LOG.log(Level.ERROR, "While the store ledger was away another till took this register: "
                        + held.getMessage());
            }
            throw e;
        }
        connection = c;
        LOG.log(Level.INFO, "Session with the store ledger open again");
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed.
        }
    }

    // ------------------------------------------------------------ statements on the session

    private static void claimRegister(Connection c, String registerId, String machine) throws SQLException {
        if (!tryLock(c, "register:" + registerId)) {
            Optional<RegisterInUseException> holder = LedgerTables.first(LedgerTables.rows(c,
                    "SELECT machine, pid, opened_at FROM registers WHERE register_id = ?", List.of(registerId),
                    rs -> new RegisterInUseException(registerId, rs.getString(1), rs.getString(2),
                            LedgerTables.instant(rs, 3), null)));
            throw holder.orElseGet(() -> new RegisterInUseException(registerId, "unknown", "?", null, null));
        }
        c.setAutoCommit(true);
        LedgerTables.update(c, """
                INSERT INTO registers (register_id, machine, pid, opened_at) VALUES (?, ?, ?, now())
                ON CONFLICT (register_id) DO UPDATE SET machine = excluded.machine, pid = excluded.pid,
                    opened_at = excluded.opened_at""", registerId, machine, ProcessHandle.current().pid());
    }

    /**
     * Tries for a session-level advisory lock named {@code name} within this ledger's schema: the key is
     * the server's 64-bit hash of schema and name, so every till computes the same one, and two stores
     * (or two test runs) in two schemas of one server never hold each other's locks.
     */
    static boolean tryLock(Connection c, String name) throws SQLException {
        return LedgerTables.rows(c, "SELECT pg_try_advisory_lock(hashtextextended(current_schema() || '/scantill/' || ?, 0))",
                List.of(name), rs -> rs.getBoolean(1)).get(0);
    }

    private static void listen(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + StripeOutcomes.CHANNEL);
            st.execute("LISTEN " + LedgerRefunds.HANDOVER_CHANNEL);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Gone already: the server ends the session and drops its locks.
        }
    }
}
