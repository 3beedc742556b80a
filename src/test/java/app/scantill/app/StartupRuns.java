package app.scantill.app;

import app.scantill.ui.support.FirstFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Start-up and memory of ScanTill against a bare JavaFX window, both started from the packaged image
 * the same way: its runtime, class path and launcher options, each with a class-data archive of its
 * own (ScanTill's from the build's training run, the bare window's trained here by one run of it).
 * Time to ready: ScanTill's {@code READY} (first frame, catalog, payments, recovery done) and the bare
 * window's first frame, from just before the process starts; each keeps its data folder from run to run
 * (the first run is the warm-up), as a till starts every morning on yesterday's journal. Memory: VmRSS {@value #SETTLE_MS} ms after
 * ready for both, and ScanTill's after one whole sandbox sale; where it goes: NMT and class counts.
 */
final class StartupRuns {

    static final long SETTLE_MS = 3_000;
    private static final int RUNS = 7;

    private final PackagedImage image;
    private final Path work;
    private final BiConsumer<String, String> figure;

    StartupRuns(PackagedImage image, Path work, BiConsumer<String, String> figure) {
        this.image = image;
        this.work = work;
        this.figure = figure;
    }

    void measure() throws Exception {
        Optional<Path> bareArchive = trainBareArchive();
        Path tillHome = home();
        Path bareHome = home();
        List<Double> firstFrame = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> readyRss = new ArrayList<>();
        List<Double> bareRss = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (ChildJvm till = start(image.archive(), Main.class.getName(), tillHome)) {
                double shown = till.millisTo(till.await(FirstFrame.MARKER, 120));
                double at = till.millisTo(till.await(ReadyReport.MARKER, 120));
                Thread.sleep(SETTLE_MS);
                if (i > 0) {
                    firstFrame.add(shown);
                    ready.add(at);
                    readyRss.add(till.rssMb());
                }
            }
            try (ChildJvm window = start(bareArchive, BareJavaFxWindow.Launcher.class.getName(), bareHome)) {
                double at = window.millisTo(window.await(FirstFrame.MARKER, 120));
                Thread.sleep(SETTLE_MS);
                if (i > 0) {
                    bare.add(at);
                    bareRss.add(window.rssMb());
                }
            }
        }
        put("startup_first_frame_ms_p50", FlowFigures.percentile(firstFrame, 50), "ms");
        put("startup_ready_ms_p50", FlowFigures.percentile(ready, 50), "ms");
        put("startup_ready_ms_p95", FlowFigures.percentile(ready, 95), "ms");
        put("startup_bare_javafx_ms_p50", FlowFigures.percentile(bare, 50), "ms");
        put("startup_bare_javafx_ms_p95", FlowFigures.percentile(bare, 95), "ms");
        put("startup_ratio", FlowFigures.percentile(ready, 50) / FlowFigures.percentile(bare, 50), "ratio");
        double rss = FlowFigures.percentile(readyRss, 50);
        double rssBare = FlowFigures.percentile(bareRss, 50);
        put("rss_ready_mb", rss, "MB");
        put("rss_bare_javafx_mb", rssBare, "MB");
        put("rss_ratio", rss / rssBare, "ratio");
        List<Double> afterSale = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (ChildJvm till = start(image.archive(), BenchmarkTillApp.Launcher.class.getName(), home())) {
                till.await("SALE_DONE", 120);
                Thread.sleep(SETTLE_MS);
                afterSale.add(till.rssMb());
            }
        }
        put("rss_after_sale_mb", FlowFigures.percentile(afterSale, 50), "MB");
        put("rss_after_sale_ratio", FlowFigures.percentile(afterSale, 50) / rssBare, "ratio");
        nativeMemory(bareArchive, tillHome);
    }

    /** The bare window's own archive: one run of it, quitting after its first frame, dumps what it loaded. */
    private Optional<Path> trainBareArchive() throws Exception {
        if (!image.packaged()) {
            return Optional.empty();
        }
        Path archive = work.resolve("bare-javafx.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        List<String> command = command(Optional.empty(), BareJavaFxWindow.Launcher.class.getName(),
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-D" + BareJavaFxWindow.EXIT_AFTER_FIRST_FRAME + "=true"));
        try (ChildJvm training = ChildJvm.start(command, home())) {
            training.await(FirstFrame.MARKER, 120);
            if (!training.waitForExit(60) || !Files.isRegularFile(archive)) {
                throw new IllegalStateException("the bare window's training run made no archive: " + training.seen());
            }
        }
        return Optional.of(archive);
    }

    /** One NMT run each, settled after ready: jcmd's summaries kept in the work folder, class counts as figures. */
    private void nativeMemory(Optional<Path> bareArchive, Path tillHome) throws Exception {
        List<String> nmt = List.of("-XX:NativeMemoryTracking=summary");
        try (ChildJvm till = ChildJvm.start(command(image.archive(), Main.class.getName(), nmt), tillHome)) {
            till.await(ReadyReport.MARKER, 120);
            Thread.sleep(SETTLE_MS);
            inspect(till, "scantill_ready");
        }
        try (ChildJvm window = ChildJvm.start(command(bareArchive, BareJavaFxWindow.Launcher.class.getName(), nmt),
                home())) {
            window.await(FirstFrame.MARKER, 120);
            Thread.sleep(SETTLE_MS);
            inspect(window, "bare_javafx");
        }
    }

    private void inspect(ChildJvm child, String name) throws Exception {
        String summary = jcmd(child.pid(), "VM.native_memory", "summary");
        Files.writeString(work.resolve("nmt-" + name + ".txt"), summary);
        String counters = jcmd(child.pid(), "PerfCounter.print");
        // HotSpot counts classes loaded from the class-data archive apart from the others.
        double shared = counter(counters, "java.cls.sharedLoadedClasses");
        put("classes_loaded_" + name, counter(counters, "java.cls.loadedClasses") + shared, "classes");
        put("classes_from_archive_" + name, shared, "classes");
        for (String line : summary.split("\n")) {
            if (line.startsWith("Total:")) {
                put("nmt_committed_" + name + "_mb", kb(line, "committed=") / 1024.0, "MB");
            } else if (line.contains("Java Heap (reserved=")) {
                put("nmt_heap_committed_" + name + "_mb", kb(line, "committed=") / 1024.0, "MB");
            }
        }
    }

    private static double counter(String counters, String name) {
        for (String line : counters.split("\n")) {
            if (line.startsWith(name + "=")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    private static double kb(String line, String key) {
        int at = line.indexOf(key) + key.length();
        return Double.parseDouble(line.substring(at).replaceAll("(?s)^([0-9]+).*", "$1"));
    }

    private static String jcmd(long pid, String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        command.addAll(List.of(what));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private ChildJvm start(Optional<Path> archive, String mainClass, Path home) throws IOException {
        return ChildJvm.start(command(archive, mainClass, List.of()), home);
    }

    private Path home() throws IOException {
        Path home = Files.createDirectories(work.resolve("child-" + System.nanoTime()));
        return home;
    }

    /** The image's java, its options with {@code archive}, headless, then {@code mainClass} on its class path. */
    List<String> command(Optional<Path> archive, String mainClass, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(image.java().toString());
        command.addAll(image.optionsWith(archive));
        command.addAll(TillBenchmark.extraOptions());
        command.addAll(extra);
        command.addAll(TillBenchmark.headless());
        command.add("-D" + FirstFrame.REPORT_PROPERTY + "=true");
        command.add("-cp");
        command.add(image.classPath());
        command.add(mainClass);
        command.add("--catalog=" + image.catalog());
        return command;
    }

    private void put(String name, double value, String unit) {
        figure.accept(name, String.format(java.util.Locale.ROOT, "%.2f", value) + " " + unit);
    }
}
