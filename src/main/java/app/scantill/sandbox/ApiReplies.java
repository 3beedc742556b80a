package app.scantill.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of the API as Stripe sends them: JSON with {@code Request-Id} and {@code Stripe-Version}
 * headers, refusals in Stripe's error envelope.
 */
final class ApiReplies {

    static final String API_VERSION = "2026-07-29.dahlia";

    private ApiReplies() {
    }

    static void error(HttpExchange ex, StripeApiError e, String requestId, Map<String, String> headers)
            throws IOException {
        json(ex, e.status(), StripeJson.GSON.toJson(StripeJson.error(e, requestId)), requestId, headers);
    }

    /** Sends {@code body} (JSON text; empty for none) with the API's headers and then {@code headers}. */
    static void json(HttpExchange ex, int status, String body, String requestId, Map<String, String> headers)
            throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Request-Id", requestId);
        // Echo the version the client asked for, as Stripe does, if it looks like one.
        h.set("Stripe-Version", Optional.ofNullable(ex.getRequestHeaders().getFirst("Stripe-Version"))
                .filter(v -> v.matches("[0-9A-Za-z.\\-]{1,40}")).orElse(API_VERSION));
        h.set("Cache-Control", "no-cache, no-store");
        headers.forEach(h::set);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
