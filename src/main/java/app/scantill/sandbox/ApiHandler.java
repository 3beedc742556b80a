package app.scantill.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the Stripe API under {@code /v1/}, in the order Stripe's own stack answers it: read
 * and parse the body, record it, play an injected fault, check the key, pass the idempotency gate,
 * run the endpoint, keep its answer for the key, reply. Every refusal is in Stripe's envelope.
 */
final class ApiHandler {

    static final int MAX_BODY = 1 << 20;

    private final SandboxStore store;
    private final SandboxFaults faults;
    private final RecordedRequests requests;
    private final IdempotencyGate gate;
    private final ApiRoutes routes;
    private final SandboxPermissions permissions;

    ApiHandler(SandboxStore store, SandboxFaults faults, RecordedRequests requests, ApiRoutes routes) {
        this(store, faults, requests, routes, new SandboxPermissions());
    }

    ApiHandler(SandboxStore store, SandboxFaults faults, RecordedRequests requests, ApiRoutes routes,
            SandboxPermissions permissions) {
        this.permissions = permissions;
        this.store = store;
        this.faults = faults;
        this.requests = requests;
        this.gate = new IdempotencyGate(store);
        this.routes = routes;
    }

    void handle(HttpExchange ex, String path, String requestId) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        Optional<FormParams> params = readParams(ex, method, path, requestId);
        if (params.isEmpty()) {
            return;
        }
        requests.record(ex, method, path, params.get());
        Optional<Fault> fault = faults.take(method, path);
        if (FaultPlayer.insteadOfRequest(ex, fault, requestId)) {
            return;
        }
        try {
            ApiAuthentication.check(ex.getRequestHeaders().getFirst("Authorization"), store.secretKey());
        } catch (StripeApiError e) {
            ApiReplies.error(ex, e, requestId, Map.of("WWW-Authenticate", "Basic realm=\"Stripe\""));
            return;
        }
        try {
            permissions.check(method, path, store.secretKey());
        } catch (StripeApiError e) {
            ApiReplies.error(ex, e, requestId, Map.of());
            return;
        }
        IdempotencyGate.Passage passage = gate.enter(method, path, params.get(),
                ex.getRequestHeaders().getFirst("Idempotency-Key"));
        Answer answer;
        String answerId = requestId;
        if (passage instanceof IdempotencyGate.Run run) {
            FaultPlayer.beforeRunning(fault);
            answer = fault.filter(f -> f.kind() == Fault.Kind.SAVED_SERVER_ERROR).isPresent()
                    ? saveFailure(method, path, params.get(), requestId, run.ticket(), fault.get())
                    : run(method, path, params.get(), requestId, run.ticket());
        } else if (passage instanceof IdempotencyGate.Replay replay) {
            // A replay is the first answer again, under the first request's id (and Idempotent-Replayed: true).
            answer = new Answer(replay.status(), replay.body());
            answerId = replay.originalRequestId();
        } else {
            ApiReplies.error(ex, ((IdempotencyGate.Refuse) passage).error(), requestId, passage.headers());
            return;
        }
        if (!FaultPlayer.onAnswer(ex, fault, answer.json(), answerId, passage.headers())) {
            ApiReplies.json(ex, answer.status(), answer.json(), answerId, passage.headers());
        }
    }

    /**
     * Plays {@link Fault#savedServerError}: the endpoint runs first when the fault says so (a session is
     * made), then a 500 is the answer, kept under the key for every replay. A request the endpoint refuses
     * as invalid gets that refusal: Stripe saves nothing for those.
     */
    private Answer saveFailure(String method, String path, FormParams params, String requestId,
            IdempotencyGate.Ticket ticket, Fault fault) {
        if (fault.endpointRuns()) {
            try {
                routes.answer(method, path, params);
            } catch (StripeApiError e) {
                Answer refused = new Answer(e.status(), StripeJson.GSON.toJson(StripeJson.error(e, requestId)));
                ticket.close(refused.status(), refused.json(), requestId, e.ranEndpoint());
                return refused;
            } catch (RuntimeException | Error e) {
                ticket.close(500, "", requestId, false);
                throw e;
            }
        }
        StripeApiError failure = new StripeApiError(fault.status(), StripeApiError.API_ERROR, null, null,
                "An unknown error occurred (sandbox fault, saved under the idempotency key).");
        Answer answer = new Answer(failure.status(), StripeJson.GSON.toJson(StripeJson.error(failure, requestId)));
        ticket.close(answer.status(), answer.json(), requestId, true);
        return answer;
    }

    /**
     * The request's parameters (query string, then body), or empty when the request was refused
     * here: a body too large or unreadable, or broken form encoding. A refused request is recorded too.
     */
    private Optional<FormParams> readParams(HttpExchange ex, String method, String path, String requestId)
            throws IOException {
        try {
            byte[] body = RequestBodies.read(ex, MAX_BODY);
            return Optional.of(FormParams.concat(FormParams.parse(ex.getRequestURI().getRawQuery()),
                    FormParams.parse(new String(body, StandardCharsets.UTF_8))));
        } catch (RequestBodies.TooLarge tooLarge) {
            requests.record(ex, method, path, FormParams.empty());
            RequestBodies.drainQuietly(ex);
            // Stripe's own wording for an oversized body is not confirmed.
            ApiReplies.error(ex, new StripeApiError(413, StripeApiError.INVALID_REQUEST, null, null,
                    "Request body too large: the sandbox accepts at most " + MAX_BODY + " bytes."), requestId,
                    Map.of("Connection", "close"));
        } catch (IOException unreadable) {
            // A broken chunked encoding or a body cut short: the client's fault, not the sandbox's (no 500).
            requests.record(ex, method, path, FormParams.empty());
            ApiReplies.error(ex, StripeApiError.invalid(null, null,
                    "Invalid request: the request body could not be read."), requestId, Map.of("Connection", "close"));
        } catch (StripeApiError badEncoding) {
            requests.record(ex, method, path, FormParams.empty());
            ApiReplies.error(ex, badEncoding, requestId, Map.of());
        }
        return Optional.empty();
    }

    private record Answer(int status, String json) {
    }

    /** Runs the endpoint and closes the idempotency ticket with what it answered. */
    private Answer run(String method, String path, FormParams params, String requestId,
            IdempotencyGate.Ticket ticket) {
        Answer answer;
        boolean keep;
        try {
            JsonObject result = routes.answer(method, path, params);
            answer = new Answer(200, StripeJson.GSON.toJson(result));
            keep = true;
        } catch (StripeApiError e) {
            answer = new Answer(e.status(), StripeJson.GSON.toJson(StripeJson.error(e, requestId)));
            // A refusal of the request itself is not stored; one that comes from the object's state is.
            keep = e.ranEndpoint();
        } catch (RuntimeException | Error e) {
            ticket.close(500, "", requestId, false);
            throw e;
        }
        ticket.close(answer.status(), answer.json(), requestId, keep);
        return answer;
    }
}
