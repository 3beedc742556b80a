package app.scantill.journal;

import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundStatus;
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
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What only the SQLite journal does: its file (schema, WAL, times on disk), reopening, and two
 * journals on one file. Everything every journal does is in {@link SalesJournalContract}, run against
 * this one by {@link JdbcSalesJournalContractTest}.
 */
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
        return SalesJournalContract.twoLines();
    }

    // ------------------------------------------------------------ the file, reopened

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
    void twoJournalsOnOneFileCannotBothPayTheSameSale() throws Exception {
        SalesJournalContract.driveTo(journal, "s-1", SaleState.AWAITING_PAYMENT);
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
            assertThat(SalesJournalContract.race(racers)).filteredOn(won -> won).hasSize(1);
        }
        assertThat(journal.history("s-1")).filteredOn(c -> c.to() == SaleState.PAID).hasSize(1);
    }

    @Test
    void refundsFromTwoJournalsOnOneFileNeverGiveBackMoreThanWasPaid() throws Exception {
        SalesJournalContract.driveTo(journal, "s-1", SaleState.PAID);
        try (JdbcSalesJournal other = JdbcSalesJournal.open(file, clock)) {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SalesJournal j = i % 2 == 0 ? journal : other;
                String id = "r-" + i;
                racers.add(() -> {
                    try {
                        j.beginRefund(SalesJournalRefundContract.amount(id, "s-1", 400));
                        return true;
                    } catch (RefundRefusedException refused) {
                        return false;
                    }
                });
            }
            assertThat(SalesJournalContract.race(racers)).filteredOn(won -> won).hasSize(2);
        }
        assertThat(journal.refunds("s-1")).hasSize(2);
    }

    @Test
    void aJournalOfTheFirstVersionGainsRefundTablesAndKeepsItsSales() throws Exception {
        Path old = file.resolveSibling("v1.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            for (String sql : JournalMigrations.MIGRATIONS.get(0).statements()) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version = 1");
        }
        try (JdbcSalesJournal j = JdbcSalesJournal.open(old, clock)) {
            SalesJournalContract.driveTo(j, "s-1", SaleState.PAID);
            j.beginRefund(SalesJournalRefundContract.amount("r-1", "s-1", 100));
            assertThat(j.refunds("s-1")).hasSize(1);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA user_version")).isEqualTo(Integer.toString(JournalMigrations.LATEST));
        }
    }

    @Test
    void aJournalOfVersionThreeKeepsItsRefundsAndOutboxWhenTheyLoseTheirReferenceToSales() throws Exception {
        Path old = file.resolveSibling("v3.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            for (JournalMigrations.Migration m : JournalMigrations.MIGRATIONS.subList(0, 3)) {
                for (String sql : m.statements()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("INSERT INTO sales (id, register_id, created_at, currency, total_minor, state, attempt, "
                    + "payment_intent_id, payment_method, updated_at, changes, queued) "
                    + "VALUES ('s-1', 'till-1', 1000, 'USD', 975, 'PAID', 1, 'pi_1', 'card', 2000, 3, 3)");
            st.execute("INSERT INTO sale_lines VALUES ('s-1', 1, 'SKU-1', 'Coffee', 350, 2)");
            st.execute("INSERT INTO sale_lines VALUES ('s-1', 2, 'SKU-2', 'Bagel', 275, 1)");
            st.execute("INSERT INTO attempts (sale_id, attempt_no, idempotency_key, created_at) VALUES ('s-1', 1, 'k1', 1000)");
            st.execute("INSERT INTO state_changes (sale_id, at, from_state, to_state) VALUES ('s-1', 1000, NULL, 'CHARGING')");
            st.execute("INSERT INTO outbox (sale_id, change_no, image, queued_at) VALUES ('s-1', 3, NULL, 2000)");
            st.execute("INSERT INTO refunds (id, sale_id, register_id, created_at, currency, amount_minor, reason, "
                    + "payment_intent_id, payment_method, idempotency_key, status, stripe_refund_id, updated_at) "
                    + "VALUES ('r-1', 's-1', 'till-1', 3000, 'USD', 350, 'DUPLICATE', 'pi_1', 'card', 'key-r-1', "
                    + "'SUCCEEDED', 're_1', 3500)");
            st.execute("INSERT INTO refund_lines VALUES ('r-1', 1, 1, 1)");
        }

        try (JdbcSalesJournal j = JdbcSalesJournal.open(old, clock, Duration.ofSeconds(2), true)) {
            assertThat(j.refunds("s-1")).singleElement().satisfies(r -> {
                assertThat(r.lines()).containsExactly(new RefundLine(1, 1));
                assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
                assertThat(r.stripeRefundId()).isEqualTo("re_1");
                assertThat(r.storeDecides()).isFalse();
            });
            assertThat(j.outbox().orElseThrow().pending(10)).as("the change waiting before, then the refund, once")
                    .extracting(c -> c.saleId() + "#" + c.changeNo() + (c instanceof RefundChange ? " refund" : ""))
                    .containsExactly("s-1#3", "s-1#1 refund");
            assertThatThrownBy(() -> j.beginRefund(SalesJournalRefundContract.lines("r-2", "s-1", 700,
                    new RefundLine(1, 2)))).as("line 1 has one unit left").isInstanceOf(RefundRefusedException.class);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA user_version")).isEqualTo(Integer.toString(JournalMigrations.LATEST));
            assertThat(st.executeQuery("PRAGMA foreign_key_check").next()).as("no reference broken").isFalse();
            st.execute("PRAGMA foreign_keys = ON");
            assertThatThrownBy(() -> st.execute("INSERT INTO refund_lines VALUES ('nobody', 1, 1, 1)"))
                    .as("refund lines still refer to refunds").isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void aJournalOfVersionFourReadsItsLinesAtZeroTaxAndKeepsTheRatesOfNewSales() throws Exception {
        Path old = file.resolveSibling("v4.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            for (JournalMigrations.Migration m : JournalMigrations.MIGRATIONS.subList(0, 4)) {
                for (String sql : m.statements()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 4");
            st.execute("INSERT INTO sales (id, register_id, created_at, currency, total_minor, state, attempt, "
                    + "payment_intent_id, payment_method, updated_at, changes, queued) "
                    + "VALUES ('s-old', 'till-1', 1000, 'EUR', 1644, 'PAID', 1, 'pi_1', 'card', 2000, 3, 3)");
            st.execute("INSERT INTO sale_lines VALUES ('s-old', 1, 'BOOK', 'Book', 1295, 1)");
            st.execute("INSERT INTO sale_lines VALUES ('s-old', 2, 'BREAD', 'Bread', 349, 1)");
            st.execute("INSERT INTO attempts (sale_id, attempt_no, idempotency_key, created_at) VALUES ('s-old', 1, 'k1', 1000)");
        }

        try (JdbcSalesJournal j = JdbcSalesJournal.open(old, clock)) {
            assertThat(j.find("s-old").orElseThrow().lines()).as("no rate was kept before: 0 %, the price unchanged")
                    .containsExactly(new SaleLine("BOOK", "Book", 1295, 1), new SaleLine("BREAD", "Bread", 349, 1));
            SaleLine taxed = new SaleLine("BOOK", "Book", 1295, 1, 0, new app.scantill.money.TaxRate(700));
            j.begin("s-new", "till-1", Currency.getInstance("EUR"), List.of(taxed), "k2");
            assertThat(j.find("s-new").orElseThrow().lines()).containsExactly(taxed);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA user_version")).isEqualTo(Integer.toString(JournalMigrations.LATEST));
            assertThat(single(st, "SELECT tax_rate_bp FROM sale_lines WHERE sale_id = 's-new'")).isEqualTo("700");
            assertThatThrownBy(() -> st.execute("UPDATE sale_lines SET tax_rate_bp = 10001 WHERE sale_id = 's-new'"))
                    .as("no rate above 100 %").isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void aJournalFromBeforeDiscountsReadsItsSalesUndiscountedAndTakesDiscountedOnes() throws Exception {
        Path old = file.resolveSibling("v5.db");
        int before = 0;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            for (JournalMigrations.Migration m : JournalMigrations.MIGRATIONS) {
                if (m.version() < 6) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                    before = m.version();
                }
            }
            st.execute("PRAGMA user_version = " + before);
            st.execute("INSERT INTO sales (id, register_id, created_at, currency, total_minor, state, attempt, "
                    + "payment_intent_id, payment_method, updated_at) "
                    + "VALUES ('s-1', 'till-1', 1000, 'USD', 975, 'PAID', 1, 'pi_1', 'card', 2000)");
            st.execute("INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_amount_minor, quantity) "
                    + "VALUES ('s-1', 1, 'SKU-1', 'Coffee', 350, 2)");
            st.execute("INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_amount_minor, quantity) "
                    + "VALUES ('s-1', 2, 'SKU-2', 'Bagel', 275, 1)");
            st.execute("INSERT INTO attempts (sale_id, attempt_no, idempotency_key, created_at) VALUES ('s-1', 1, 'k1', 1000)");
        }

        try (JdbcSalesJournal j = JdbcSalesJournal.open(old, clock)) {
            assertThat(j.find("s-1")).hasValueSatisfying(s -> {
                assertThat(s.lines()).extracting(SaleLine::discountMinor).containsOnly(0L);
                assertThat(s.discounts().isEmpty()).isTrue();
                assertThat(s.totalMinor()).isEqualTo(975);
            });
            var priced = SalesJournalContract.discounted();
            Sale sale = j.begin("s-2", "till-1", SalesJournalContract.USD, priced.lines(), "k2", priced.discounts());
            assertThat(j.find("s-2")).contains(sale);
            assertThat(sale.discountMinor()).isEqualTo(170);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA user_version")).isEqualTo(Integer.toString(JournalMigrations.LATEST));
        }
    }

    static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
