package app.scantill.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe's {@code Idempotency-Key} for POST requests: a key seen with the same request replays its
 * first answer, with other parameters it is refused, and while its first request still runs a second
 * one gets a 409. Answers are kept in the {@link SandboxStore} (24 h, across restarts).
 */
final class IdempotencyGate {

    /** Stripe allows keys up to 255 characters. */
    static final int MAX_KEY_LENGTH = 255;

    /** What the gate says about one request; {@code headers} go on its answer, whatever it is. */
    sealed interface Passage permits Run, Replay, Refuse {
        Map<String, String> headers();
    }

    /** Run the request, then {@link Ticket#close} with its answer. */
    record Run(Ticket ticket, Map<String, String> headers) implements Passage {
    }

    /** Send what the first request with this key got, under that request's id. */
    record Replay(int status, String body, String originalRequestId, Map<String, String> headers) implements Passage {
    }

    /** Refuse the request with {@code error}. */
    record Refuse(StripeApiError error, Map<String, String> headers) implements Passage {
    }

    private final SandboxStore store;

    IdempotencyGate(SandboxStore store) {
        this.store = store;
    }

    /** Lets a request through, or answers it from what the key already holds. */
    Passage enter(String method, String path, FormParams params, String headerValue) {
        String key = method.equals("POST") && headerValue != null && !headerValue.isEmpty() ? headerValue : null;
        if (key == null) {
            return new Run(Ticket.NONE, Map.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", key);
        if (key.length() > MAX_KEY_LENGTH) {
            // Stripe's exact refusal text is not confirmed.
            return new Refuse(StripeApiError.invalid(null, null,
                    "Idempotency keys can be at most 255 characters long."), headers);
        }
        String fingerprint = fingerprint(params);
        SandboxStore.IdempotencyCheck check = store.beginIdempotent(key, method, path, fingerprint);
        if (check instanceof SandboxStore.Replay replay) {
            headers.put("Idempotent-Replayed", "true");
            headers.put("Original-Request", replay.originalRequestId());
            return new Replay(replay.status(), replay.body(), replay.originalRequestId(), headers);
        }
        if (check instanceof SandboxStore.Mismatch) {
            // Stripe's wording.
            return new Refuse(new StripeApiError(400, StripeApiError.IDEMPOTENCY, null, null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used"
                            + " with. Try using a key other than '" + key
                            + "' if you meant to execute a different request."), headers);
        }
        if (check instanceof SandboxStore.InFlight) {
            // Stripe answers a concurrent use of one key with 409; the exact text is not confirmed.
            return new Refuse(new StripeApiError(409, StripeApiError.INVALID_REQUEST, "idempotency_key_in_use", null,
                    "There is currently another in-progress request using this Idempotency Key (that probably"
                            + " means you submitted twice, and the other request is still going through): "
                            + key + ". Please try again later."), headers);
        }
        return new Run(new Ticket(store, key, method, path, fingerprint), headers);
    }

    private static String fingerprint(FormParams params) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    params.fingerprint().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key in flight: closing it keeps the answer for replays, or frees the key. */
    static final class Ticket {

        /** For a request without a key: closing it does nothing. */
        static final Ticket NONE = new Ticket(null, null, null, null, null);

        private final SandboxStore store;
        private final String key;
        private final String method;
        private final String path;
        private final String fingerprint;

        private Ticket(SandboxStore store, String key, String method, String path, String fingerprint) {
            this.store = store;
            this.key = key;
            this.method = method;
            this.path = path;
            this.fingerprint = fingerprint;
        }

        /**
         * Ends the key's flight. Stripe keeps the answer only once the endpoint ran ({@code keep}):
         * validation refusals are not kept, so the same key may be used again.
         */
        void close(int status, String body, String requestId, boolean keep) {
            if (key != null) {
                store.finishIdempotent(key, method, path, fingerprint, status, body, requestId, keep);
            }
        }
    }
}
