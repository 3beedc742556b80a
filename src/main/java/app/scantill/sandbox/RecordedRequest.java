package app.scantill.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the sandbox's API received, as it arrived: for tests that check what the app
 * really sent (parameters, idempotency keys, retries).
 *
 * @param params form-decoded parameters of the query string and the body, in the order sent, bracket
 *     keys kept as sent (e.g. {@code line_items[0][price_data][unit_amount]})
 * @param headers request headers with lower-case names; the Authorization value is masked
 */
public record RecordedRequest(
        Instant receivedAt,
        String method,
        String path,
        List<Map.Entry<String, String>> params,
        Map<String, List<String>> headers) {

    public RecordedRequest {
        params = List.copyOf(params);
        headers = Map.copyOf(headers);
    }

    /** The first value of a parameter, if it was sent. */
    public Optional<String> param(String name) {
        return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The first value of a header (name in any case), if it was sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> idempotencyKey() {
        return header("Idempotency-Key");
    }
}
