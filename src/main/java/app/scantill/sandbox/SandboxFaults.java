package app.scantill.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults waiting for the next API requests. Each rule plays its fault on the next {@code times}
 * matching requests, then disappears; rules are tried in the order they were added. The pay page is
 * never faulted. Thread-safe.
 */
public final class SandboxFaults {

    private final List<Rule> rules = new ArrayList<>();

    /** Plays {@code fault} on the next {@code times} API requests, whatever they are. */
    public void inject(Fault fault, int times) {
        inject(fault, times, null, null);
    }

    /**
     * Plays {@code fault} on the next {@code times} API requests with this method and a path matching
     * {@code pathRegex} (e.g. {@code "/v1/checkout/sessions/[^/]+"} for retrieves).
     *
     * @param method {@code GET}, {@code POST}, or null for any
     * @param pathRegex a regular expression the whole path must match, or null for any
     */
    public synchronized void inject(Fault fault, int times, String method, String pathRegex) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(fault, times, method == null ? null : method.toUpperCase(Locale.ROOT),
                pathRegex == null ? null : Pattern.compile(pathRegex)));
    }

    /** How many fault plays are still waiting. */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    public synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<Fault> take(String method, String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule r = it.next();
            if ((r.method == null || r.method.equals(method)) && (r.path == null || r.path.matcher(path).matches())) {
                if (--r.remaining == 0) {
                    it.remove();
                }
                return Optional.of(r.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Rule {
        final Fault fault;
        int remaining;
        final String method;
        final Pattern path;

        Rule(Fault fault, int remaining, String method, Pattern path) {
            this.fault = fault;
            this.remaining = remaining;
            this.method = method;
            this.path = path;
        }
    }
}
