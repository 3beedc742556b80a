package app.scantill.till;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link HoldableHeadlessTill} (the headless till whose gateway calls can be held) in a child JVM on
 * the test class path, as the crash tests drive it: send a command line, wait for an event line (with a
 * timeout, never a fixed sleep), kill it with SIGKILL.
 */
final class TillProcess {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();
    private final Path stderr;
    private int mark;

    private TillProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readStdout, "till-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a till on its own JVM: C1 only and class data sharing, as a till restarting after a crash
     * would, so fifty restarts fit in a test run.
     */
    static TillProcess start(Path journal, String registerId, String apiBase, String secretKey, String successUrl,
            Path stderr) throws IOException {
        return start(journal, registerId, apiBase, secretKey, successUrl, stderr, List.of(), List.of(), Map.of());
    }

    /**
     * As {@link #start(Path, String, String, String, String, Path)}, with more JVM options, more till
     * options (e.g. {@code --store.ledger.url=...}) and more environment variables.
     */
    static TillProcess start(Path journal, String registerId, String apiBase, String secretKey, String successUrl,
            Path stderr, List<String> jvmOptions, List<String> tillOptions, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xss512k"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                HoldableHeadlessTill.class.getName(),
                "--journal=" + journal,
                "--data.dir=" + journal.getParent(),
                "--register.id=" + registerId,
                "--poll.interval_ms=250",
                "--checkout.success_url=" + successUrl,
                "--recovery.per_sale_ms=15000"));
        command.addAll(tillOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        Map<String, String> env = builder.environment();
        env.remove("SCANTILL_CONFIG");
        env.remove("SCANTILL_JOURNAL");
        env.remove("SCANTILL_LEDGER_URL");
        env.remove("SCANTILL_LEDGER_USER");
        env.remove("SCANTILL_LEDGER_PASSWORD");
        env.put("STRIPE_API_BASE", apiBase);
        env.put("STRIPE_SECRET_KEY", secretKey);
        env.putAll(environment);
        return new TillProcess(builder.start(), stderr);
    }

    /** Waits for the process to end by itself and returns its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("till did not exit by itself within " + timeout + "; output:\n" + String.join("\n", linesSinceMark()));
        }
        return process.exitValue();
    }

    synchronized List<String> allLines() {
        return List.copyOf(lines);
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was killed: its pipe breaks. Lines read so far stay.
        }
    }

    /** From now on, waits only look at lines printed after this moment. */
    synchronized void mark() {
        mark = lines.size();
    }

    void send(String command) throws IOException {
        mark();
        stdin.write(command + "\n");
        stdin.flush();
    }

    /** Waits for a line printed since the last mark that matches; fails with the output when none comes. */
    String await(Predicate<String> matching, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            int next = mark;
            while (true) {
                for (; next < lines.size(); next++) {
                    if (matching.test(lines.get(next))) {
                        return lines.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && next >= lines.size())) {
                    return fail("No " + what + " within " + timeout + ". Output since mark:\n"
                            + String.join("\n", lines.subList(Math.min(mark, lines.size()), lines.size()))
                            + "\nstderr tail:\n" + stderrTail());
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    String awaitEvent(String phase, String saleId, Duration timeout) throws InterruptedException {
        return await(l -> l.startsWith("EVENT ") && l.contains(" phase=" + phase + " ")
                && l.contains(" sale=" + saleId + " "), timeout, phase + " of " + saleId);
    }

    synchronized List<String> linesStartingWith(String kind) {
        return lines.stream().filter(l -> l.startsWith(kind + " ")).toList();
    }

    synchronized List<String> linesSinceMark() {
        return List.copyOf(lines.subList(Math.min(mark, lines.size()), lines.size()));
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. Returns the exit status (137 = 128 + SIGKILL). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("till process " + process.pid() + " did not die");
        }
        return process.exitValue();
    }

    int quit(Duration timeout) throws IOException, InterruptedException {
        send("quit");
        await(l -> l.equals("BYE"), timeout, "BYE");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("till did not exit after quit");
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A {@code key=value} field of an output line ({@code text="..."} unquoted). */
    static Optional<String> field(String line, String name) {
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                String v = m.group(2);
                if (v.startsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
                return v.equals("-") ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private String stderrTail() {
        try {
            List<String> all = Files.readAllLines(stderr);
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
