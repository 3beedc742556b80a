package app.scantill.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API requests the sandbox received, for tests that check what the app really sent. The key in
 * the Authorization header is masked before anything is kept. Thread-safe.
 */
final class RecordedRequests {

    /** A long demo must not fill memory with recorded requests: the oldest are dropped. */
    static final int MAX_RECORDED = 10_000;

    private final SandboxClock clock;
    private final List<RecordedRequest> requests = new ArrayList<>();

    RecordedRequests(SandboxClock clock) {
        this.clock = clock;
    }

    void record(HttpExchange ex, String method, String path, FormParams params) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>(h.getValue());
            if (name.equals("authorization")) {
                values.replaceAll(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? "Bearer " + SandboxKeys.masked(v.substring(7).trim()) : "****");
            }
            headers.put(name, List.copyOf(values));
        }
        RecordedRequest request = new RecordedRequest(clock.now(), method, path, params.entries(), headers);
        synchronized (requests) {
            requests.add(request);
            if (requests.size() > MAX_RECORDED) {
                requests.remove(0);
            }
        }
    }

    /** Oldest first. */
    List<RecordedRequest> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
