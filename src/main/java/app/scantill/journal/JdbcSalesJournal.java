package app.scantill.journal;

import app.scantill.text.Texts;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteException;

/**
 * The sales journal in one SQLite file: WAL mode, {@code synchronous=FULL} (a commit is on the disk,
 * not just in the OS cache, before a method returns), foreign keys on, schema migrated through
 * {@code PRAGMA user_version}.
 *
 * <p>One connection guarded by a lock serves every thread. SQLite allows a single writer per file
 * anyway, and every write here is a handful of rows followed by an fsync; a pool would add waiting on
 * SQLite's own lock (and {@code SQLITE_BUSY} between our own connections) without adding throughput.
 * Every write runs in a {@code BEGIN IMMEDIATE} transaction that reads the current state, checks
 * {@link SaleState#canMoveTo} and writes, so another thread or another process can never slip a
 * change in between the check and the write.
 */
public final class JdbcSalesJournal implements SalesJournal {

    private static final System.Logger LOG = System.getLogger(JdbcSalesJournal.class.getName());

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_KEY_LENGTH = 255;

    // SQLite primary result codes (https://www.sqlite.org/rescode.html).
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private static final String SALE_COLUMNS = """
            SELECT s.id, s.register_id, s.created_at, s.currency, s.total_minor, s.state, s.attempt,
                   a.idempotency_key, a.session_id, a.session_expires_at,
                   s.payment_intent_id, s.payment_method, s.updated_at, a.created_at
              FROM sales s JOIN attempts a ON a.sale_id = s.id AND a.attempt_no = s.attempt
            """;

    private final Path file;
    private final Clock clock;
    private final Duration busyTimeout;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private JdbcSalesJournal(Path file, Clock clock, Duration busyTimeout, Connection connection) {
        this.file = file;
        this.clock = clock;
        this.busyTimeout = busyTimeout;
        this.connection = connection;
    }

    /** Opens (creating and migrating if needed) the journal at {@code file} with the system UTC clock. */
    public static JdbcSalesJournal open(Path file) {
        return open(file, Clock.systemUTC(), DEFAULT_BUSY_TIMEOUT);
    }

    public static JdbcSalesJournal open(Path file, Clock clock) {
        return open(file, clock, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the journal, creating the file and its folder when missing and migrating the schema to
     * {@link #schemaVersion()}. An existing file is never replaced, truncated or deleted.
     *
     * @param busyTimeout how long a write waits for another program's lock before giving up
     * @throws JournalOpenException with a message for the cashier when the journal cannot be used
     */
    public static JdbcSalesJournal open(Path file, Clock clock, Duration busyTimeout) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Path f = file.toAbsolutePath().normalize();
        checkBeforeOpening(f);
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + f);
        } catch (SQLException e) {
            throw openFailure(f, e, busyTimeout);
        }
        try {
            prepare(c, f, busyTimeout);
            return new JdbcSalesJournal(f, clock, busyTimeout, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw openFailure(f, e, busyTimeout);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The schema version this build writes and understands. */
    public static int schemaVersion() {
        return JournalSchema.LATEST;
    }

    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- opening

    /** Checks that need no SQLite: they guarantee a foreign file is refused before SQLite touches it. */
    private static void checkBeforeOpening(Path f) {
        Path dir = f.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The folder " + dir + " for the sales journal cannot be created (" + describe(e)
                            + "). Check the path and its permissions.", e);
        }
        if (!Files.exists(f)) {
            if (!Files.isWritable(dir)) {
                throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                        "The folder " + dir + " for the sales journal is read-only. Choose a writable folder.", null);
            }
            return;
        }
        if (!Files.isRegularFile(f)) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_A_JOURNAL, f,
                    "The sales journal path " + f + " is not a file. Point ScanTill at a journal file.", null);
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(f)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The sales journal " + f + " cannot be read (" + describe(e) + ").", e);
        }
        // An empty file is a valid empty database (SQLite writes its header on the first commit).
        if (read > 0 && (read < head.length || !Arrays.equals(head, SQLITE_HEADER))) {
            throw new JournalOpenException(JournalOpenException.Reason.CORRUPT, f,
                    "The sales journal " + f + " is not a database (damaged, or another kind of file). "
                            + "It was left untouched. Restore it from a backup, or move it aside to start "
                            + "a new journal.", null);
        }
        if (!Files.isWritable(f) || !Files.isWritable(dir)) {
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The sales journal " + f + " or its folder is read-only. ScanTill must be able to "
                            + "write the file and create " + f.getFileName() + "-wal next to it.", null);
        }
    }

    private static void prepare(Connection c, Path f, Duration busyTimeout) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            st.execute("PRAGMA foreign_keys = ON");
            int applicationId = intPragma(st, "application_id");
            int version = intPragma(st, "user_version");
            int objects;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                objects = rs.next() ? rs.getInt(1) : 0;
            }
            if (applicationId != JournalSchema.APPLICATION_ID && (applicationId != 0 || objects > 0)) {
                throw new JournalOpenException(JournalOpenException.Reason.NOT_A_JOURNAL, f,
                        "The file " + f + " is a database of another program, not a ScanTill sales journal. "
                                + "It was left untouched. Choose another journal file.", null);
            }
            if (version > JournalSchema.LATEST) {
                throw new JournalOpenException(JournalOpenException.Reason.NEWER_SCHEMA, f,
                        "The sales journal " + f + " was written by a newer ScanTill (journal version "
                                + version + "; this ScanTill knows up to version " + JournalSchema.LATEST
                                + "). Update ScanTill. The file was left untouched.", null);
            }
            String check = quickCheck(st);
            if (!"ok".equals(check)) {
                throw new JournalOpenException(JournalOpenException.Reason.CORRUPT, f,
                        "The sales journal " + f + " is damaged (" + Texts.abbreviate(check, 200) + "). It was left "
                                + "untouched. Restore it from a backup (see the journal documentation).", null);
            }
            String mode;
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                mode = rs.next() ? rs.getString(1) : "";
            }
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                        "The sales journal " + f + " could not be switched to write-ahead logging (mode "
                                + mode + "). The folder must allow creating " + f.getFileName() + "-wal.", null);
            }
            st.execute("PRAGMA synchronous = FULL");
            migrate(c, st, version, f);
        }
    }

    private static void migrate(Connection c, Statement st, int from, Path f) throws SQLException {
        for (JournalSchema.Migration m : JournalSchema.MIGRATIONS) {
            if (m.version() <= from) {
                continue;
            }
            st.execute("BEGIN IMMEDIATE");
            try {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                if (intPragma(st, "user_version") >= m.version()) {
                    st.execute("COMMIT");
                    continue;
                }
                for (String sql : m.statements()) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + m.version());
                st.execute("COMMIT");
                LOG.log(System.Logger.Level.INFO, "Sales journal {0} migrated to version {1} ({2})",
                        f, m.version(), m.description());
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static String quickCheck(Statement st) throws SQLException {
        StringBuilder problems = new StringBuilder();
        try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String row = rs.getString(1);
                if (!"ok".equals(row)) {
                    problems.append(problems.length() == 0 ? "" : "; ").append(row);
                }
            }
        }
        return problems.length() == 0 ? "ok" : problems.toString();
    }

    private static int intPragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static JournalOpenException openFailure(Path f, SQLException e, Duration busyTimeout) {
        int code = primaryCode(e);
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new JournalOpenException(JournalOpenException.Reason.LOCKED, f,
                    "The sales journal " + f + " is locked by another program (waited "
                            + seconds(busyTimeout) + "). Close any other ScanTill or database tool using it "
                            + "and start again.", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new JournalOpenException(JournalOpenException.Reason.CORRUPT, f,
                    "The sales journal " + f + " is damaged (" + e.getMessage() + "). It was left untouched. "
                            + "Restore it from a backup (see the journal documentation).", e);
            default -> new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, f,
                    "The sales journal " + f + " cannot be opened for writing (" + e.getMessage() + "). "
                            + "Check that the disk is not full or read-only and that the folder is writable.", e);
        };
    }

    // ---------------------------------------------------------------- writes

    @Override
    public Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines,
            String idempotencyKey) {
        requireText(saleId, "saleId");
        requireText(registerId, "registerId");
        requireKey(idempotencyKey);
        Objects.requireNonNull(currency, "currency");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a sale needs at least one line");
        }
        long total = 0;
        for (SaleLine line : lines) {
            total = Math.addExact(total, line.lineTotalMinor());
        }
        long totalMinor = total;
        return write("journal sale " + saleId, () -> {
            if (exists(saleId)) {
                throw new JournalException("Sale " + saleId + " is already in the journal; nothing was written");
            }
            requireUnusedKey(idempotencyKey);
            long now = clock.millis();
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO sales (id, register_id, created_at, currency, total_minor, state, attempt, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?)""")) {
                ps.setString(1, saleId);
                ps.setString(2, registerId);
                ps.setLong(3, now);
                ps.setString(4, currency.getCurrencyCode());
                ps.setLong(5, totalMinor);
                ps.setString(6, SaleState.CHARGING.name());
                ps.setLong(7, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_amount_minor, quantity)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                int no = 1;
                for (SaleLine line : lines) {
                    ps.setString(1, saleId);
                    ps.setInt(2, no++);
                    ps.setString(3, line.sku());
                    ps.setString(4, line.name());
                    ps.setLong(5, line.unitAmountMinor());
                    ps.setInt(6, line.quantity());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertAttempt(saleId, 1, idempotencyKey, now);
            insertChange(saleId, now, null, SaleState.CHARGING, "attempt 1");
            return load(saleId).orElseThrow();
        });
    }

    @Override
    public Sale newAttempt(String saleId, String idempotencyKey) {
        requireKey(idempotencyKey);
        return write("start a new attempt for sale " + saleId, () -> {
            Sale current = required(saleId);
            if (current.state() == SaleState.CHARGING && idempotencyKey.equals(current.idempotencyKey())) {
                return current; // a retry of a call that already committed
            }
            requireMove(current, SaleState.CHARGING);
            requireUnusedKey(idempotencyKey);
            long now = clock.millis();
            int attempt = current.attempt() + 1;
            insertAttempt(saleId, attempt, idempotencyKey, now);
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE sales SET state = ?, attempt = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, SaleState.CHARGING.name());
                ps.setInt(2, attempt);
                ps.setLong(3, now);
                ps.setString(4, saleId);
                ps.executeUpdate();
            }
            insertChange(saleId, now, current.state(), SaleState.CHARGING, "attempt " + attempt);
            return load(saleId).orElseThrow();
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Recording the same session again returns the sale unchanged. While the sale is
     * {@link SaleState#CANCELLING} (the cashier cancelled while the create call was in flight) the
     * session is recorded and the state stays CANCELLING, so the flow knows which session to expire.
     *
     * @throws JournalException when the current attempt already has a different session
     */
    @Override
    public Sale recordSession(String saleId, String sessionId, Instant expiresAt) {
        requireText(sessionId, "sessionId");
        return write("record session " + sessionId + " for sale " + saleId, () -> {
            Sale current = required(saleId);
            if (current.sessionId() != null) {
                if (current.sessionId().equals(sessionId)) {
                    return current;
                }
                throw new JournalException("Sale " + saleId + " attempt " + current.attempt()
                        + " already has session " + current.sessionId() + "; " + sessionId + " was not recorded");
            }
            boolean cancelling = current.state() == SaleState.CANCELLING;
            if (!cancelling) {
                requireMove(current, SaleState.AWAITING_PAYMENT);
            }
            long now = clock.millis();
            try (PreparedStatement ps = connection.prepareStatement("""
                    UPDATE attempts SET session_id = ?, session_expires_at = ?
                     WHERE sale_id = ? AND attempt_no = ?""")) {
                ps.setString(1, sessionId);
                setInstant(ps, 2, expiresAt);
                ps.setString(3, saleId);
                ps.setInt(4, current.attempt());
                ps.executeUpdate();
            }
            if (cancelling) {
                touch(saleId, now);
            } else {
                setState(saleId, SaleState.AWAITING_PAYMENT, now);
                insertChange(saleId, now, current.state(), SaleState.AWAITING_PAYMENT, "session " + sessionId);
            }
            return load(saleId).orElseThrow();
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>A {@code null} payment intent is accepted (the sale is still paid) and filled in by a later
     * call that knows it. On a sale that is already paid, the same intent (or an unknown one) returns
     * the sale and only fills in what was missing.
     *
     * @throws ConflictingPaymentException when the sale is paid with a different payment intent
     * @throws IllegalTransitionException when the sale's state does not allow payment
     */
    @Override
    public Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note) {
        return write("record payment of sale " + saleId, () -> {
            Sale current = required(saleId);
            long now = clock.millis();
            if (current.state() == SaleState.PAID) {
                String recorded = current.paymentIntentId();
                if (recorded != null && paymentIntentId != null && !recorded.equals(paymentIntentId)) {
                    LOG.log(System.Logger.Level.ERROR, "Sale {0}: second payment {1} reported, already paid with {2}",
                            saleId, paymentIntentId, recorded);
                    throw new ConflictingPaymentException(saleId, recorded, paymentIntentId);
                }
                boolean fillIntent = recorded == null && paymentIntentId != null;
                boolean fillMethod = current.paymentMethod() == null && paymentMethod != null;
                if (fillIntent || fillMethod) {
                    updatePayment(saleId, fillIntent ? paymentIntentId : recorded,
                            fillMethod ? paymentMethod : current.paymentMethod(), now);
                    return load(saleId).orElseThrow();
                }
                return current;
            }
            requireMove(current, SaleState.PAID);
            updatePayment(saleId, paymentIntentId, paymentMethod, now);
            setState(saleId, SaleState.PAID, now);
            insertChange(saleId, now, current.state(), SaleState.PAID,
                    note != null ? note : paymentIntentId != null ? "paid " + paymentIntentId : "paid");
            return load(saleId).orElseThrow();
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Moving to {@link SaleState#PAID} this way is {@link #markPaid} with the intent unknown.
     */
    @Override
    public Sale transition(String saleId, SaleState to, String note) {
        Objects.requireNonNull(to, "to");
        if (to == SaleState.PAID) {
            return markPaid(saleId, null, null, note);
        }
        return write("move sale " + saleId + " to " + to, () -> {
            Sale current = required(saleId);
            requireMove(current, to);
            long now = clock.millis();
            setState(saleId, to, now);
            insertChange(saleId, now, current.state(), to, note);
            return load(saleId).orElseThrow();
        });
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Sale> find(String saleId) {
        return read("read sale " + saleId, () -> load(saleId));
    }

    @Override
    public List<Sale> unfinished() {
        StringBuilder in = new StringBuilder();
        List<Object> states = new ArrayList<>();
        for (SaleState s : SaleState.values()) {
            if (s.needsReconciliation()) {
                in.append(in.length() == 0 ? "?" : ", ?");
                states.add(s.name());
            }
        }
        return read("read unfinished sales", () -> query("s.state IN (" + in + ")", states));
    }

    @Override
    public List<Sale> createdBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return read("read sales", () -> query("s.created_at >= ? AND s.created_at < ?",
                List.of(from.toEpochMilli(), to.toEpochMilli())));
    }

    /** The sale's history, oldest first; the first entry (from {@code null}) is the sale's creation. */
    @Override
    public List<StateChange> history(String saleId) {
        return read("read the history of sale " + saleId, () -> {
            List<StateChange> changes = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT at, from_state, to_state, note FROM state_changes WHERE sale_id = ? ORDER BY id")) {
                ps.setString(1, saleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString(2);
                        changes.add(new StateChange(saleId, Instant.ofEpochMilli(rs.getLong(1)),
                                from == null ? null : state(from), state(rs.getString(3)), rs.getString(4)));
                    }
                }
            }
            return changes;
        });
    }

    @Override
    public List<String> attemptKeys(String saleId) {
        return read("read the attempts of sale " + saleId, () -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT idempotency_key FROM attempts WHERE sale_id = ? ORDER BY attempt_no")) {
                ps.setString(1, saleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys;
        });
    }

    @Override
    public void close() {
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

    /**
     * Caps the file at {@code pages} pages for this connection. SQLite then answers writes that need
     * more room with {@code SQLITE_FULL}, exactly as on a full disk: the tests use it to show that a
     * full disk leaves nothing half-written.
     */
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

    // ---------------------------------------------------------------- transaction plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T write(String action, Work<T> work) {
        return inTransaction("BEGIN IMMEDIATE", action, true, work);
    }

    private <T> T read(String action, Work<T> work) {
        return inTransaction("BEGIN", action, false, work);
    }

    private <T> T inTransaction(String begin, String action, boolean writing, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new JournalException("Could not " + action + ": the sales journal is closed");
            }
            try (Statement st = connection.createStatement()) {
                st.execute(begin);
                T result;
                try {
                    result = work.run();
                    st.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
                return result;
            } catch (SQLException e) {
                JournalException failure = failure(action, e, writing);
                LOG.log(System.Logger.Level.WARNING, failure.getMessage(), e);
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private JournalException failure(String action, SQLException e, boolean writing) {
        String why = switch (primaryCode(e)) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "the journal " + file + " is locked by another program (waited "
                    + seconds(busyTimeout) + ")";
            case SQLITE_FULL -> "the disk holding the journal " + file + " is full";
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> "the journal " + file
                    + " cannot be written (read-only file, folder or disk)";
            case SQLITE_IOERR -> "the disk reported an error on the journal " + file;
            case SQLITE_CORRUPT, SQLITE_NOTADB -> "the journal " + file + " is damaged";
            default -> "the journal database reported: " + e.getMessage();
        };
        return new JournalException("Could not " + action + ": " + why + "." + (writing ? " Nothing was recorded." : ""), e);
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() != null) {
            return se.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    private static void rollbackQuietly(Connection c) {
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

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Opening failed already; that failure is the one to report.
        }
    }

    // ---------------------------------------------------------------- row helpers (inside a transaction)

    private boolean exists(String saleId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM sales WHERE id = ?")) {
            ps.setString(1, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void requireUnusedKey(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT sale_id, attempt_no FROM attempts WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new JournalException("Idempotency key " + key + " is already used by sale "
                            + rs.getString(1) + " attempt " + rs.getInt(2) + "; nothing was written");
                }
            }
        }
    }

    private Sale required(String saleId) throws SQLException {
        return load(saleId).orElseThrow(() -> new JournalException("Sale " + saleId + " is not in the journal"));
    }

    private static void requireMove(Sale current, SaleState to) {
        if (!current.state().canMoveTo(to)) {
            throw new IllegalTransitionException(current.id(), current.state(), to);
        }
    }

    private void insertAttempt(String saleId, int attempt, String key, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO attempts (sale_id, attempt_no, idempotency_key, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, saleId);
            ps.setInt(2, attempt);
            ps.setString(3, key);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    private void insertChange(String saleId, long at, SaleState from, SaleState to, String note) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO state_changes (sale_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, saleId);
            ps.setLong(2, at);
            ps.setString(3, from == null ? null : from.name());
            ps.setString(4, to.name());
            ps.setString(5, note);
            ps.executeUpdate();
        }
    }

    private void setState(String saleId, SaleState state, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sales SET state = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setLong(2, now);
            ps.setString(3, saleId);
            ps.executeUpdate();
        }
    }

    private void touch(String saleId, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE sales SET updated_at = ? WHERE id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, saleId);
            ps.executeUpdate();
        }
    }

    private void updatePayment(String saleId, String intent, String method, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sales SET payment_intent_id = ?, payment_method = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, intent);
            ps.setString(2, method);
            ps.setLong(3, now);
            ps.setString(4, saleId);
            ps.executeUpdate();
        }
    }

    private Optional<Sale> load(String saleId) throws SQLException {
        List<Sale> found = query("s.id = ?", List.of(saleId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Sales matching {@code where} (over alias {@code s}), oldest first, each with its lines. */
    private List<Sale> query(String where, List<?> params) throws SQLException {
        Map<String, List<SaleLine>> lines = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT l.sale_id, l.sku, l.name, l.unit_amount_minor, l.quantity
                  FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                 WHERE\s""" + where + " ORDER BY l.sale_id, l.line_no")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SaleLine(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5)));
                }
            }
        }
        List<Sale> sales = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                SALE_COLUMNS + " WHERE " + where + " ORDER BY s.created_at, s.rowid")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    sales.add(new Sale(id, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            currency(rs.getString(4)), lines.getOrDefault(id, List.of()), rs.getLong(5),
                            state(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9),
                            instant(rs, 10), rs.getString(11), rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)),
                            Instant.ofEpochMilli(rs.getLong(14))));
                }
            }
        }
        return sales;
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
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

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new JournalException("The journal holds an unknown currency: " + code, e);
        }
    }

    // ---------------------------------------------------------------- small things

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }

    private static void requireKey(String key) {
        requireText(key, "idempotencyKey");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key longer than " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

}
