package app.scantill.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.Conditions;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.ledger.LedgerDatabase;
import app.scantill.ledger.LedgerProxy;
import app.scantill.sale.Sale;
import app.scantill.sale.StateChange;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.SandboxPermissions;
import app.scantill.sandbox.StripeSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several tills, one store: real till processes (the headless till, as the crash tests run it) on one
 * PostgreSQL ledger, against the sandbox in this JVM. What is checked is what the cashier sees (the
 * till's own lines), what the ledger holds (read with plain SQL) and what Stripe received (the
 * sandbox's record of requests). See docs/adr/0100.
 */
class StoreTillsTest {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** So long that a sale ending within the test was ended by the watcher, not by the till's own check. */
    private static final int NO_FALLBACK_MS = 120_000;

    private static StripeSandbox sandbox;

    @TempDir
    Path dir;

    private final List<TillProcess> tills = new ArrayList<>();

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = StripeSandbox.start(SandboxOptions.inMemory());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void freshStore() throws SQLException {
        DB.emptyLedger();
    }

    @AfterEach
    void stopTills() throws InterruptedException {
        for (TillProcess t : tills) {
            if (t.isAlive()) {
                t.kill();
            }
        }
    }

    // ------------------------------------------------------------ the store at work

    @Test
    void twoTillsSellingAtOnceKeepOneSetOfBooksAndTheWatcherEndsTheirSales() throws Exception {
        TillProcess a = storeTill("store-a", DB.url(), NO_FALLBACK_MS);
        TillProcess b = storeTill("store-b", DB.url(), NO_FALLBACK_MS);
        awaitWatch(a, "WATCHING");
        awaitWatch(b, "WATCHING");

        ExecutorService lanes = Executors.newFixedThreadPool(2);
        try {
            Future<List<String[]>> fromA = lanes.submit(() -> sellAndPay(a, 3, "card"));
            Future<List<String[]>> fromB = lanes.submit(() -> sellAndPay(b, 3, "amazon_pay"));
            List<String[]> sold = new ArrayList<>(fromA.get());
            sold.addAll(fromB.get());

            awaitShipped(a);
            awaitShipped(b);
            String sessions = String.join("', '", sold.stream().map(s -> s[1]).toList());
            try (Connection c = DB.connection()) {
                assertThat(count(c, "SELECT count(*) FROM sales WHERE state = 'PAID'")).isEqualTo(6);
                assertThat(count(c, "SELECT count(*) FROM sales WHERE register_id = 'store-a'")).isEqualTo(3);
                assertThat(count(c, "SELECT count(*) FROM sales WHERE payment_method = 'amazon_pay'")).isEqualTo(3);
                assertThat(count(c, "SELECT count(*) FROM stripe_outcomes WHERE status = 'complete' AND session_id IN ('"
                        + sessions + "')")).isEqualTo(6);
                assertThat(text(c, "SELECT register_id FROM watcher")).isIn("store-a", "store-b");
            }
            for (String[] sale : sold) {
                assertThat(retrievesOf(sale[1])).as("the till's own checks of %s, besides the watcher's one look-up",
                        sale[1]).isLessThanOrEqualTo(2);
            }
            assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/v1/events")).isNotEmpty();
            a.send("store");
            assertThat(a.await(l -> l.startsWith("STORE watch="), WAIT, "store line")).contains("storewide=true");
        } finally {
            lanes.shutdownNow();
        }
        compareWithJournal(dir.resolve("store-a").resolve("journal.db"));
        compareWithJournal(dir.resolve("store-b").resolve("journal.db"));
    }

    @Test
    void withTheLedgerDownTheTillSellsOnAndEveryChangeArrivesOnceAndInOrderWhenItIsBack() throws Exception {
        try (LedgerProxy server = new LedgerProxy(DB)) {
            TillProcess till = storeTill("down-a", server.url(DB), NO_FALLBACK_MS);
            awaitWatch(till, "WATCHING");
            sellAndPay(till, 1, "card");

            till.mark();
            server.cut();
            till.await(l -> l.equals("STORE watch=NONE"), WAIT, "the watcher gone with the ledger");
            List<String[]> offline = sellAndPay(till, 2, "card");
            try (Connection c = DB.connection()) {
                assertThat(count(c, "SELECT count(*) FROM sales WHERE id = '" + offline.get(1)[0] + "'")).isZero();
            }

            till.mark();
            server.restore();
            till.await(l -> l.equals("STORE watch=WATCHING"), WAIT, "the store back");
            awaitShipped(till);
            try (Connection c = DB.connection()) {
                assertThat(count(c, "SELECT count(*) FROM sales WHERE state = 'PAID'")).isEqualTo(3);
            }
        }
        compareWithJournal(dir.resolve("down-a").resolve("journal.db"));
    }

    @Test
    void aTillStartedWhileTheLedgerIsAwaySellsAloneAndJoinsTheStoreWhenItIsBack() throws Exception {
        try (LedgerProxy server = new LedgerProxy(DB)) {
            server.cut();
            TillProcess till = storeTill("late-a", server.url(DB), NO_FALLBACK_MS);
            assertThat(till.await(l -> l.startsWith("ERROR ") && l.contains("store ledger cannot be reached"), WAIT,
                    "the problem said")).contains("sells on its own");
            till.await(l -> l.startsWith("READY "), WAIT, "READY");
            sellAndPay(till, 1, "card");

            till.mark();
            server.restore();
            till.await(l -> l.equals("STORE watch=WATCHING"), WAIT, "the till in its store");
            awaitShipped(till);
        }
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT machine FROM registers WHERE register_id = 'late-a'"))
                    .isEqualTo(app.scantill.config.MachineName.current());
            assertThat(count(c, "SELECT count(*) FROM sales WHERE state = 'PAID'")).isEqualTo(1);
        }
        compareWithJournal(dir.resolve("late-a").resolve("journal.db"));
    }

    @Test
    void aTillKilledBetweenItsOwnWriteAndTheLedgersCatchesUpOnItsNextStart() throws Exception {
        Path journal = dir.resolve("kill-a").resolve("journal.db");
        String saleId;
        try (LedgerProxy server = new LedgerProxy(DB)) {
            TillProcess till = storeTill("kill-a", server.url(DB), NO_FALLBACK_MS);
            awaitWatch(till, "WATCHING");
            server.cut();
            saleId = sellAndPay(till, 1, "card").get(0)[0];
            assertThat(till.kill()).isEqualTo(137);
            try (Connection c = DB.connection()) {
                assertThat(count(c, "SELECT count(*) FROM sale_changes WHERE sale_id = '" + saleId + "'")).isZero();
            }
            server.restore();
            TillProcess again = storeTill("kill-a", server.url(DB), NO_FALLBACK_MS);
            again.await(l -> l.startsWith("READY "), WAIT, "READY");
            awaitShipped(again);
        }
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT state FROM sales WHERE id = '" + saleId + "'")).isEqualTo("PAID");
        }
        compareWithJournal(journal);
    }

    @Test
    void whenTheWatcherIsKilledAnotherTakesOverWithinSecondsAndNoPaymentIsMissed() throws Exception {
        TillProcess first = storeTill("watch-1", DB.url(), NO_FALLBACK_MS);
        awaitWatch(first, "WATCHING");
        TillProcess second = storeTill("watch-2", DB.url(), NO_FALLBACK_MS);
        TillProcess third = storeTill("watch-3", DB.url(), NO_FALLBACK_MS);
        awaitWatch(second, "WATCHING");
        awaitWatch(third, "WATCHING");
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT register_id FROM watcher")).isEqualTo("watch-1");
        }
        String[] atSecond = charge(second);
        String[] atThird = charge(third);

        long killed = System.nanoTime();
        assertThat(first.kill()).isEqualTo(137);
        sandbox.pay(atSecond[1], "card");
        sandbox.pay(atThird[1], "amazon_pay");

        second.awaitEvent("PAID", atSecond[0], WAIT);
        third.awaitEvent("PAID", atThird[0], WAIT);
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT register_id FROM watcher")).isIn("watch-2", "watch-3");
            assertThat(count(c, "SELECT count(*) FROM stripe_outcomes WHERE status = 'complete' AND session_id IN ('"
                    + atSecond[1] + "', '" + atThird[1] + "')")).as("both payments reached the ledger").isEqualTo(2);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("from the kill to both Paid screens")
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aLostNotificationStillEndsTheSaleByTheTillsOwnSlowCheck() throws Exception {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        try (Connection watcherSeat = DB.connection()) {
            // The test holds the watcher's seat and says it watches, but reads no event: nothing ever wakes the till.
            try (Statement st = watcherSeat.createStatement()) {
                st.execute("SELECT pg_advisory_lock(hashtextextended(current_schema() || '/scantill/watcher', 0))");
                st.execute("INSERT INTO watcher (id, register_id, machine, status, since, heartbeat_at) "
                        + "VALUES (1, 'silent', 'test', 'watching', now(), now())");
            }
            heartbeat.scheduleAtFixedRate(() -> {
                try (Statement st = watcherSeat.createStatement()) {
                    st.execute("UPDATE watcher SET heartbeat_at = now()");
                } catch (SQLException e) {
                    // the test ends
                }
            }, 500, 500, TimeUnit.MILLISECONDS);

            TillProcess till = storeTill("lost-a", DB.url(), 2000);
            awaitWatch(till, "WATCHING");
            String[] sale = charge(till);
            sandbox.pay(sale[1], "card");
            till.awaitEvent("PAID", sale[0], Duration.ofSeconds(15));

            assertThat(retrievesOf(sale[1])).as("checks every 2 s, not every 250 ms").isLessThanOrEqualTo(4);
            try (Connection c = DB.connection()) {
                assertThat(count(c, "SELECT count(*) FROM stripe_outcomes")).as("no watcher wrote anything").isZero();
            }
        } finally {
            heartbeat.shutdownNow();
        }
    }

    // ------------------------------------------------------------ refunds across the store (docs/adr/0122)

    @Test
    void twoRegistersRefundingOneSaleAtOnceNeverGiveBackMoreThanWasPaidAndStripeMadeExactlyTheRefundsTheLedgerHolds()
            throws Exception {
        TillProcess front = storeTill("rf-front", DB.url(), NO_FALLBACK_MS);
        TillProcess back = storeTill("rf-back", DB.url(), NO_FALLBACK_MS);
        awaitWatch(front, "WATCHING");
        awaitWatch(back, "WATCHING");
        String saleId = sellAndPay(front, 1, "card").get(0)[0];
        String intent = intentOf(front, saleId);
        awaitShipped(front);
        assertThat(balance(back, saleId)).as("the other register reads the sale from the ledger")
                .contains("register=rf-front", "paid=450", "refundable=450");

        // 300 of 450 from each register at the same moment: one fits, the other must not.
        front.send("refund " + saleId + " 300");
        back.send("refund " + saleId + " 300");
        String atFront = settledRefund(front);
        String atBack = settledRefund(back);

        assertThat(List.of(phase(atFront), phase(atBack))).containsExactlyInAnyOrder("SUCCEEDED", "REFUSED");
        String refused = phase(atFront).equals("REFUSED") ? atFront : atBack;
        assertThat(refused).contains("more than the $1.50 left");
        String rest = settledRefund(back, "refund " + saleId + " 150");
        assertThat(phase(rest)).isEqualTo("SUCCEEDED");
        assertThat(phase(settledRefund(front, "refund " + saleId + " 1"))).as("nothing is left").isEqualTo("REFUSED");

        awaitShipped(front);
        awaitShipped(back);
        List<String> madeAtStripe = sandbox.refunds(intent).stream().map(r -> r.id() + " " + r.amount().minorUnits())
                .sorted().toList();
        try (Connection c = DB.connection()) {
            assertThat(count(c, "SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE sale_id = '" + saleId
                    + "' AND status = 'SUCCEEDED'")).isEqualTo(450);
            assertThat(rows(c, "SELECT stripe_refund_id || ' ' || amount_minor FROM refunds WHERE sale_id = '"
                    + saleId + "' AND status = 'SUCCEEDED' ORDER BY 1")).isEqualTo(madeAtStripe);
            assertThat(count(c, "SELECT count(*) FROM refunds WHERE sale_id = '" + saleId + "' AND stripe_refund_id "
                    + "IS NULL AND status <> 'REFUSED'")).as("every refund without Stripe's id was refused").isZero();
            assertThat(text(c, "SELECT refunds_in_store FROM sales WHERE id = '" + saleId + "'")).isEqualTo("t");
        }
        assertThat(madeAtStripe).hasSize(2);
        assertThat(balance(front, saleId)).as("the selling register sees the other's refund too")
                .contains("refunded=450", "refundable=0", "standing=REFUNDED");
    }

    @Test
    void withTheLedgerDownACrossRegisterRefundIsRefusedClearlyWhileTheSellingRegisterRefundsOnItsOwnAndTheLedgerCountsThatOnceBack()
            throws Exception {
        try (LedgerProxy frontsLink = new LedgerProxy(DB); LedgerProxy backsLink = new LedgerProxy(DB)) {
            TillProcess front = storeTill("down-front", frontsLink.url(DB), NO_FALLBACK_MS);
            TillProcess back = storeTill("down-back", backsLink.url(DB), NO_FALLBACK_MS);
            awaitWatch(front, "WATCHING");
            awaitWatch(back, "WATCHING");
            front.send("charge USD Tea 450 2");
            String awaiting = front.await(l -> l.startsWith("EVENT phase=AWAITING_PAYMENT "), WAIT, "QR code");
            String saleId = TillProcess.field(awaiting, "sale").orElseThrow();
            sandbox.pay(TillProcess.field(awaiting, "session").orElseThrow(), "card");
            front.awaitEvent("PAID", saleId, WAIT);
            String intent = intentOf(front, saleId);
            awaitShipped(front);
            assertThat(balance(back, saleId)).contains("paid=900");

            frontsLink.cut();
            backsLink.cut();
            String refusedAtBack = settledRefund(back, "refund " + saleId + " 300");
            assertThat(phase(refusedAtBack)).isEqualTo("REFUSED");
            assertThat(TillProcess.field(refusedAtBack, "text").orElseThrow())
                    .startsWith("The store ledger cannot be reached.").contains("Nothing was refunded");
            assertThat(sandbox.refunds(intent)).as("nothing sent to Stripe").isEmpty();

            String atFront = settledRefund(front, "refund " + saleId + " 600");
            assertThat(phase(atFront)).as("the selling register refunds from its own journal").isEqualTo("SUCCEEDED");

            frontsLink.restore();
            backsLink.restore();
            awaitWatch(back, "WATCHING");
            awaitShipped(front);
            String tooMuch = settledRefund(back, "refund " + saleId + " 400");
            assertThat(phase(tooMuch)).as("the ledger counts what the selling register refunded alone").isEqualTo("REFUSED");
            assertThat(TillProcess.field(tooMuch, "text").orElseThrow()).contains("more than the $3.00 left");
            assertThat(phase(settledRefund(back, "refund " + saleId + " 300"))).isEqualTo("SUCCEEDED");

            awaitShipped(back);
            assertThat(sandbox.refunds(intent)).extracting(r -> r.amount().minorUnits())
                    .containsExactlyInAnyOrder(600L, 300L);
            try (Connection c = DB.connection()) {
                assertThat(count(c, "SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE sale_id = '" + saleId
                        + "' AND status = 'SUCCEEDED'")).isEqualTo(900);
                assertThat(rows(c, "SELECT register_id || ' ' || status || ' ' || coalesce(failure_reason, '-') "
                        + "FROM refunds WHERE sale_id = '" + saleId + "' ORDER BY created_at")).containsExactly(
                        "down-back REFUSED store_ledger_unreachable", "down-front SUCCEEDED -",
                        "down-back REFUSED store_more_than_left", "down-back SUCCEEDED -");
            }
        }
    }

    @Test
    void aCrossRegisterRefundKilledAfterItsReservationBeforeStripeHeardOfItIsSentOnceWhenItsTillIsBack()
            throws Exception {
        TillProcess front = storeTill("kill-front", DB.url(), NO_FALLBACK_MS);
        TillProcess back = storeTill("kill-back", DB.url(), NO_FALLBACK_MS);
        awaitWatch(front, "WATCHING");
        String saleId = sellAndPay(front, 1, "card").get(0)[0];
        String intent = intentOf(front, saleId);
        awaitShipped(front);
        assertThat(balance(back, saleId)).contains("paid=450");

        back.send("hold refund");
        back.await(l -> l.startsWith("OK hold=refund"), WAIT, "hold armed");
        back.send("refund " + saleId + " 200");
        String refundId = TillProcess.field(back.await(l -> l.startsWith("HELD op=refund "), WAIT, "refund held"),
                "refund").orElseThrow();
        assertThat(back.kill()).isEqualTo(137);
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT status || ' ' || (reserved_at IS NOT NULL) FROM refunds WHERE id = '"
                    + refundId + "'")).as("reserved before it may leave the till").isEqualTo("REQUESTED true");
        }
        assertThat(sandbox.refunds(intent)).isEmpty();

        TillProcess again = storeTill("kill-back", DB.url(), NO_FALLBACK_MS);
        again.await(l -> l.startsWith("REFUND refund=" + refundId + " ") && l.contains(" phase=SUCCEEDED "), WAIT,
                "the refund taken up again and made");
        awaitShipped(again);

        assertThat(sandbox.refunds(intent)).singleElement().satisfies(r -> assertThat(r.amount().minorUnits())
                .isEqualTo(200));
        try (Connection c = DB.connection()) {
            assertThat(text(c, "SELECT status || ' ' || stripe_refund_id FROM refunds WHERE id = '" + refundId + "'"))
                    .isEqualTo("SUCCEEDED " + sandbox.refunds(intent).get(0).id());
        }
        assertThat(balance(front, saleId)).contains("refunded=200", "refundable=250");
    }

    @Test
    void aSaleWhoseRegisterIsNotConnectedIsNotRefundedElsewhere() throws Exception {
        TillProcess front = storeTill("away-front", DB.url(), NO_FALLBACK_MS);
        TillProcess back = storeTill("away-back", DB.url(), NO_FALLBACK_MS);
        awaitWatch(front, "WATCHING");
        String saleId = sellAndPay(front, 1, "card").get(0)[0];
        String intent = intentOf(front, saleId);
        awaitShipped(front);
        assertThat(front.quit(WAIT)).isZero();

        String refused = settledRefund(back, "refund " + saleId + " all");

        assertThat(phase(refused)).isEqualTo("REFUSED");
        assertThat(TillProcess.field(refused, "text").orElseThrow())
                .contains("Register away-front, which made this sale, is not connected to the store");
        assertThat(sandbox.refunds(intent)).isEmpty();
    }

    // ------------------------------------------------------------ refusals

    @Test
    void theSameRegisterOpenedTwiceIsRefusedNamingTheRegisterAndTheMachine() throws Exception {
        TillProcess first = storeTill("front", DB.url(), NO_FALLBACK_MS);
        first.await(l -> l.startsWith("READY "), WAIT, "READY");
        TillProcess second = storeTill("front", dir.resolve("other-till"), DB.url(), NO_FALLBACK_MS);
        String refused = second.await(l -> l.startsWith("ERROR ") && l.contains("Register front"), WAIT, "refusal");
        assertThat(refused).contains("Register front is already open on machine " + app.scantill.config.MachineName.current())
                .contains("in this store");
        assertThat(second.awaitExit(WAIT)).as("payments cannot be taken").isEqualTo(2);

        Path journal = dir.resolve("solo").resolve("journal.db");
        TillProcess alone = plainTill("solo", journal, List.of());
        alone.await(l -> l.startsWith("READY "), WAIT, "READY");
        TillProcess twice = plainTill("solo", journal, List.of());
        assertThat(twice.await(l -> l.startsWith("ERROR ") && l.contains("Register solo"), WAIT, "refusal"))
                .contains("is already open on machine " + app.scantill.config.MachineName.current());
        assertThat(twice.awaitExit(WAIT)).isEqualTo(2);
    }

    @Test
    void aKeyThatMayNotReadEventsMakesEachTillCheckItsOwnAndTheStoreSaysSoOnce() throws Exception {
        try (StripeSandbox restricted = StripeSandbox.start(SandboxOptions.inMemory().withoutPermission(SandboxPermissions.EVENTS_READ))) {
            TillProcess till = TillProcess.start(dir.resolve("rk").resolve("journal.db"), "rk-a", restricted.apiBase(),
                    restricted.secretKey(), restricted.defaultSuccessUrl(), stderr("rk-a"), List.of(),
                    storeOptions(DB.url(), NO_FALLBACK_MS), Map.of("SCANTILL_LEDGER_USER", DB.user()));
            tills.add(till);
            till.await(l -> l.equals("STORE watch=NO_PERMISSION"), WAIT, "the store saying so");
            till.send("charge USD Tea 450 1");
            String awaiting = till.await(l -> l.startsWith("EVENT phase=AWAITING_PAYMENT "), WAIT, "QR code");
            restricted.pay(TillProcess.field(awaiting, "session").orElseThrow(), "card");
            till.awaitEvent("PAID", TillProcess.field(awaiting, "sale").orElseThrow(), Duration.ofSeconds(10));

            assertThat(till.allLines()).filteredOn(l -> l.startsWith("STORE watch=NO_PERMISSION")).hasSize(1);
        }
    }

    @Test
    void aTillWithoutALedgerLoadsNoneOfTheLedgersLibraries() throws Exception {
        Path classes = dir.resolve("classes.log");
        TillProcess till = plainTill("no-ledger", dir.resolve("plain").resolve("journal.db"),
                List.of("-Xlog:class+load=info:file=" + classes));
        till.await(l -> l.startsWith("READY "), WAIT, "READY");
        assertThat(till.quit(WAIT)).isZero();
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("app.scantill.till.TillServices")
                .doesNotContain("com.zaxxer.hikari", "org.flywaydb", "org.postgresql", "app.scantill.ledger.");

        Path withLedger = dir.resolve("classes-store.log");
        TillProcess store = TillProcess.start(dir.resolve("with").resolve("journal.db"), "with-ledger",
                sandbox.apiBase(), sandbox.secretKey(), sandbox.defaultSuccessUrl(), stderr("with-ledger"),
                List.of("-Xlog:class+load=info:file=" + withLedger), storeOptions(DB.url(), NO_FALLBACK_MS),
                Map.of("SCANTILL_LEDGER_USER", DB.user()));
        tills.add(store);
        store.await(l -> l.startsWith("READY "), WAIT, "READY");
        assertThat(store.quit(WAIT)).isZero();
        assertThat(Files.readString(withLedger)).contains("com.zaxxer.hikari", "org.flywaydb", "org.postgresql");
    }

    // ------------------------------------------------------------ helpers

    private TillProcess storeTill(String register, String ledgerUrl, int fallbackMs) throws IOException {
        return storeTill(register, dir.resolve(register), ledgerUrl, fallbackMs);
    }

    private TillProcess storeTill(String register, Path folder, String ledgerUrl, int fallbackMs) throws IOException {
        TillProcess till = TillProcess.start(folder.resolve("journal.db"), register, sandbox.apiBase(),
                sandbox.secretKey(), sandbox.defaultSuccessUrl(), stderr(register), List.of(),
                storeOptions(ledgerUrl, fallbackMs), Map.of("SCANTILL_LEDGER_USER", DB.user()));
        tills.add(till);
        return till;
    }

    private TillProcess plainTill(String register, Path journal, List<String> jvmOptions) throws IOException {
        TillProcess till = TillProcess.start(journal, register, sandbox.apiBase(), sandbox.secretKey(),
                sandbox.defaultSuccessUrl(), stderr(register), jvmOptions, List.of(), Map.of());
        tills.add(till);
        return till;
    }

    private static List<String> storeOptions(String ledgerUrl, int fallbackMs) {
        return List.of("--store.ledger.url=" + ledgerUrl, "--store.events_poll_ms=250",
                "--store.fallback_poll_ms=" + fallbackMs);
    }

    private Path stderr(String register) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, register + "-", ".stderr");
    }

    private static void awaitWatch(TillProcess till, String watch) throws InterruptedException {
        till.await(l -> l.equals("STORE watch=" + watch), WAIT, "STORE watch=" + watch);
    }

    /** Starts a sale and returns its id and session once the QR code is up. */
    private static String[] charge(TillProcess till) throws IOException, InterruptedException {
        till.send("charge USD Tea 450 1");
        String awaiting = till.await(l -> l.startsWith("EVENT phase=AWAITING_PAYMENT "), WAIT, "QR code");
        return new String[] {TillProcess.field(awaiting, "sale").orElseThrow(),
                TillProcess.field(awaiting, "session").orElseThrow()};
    }

    /** Sells {@code n} sales one after another, each paid by the customer as soon as its QR code is up. */
    private static List<String[]> sellAndPay(TillProcess till, int n, String method) throws Exception {
        List<String[]> sold = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] sale = charge(till);
            sandbox.pay(sale[1], method);
            String paid = till.awaitEvent("PAID", sale[0], WAIT);
            assertThat(paid).contains("method=" + method);
            sold.add(sale);
        }
        return sold;
    }

    private static void awaitShipped(TillProcess till) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            till.send("store");
            String line = till.await(l -> l.startsWith("STORE ") && l.contains("unshipped="), WAIT, "store line");
            if (line.contains("unshipped=0 ")) {
                return;
            }
            assertThat(System.nanoTime()).as("outbox empty within %s: %s", WAIT, line).isLessThan(deadline);
            Conditions.eventually(() -> false, Duration.ofMillis(300));
        }
    }

    /** The payment intent of a sale, as the till that made it journaled it. */
    private static String intentOf(TillProcess till, String saleId) throws Exception {
        till.send("sale " + saleId);
        return TillProcess.field(till.await(l -> l.startsWith("SALE sale=" + saleId), WAIT, "sale line"), "intent")
                .orElseThrow();
    }

    /** What the till shows of the sale's refunds: its BALANCE line. */
    private static String balance(TillProcess till, String saleId) throws Exception {
        till.send("refunds " + saleId);
        return till.await(l -> l.startsWith("BALANCE sale=" + saleId), WAIT, "balance of " + saleId);
    }

    /** Sends a refund command and returns the refund's last line once it settled. */
    private static String settledRefund(TillProcess till, String command) throws Exception {
        till.send(command);
        return settledRefund(till);
    }

    /** The last line of the refund the last command started, once it settled (waits from the last mark). */
    private static String settledRefund(TillProcess till) throws Exception {
        String ok = till.await(l -> l.startsWith("OK refund=") || l.startsWith("ERROR "), WAIT, "the refund started");
        assertThat(ok).startsWith("OK refund=");
        String id = TillProcess.field(ok, "refund").orElseThrow();
        return till.await(l -> l.startsWith("REFUND refund=" + id + " ")
                && List.of("SUCCEEDED", "REFUSED", "FAILED", "STOPPED").contains(phase(l)), WAIT, "refund " + id + " settled");
    }

    private static String phase(String refundLine) {
        return TillProcess.field(refundLine, "phase").orElse("");
    }

    private static long retrievesOf(String sessionId) {
        return sandbox.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/v1/checkout/sessions/" + sessionId)).count();
    }

    /**
     * The ledger holds each sale of this till exactly as its journal does, and every change exactly once,
     * numbered 1, 2, 3, ... in the order the till made them.
     */
    private static void compareWithJournal(Path journal) throws SQLException {
        try (JdbcSalesJournal local = JdbcSalesJournal.open(journal); Connection c = DB.connection()) {
            List<Sale> sales = local.createdBetween(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60));
            assertThat(sales).isNotEmpty();
            for (Sale sale : sales) {
                List<Integer> changes = new ArrayList<>();
                List<String> states = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT change_no, state FROM sale_changes WHERE sale_id = ? ORDER BY change_no")) {
                    ps.setString(1, sale.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            changes.add(rs.getInt(1));
                            states.add(rs.getString(2));
                        }
                    }
                }
                List<StateChange> history = local.history(sale.id());
                assertThat(changes).as("changes of %s", sale.id()).isNotEmpty();
                for (int i = 0; i < changes.size(); i++) {
                    assertThat(changes.get(i)).as("change numbers of %s", sale.id()).isEqualTo(i + 1);
                }
                assertThat(states.get(states.size() - 1)).isEqualTo(sale.state().name());
                assertThat(text(c, "SELECT state FROM sales WHERE id = '" + sale.id() + "'"))
                        .isEqualTo(sale.state().name());
                assertThat(count(c, "SELECT count(*) FROM state_changes WHERE sale_id = '" + sale.id() + "'"))
                        .isEqualTo(history.size());
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @SuppressWarnings("unused")
    private static boolean isRetrieve(RecordedRequest r) {
        return r.method().equals("GET") && r.path().startsWith("/v1/checkout/sessions/");
    }
}
