package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.CapturedLogs;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.Settings;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A full sale in TEST mode with a recognisable fake key, against a Stripe-compatible local server
 * (the sandbox holding that key), with faults on the way so error paths log too. The key must appear
 * in no log line or logged exception, in no text of any window, and in no journal row.
 */
@ExtendWith(ApplicationExtension.class)
class TillViewSecretKeyTest {

    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @TempDir
    Path dir;
    private Stage stage;
    private StripeSandbox stripe;
    private TillWindowFixture till;
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (till != null) {
            till.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    /** Built at run time, so no key-shaped literal is ever committed. */
    private static String fakeKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("sk_test_").append("FAKEKEY");
        for (int i = 0; i < 32; i++) {
            key.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }

    @Test
    void theKeyAppearsInNoLogNoScreenTextAndNoJournalRow() throws Exception {
        String key = fakeKey();
        stripe = StripeSandbox.start(SandboxOptions.inMemory().withSecretKey(key));
        till = TillWindowFixture.start(stage, dir, List.of("--checkout.success_url=" + stripe.defaultSuccessUrl(),
                        "--poll.interval_ms=250", "--stripe.read_timeout_ms=800"),
                Map.of("STRIPE_SECRET_KEY", key, "STRIPE_API_BASE", stripe.apiBase()));
        assertThat(till.services.sandbox()).as("a key is configured: no embedded sandbox").isEmpty();
        assertThat(till.services.charges().orElseThrow().mode().name()).isEqualTo("TEST");

        // Error paths log exceptions: a failed create the cashier retries, a poll that fails.
        stripe.faults().inject(Fault.serverError(), 9, "POST", "/v1/checkout/sessions");
        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(60, Phase.FAILED, Phase.AWAITING_PAYMENT);
        assertKeyNotOnScreen(key);
        stripe.faults().clear();
        if (till.phase() == Phase.FAILED) {
            TillWindowFixture.onFx(() -> {
                till.model.chargeModelProperty().get().retry();
                return null;
            });
        }
        till.waitForPhase(60, Phase.AWAITING_PAYMENT);
        stripe.faults().inject(Fault.htmlErrorPage(502), 2, "GET", "/v1/checkout/sessions/[^/]+");
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> stripe.faults().pending() == 0);
        assertKeyNotOnScreen(key);
        stripe.pay(till.status().sessionId(), "amazon_pay");
        till.waitForPhase(60, Phase.PAID);
        assertKeyNotOnScreen(key);

        // The history window shows journal data too.
        TillWindowFixture.onFx(() -> {
            till.cashier().openHistory();
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertKeyNotOnScreen(key);

        List<LogRecord> records = logs.records();
        assertThat(records).as("the test saw the app's logging").isNotEmpty();
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : records) {
            assertThat(formatter.format(record)).doesNotContain(key).doesNotContain(key.substring(8));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
                assertThat(trace.toString()).doesNotContain(key);
            }
        }
        assertKeyNotInJournal(dir.resolve("data").resolve(Settings.JOURNAL_FILE_NAME), key);
    }

    private static void assertKeyNotOnScreen(String key) throws Exception {
        List<String> texts = TillWindowFixture.allTexts();
        assertThat(texts).isNotEmpty();
        assertThat(texts).noneMatch(t -> t.contains(key) || t.contains(key.substring(8)));
    }

    private static void assertKeyNotInJournal(Path journal, String key) throws Exception {
        int values = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + journal.toAbsolutePath());
                Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] raw = rs.getBytes(c);
                            if (raw != null) {
                                values++;
                                String text = new String(raw, StandardCharsets.UTF_8);
                                assertThat(text).as(table + " column " + c).doesNotContain(key)
                                        .doesNotContain(key.substring(8));
                            }
                        }
                    }
                }
            }
        }
        assertThat(values).as("the journal holds the sale").isGreaterThan(10);
    }
}
