package app.scantill.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every HTTP request of the sandbox: the Stripe API under {@code /v1/} (JSON, Stripe's envelope for
 * every refusal) and the hosted pay page under {@code /c/} (HTML). Runs on the server's thread pool;
 * whatever a request holds, it never ends in a 500 of the sandbox's own or a hung connection.
 */
final class SandboxHttpServer implements HttpHandler {

    static final int MAX_API_BODY = 1 << 20;
    static final int MAX_PAGE_BODY = 16 * 1024;
    /** How much of a too-large body is read and dropped so its sender still receives the 413. */
    static final long MAX_DRAINED_BODY = 8L << 20;
    /** A long demo must not fill memory with recorded requests: the oldest are dropped. */
    static final int MAX_RECORDED = 10_000;
    static final String API_VERSION = "2026-07-29.dahlia";

    private static final System.Logger LOG = System.getLogger(SandboxHttpServer.class.getName());
    private static final Pattern SESSION = Pattern.compile("/v1/checkout/sessions/([^/]+)");
    private static final Pattern SESSION_EXPIRE = Pattern.compile("/v1/checkout/sessions/([^/]+)/expire");
    private static final Pattern SESSION_LINES = Pattern.compile("/v1/checkout/sessions/([^/]+)/line_items");
    private static final Pattern PAYMENT_INTENT = Pattern.compile("/v1/payment_intents/([^/]+)");
    private static final Pattern PAY = Pattern.compile("/c/pay/([^/]+)");

    private final SandboxStore store;
    private final SandboxFaults faults;
    private final List<RecordedRequest> requests;
    private final SandboxClock clock;
    private final Supplier<String> publicBase;
    private final PayPage payPage;

    SandboxHttpServer(SandboxStore store, SandboxFaults faults, List<RecordedRequest> requests, SandboxClock clock,
            Supplier<String> publicBase, PayPage payPage) {
        this.store = store;
        this.faults = faults;
        this.requests = requests;
        this.clock = clock;
        this.publicBase = publicBase;
        this.payPage = payPage;
    }

    @Override
    public void handle(HttpExchange ex) {
        String requestId = SandboxIds.request();
        try {
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/c/")) {
                handlePage(ex, path);
            } else {
                handleApi(ex, path, requestId);
            }
        } catch (DroppedConnection dropped) {
            // Closing an exchange before any response header closes the connection: the client sees EOF.
        } catch (RuntimeException | IOException | Error e) {
            LOG.log(Level.WARNING, "Sandbox request failed: " + e);
            try {
                sendJson(ex, 500, StripeJson.error(new StripeApiError(500, StripeApiError.API_ERROR, null, null,
                        "The sandbox could not handle this request."), requestId), requestId, Map.of());
            } catch (IOException | RuntimeException ignored) {
                // the response had already begun: closing below ends it
            }
        } finally {
            ex.close();
        }
    }

    // ---- API ------------------------------------------------------------------------------------

    private void handleApi(HttpExchange ex, String path, String requestId) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        byte[] body;
        try {
            body = readBody(ex, MAX_API_BODY);
        } catch (BodyTooLarge tooLarge) {
            record(ex, method, path, FormParams.empty());
            drainQuietly(ex, MAX_DRAINED_BODY);
            // Stripe's own wording for an oversized body is not confirmed.
            sendError(ex, new StripeApiError(413, StripeApiError.INVALID_REQUEST, null, null,
                    "Request body too large: the sandbox accepts at most " + MAX_API_BODY + " bytes."), requestId,
                    Map.of("Connection", "close"));
            return;
        } catch (IOException unreadable) {
            // A broken chunked encoding or a body cut short: the client's fault, not the sandbox's (no 500).
            record(ex, method, path, FormParams.empty());
            sendError(ex, StripeApiError.invalid(null, null,
                    "Invalid request: the request body could not be read."), requestId, Map.of("Connection", "close"));
            return;
        }
        FormParams params;
        try {
            params = FormParams.concat(FormParams.parse(ex.getRequestURI().getRawQuery()),
                    FormParams.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (StripeApiError e) {
            record(ex, method, path, FormParams.empty());
            sendError(ex, e, requestId, Map.of());
            return;
        }
        record(ex, method, path, params);

        Optional<Fault> fault = faults.take(method, path);
        if (fault.isPresent() && playFaultBefore(ex, fault.get(), requestId)) {
            return;
        }
        try {
            authenticate(ex.getRequestHeaders().getFirst("Authorization"));
        } catch (StripeApiError e) {
            sendError(ex, e, requestId, Map.of("WWW-Authenticate", "Basic realm=\"Stripe\""));
            return;
        }

        String key = method.equals("POST") ? ex.getRequestHeaders().getFirst("Idempotency-Key") : null;
        if (key != null && key.isEmpty()) {
            key = null;
        }
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        if (key != null) {
            extraHeaders.put("Idempotency-Key", key);
            if (key.length() > 255) {
                // Stripe allows keys up to 255 characters; its exact refusal text is not confirmed.
                sendError(ex, StripeApiError.invalid(null, null,
                        "Idempotency keys can be at most 255 characters long."), requestId, extraHeaders);
                return;
            }
            String fingerprint = fingerprint(params);
            SandboxStore.IdempotencyCheck check = store.beginIdempotent(key, method, path, fingerprint);
            if (check instanceof SandboxStore.Replay replay) {
                extraHeaders.put("Idempotent-Replayed", "true");
                extraHeaders.put("Original-Request", replay.originalRequestId());
                if (fault.isPresent() && playFaultAfter(ex, fault.get(), replay.status(), replay.body(), requestId,
                        extraHeaders)) {
                    return;
                }
                sendRaw(ex, replay.status(), replay.body(), requestId, extraHeaders);
                return;
            }
            if (check instanceof SandboxStore.Mismatch) {
                // Stripe's wording.
                sendError(ex, new StripeApiError(400, StripeApiError.IDEMPOTENCY, null, null,
                        "Keys for idempotent requests can only be used with the same parameters they were first"
                                + " used with. Try using a key other than '" + key
                                + "' if you meant to execute a different request."), requestId, extraHeaders);
                return;
            }
            if (check instanceof SandboxStore.InFlight) {
                // Stripe answers a concurrent use of one key with 409; the exact text is not confirmed.
                sendError(ex, new StripeApiError(409, StripeApiError.INVALID_REQUEST, "idempotency_key_in_use", null,
                        "There is currently another in-progress request using this Idempotency Key (that probably"
                                + " means you submitted twice, and the other request is still going through): "
                                + key + ". Please try again later."), requestId, extraHeaders);
                return;
            }
        }

        int status;
        String json;
        boolean keep;
        try {
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY) {
                sleep(fault.get().delayDuration().toMillis());
            }
            JsonObject result = route(method, path, params);
            status = 200;
            json = StripeJson.GSON.toJson(result);
            keep = true;
        } catch (StripeApiError e) {
            status = e.status();
            json = StripeJson.GSON.toJson(StripeJson.error(e, requestId));
            // A refusal of the request itself is not stored; one that comes from the session's state is.
            keep = e.ranEndpoint();
        } catch (RuntimeException | Error e) {
            if (key != null) {
                store.finishIdempotent(key, method, path, fingerprint(params), 500, "", requestId, false);
            }
            throw e;
        }
        if (key != null) {
            store.finishIdempotent(key, method, path, fingerprint(params), status, json, requestId, keep);
        }
        if (fault.isPresent() && playFaultAfter(ex, fault.get(), status, json, requestId, extraHeaders)) {
            return;
        }
        sendRaw(ex, status, json, requestId, extraHeaders);
    }

    private JsonObject route(String method, String path, FormParams params) {
        String base = publicBase.get();
        Matcher m;
        if (path.equals("/v1/checkout/sessions")) {
            if (method.equals("POST")) {
                return store.create(params, base);
            }
            if (method.equals("GET")) {
                return store.list(params, base);
            }
        } else if ((m = SESSION_EXPIRE.matcher(path)).matches()) {
            if (method.equals("POST")) {
                return store.expire(decode(m.group(1)), params, base);
            }
        } else if ((m = SESSION_LINES.matcher(path)).matches()) {
            if (method.equals("GET")) {
                return store.lineItems(decode(m.group(1)), params);
            }
        } else if ((m = SESSION.matcher(path)).matches()) {
            if (method.equals("GET")) {
                return store.retrieve(decode(m.group(1)), params, base);
            }
        } else if ((m = PAYMENT_INTENT.matcher(path)).matches()) {
            if (method.equals("GET")) {
                return store.paymentIntent(decode(m.group(1)), params);
            }
        }
        // Stripe's wording; it answers an unknown method on a known path the same way.
        throw new StripeApiError(404, StripeApiError.INVALID_REQUEST, null, null, "Unrecognized request URL ("
                + method + ": " + path + "). Please see https://stripe.com/docs or we can help at"
                + " https://support.stripe.com/.");
    }

    private void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            // Stripe's wording.
            throw new StripeApiError(401, StripeApiError.INVALID_REQUEST, null, null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header,"
                            + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
                            + " https://stripe.com/docs/api#authentication for details, or we can help at"
                            + " https://support.stripe.com/.");
        }
        String given = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        if (SandboxKeys.isLive(given)) {
            throw new StripeApiError(401, StripeApiError.INVALID_REQUEST, null, null,
                    "This is the ScanTill sandbox: it never accepts a live key (sk_live_/rk_live_). Use the sandbox key.");
        }
        if (!constantTimeEquals(given, store.secretKey())) {
            // Stripe's wording shows the key masked to its last four characters; whether a code comes with it is not confirmed.
            throw new StripeApiError(401, StripeApiError.INVALID_REQUEST, null, null,
                    "Invalid API Key provided: " + SandboxKeys.masked(given));
        }
    }

    private boolean playFaultBefore(HttpExchange ex, Fault fault, String requestId) throws IOException {
        switch (fault.kind()) {
            case SERVER_ERROR -> {
                sendError(ex, new StripeApiError(fault.status(), StripeApiError.API_ERROR, null, null,
                        "An unknown error occurred (sandbox fault)."), requestId, Map.of());
                return true;
            }
            case RATE_LIMITED -> {
                Map<String, String> headers = new LinkedHashMap<>();
                fault.shouldRetry().ifPresent(v -> headers.put("Stripe-Should-Retry", v.toString()));
                fault.retryAfter().ifPresent(d -> headers.put("Retry-After", Long.toString(Math.max(0, d.toSeconds()))));
                // Stripe's rate-limit refusal: type invalid_request_error, code rate_limit.
                sendError(ex, new StripeApiError(429, StripeApiError.INVALID_REQUEST, "rate_limit", null,
                        "Request rate limit exceeded. Learn more about rate limits here"
                                + " https://stripe.com/docs/rate-limits."), requestId, headers);
                return true;
            }
            case DROP_CONNECTION -> throw new DroppedConnection();
            case HTML_ERROR_PAGE -> {
                byte[] html = ("<html><head><title>" + fault.status() + " Bad Gateway</title></head><body>"
                        + "<center><h1>" + fault.status() + " Bad Gateway</h1></center><hr><center>sandbox-proxy"
                        + "</center></body></html>\n").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(fault.status(), html.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(html);
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean playFaultAfter(HttpExchange ex, Fault fault, int status, String json, String requestId,
            Map<String, String> headers) throws IOException {
        switch (fault.kind()) {
            case DROP_CONNECTION_AFTER_PROCESSING -> throw new DroppedConnection();
            case TRUNCATED_JSON -> {
                sendRaw(ex, 200, json.substring(0, json.length() / 2), requestId, headers);
                return true;
            }
            case WRONG_OBJECT_TYPE -> {
                JsonObject other = new JsonObject();
                other.addProperty("object", "balance");
                other.add("available", new com.google.gson.JsonArray());
                other.add("pending", new com.google.gson.JsonArray());
                other.addProperty("livemode", false);
                sendRaw(ex, 200, StripeJson.GSON.toJson(other), requestId, headers);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    // ---- pay page -------------------------------------------------------------------------------

    private void handlePage(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        Matcher m = PAY.matcher(path);
        if (m.matches()) {
            String id = decode(m.group(1));
            if (method.equals("GET") || method.equals("HEAD")) {
                Optional<SandboxSession> s = store.session(id, publicBase.get());
                if (s.isEmpty()) {
                    sendHtml(ex, 404, payPage.notFound());
                } else if (s.get().isOpen()) {
                    sendHtml(ex, 200, payPage.open(s.get()));
                } else if (s.get().isPaid()) {
                    sendHtml(ex, 200, payPage.alreadyPaid(s.get()));
                } else {
                    sendHtml(ex, 200, payPage.expired(s.get()));
                }
                return;
            }
            if (method.equals("POST")) {
                submitPayment(ex, id);
                return;
            }
            sendHtml(ex, 405, payPage.problem("Not allowed", "This page only shows a payment and takes its form."));
            return;
        }
        if (path.equals("/c/done") && (method.equals("GET") || method.equals("HEAD"))) {
            String id = FormParams.parse(ex.getRequestURI().getRawQuery()).value("session_id").orElse("");
            Optional<SandboxSession> s = store.session(id, publicBase.get());
            if (s.isEmpty()) {
                sendHtml(ex, 404, payPage.notFound());
            } else if (s.get().isPaid()) {
                sendHtml(ex, 200, payPage.thankYou(s.get()));
            } else {
                sendHtml(ex, 200, payPage.notPaidYet(s.get()));
            }
            return;
        }
        sendHtml(ex, 404, payPage.problem("Page not found", "There is no page at this address."));
    }

    private void submitPayment(HttpExchange ex, String id) throws IOException {
        String methodType;
        try {
            methodType = FormParams.parse(new String(readBody(ex, MAX_PAGE_BODY), StandardCharsets.UTF_8))
                    .value("method").orElse("");
        } catch (BodyTooLarge | StripeApiError e) {
            sendHtml(ex, 400, payPage.problem("Could not read the form", "Please go back and try again."));
            return;
        }
        Optional<SandboxSession> current = store.session(id, publicBase.get());
        if (current.isEmpty()) {
            sendHtml(ex, 404, payPage.notFound());
            return;
        }
        if (methodType.equals("decline")) {
            // Declining changes nothing at Stripe: the session stays open until paid or expired.
            sendHtml(ex, current.get().isOpen() ? 200 : 409, current.get().isOpen()
                    ? payPage.declined(current.get()) : closedPage(current.get()));
            return;
        }
        try {
            SandboxSession paid = store.pay(id, methodType, publicBase.get());
            String target = paid.successUrl().replace("{CHECKOUT_SESSION_ID}", paid.id());
            ex.getResponseHeaders().set("Location", target);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(303, -1);
        } catch (IllegalStateException closed) {
            SandboxSession now = store.session(id, publicBase.get()).orElseThrow();
            sendHtml(ex, 409, closedPage(now));
        } catch (IllegalArgumentException | NoSuchElementException wrongMethod) {
            sendHtml(ex, 400, payPage.problem("Payment method not offered",
                    "This payment cannot be made that way. Please go back and choose another button."));
        }
    }

    private String closedPage(SandboxSession s) {
        return s.isPaid() ? payPage.alreadyPaid(s) : payPage.expired(s);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private void record(HttpExchange ex, String method, String path, FormParams params) {
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
        synchronized (requests) {
            requests.add(new RecordedRequest(clock.now(), method, path, params.entries(), headers));
            if (requests.size() > MAX_RECORDED) {
                requests.remove(0);
            }
        }
    }

    private static String fingerprint(FormParams params) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    params.fingerprint().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and drops what is left of a refused body (up to {@code limit} bytes). Closing a connection
     * with unread data in it resets it, and a client still sending then loses the 413 answer itself.
     */
    private static void drainQuietly(HttpExchange ex, long limit) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long left = limit;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client gave up: nothing to answer.
        }
    }

    private static byte[] readBody(HttpExchange ex, int max) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
            throw new BodyTooLarge();
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new BodyTooLarge();
            }
            return bytes;
        }
    }

    private void sendError(HttpExchange ex, StripeApiError e, String requestId, Map<String, String> headers)
            throws IOException {
        sendJson(ex, e.status(), StripeJson.error(e, requestId), requestId, headers);
    }

    private void sendJson(HttpExchange ex, int status, JsonObject body, String requestId, Map<String, String> headers)
            throws IOException {
        sendRaw(ex, status, StripeJson.GSON.toJson(body), requestId, headers);
    }

    private void sendRaw(HttpExchange ex, int status, String body, String requestId, Map<String, String> headers)
            throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Request-Id", requestId);
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

    private static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DroppedConnection();
        }
    }

    /** Unwinds a request whose connection is to be closed without a response. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super(null, null, false, false);
        }
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body too large");
        }
    }
}
