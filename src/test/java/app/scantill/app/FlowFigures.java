package app.scantill.app;

import java.util.List;
import java.util.Locale;

/** A benchmark child's figures: printed as {@code FIGURE <name> <value> <unit>} for the parent to collect. */
final class FlowFigures {

    static final String MARKER = "FIGURE";

    private final String suffix;

    FlowFigures(String suffix) {
        this.suffix = suffix;
    }

    void add(String name, double value, String unit) {
        System.out.println(MARKER + " " + name + suffix + " " + String.format(Locale.ROOT, "%.2f", value) + " " + unit);
        System.out.flush();
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
}
