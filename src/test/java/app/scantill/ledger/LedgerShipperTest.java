package app.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.checkout.Conditions;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.OutboxChange;
import app.scantill.journal.SaleOutbox;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shipper's promise: in order, at least once on the wire, exactly once in the ledger. */
class LedgerShipperTest {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static final Currency USD = Currency.getInstance("USD");
    private static final List<SaleLine> LINES = List.of(new SaleLine("T", "Tea", 450, 1));
    private static StoreLedger ledger;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        ledger = StoreLedger.open(DB.address("shipper test"));
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        DB.emptyLedger();
    }

    private JdbcSalesJournal journal() {
        return JdbcSalesJournal.open(dir.resolve("journal.db"), Clock.systemUTC(), Duration.ofSeconds(2), true);
    }

    @Test
    void aBatchSentAgainAfterACrashBeforeItLeftTheOutboxIsAppliedOnce() throws Exception {
        try (JdbcSalesJournal journal = journal()) {
            journal.begin("s-1", "till-1", USD, LINES, "k1");
            journal.recordSession("s-1", "cs_1", null);
            SaleOutbox outbox = journal.outbox().orElseThrow();
            List<OutboxChange> batch = outbox.pending(10);
            // The ledger committed, then the till died before taking the batch out of its outbox:
            ledger.inTransaction("apply", c -> {
                for (OutboxChange change : batch) {
                    LedgerTables.apply(c, change);
                }
                return null;
            });
            journal.markPaid("s-1", "pi_1", "card", null);

            new LedgerShipper(outbox, ledger).drain();

            assertThat(column("SELECT change_no FROM sale_changes WHERE sale_id = 's-1' ORDER BY change_no"))
                    .containsExactly("1", "2", "3");
            assertThat(column("SELECT state FROM sales")).containsExactly("PAID");
            assertThat(column("SELECT count(*) FROM state_changes")).containsExactly("3");
            assertThat(outbox.unshippedSales()).isEmpty();
        }
    }

    @Test
    void anOlderChangeArrivingLateNeverOverwritesANewerOne() throws Exception {
        try (JdbcSalesJournal journal = journal()) {
            journal.begin("s-1", "till-1", USD, LINES, "k1");
            journal.transition("s-1", SaleState.CANCELLED, "cashier");
            List<OutboxChange> both = journal.outbox().orElseThrow().pending(10);

            ledger.inTransaction("apply newest first", c -> {
                LedgerTables.apply(c, both.get(1));
                LedgerTables.apply(c, both.get(0));
                return null;
            });

            assertThat(column("SELECT state FROM sales")).containsExactly("CANCELLED");
            assertThat(column("SELECT change_no FROM sale_changes ORDER BY change_no")).containsExactly("1", "2");
        }
    }

    @Test
    void withTheLedgerAwayNothingLeavesTheOutbox() throws Exception {
        try (JdbcSalesJournal journal = journal(); LedgerProxy server = new LedgerProxy(DB)) {
            StoreLedger throughProxy = StoreLedger.open(new LedgerAddress(server.url(DB), DB.user(), null, "proxy"));
            try {
                journal.begin("s-1", "till-1", USD, LINES, "k1");
                server.cut();
                LedgerShipper shipper = new LedgerShipper(journal.outbox().orElseThrow(), throughProxy);

                assertThatThrownBy(shipper::drain).isInstanceOf(LedgerException.class);
                assertThat(journal.outbox().get().unshippedSales()).isEqualTo(Set.of("s-1"));

                server.restore();
                // The pool drops the connection the outage broke; the shipper's next round gets a new one.
                assertThat(Conditions.eventually(() -> {
                    try {
                        return shipper.drain() == 1;
                    } catch (LedgerException stillBroken) {
                        return false;
                    }
                }, Duration.ofSeconds(10))).isTrue();
                assertThat(journal.outbox().get().unshippedSales()).isEmpty();
            } finally {
                throughProxy.close();
            }
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DB.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
