package app.scantill.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.config.UserEnvironment;
import app.scantill.journal.JdbcSalesJournal;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production headless till in this JVM, on the embedded sandbox: its options and its command set.
 * (Killing it at every point of a sale is {@link CrashRecoveryTest}'s job, in child processes.)
 */
class HeadlessTillTest {

    @TempDir
    Path dir;

    private record Run(int status, List<String> lines) {
    }

    private Run run(String commands, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        UserEnvironment where = new UserEnvironment(Map.of(), dir.resolve("home"), "Linux");
        int status = HeadlessTill.run(args, where, new BufferedReader(new StringReader(commands)), out,
                UnaryOperator.identity());
        return new Run(status, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void theShortJournalOptionPutsTheJournalInTheNamedFile() throws Exception {
        Path journal = dir.resolve("tills").resolve("front.db");

        Run run = run("quit\n", "--journal=" + journal, "--data.dir=" + dir.resolve("data"), "--register.id=till-7");

        assertThat(run.status()).isZero();
        assertThat(run.lines()).anyMatch(l -> l.equals("READY register=till-7 mode=SANDBOX")).contains("BYE")
                .noneMatch(l -> l.startsWith("ERROR"));
        assertThat(journal).isRegularFile();
        assertThat(dir.resolve("data").resolve("journal.db")).doesNotExist();
        try (JdbcSalesJournal opened = JdbcSalesJournal.open(journal)) {
            assertThat(opened.unfinished()).isEmpty();
        }
    }

    @Test
    void holdAndReleaseAreNotCommandsOfTheProductionTill() throws Exception {
        Run run = run("hold create\nrelease\nquit\n", "--data.dir=" + dir);

        assertThat(run.lines()).contains("ERROR text=\"Unknown command: hold\"", "ERROR text=\"Unknown command: release\"",
                "BYE");
        assertThat(run.lines()).noneMatch(l -> l.startsWith("OK hold") || l.startsWith("HELD"));
    }

    @Test
    void aBadOptionIsReportedAndTheTillStartsAnyway() throws Exception {
        Run run = run("quit\n", "--data.dir=" + dir, "--recovery.per_sale_ms=soon", "--poll.interval_ms=1");

        assertThat(run.status()).isZero();
        assertThat(run.lines()).anyMatch(l -> l.startsWith("ERROR") && l.contains("--recovery.per_sale_ms")
                && l.contains("using 30000"));
        assertThat(run.lines()).anyMatch(l -> l.startsWith("ERROR") && l.contains("poll.interval_ms")
                && l.contains("250 to 60000"));
        assertThat(run.lines()).anyMatch(l -> l.startsWith("READY ")).contains("BYE");
        assertThat(Files.exists(dir.resolve("journal.db"))).isTrue();
    }
}
