package app.scantill.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts and reads: standard output and error merged, line by line, with the
 * parent's clock taken just before {@code ProcessBuilder.start()}. The environment loses every
 * {@code STRIPE_}, {@code SCANTILL_} and {@code XDG_} variable (and Java's own option variables); home, config and data are the given folder.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final long startedAtMillis;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(List<String> command, Path home, Map<String, String> extraEnv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("STRIPE_") || k.startsWith("SCANTILL_") || k.startsWith("XDG_")
                || k.startsWith("JAVA_TOOL") || k.startsWith("_JAVA"));
        env.put("HOME", home.toAbsolutePath().toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toAbsolutePath().toString());
        env.put("SCANTILL_DATA_DIR", home.resolve("data").toAbsolutePath().toString());
        env.putAll(extraEnv);
        startedAtMillis = System.currentTimeMillis();
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "bench-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(List<String> command, Path home) throws IOException {
        return start(command, home, Map.of());
    }

    /** With {@code extraEnv} added after the clean-up (a sandbox key, not on the command line). */
    static ChildJvm start(List<String> command, Path home, Map<String, String> extraEnv) throws IOException {
        Files.createDirectories(home.resolve("config"));
        return new ChildJvm(command, home, extraEnv);
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    long pid() {
        return process.pid();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** The first line starting with {@code marker + " "}; fails on a {@code *_FAILED} line or after the timeout. */
    String await(String marker, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("no " + marker + " within " + seconds + " s; the child printed: "
                        + String.join("\n", seen));
            }
            seen.add(line);
            if (line.matches("[A-Z_]+_FAILED.*")) {
                throw new IllegalStateException(line + "\n" + String.join("\n", seen));
            }
            if (line.startsWith(marker + " ") || line.equals(marker)) {
                return line;
            }
        }
    }

    /** Every line read so far by {@link #await}. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    /** A marker line's epoch milliseconds, relative to the start: the time the child took to get there. */
    long millisTo(String markerLine) {
        return Long.parseLong(markerLine.substring(markerLine.indexOf(' ') + 1).trim()) - startedAtMillis;
    }

    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    boolean waitForExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
