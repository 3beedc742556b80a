package app.scantill.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that records every request stripe-java sends and answers with scripted,
 * Stripe-shaped responses, in order; the last one repeats. Test scope only.
 */
final class CapturingStripeServer implements AutoCloseable {

    record Captured(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
            String body, Map<String, String> form) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    record Reply(int status, Map<String, String> headers, String body, boolean hangs) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json", "Request-Id", "req_test_123"),
                    body, false);
        }

        static Reply raw(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body, false);
        }

        /** Never answers (until the server closes): the client's read timeout fires. */
        static Reply noAnswer() {
            return new Reply(0, Map.of(), "", true);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, hangs);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    CapturingStripeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests with these replies in order; the last one keeps answering. */
    CapturingStripeServer reply(Reply... replies) {
        script.clear();
        script.addAll(List.of(replies));
        return this;
    }

    List<Captured> requests() {
        return List.copyOf(requests);
    }

    Captured onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    decodeForm(exchange.getRequestURI().getRawQuery()), headers, body, decodeForm(body)));
            Reply reply = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            if (reply == null) {
                reply = Reply.json(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"no reply scripted\"}}");
            }
            if (reply.hangs()) {
                awaitClose();
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void awaitClose() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Decodes {@code a=1&b%5B0%5D=x} into an ordered map; repeated keys keep the last value. */
    static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Stripe-shaped Checkout Session JSON. */
    static String session(String id, String status, String paymentStatus, String clientReferenceId,
            String paymentIntent, String... methodTypes) {
        StringBuilder types = new StringBuilder();
        for (String t : methodTypes) {
            types.append(types.length() == 0 ? "" : ",").append('"').append(t).append('"');
        }
        String url = "open".equals(status)
                ? "\"https://checkout.stripe.com/c/pay/" + id + "#fidkdWxOYHwnPyd1blpxYHZxWjA0T"
                        + "DJmUHFJdHxAZHRRU0RHZmt3XGBnN1dKQH0ydlZ3VFd8Zn1qSjFgVFFiYmFddGx9bEA0PXdD'\"" : "null";
        return "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"" + status + "\","
                + "\"payment_status\":\"" + paymentStatus + "\",\"url\":" + url + ",\"amount_total\":4150,"
                + "\"currency\":\"usd\",\"created\":1767225600,\"expires_at\":1767227400,"
                + "\"client_reference_id\":" + (clientReferenceId == null ? "null" : "\"" + clientReferenceId + "\"")
                + ",\"payment_intent\":" + (paymentIntent == null ? "null" : "\"" + paymentIntent + "\"")
                + ",\"payment_method_types\":[" + types + "],\"mode\":\"payment\",\"livemode\":false,"
                + "\"metadata\":{}}";
    }

    static String error(String type, String code, String param, String message) {
        return "{\"error\":{\"type\":\"" + type + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + (param == null ? "" : ",\"param\":\"" + param + "\"")
                + ",\"message\":\"" + message.replace("\"", "\\\"") + "\"}}";
    }
}
