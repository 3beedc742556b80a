package app.scantill.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plays an injected {@link Fault} at its moment in a request: in place of the request (errors, a
 * dropped connection), before it runs (a delay) or on its answer (a lost or spoiled answer). A new
 * kind of fault is one more case here and in {@link Fault.Kind}.
 */
final class FaultPlayer {

    private FaultPlayer() {
    }

    /**
     * Plays a fault that stands in for the request, before authentication and idempotency, as
     * infrastructure in front of Stripe would.
     *
     * @return true when the fault answered the request, so it must not run
     * @throws DroppedConnection when the connection is to be closed without an answer
     */
    static boolean insteadOfRequest(HttpExchange ex, Optional<Fault> fault, String requestId) throws IOException {
        if (fault.isEmpty()) {
            return false;
        }
        Fault f = fault.get();
        switch (f.kind()) {
            case SERVER_ERROR -> ApiReplies.error(ex, new StripeApiError(f.status(), StripeApiError.API_ERROR, null,
                    null, "An unknown error occurred (sandbox fault)."), requestId, Map.of());
            case RATE_LIMITED -> {
                Map<String, String> headers = new LinkedHashMap<>();
                f.shouldRetry().ifPresent(v -> headers.put("Stripe-Should-Retry", v.toString()));
                f.retryAfter().ifPresent(d -> headers.put("Retry-After", Long.toString(Math.max(0, d.toSeconds()))));
                // Stripe's rate-limit refusal: type invalid_request_error, code rate_limit.
                ApiReplies.error(ex, new StripeApiError(429, StripeApiError.INVALID_REQUEST, "rate_limit", null,
                        "Request rate limit exceeded. Learn more about rate limits here"
                                + " https://stripe.com/docs/rate-limits."), requestId, headers);
            }
            case DROP_CONNECTION -> throw new DroppedConnection();
            case HTML_ERROR_PAGE -> htmlErrorPage(ex, f.status());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Waits out a delay fault; the request then runs normally. */
    static void beforeRunning(Optional<Fault> fault) {
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY) {
            try {
                Thread.sleep(fault.get().delayDuration().toMillis());
            } catch (InterruptedException e) {
                // The sandbox is closing: end the request without an answer.
                Thread.currentThread().interrupt();
                throw new DroppedConnection();
            }
        }
    }

    /**
     * Plays a fault on the answer of a request that ran (or was replayed).
     *
     * @return true when the fault sent its own answer instead of {@code json}
     * @throws DroppedConnection when the answer is to be lost
     */
    static boolean onAnswer(HttpExchange ex, Optional<Fault> fault, String json, String requestId,
            Map<String, String> headers) throws IOException {
        if (fault.isEmpty()) {
            return false;
        }
        switch (fault.get().kind()) {
            case DROP_CONNECTION_AFTER_PROCESSING -> throw new DroppedConnection();
            case TRUNCATED_JSON -> ApiReplies.json(ex, 200, json.substring(0, json.length() / 2), requestId, headers);
            case WRONG_OBJECT_TYPE -> {
                JsonObject other = new JsonObject();
                other.addProperty("object", "balance");
                other.add("available", new JsonArray());
                other.add("pending", new JsonArray());
                other.addProperty("livemode", false);
                ApiReplies.json(ex, 200, StripeJson.GSON.toJson(other), requestId, headers);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void htmlErrorPage(HttpExchange ex, int status) throws IOException {
        byte[] html = ("<html><head><title>" + status + " Bad Gateway</title></head><body>"
                + "<center><h1>" + status + " Bad Gateway</h1></center><hr><center>sandbox-proxy"
                + "</center></body></html>\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(status, html.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(html);
        }
    }

    /** Unwinds a request whose connection is to be closed without a response. */
    static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super(null, null, false, false);
        }
    }
}
