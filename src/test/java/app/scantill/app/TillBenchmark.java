package app.scantill.app;

import app.scantill.catalog.Ean13;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a cashier and a queue feel, measured on the real code. Run with {@code mvn -Pbench verify}
 * (after {@code mvn -Pdist package} for the packaged figures); never part of {@code mvn verify}.
 * Prints {@code name value unit} per figure and writes them, with the machine, to
 * {@code target/bench.txt}. See docs/benchmarks.md and ADRs 0070, 0190.
 *
 * <p>Every figure comes from child JVMs started as the packaged app starts ({@link PackagedImage}):
 * the flows ({@link FlowBenchmarkApp}, timed to painted frames) against a sandbox in a process of its
 * own ({@link SandboxProcess}), once as fast as it answers and once with a remote Stripe's round trip
 * ({@code -Dbench.delayMs}, default 300); start-up and memory against a bare JavaFX window
 * ({@link StartupRuns}). Not a test of pass or fail: it fails only when a measurement could not be taken.
 */
class TillBenchmark {

    private static final Path WORK = Path.of("target", "bench");
    private static final Path REPORT = Path.of("target", "bench.txt");
    private static final int CATALOG_SIZE = 10_000;
    private static final String[] WORDS = {"dark", "roast", "coffee", "beans", "green", "tea", "oat", "milk",
        "mug", "blue", "red", "ceramic", "bag", "250 g", "500 g", "organic", "decaf", "syrup", "vanilla", "caramel",
        "croissant", "bagel", "sticker", "pack", "filter", "paper", "grinder", "kettle", "cup", "lid"};
    private static final String[] CATEGORIES = {"Coffee", "Tea", "Bakery", "Merchandise", "Equipment", "Dairy"};

    private final Map<String, String> figures = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        Files.createDirectories(WORK);
        List<String> header = new ArrayList<>(machine());
        PackagedImage image = PackagedImage.find(Path.of(System.getProperty("bench.image",
                PackagedImage.DEFAULT_ROOT.toString())));
        header.add("# runtime: " + image.description());
        header.add("# app JVM options (ScanTill and the bare window alike): " + String.join(" ", image.options())
                + (image.packaged() ? " + each its own -XX:SharedArchiveFile" : "")
                + (extraOptions().isEmpty() ? "" : "; added for this run: " + String.join(" ", extraOptions())));
        header.forEach(System.out::println);
        Path catalog = writeCatalog(WORK.resolve("catalog-10k.csv"));
        int delay = Integer.getInteger("bench.delayMs", 300);
        if (!Boolean.getBoolean("bench.startupOnly")) {
            flows(image, catalog, 0, Integer.getInteger("bench.sales", 30), true);
            flows(image, catalog, delay, Integer.getInteger("bench.delayedSales", 12), false);
        }
        if (!Boolean.getBoolean("bench.flowsOnly")) {
            new StartupRuns(image, WORK, this::figure).measure();
        }
        header.add("# load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Files.writeString(REPORT, String.join("\n", header) + "\n" + figures.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }

    /** The machine the figures belong to: cores, CPU model, memory, load average at the start, date. */
    private static List<String> machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB").findFirst().orElse("?");
        return List.of("# " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + cpu + ", " + memory + " RAM, JDK " + System.getProperty("java.runtime.version"),
                "# load average at the start: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * One flow run: a sandbox process (answering after {@code delayMs}), the flow child against it,
     * then the sandbox's count of reads per session. Figures of a delayed run end in {@code _delay<ms>}.
     */
    private void flows(PackagedImage image, Path catalog, int delayMs, int sales, boolean full) throws Exception {
        String suffix = delayMs == 0 ? "" : "_delay" + delayMs;
        Path home = Files.createDirectories(WORK.resolve("flows" + suffix + "-" + System.nanoTime()));
        List<String> stripe = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-cp", PackagedImage.development().classPath(),
                SandboxProcess.class.getName(), "--delay-ms=" + delayMs,
                "--file=" + home.resolve("sandbox.json").toAbsolutePath());
        try (ChildJvm sandbox = ChildJvm.start(stripe, home.resolve("stripe"))) {
            String[] listening = sandbox.await("SANDBOX", 60).split(" ");
            String apiBase = listening[1];
            List<String> command = new ArrayList<>();
            command.add(image.java().toString());
            command.addAll(image.optionsWith(image.archive()));
            command.addAll(extraOptions());
            command.addAll(headless());
            command.addAll(List.of("-Dbench.sales=" + sales, "-Dbench.search=" + full, "-Dbench.suffix=" + suffix,
                    "-cp", image.classPathWith(Path.of("target", "test-classes")), FlowBenchmarkApp.Launcher.class.getName(),
                    "--catalog=" + catalog.toAbsolutePath(), "--stripe.api_base=" + apiBase,
                    "--checkout.success_url=" + apiBase + "/c/done?session_id={CHECKOUT_SESSION_ID}"));
            List<String> sessions = new ArrayList<>();
            try (ChildJvm till = ChildJvm.start(command, home.resolve("till"), Map.of("STRIPE_SECRET_KEY", listening[2]))) {
                till.await("FLOW_DONE", 1_200);
                for (String line : till.seen()) {
                    if (line.startsWith(FlowFigures.MARKER + " ")) {
                        String[] f = line.split(" ", 3);
                        figure(f[1], f[2]);
                    } else if (line.startsWith("SESSIONS ")) {
                        sessions.addAll(Arrays.asList(line.substring("SESSIONS ".length()).split(" ")));
                    }
                }
                till.waitForExit(30);
            }
            sandbox.stdin().close();
            sandbox.await("SANDBOX_DONE", 60);
            if (full) {
                polls(sandbox.seen(), Set.copyOf(sessions));
            }
        }
    }

    /** The till's reads of its sessions, from the sandbox's own record. */
    private void polls(List<String> sandboxLines, Set<String> sessions) {
        List<Double> reads = new ArrayList<>();
        List<Double> statusReads = new ArrayList<>();
        double minGap = Double.MAX_VALUE;
        for (String line : sandboxLines) {
            String[] p = line.split(" ");
            if (p[0].equals("POLLS") && sessions.contains(p[1])) {
                reads.add(Double.parseDouble(p[2]));
                statusReads.add(Double.parseDouble(p[3]));
                if (!p[4].equals("-1")) {
                    minGap = Math.min(minGap, Double.parseDouble(p[4]));
                }
            }
        }
        figure("polls_per_sale_p50", String.format(Locale.ROOT, "%.2f requests", FlowFigures.percentile(reads, 50)));
        figure("status_polls_per_sale_p50",
                String.format(Locale.ROOT, "%.2f requests", FlowFigures.percentile(statusReads, 50)));
        figure("status_request_gap_min_ms", String.format(Locale.ROOT, "%.2f ms", minGap == Double.MAX_VALUE ? 0 : minGap));
    }

    /** JVM options to try on top of the launcher's ({@code -Dbench.extraOptions="-Xmx128m ..."}), for every child as the app. */
    static List<String> extraOptions() {
        String extra = System.getProperty("bench.extraOptions", "").trim();
        return extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
    }

    /** The headless settings of this JVM (Monocle, software rendering), for the children. */
    static List<String> headless() {
        List<String> flags = new ArrayList<>();
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                "java.awt.headless")) {
            String value = System.getProperty(property);
            if (value != null) {
                flags.add("-D" + property + "=" + value);
            }
        }
        return flags;
    }

    private static Path writeCatalog(Path file) throws IOException {
        Random random = new Random(6);
        StringBuilder csv = new StringBuilder("sku,barcode,name,price,currency,category\n");
        for (int i = 0; i < CATALOG_SIZE; i++) {
            String first12 = "20" + String.format(Locale.ROOT, "%010d", i);
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)] + " " + i;
            long cents = 50 + random.nextInt(20_000);
            csv.append("SKU-").append(String.format(Locale.ROOT, "%05d", i)).append(',')
                    .append(first12).append(Ean13.checkDigit(first12)).append(',')
                    .append('"').append(name).append('"').append(',')
                    .append(cents / 100).append('.').append(String.format(Locale.ROOT, "%02d", cents % 100))
                    .append(",USD,").append(CATEGORIES[i % CATEGORIES.length]).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** Nearest-rank percentile (StoreBenchmark's too). */
    static double percentile(List<Double> samples, int p) {
        return FlowFigures.percentile(samples, p);
    }

    private void figure(String name, String valueAndUnit) {
        figures.put(name, valueAndUnit);
        System.out.println(name + " " + valueAndUnit);
        System.out.flush();
    }
}
