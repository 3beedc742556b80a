package app.scantill.app;

import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.Conditions;
import app.scantill.config.AppConfig;
import app.scantill.ledger.LedgerDatabase;
import app.scantill.sale.SaleLine;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.till.TillServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Simulated stores of 1, 5 and 20 registers on one PostgreSQL ledger against one sandbox: each register
 * opens a sale and the customer pays it at a random moment. Measured for the whole store: Stripe
 * requests per second while the sales are open, and paid-to-screen (the sandbox marks the session paid
 * → the register's charge flow publishes PAID, which is what the screen shows). Once with the store's
 * watcher (ledger configured), once with today's per-till polling (no ledger), in the same run.
 * {@code mvn -Pbench verify}; figures in target/bench-store.txt and docs/benchmarks.md.
 */
class StoreBenchmark {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static final Path WORK = Path.of("target", "bench", "store");
    private static final Path REPORT = Path.of("target", "bench-store.txt");
    private static final Currency USD = Currency.getInstance("USD");
    private static final List<SaleLine> CART = List.of(new SaleLine("SKU-1", "Flat white", 450, 2));
    /** Customers pay between 1 and 9 seconds after their QR code is up. */
    private static final long PAY_FROM_MS = 1_000;
    private static final long PAY_SPREAD_MS = 8_000;
    private static final long SEED = 0x5702EL;

    private final Map<String, String> figures = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        Files.createDirectories(WORK);
        run(1, true); // warm-up: class loading, JIT, the ledger's schema
        figures.clear();
        for (int registers : new int[] {1, 5, 20}) {
            run(registers, true);
            run(registers, false);
        }
        Files.writeString(REPORT, figures.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private void run(int registers, boolean watcher) throws Exception {
        DB.emptyLedger();
        String kind = watcher ? "watcher" : "per_till";
        try (StripeSandbox sandbox = StripeSandbox.start(SandboxOptions.inMemory())) {
            List<TillServices> tills = new ArrayList<>();
            try {
                for (int i = 0; i < registers; i++) {
                    tills.add(till(sandbox, "bench-" + kind + "-" + registers + "-" + i, watcher));
                }
                if (watcher && !Conditions.eventually(() -> tills.stream()
                        .allMatch(t -> t.storeWatch().orElse("").equals("WATCHING")), Duration.ofSeconds(30))) {
                    throw new IllegalStateException("the store's watcher did not start");
                }
                measureSales(sandbox, tills, registers, kind);
            } finally {
                tills.forEach(TillServices::close);
            }
        }
    }

    private void measureSales(StripeSandbox sandbox, List<TillServices> tills, int registers, String kind)
            throws Exception {
        Map<String, Long> paidShown = new ConcurrentHashMap<>();
        Map<String, String> sessions = new ConcurrentHashMap<>();
        for (TillServices t : tills) {
            ChargeService charges = t.charges().orElseThrow();
            charges.addListener(status -> record(status, sessions, paidShown));
            charges.start(USD, CART);
        }
        if (!Conditions.eventually(() -> sessions.size() == registers, Duration.ofSeconds(60))) {
            throw new IllegalStateException("not every register showed its QR code");
        }
        sandbox.clearRequests();
        long start = System.nanoTime();
        Random random = new Random(SEED + registers);
        Map<String, Long> payAt = new LinkedHashMap<>();
        sessions.forEach((sale, session) -> payAt.put(session, start + (PAY_FROM_MS + (long) (random.nextDouble()
                * PAY_SPREAD_MS)) * 1_000_000L));
        Map<String, Long> paidAt = new ConcurrentHashMap<>();
        List<Map.Entry<String, Long>> order = payAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        for (Map.Entry<String, Long> pay : order) {
            Conditions.eventually(() -> System.nanoTime() >= pay.getValue(), Duration.ofSeconds(30));
            paidAt.put(pay.getKey(), System.nanoTime());
            sandbox.pay(pay.getKey(), "card");
        }
        if (!Conditions.eventually(() -> paidShown.size() == registers, Duration.ofSeconds(120))) {
            throw new IllegalStateException("not every sale was shown paid: " + paidShown.size() + "/" + registers);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<RecordedRequest> requests = sandbox.requests();
        List<Double> paidToScreen = new ArrayList<>();
        sessions.forEach((sale, session) -> paidToScreen.add((paidShown.get(sale) - paidAt.get(session)) / 1e6));
        String prefix = "store_" + registers + "_" + kind + "_";
        figure(prefix + "requests_per_s", requests.size() / seconds, "req/s");
        figure(prefix + "event_lists_per_s", requests.stream().filter(r -> r.path().equals("/v1/events")).count()
                / seconds, "req/s");
        figure(prefix + "session_reads_per_s", requests.stream().filter(r -> r.path().startsWith("/v1/checkout/sessions/"))
                .count() / seconds, "req/s");
        figure(prefix + "paid_to_screen_ms_p50", TillBenchmark.percentile(paidToScreen, 50), "ms");
        figure(prefix + "paid_to_screen_ms_p95", TillBenchmark.percentile(paidToScreen, 95), "ms");
        figure(prefix + "window_s", seconds, "s");
    }

    private static void record(ChargeStatus status, Map<String, String> sessions, Map<String, Long> paidShown) {
        if (status.saleId() == null) {
            return;
        }
        if (status.phase() == ChargeStatus.Phase.AWAITING_PAYMENT && status.sessionId() != null) {
            sessions.putIfAbsent(status.saleId(), status.sessionId());
        } else if (status.phase() == ChargeStatus.Phase.PAID) {
            paidShown.putIfAbsent(status.saleId(), System.nanoTime());
        }
    }

    private static TillServices till(StripeSandbox sandbox, String register, boolean inStore) throws Exception {
        Path folder = Files.createDirectories(WORK.resolve(register + "-" + System.nanoTime()));
        List<String> args = new ArrayList<>(List.of("--journal=" + folder.resolve("journal.db"),
                "--data.dir=" + folder, "--register.id=" + register,
                "--checkout.success_url=" + sandbox.defaultSuccessUrl()));
        if (inStore) {
            args.add("--store.ledger.url=" + DB.url());
        }
        AppConfig config = AppConfig.load(args, Map.of("STRIPE_SECRET_KEY", sandbox.secretKey(),
                "STRIPE_API_BASE", sandbox.apiBase(), "SCANTILL_LEDGER_USER", DB.user()), folder);
        TillServices till = TillServices.start(config, Clock.systemUTC());
        if (till.charges().isEmpty()) {
            throw new IllegalStateException("register " + register + " cannot take payments: " + till.problems());
        }
        return till;
    }

    private void figure(String name, double value, String unit) {
        String text = String.format(Locale.ROOT, "%.2f", value) + " " + unit;
        figures.put(name, text);
        System.out.println(name + " " + text);
        System.out.flush();
    }
}
