package app.scantill.app;

import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogLoader;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The journal's durable write and the 10,000-product catalog load, in the benchmark's child JVM. */
final class CoreFigures {

    private static final Currency USD = Currency.getInstance("USD");

    private CoreFigures() {
    }

    static void measure(Path catalog, Path work, FlowFigures figures) throws IOException {
        journal(work, figures);
        catalogLoad(catalog, figures);
    }

    private static void journal(Path work, FlowFigures figures) throws IOException {
        Path file = Files.createDirectories(work).resolve("journal-bench-" + System.nanoTime() + ".db");
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
                    samples.add(FlowBenchmarkApp.ms(t1 - t0));
                    samples.add(FlowBenchmarkApp.ms(t2 - t1));
                    samples.add(FlowBenchmarkApp.ms(t3 - t2));
                }
            }
        }
        figures.add("journal_transition_ms_p50", FlowFigures.percentile(samples, 50), "ms");
        figures.add("journal_transition_ms_p95", FlowFigures.percentile(samples, 95), "ms");
    }

    private static void catalogLoad(Path file, FlowFigures figures) {
        CatalogLoader loader = new CatalogLoader();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long t0 = System.nanoTime();
            CatalogLoadResult result = loader.load(file);
            long t1 = System.nanoTime();
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("the generated catalog has problems: " + result.problems());
            }
            if (i >= 3) {
                samples.add(FlowBenchmarkApp.ms(t1 - t0));
            }
        }
        figures.add("catalog_load_10k_ms", FlowFigures.percentile(samples, 50), "ms");
    }
}
