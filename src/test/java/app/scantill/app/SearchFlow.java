package app.scantill.app;

import app.scantill.ui.cashier.CashierViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Search-as-you-type on the benchmark's 10,000-product catalog, each key stroke timed from the query
 * set to the painted frame showing its tiles (the query is set and the watch armed in the same
 * JavaFX turn, so the first pulse after it carries the new tiles).
 */
final class SearchFlow {

    /** Each query is typed one character at a time. */
    static final List<String> QUERIES = List.of("dark roast", "green tea 500", "blue mug", "oat milk",
            "caramel syrup", "sku-01234", "kettle", "organic decaf beans", "vanilla croissant", "paper filter 250",
            "red ceramic cup", "bagel");
    /** Warm-up queries share no word with the measured ones, so no tile shown during warm-up is reused. */
    static final List<String> WARM_UP_QUERIES = List.of("lid", "grinder", "sticker pack", "sku-0999");

    private SearchFlow() {
    }

    static void measure(CashierViewModel cashier, RenderedFrame frames, FlowFigures figures) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String query : round == 0 ? WARM_UP_QUERIES : QUERIES) {
                for (int n = 1; n <= query.length(); n++) {
                    String typed = query.substring(0, n);
                    long[] t0 = new long[1];
                    CompletableFuture<Long> painted = FlowBenchmarkApp.onFx(() -> {
                        CompletableFuture<Long> watch = frames.whenPainted(root -> true);
                        t0[0] = System.nanoTime();
                        cashier.searchTextProperty().set(typed);
                        return watch;
                    });
                    long at = painted.get(30, TimeUnit.SECONDS);
                    if (round > 0) {
                        samples.add(FlowBenchmarkApp.ms(at - t0[0]));
                    }
                }
                CompletableFuture<Long> cleared = FlowBenchmarkApp.onFx(() -> {
                    CompletableFuture<Long> watch = frames.whenPainted(root -> true);
                    cashier.searchTextProperty().set("");
                    return watch;
                });
                cleared.get(30, TimeUnit.SECONDS);
            }
        }
        figures.add("search_10k_ms_p50", FlowFigures.percentile(samples, 50), "ms");
        figures.add("search_10k_ms_p95", FlowFigures.percentile(samples, 95), "ms");
    }
}
