package app.scantill.checkout;

import java.time.Duration;
import java.util.Optional;

/**
 * A Checkout API call failed. {@link #kind()} says what the app should do about it; the message is
 * technical (for the log) and never contains the API key.
 */
public class GatewayException extends Exception {

    public enum Kind {
        /** Could not reach the server or no answer in time: the call may or may not have happened. */
        NETWORK,
        /** 429: slow down, see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** 5xx or 409: Stripe's side; safe to retry with the same idempotency key. */
        SERVER,
        /** 401: the key is wrong or revoked. */
        AUTHENTICATION,
        /** 403: the key may not do this (a restricted key without Checkout Sessions write). */
        PERMISSION,
        /** 400 with a param/code: the request itself is refused; retrying the same request will not help. */
        INVALID_REQUEST,
        /** 400 idempotency_error: the same key was used with other parameters. */
        IDEMPOTENCY,
        /** 404: no such session. */
        NOT_FOUND,
        /** The answer could not be understood (not JSON, wrong object). */
        MALFORMED_RESPONSE
    }

    private final Kind kind;
    private final int httpStatus;
    private final String code;
    private final String param;
    private final String requestId;
    private final Duration retryAfter;
    private final boolean replayed;

    public GatewayException(Kind kind, int httpStatus, String code, String param, String requestId,
            Duration retryAfter, String message, Throwable cause) {
        this(kind, httpStatus, code, param, requestId, retryAfter, false, message, cause);
    }

    /**
     * @param replayed the answer is the one Stripe saved for the call's idempotency key, replayed
     *     ({@code Idempotent-Replayed: true}, or the first answer's request id again)
     */
    public GatewayException(Kind kind, int httpStatus, String code, String param, String requestId,
            Duration retryAfter, boolean replayed, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
        this.replayed = replayed;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether this failure is Stripe's saved answer to the idempotency key, replayed. Stripe keeps the first
     * result of a key whether it succeeded or failed, 500s included (https://docs.stripe.com/api/idempotent_requests):
     * sending the same key again can only bring the same failure back.
     */
    public boolean replayed() {
        return replayed;
    }

    /**
     * Whether the same call may succeed later. For a create sent under the attempt's own key, a
     * {@link #isSavedServerFailure() saved failure} cannot: check that first.
     */
    public boolean isTransient() {
        return kind == Kind.NETWORK || kind == Kind.RATE_LIMITED || kind == Kind.SERVER
                || kind == Kind.MALFORMED_RESPONSE;
    }

    /**
     * A server failure Stripe saved under the key and replayed: resending the key brings it back forever,
     * and the call may have made a session before it failed.
     */
    public boolean isSavedServerFailure() {
        return replayed && kind == Kind.SERVER;
    }
}
