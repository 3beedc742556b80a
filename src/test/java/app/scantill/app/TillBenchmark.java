package app.scantill.app;

import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.Ean13;
import app.scantill.checkout.ChargeStatus;
import app.scantill.config.AppConfig;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.till.TillServices;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.support.FirstFrame;
import app.scantill.ui.support.FxUiExecutor;
import app.scantill.ui.till.TillView;
import app.scantill.ui.till.TillViewModel;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a cashier and a queue feel, measured on the real code against the embedded sandbox. Run with
 * {@code mvn -Pbench verify}; never part of {@code mvn verify}. Prints {@code name value unit} per
 * figure and writes the same lines to {@code target/bench.txt}. See docs/benchmarks.md.
 *
 * <p>Not a test of pass or fail: it measures. It fails only when a measurement could not be taken
 * (a child process did not start, a sale did not finish).
 */
class TillBenchmark {

    private static final Path WORK = Path.of("target", "bench");
    private static final Path REPORT = Path.of("target", "bench.txt");
    private static final Currency USD = Currency.getInstance("USD");
    private static final int CATALOG_SIZE = 10_000;
    private static final String[] WORDS = {"dark", "roast", "coffee", "beans", "green", "tea", "oat", "milk",
        "mug", "blue", "red", "ceramic", "bag", "250 g", "500 g", "organic", "decaf", "syrup", "vanilla", "caramel",
        "croissant", "bagel", "sticker", "pack", "filter", "paper", "grinder", "kettle", "cup", "lid"};
    private static final String[] CATEGORIES = {"Coffee", "Tea", "Bakery", "Merchandise", "Equipment", "Dairy"};
    /** Search-as-you-type: each query is typed one character at a time. */
    private static final List<String> QUERIES = List.of("dark roast", "green tea 500", "blue mug", "oat milk",
        "caramel syrup", "sku-01234", "kettle", "organic decaf beans", "vanilla croissant", "paper filter 250",
        "red ceramic cup", "bagel");
    /** Warm-up queries share no word with the measured ones, so no tile shown during warm-up is reused. */
    private static final List<String> WARM_UP_QUERIES = List.of("lid", "grinder", "sticker pack", "sku-0999");

    private final Map<String, String> figures = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        Files.createDirectories(WORK);
        Path catalogFile = writeCatalog(WORK.resolve("catalog-10k.csv"));
        measureJournal();
        CatalogLoadResult catalog = measureCatalogLoad(catalogFile);
        measureTill(catalog, catalogFile);
        measureChildProcesses();
        String flags = "# app JVM flags (ScanTill and the bare JavaFX window alike): " + String.join(" ", appJvmFlags());
        System.out.println(flags);
        Files.writeString(REPORT, flags + "\n" + figures.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }

    // ---- journal ------------------------------------------------------------------------------

    private void measureJournal() throws IOException {
        Path file = WORK.resolve("journal-bench-" + System.nanoTime() + ".db");
        List<Double> samples = new ArrayList<>();
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(file)) {
            List<SaleLine> lines = List.of(new SaleLine("COF-ESP", "Espresso", 300, 2),
                    new SaleLine("BAK-CRO", "Croissant", 325, 1));
            for (int i = 0; i < 230; i++) {
                String id = "S-BENCH-" + i;
                journal.begin(id, "bench", USD, lines, "key-" + i);
                long t0 = System.nanoTime();
                journal.recordSession(id, "cs_test_bench" + i, Instant.now().plus(Duration.ofMinutes(30)));
                long t1 = System.nanoTime();
                journal.transition(id, SaleState.CANCELLING, "bench");
                long t2 = System.nanoTime();
                journal.transition(id, SaleState.CANCELLED, "bench");
                long t3 = System.nanoTime();
                if (i >= 30) {
                    samples.add(ms(t1 - t0));
                    samples.add(ms(t2 - t1));
                    samples.add(ms(t3 - t2));
                }
            }
        }
        figure("journal_transition_ms_p50", percentile(samples, 50), "ms");
        figure("journal_transition_ms_p95", percentile(samples, 95), "ms");
    }

    // ---- catalog ------------------------------------------------------------------------------

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

    private CatalogLoadResult measureCatalogLoad(Path file) {
        CatalogLoader loader = new CatalogLoader();
        List<Double> samples = new ArrayList<>();
        CatalogLoadResult result = null;
        for (int i = 0; i < 8; i++) {
            long t0 = System.nanoTime();
            result = loader.load(file);
            long t1 = System.nanoTime();
            if (i >= 3) {
                samples.add(ms(t1 - t0));
            }
        }
        if (result.catalog().size() != CATALOG_SIZE) {
            throw new IllegalStateException("generated catalog loaded " + result.catalog().size() + " products: "
                    + result.problems());
        }
        figure("catalog_load_10k_ms", percentile(samples, 50), "ms");
        return result;
    }

    // ---- the till in this JVM: create, charge to QR, paid to UI, search -------------------------

    private void measureTill(CatalogLoadResult catalog, Path catalogFile) throws Exception {
        Path data = Files.createDirectories(WORK.resolve("till-" + System.nanoTime()));
        AppConfig config = AppConfig.load(List.of("--data.dir=" + data.toAbsolutePath(),
                "--catalog=" + catalogFile.toAbsolutePath()), Map.of(), data);
        Stage stage = FxToolkit.registerPrimaryStage();
        try (TillServices services = TillServices.start(config, Clock.systemUTC());
                FxUiExecutor executor = new FxUiExecutor(2)) {
            StripeSandbox sandbox = services.sandbox().orElseThrow();
            TillViewModel model = WaitForAsyncUtils.asyncFx(() -> {
                CashierViewModel cashier = new CashierViewModel(new app.scantill.cart.Cart(),
                        app.scantill.i18n.English.words(), executor);
                TillViewModel till = new TillViewModel(cashier, executor, Clock.systemUTC());
                TillView view = new TillView(till);
                view.showIn(stage);
                cashier.showCatalog(catalog);
                till.attach(services);
                return till;
            }).get(30, TimeUnit.SECONDS);
            Scene scene = stage.getScene();

            measureSearch(model.cashier(), scene);
            chargeService = services.charges().orElseThrow();
            rawClient = StripeClient.builder().setApiKey(sandbox.secretKey()).setApiBase(sandbox.apiBase())
                    .setConnectTimeout((int) config.stripeConnectTimeout().toMillis())
                    .setReadTimeout((int) config.stripeReadTimeout().toMillis())
                    .setMaxNetworkRetries(config.stripeMaxNetworkRetries()).build();
            measureChargeAndPaid(model, scene, sandbox, config.pollInterval());
        } finally {
            WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        }
    }

    private void measureSearch(CashierViewModel cashier, Scene scene) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String query : round == 0 ? WARM_UP_QUERIES : QUERIES) {
                for (int n = 1; n <= query.length(); n++) {
                    String typed = query.substring(0, n);
                    double took = WaitForAsyncUtils.asyncFx(() -> {
                        long t0 = System.nanoTime();
                        cashier.searchTextProperty().set(typed);
                        // What the cashier waits for: the filtered tiles laid out, ready to paint.
                        scene.getRoot().applyCss();
                        scene.getRoot().layout();
                        return ms(System.nanoTime() - t0);
                    }).get(10, TimeUnit.SECONDS);
                    if (round > 0) {
                        samples.add(took);
                    }
                }
                WaitForAsyncUtils.asyncFx(() -> cashier.searchTextProperty().set("")).get(10, TimeUnit.SECONDS);
            }
        }
        figure("search_10k_ms_p50", percentile(samples, 50), "ms");
        figure("search_10k_ms_p95", percentile(samples, 95), "ms");
    }

    private StripeClient rawClient;
    private int rawCreates;

    /**
     * One bare stripe-java create against the same sandbox, with the till's kind of parameters. Run
     * between the till's charges, so both see the same sandbox (its file grows with every session).
     */
    private double createRaw(StripeSandbox sandbox) throws Exception {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY)
                .setClientReferenceId("S-RAW-" + rawCreates++)
                .putMetadata("register_id", "bench")
                .addLineItem(line("Espresso", 300, 2))
                .addLineItem(line("Croissant", 325, 1))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("raw-" + System.nanoTime()).build();
        long t0 = System.nanoTime();
        Session session = rawClient.v1().checkout().sessions().create(params, options);
        long t1 = System.nanoTime();
        if (session.getUrl() == null) {
            throw new IllegalStateException("the sandbox returned a session without a URL");
        }
        return ms(t1 - t0);
    }

    private static SessionCreateParams.LineItem line(String name, long unitAmount, long quantity) {
        return SessionCreateParams.LineItem.builder().setQuantity(quantity)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("usd")
                        .setUnitAmount(unitAmount)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                .setName(name).build()).build()).build();
    }

    private void measureChargeAndPaid(TillViewModel model, Scene scene, StripeSandbox sandbox, Duration pollInterval)
            throws Exception {
        CashierViewModel cashier = model.cashier();
        Random customer = new Random(42);
        List<Double> raw = new ArrayList<>();
        List<Double> toQr = new ArrayList<>();
        List<Double> paidToUi = new ArrayList<>();
        List<Double> polls = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> statusPolls = new ArrayList<>();
        List<Double> toSession = new ArrayList<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<Long>[] known = new CompletableFuture[1];
        chargeService.addListener(status -> {
            if (status.phase() == ChargeStatus.Phase.AWAITING_PAYMENT && known[0] != null) {
                known[0].complete(System.nanoTime());
            }
        });
        int warmUp = 4;
        int sales = warmUp + 30;
        for (int i = 0; i < 20; i++) {
            createRaw(sandbox);
        }
        for (int i = 0; i < sales; i++) {
            for (int k = 0; k < 5; k++) {
                double took = createRaw(sandbox);
                if (i >= warmUp) {
                    raw.add(took);
                }
            }
            CompletableFuture<Long> qrShown = new CompletableFuture<>();
            CompletableFuture<Long> sessionKnown = new CompletableFuture<>();
            known[0] = sessionKnown;
            long t0 = WaitForAsyncUtils.asyncFx(() -> {
                cashier.scan("SKU-00001");
                cashier.scan("SKU-00002");
                whenPulseShows(scene, root -> showing(root.lookup("#qr-image"))
                        && ((ImageView) root.lookup("#qr-image")).getImage() != null, qrShown);
                long start = System.nanoTime();
                cashier.charge();
                return start;
            }).get(10, TimeUnit.SECONDS);
            long t1 = qrShown.get(30, TimeUnit.SECONDS);
            ChargeStatus status = model.chargeStatus().orElseThrow();
            String sessionId = status.sessionId();

            // The customer takes a while to scan and pay: anywhere from a moment to a few poll intervals.
            Thread.sleep(300 + customer.nextInt(2_700));
            CompletableFuture<Long> paidShown = new CompletableFuture<>();
            WaitForAsyncUtils.asyncFx(() -> whenPulseShows(scene, root -> showing(root.lookup("#paid-title")),
                    paidShown)).get(10, TimeUnit.SECONDS);
            sandbox.pay(sessionId, "card");
            long paidAt = System.nanoTime();
            long shownAt = paidShown.get(30, TimeUnit.SECONDS);

            List<RecordedRequest> ofSession = sandbox.requests().stream()
                    .filter(r -> r.method().equals("GET") && r.path().equals("/v1/checkout/sessions/" + sessionId))
                    .toList();
            // Status polls only: the one look-up of the payment method after Paid carries expand[].
            List<Instant> retrieves = ofSession.stream()
                    .filter(r -> r.params().stream().noneMatch(p -> p.getKey().startsWith("expand")))
                    .map(RecordedRequest::receivedAt).toList();
            WaitForAsyncUtils.asyncFx(() -> model.chargeModelProperty().get().newSale()).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.chargeShownProperty().get());
            if (i >= warmUp) {
                toQr.add(ms(t1 - t0));
                paidToUi.add(ms(shownAt - paidAt));
                polls.add((double) ofSession.size());
                statusPolls.add((double) retrieves.size());
                toSession.add(ms(sessionKnown.get(10, TimeUnit.SECONDS) - t0));
                for (int k = 1; k < retrieves.size(); k++) {
                    gaps.add((double) Duration.between(retrieves.get(k - 1), retrieves.get(k)).toMillis());
                }
            }
        }
        figure("create_raw_ms_p50", percentile(raw, 50), "ms");
        figure("create_raw_ms_p95", percentile(raw, 95), "ms");
        double qrP50 = percentile(toQr, 50);
        figure("charge_to_qr_ms_p50", qrP50, "ms");
        figure("charge_to_qr_ms_p95", percentile(toQr, 95), "ms");
        figure("charge_to_qr_overhead_ms_p50", qrP50 - Double.parseDouble(figures.get("create_raw_ms_p50")
                .split(" ")[0]), "ms");
        figure("poll_interval_ms", pollInterval.toMillis(), "ms");
        figure("paid_to_ui_ms_p50", percentile(paidToUi, 50), "ms");
        figure("paid_to_ui_ms_p95", percentile(paidToUi, 95), "ms");
        figure("charge_to_session_ms_p50", percentile(toSession, 50), "ms");
        figure("polls_per_sale_p50", percentile(polls, 50), "requests");
        figure("status_polls_per_sale_p50", percentile(statusPolls, 50), "requests");
        figure("status_request_gap_min_ms", gaps.isEmpty() ? 0 : gaps.stream().mapToDouble(d -> d).min().orElse(0),
                "ms");
    }

    /** The till's charge flow, to time when it knows the session (before the screen shows it). */
    private app.scantill.checkout.ChargeService chargeService;

    /** Completes {@code shown} with the time of the first pulse (after layout, before paint) where it holds. */
    private static void whenPulseShows(Scene scene, Predicate<Parent> condition, CompletableFuture<Long> shown) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (condition.test(scene.getRoot())) {
                shown.complete(System.nanoTime());
                scene.removePostLayoutPulseListener(listener[0]);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static boolean showing(Node node) {
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    // ---- child processes: start-up and memory ------------------------------------------------

    private void measureChildProcesses() throws Exception {
        List<Double> till = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            double t = startUp(Main.class.getName(), "FIRST_FRAME").millis();
            double b = startUp(BareJavaFxWindow.Launcher.class.getName(), "FIRST_FRAME").millis();
            if (i >= 1) {
                till.add(t);
                bare.add(b);
            }
        }
        double tillP50 = percentile(till, 50);
        double bareP50 = percentile(bare, 50);
        figure("startup_ms_p50", tillP50, "ms");
        figure("startup_bare_javafx_ms_p50", bareP50, "ms");
        figure("startup_ratio", tillP50 / bareP50, "ratio");

        List<Double> tillRss = new ArrayList<>();
        List<Double> bareRss = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tillRss.add(startUp(BenchmarkTillApp.Launcher.class.getName(), "SALE_DONE").rssMb());
            bareRss.add(startUp(BareJavaFxWindow.Launcher.class.getName(), "FIRST_FRAME").rssMb());
        }
        double rss = percentile(tillRss, 50);
        double rssBare = percentile(bareRss, 50);
        figure("rss_mb", rss, "MB");
        figure("rss_bare_javafx_mb", rssBare, "MB");
        figure("rss_ratio", rss / rssBare, "ratio");
    }

    private record ChildRun(double millis, double rssMb) {
    }

    /**
     * Starts {@code mainClass} in a new JVM with the app's flags, waits for {@code marker} on its
     * standard output, and measures from just before the process start to the marker's time; the
     * resident memory is read a fixed 2 s after the marker.
     */
    private static ChildRun startUp(String mainClass, String marker) throws Exception {
        Path data = Files.createDirectories(WORK.resolve("child-" + System.nanoTime()));
        Path configHome = Files.createDirectories(data.resolve("config"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(appJvmFlags());
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                "java.awt.headless")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-D" + FirstFrame.REPORT_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
        command.add("--catalog=" + Path.of("assets", "catalog.csv").toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("STRIPE_") || k.startsWith("SCANTILL_") || k.startsWith("XDG_"));
        env.put("XDG_CONFIG_HOME", configHome.toAbsolutePath().toString());
        env.put("SCANTILL_DATA_DIR", data.toAbsolutePath().toString());

        long startedAt = System.currentTimeMillis();
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
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
        try {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException(mainClass + " printed no " + marker + ": " + seen);
                }
                seen.add(line);
                if (line.startsWith("SALE_FAILED")) {
                    throw new IllegalStateException(mainClass + ": " + line + " " + seen);
                }
                if (line.startsWith(marker + " ")) {
                    long at = Long.parseLong(line.substring(marker.length() + 1).trim());
                    Thread.sleep(2_000);
                    return new ChildRun(at - startedAt, rssMb(process.pid()));
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The JVM flags the app is started with (pom property {@code app.jvmFlags}); the same for the baseline. */
    private static List<String> appJvmFlags() {
        String flags = System.getProperty("bench.appJvmFlags", "").trim();
        return flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+"));
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    // ---- figures ------------------------------------------------------------------------------

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> samples, int p) {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void figure(String name, double value, String unit) {
        figure(name, String.format(Locale.ROOT, "%.2f", value) + (unit.isEmpty() ? "" : " " + unit));
    }

    private void figure(String name, String valueAndUnit) {
        figures.put(name, valueAndUnit);
        System.out.println(name + " " + valueAndUnit);
        System.out.flush();
    }
}
