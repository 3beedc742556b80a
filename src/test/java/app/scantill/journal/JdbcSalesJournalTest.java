package app.scantill.journal;

import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JdbcSalesJournalTest {

    static final Currency USD = Currency.getInstance("USD");
    static final Instant T0 = Instant.parse("2025-03-14T09:30:00.123Z");

    @TempDir
    Path dir;

    Path file;
    MutableClock clock;
    JdbcSalesJournal journal;

    @BeforeEach
    void openJournal() {
        file = dir.resolve("journal.db");
        clock = new MutableClock(T0);
        journal = JdbcSalesJournal.open(file, clock);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    static List<SaleLine> twoLines() {
        return List.of(new SaleLine("SKU-1", "Coffee", 350, 2), new SaleLine("SKU-2", "Bagel, plain", 275, 1));
    }

    // ------------------------------------------------------------ round trips and schema

    @Test
    void eachAttemptKeepsItsOwnStartTimeAcrossAReopen() {
        journal.begin("s-9", "till-1", USD, twoLines(), "key-9a");
        journal.recordSession("s-9", "cs_test_9a", T0.plusSeconds(2100));
        clock.advance(Duration.ofMinutes(40));
        journal.transition("s-9", SaleState.EXPIRED, "expired");
        clock.advance(Duration.ofMinutes(2));
        journal.newAttempt("s-9", "key-9b");
        clock.advance(Duration.ofMinutes(1));
        journal.close();

        journal = JdbcSalesJournal.open(file, clock);
        Sale sale = journal.find("s-9").orElseThrow();
        assertThat(sale.attempt()).isEqualTo(2);
        assertThat(sale.attemptStartedAt()).isEqualTo(T0.plus(Duration.ofMinutes(42)));
        assertThat(sale.createdAt()).isEqualTo(T0);
    }

    @Test
    void beganSaleReadsBackWithEveryField() {
        Sale sale = journal.begin("s-1", "till-1", USD, twoLines(), "key-1");

        assertThat(sale.id()).isEqualTo("s-1");
        assertThat(sale.registerId()).isEqualTo("till-1");
        assertThat(sale.createdAt()).isEqualTo(T0);
        assertThat(sale.updatedAt()).isEqualTo(T0);
        assertThat(sale.currency()).isEqualTo(USD);
        assertThat(sale.lines()).containsExactlyElementsOf(twoLines());
        assertThat(sale.totalMinor()).isEqualTo(975);
        assertThat(sale.state()).isEqualTo(SaleState.CHARGING);
        assertThat(sale.attempt()).isEqualTo(1);
        assertThat(sale.idempotencyKey()).isEqualTo("key-1");
        assertThat(sale.sessionId()).isNull();
        assertThat(sale.paymentIntentId()).isNull();
        assertThat(journal.find("s-1")).contains(sale);
        assertThat(journal.attemptKeys("s-1")).containsExactly("key-1");
        assertThat(journal.history("s-1")).containsExactly(
                new StateChange("s-1", T0, null, SaleState.CHARGING, "attempt 1"));
    }

    @Test
    void emptyFileIsMigratedToTheLatestSchemaInWalMode() throws Exception {
        journal.close();
        Path empty = dir.resolve("empty.db");
        Files.createFile(empty);

        try (JdbcSalesJournal j = JdbcSalesJournal.open(empty, clock)) {
            j.begin("s-1", "till-1", USD, twoLines(), "key-1");
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + empty);
                Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA user_version")).isEqualTo(String.valueOf(JdbcSalesJournal.schemaVersion()));
            assertThat(single(st, "PRAGMA journal_mode")).isEqualTo("wal");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("attempts", "sale_lines", "sales", "state_changes");
            assertThat(single(st, "SELECT count(*) FROM sales")).isEqualTo("1");
        }
    }

    @Test
    void missingFolderIsCreated() {
        Path nested = dir.resolve("a/b/journal.db");
        try (JdbcSalesJournal j = JdbcSalesJournal.open(nested, clock)) {
            j.begin("s-1", "till-1", USD, twoLines(), "key-1");
        }
        assertThat(nested).isRegularFile();
    }

    @Test
    void reopeningKeepsSalesHistoryAndAttempts() {
        journal.begin("s-1", "till-1", USD, twoLines(), "key-1");
        clock.advance(Duration.ofSeconds(5));
        journal.recordSession("s-1", "cs_test_1", T0.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofSeconds(40));
        Sale paid = journal.markPaid("s-1", "pi_1", "amazon_pay", null);
        List<StateChange> history = journal.history("s-1");
        journal.close();

        journal = JdbcSalesJournal.open(file, clock);

        assertThat(journal.find("s-1")).contains(paid);
        assertThat(paid.sessionId()).isEqualTo("cs_test_1");
        assertThat(paid.sessionExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(paid.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(journal.history("s-1")).isEqualTo(history).extracting(StateChange::to)
                .containsExactly(SaleState.CHARGING, SaleState.AWAITING_PAYMENT, SaleState.PAID);
        assertThat(journal.attemptKeys("s-1")).containsExactly("key-1");
    }

    @Test
    void timesAreStoredAsUtcEpochMillis() throws Exception {
        journal.begin("s-1", "till-1", USD, twoLines(), "key-1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT created_at FROM sales WHERE id = 's-1'"))
                    .isEqualTo(String.valueOf(T0.toEpochMilli()));
        }
    }

    @Test
    void createdBetweenIsHalfOpenAndOldestFirst() {
        journal.begin("early", "till-1", USD, twoLines(), "k-early");
        clock.advance(Duration.ofHours(1));
        journal.begin("middle", "till-1", USD, twoLines(), "k-middle");
        clock.advance(Duration.ofHours(1));
        journal.begin("late", "till-1", USD, twoLines(), "k-late");

        List<Sale> found = journal.createdBetween(T0, T0.plus(Duration.ofHours(2)));

        assertThat(found).extracting(Sale::id).containsExactly("early", "middle");
    }

    @Test
    void unfinishedListsOnlySalesWhereMoneyMayStillArrive() {
        journal.begin("charging", "till-1", USD, twoLines(), "k1");
        journal.begin("awaiting", "till-1", USD, twoLines(), "k2");
        journal.recordSession("awaiting", "cs_2", null);
        journal.begin("paid", "till-1", USD, twoLines(), "k3");
        journal.recordSession("paid", "cs_3", null);
        journal.markPaid("paid", "pi_3", "card", null);
        journal.begin("expired", "till-1", USD, twoLines(), "k4");
        journal.recordSession("expired", "cs_4", null);
        journal.transition("expired", SaleState.EXPIRED, "session expired");
        journal.begin("attention", "till-1", USD, twoLines(), "k5");
        journal.transition("attention", SaleState.NEEDS_ATTENTION, "create refused");

        assertThat(journal.unfinished()).extracting(Sale::id).containsExactly("charging", "awaiting", "attention");
    }

    // ------------------------------------------------------------ transition rules

    /** The sale life written out by hand, so a change to SaleState shows up here as a failing test. */
    static final Map<SaleState, Set<SaleState>> ALLOWED = Map.of(
            SaleState.CHARGING, EnumSet.of(SaleState.AWAITING_PAYMENT, SaleState.PAID, SaleState.EXPIRED,
                    SaleState.CANCELLING, SaleState.CANCELLED, SaleState.NEEDS_ATTENTION),
            SaleState.AWAITING_PAYMENT, EnumSet.of(SaleState.PAID, SaleState.EXPIRED, SaleState.CANCELLING,
                    SaleState.NEEDS_ATTENTION),
            SaleState.CANCELLING, EnumSet.of(SaleState.PAID, SaleState.CANCELLED, SaleState.NEEDS_ATTENTION),
            SaleState.EXPIRED, EnumSet.of(SaleState.CHARGING, SaleState.CANCELLED),
            SaleState.NEEDS_ATTENTION, EnumSet.of(SaleState.AWAITING_PAYMENT, SaleState.PAID, SaleState.EXPIRED,
                    SaleState.CANCELLING, SaleState.CANCELLED, SaleState.CHARGING),
            SaleState.PAID, EnumSet.noneOf(SaleState.class),
            SaleState.CANCELLED, EnumSet.noneOf(SaleState.class));

    static Stream<Arguments> everyPairOfStates() {
        return Stream.of(SaleState.values())
                .flatMap(from -> Stream.of(SaleState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void transitionIsWrittenWhenAllowedAndRefusedWithNothingWrittenOtherwise(SaleState from, SaleState to) {
        Sale before = driveTo("s-1", from);
        List<StateChange> historyBefore = journal.history("s-1");
        clock.advance(Duration.ofSeconds(1));

        if (from == SaleState.PAID && to == SaleState.PAID) {
            // Paying a paid sale again is the idempotent retry, not a second payment.
            assertThat(journal.transition("s-1", to, "again")).isEqualTo(before);
            assertThat(journal.history("s-1")).isEqualTo(historyBefore);
        } else if (ALLOWED.get(from).contains(to)) {
            Sale after = journal.transition("s-1", to, "because");
            assertThat(after.state()).isEqualTo(to);
            assertThat(after.updatedAt()).isEqualTo(clock.instant());
            assertThat(journal.history("s-1")).hasSize(historyBefore.size() + 1).last()
                    .isEqualTo(new StateChange("s-1", clock.instant(), from, to, "because"));
        } else {
            IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class,
                    () -> journal.transition("s-1", to, "because"));
            assertThat(refused).isNotNull();
            assertThat(refused.from()).isEqualTo(from);
            assertThat(refused.to()).isEqualTo(to);
            assertThat(journal.find("s-1")).contains(before);
            assertThat(journal.history("s-1")).isEqualTo(historyBefore);
        }
    }

    @Test
    void paidSaleCannotBeCancelledNorExpired() {
        driveTo("s-1", SaleState.PAID);
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.CANCELLED, null))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("PAID to CANCELLED");
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.EXPIRED, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("s-1").orElseThrow().state()).isEqualTo(SaleState.PAID);
    }

    /** Brings a new sale to {@code state} along the path the charge flow takes. */
    Sale driveTo(String id, SaleState state) {
        journal.begin(id, "till-1", USD, twoLines(), id + "-k1");
        switch (state) {
            case CHARGING -> { }
            case AWAITING_PAYMENT -> journal.recordSession(id, id + "-cs1", null);
            case PAID -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.markPaid(id, id + "-pi", "card", null);
            }
            case EXPIRED -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.transition(id, SaleState.EXPIRED, null);
            }
            case CANCELLING -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.transition(id, SaleState.CANCELLING, null);
            }
            case CANCELLED -> {
                journal.recordSession(id, id + "-cs1", null);
                journal.transition(id, SaleState.CANCELLING, null);
                journal.transition(id, SaleState.CANCELLED, null);
            }
            case NEEDS_ATTENTION -> journal.transition(id, SaleState.NEEDS_ATTENTION, "create refused");
        }
        Sale sale = journal.find(id).orElseThrow();
        assertThat(sale.state()).isEqualTo(state);
        return sale;
    }

    // ------------------------------------------------------------ attempts and sessions

    @Test
    void newAttemptAfterExpiryHasItsOwnKeyAndNoSession() {
        driveTo("s-1", SaleState.EXPIRED);

        Sale second = journal.newAttempt("s-1", "s-1-k2");

        assertThat(second.state()).isEqualTo(SaleState.CHARGING);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.idempotencyKey()).isEqualTo("s-1-k2");
        assertThat(second.sessionId()).isNull();
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1", "s-1-k2");
        assertThat(journal.newAttempt("s-1", "s-1-k2")).as("retry of the same call").isEqualTo(second);
        assertThat(journal.recordSession("s-1", "s-1-cs2", null).sessionId()).isEqualTo("s-1-cs2");
    }

    @Test
    void idempotencyKeyIsNeverReused() {
        driveTo("s-1", SaleState.EXPIRED);
        assertThatThrownBy(() -> journal.newAttempt("s-1", "s-1-k1")).isInstanceOf(JournalException.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> journal.begin("s-2", "till-1", USD, twoLines(), "s-1-k1"))
                .hasMessageContaining("already used");
        assertThat(journal.find("s-2")).isEmpty();
        assertThat(journal.attemptKeys("s-1")).containsExactly("s-1-k1");
    }

    @Test
    void saleIdIsJournaledOnce() {
        Sale first = journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        assertThatThrownBy(() -> journal.begin("s-1", "till-2", USD, twoLines(), "k2"))
                .isInstanceOf(JournalException.class).hasMessageContaining("already in the journal");
        assertThat(journal.find("s-1")).contains(first);
        assertThat(journal.attemptKeys("s-1")).containsExactly("k1");
    }

    @Test
    void recordingTheSameSessionTwiceIsHarmlessButAnotherIsRefused() {
        Sale awaiting = driveTo("s-1", SaleState.AWAITING_PAYMENT);
        assertThat(journal.recordSession("s-1", "s-1-cs1", null)).isEqualTo(awaiting);
        assertThatThrownBy(() -> journal.recordSession("s-1", "cs_other", null))
                .isInstanceOf(JournalException.class).hasMessageContaining("already has session s-1-cs1");
        assertThat(journal.history("s-1")).hasSize(2);
    }

    @Test
    void sessionArrivingAfterCancelIsKeptSoItCanBeExpired() {
        journal.begin("s-1", "till-1", USD, twoLines(), "k1");
        journal.transition("s-1", SaleState.CANCELLING, "cashier cancelled while creating");

        Sale sale = journal.recordSession("s-1", "cs_late", null);

        assertThat(sale.state()).isEqualTo(SaleState.CANCELLING);
        assertThat(sale.sessionId()).isEqualTo("cs_late");
    }

    // ------------------------------------------------------------ payment

    @Test
    void markingPaidTwiceWithTheSameIntentRecordsOnePayment() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        Sale paid = journal.markPaid("s-1", "pi_1", "amazon_pay", "paid");
        clock.advance(Duration.ofSeconds(3));

        Sale again = journal.markPaid("s-1", "pi_1", "amazon_pay", "paid (recovered)");

        assertThat(again).isEqualTo(paid);
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void aDifferentPaymentForAPaidSaleIsRefusedAndTheFirstKept() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        Sale paid = journal.markPaid("s-1", "pi_1", "card", null);

        ConflictingPaymentException refused = catchThrowableOfType(ConflictingPaymentException.class,
                () -> journal.markPaid("s-1", "pi_2", "card", null));

        assertThat(refused.recordedPaymentIntentId()).isEqualTo("pi_1");
        assertThat(refused.offeredPaymentIntentId()).isEqualTo("pi_2");
        assertThat(journal.find("s-1")).contains(paid);
    }

    @Test
    void paymentWithoutIntentIsFilledInLaterWithoutASecondHistoryEntry() {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        journal.transition("s-1", SaleState.PAID, "seen paid");

        Sale filled = journal.markPaid("s-1", "pi_9", "amazon_pay", null);

        assertThat(filled.paymentIntentId()).isEqualTo("pi_9");
        assertThat(filled.paymentMethod()).isEqualTo("amazon_pay");
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void paymentArrivingWhileCancellingWins() {
        driveTo("s-1", SaleState.CANCELLING);
        assertThat(journal.markPaid("s-1", "pi_1", "card", null).state()).isEqualTo(SaleState.PAID);
        assertThatThrownBy(() -> journal.transition("s-1", SaleState.CANCELLED, null))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void cancelledSaleCannotBePaid() {
        driveTo("s-1", SaleState.CANCELLED);
        assertThatThrownBy(() -> journal.markPaid("s-1", "pi_1", "card", null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(journal.find("s-1").orElseThrow().paymentIntentId()).isNull();
    }

    // ------------------------------------------------------------ concurrency

    @Test
    void manyThreadsRacingToSettleOneSaleLetExactlyOneWin() throws Exception {
        driveTo("s-1", SaleState.CANCELLING);
        int threads = 16;
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            racers.add(() -> {
                try {
                    if (n % 2 == 0) {
                        journal.markPaid("s-1", "pi_" + n, "card", null);
                    } else {
                        journal.transition("s-1", SaleState.CANCELLED, "racer " + n);
                    }
                    return true;
                } catch (ConflictingPaymentException | IllegalTransitionException lost) {
                    return false;
                }
            });
        }

        List<Boolean> results = race(racers);

        assertThat(results).filteredOn(won -> won).hasSize(1);
        List<StateChange> finals = journal.history("s-1").stream().filter(c -> c.to().isFinal()).toList();
        assertThat(finals).hasSize(1);
        assertThat(journal.find("s-1").orElseThrow().state()).isEqualTo(finals.get(0).to());
    }

    @Test
    void twoJournalsOnOneFileCannotBothPayTheSameSale() throws Exception {
        driveTo("s-1", SaleState.AWAITING_PAYMENT);
        try (JdbcSalesJournal other = JdbcSalesJournal.open(file, clock)) {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SalesJournal j = i % 2 == 0 ? journal : other;
                String intent = "pi_" + i;
                racers.add(() -> {
                    try {
                        j.markPaid("s-1", intent, "card", null);
                        return true;
                    } catch (ConflictingPaymentException lost) {
                        return false;
                    }
                });
            }
            assertThat(race(racers)).filteredOn(won -> won).hasSize(1);
        }
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void manyThreadsWritingDifferentSalesAllLand() throws Exception {
        int threads = 8;
        int perThread = 25;
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "t" + thread + "-" + i;
                    journal.begin(id, "till-" + thread, USD, twoLines(), id + "-key");
                    journal.recordSession(id, id + "-cs", null);
                    journal.markPaid(id, id + "-pi", "card", null);
                }
                return true;
            });
        }

        assertThat(race(writers)).containsOnly(true);

        List<Sale> all = journal.createdBetween(Instant.EPOCH, T0.plusSeconds(1));
        assertThat(all).hasSize(threads * perThread).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(SaleState.PAID);
            assertThat(s.lines()).hasSize(2);
            assertThat(journal.history(s.id())).hasSize(3);
        });
    }

    /** Starts every task at the same moment and waits for all of them. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ closed

    @Test
    void closedJournalRefusesWithAMessage() {
        journal.close();
        assertThatThrownBy(() -> journal.begin("s-1", "till-1", USD, twoLines(), "k1"))
                .isInstanceOf(JournalException.class).hasMessageContaining("closed");
    }

    static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
