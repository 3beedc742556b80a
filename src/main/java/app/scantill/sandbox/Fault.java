package app.scantill.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the sandbox plays instead of (or on top of) its normal answer, to show how the app copes
 * with what Stripe and networks do. Faults act like infrastructure in front of Stripe: they never
 * store an idempotent response, so a retry with the same key runs the request normally; the one
 * exception is {@link #savedServerError}, which plays Stripe's own idempotency layer keeping a 500.
 */
public final class Fault {

    /** What goes wrong. */
    public enum Kind {
        /** An HTTP 5xx with Stripe's {@code api_error} envelope, before the request runs. */
        SERVER_ERROR,
        /** HTTP 429 {@code rate_limit}, before the request runs. */
        RATE_LIMITED,
        /** The request waits, then runs normally: for read timeouts and concurrency. */
        DELAY,
        /** The connection is closed with no response, before the request runs. */
        DROP_CONNECTION,
        /** The request runs (a session may be created), then the connection is closed with no response. */
        DROP_CONNECTION_AFTER_PROCESSING,
        /** An HTML error page such as a proxy or load balancer sends, before the request runs. */
        HTML_ERROR_PAGE,
        /** The request runs, then only the first half of its JSON body is sent with status 200. */
        TRUNCATED_JSON,
        /** The request runs, then a well-formed JSON object of another type is sent with status 200. */
        WRONG_OBJECT_TYPE,
        /**
         * Stripe answers 500 and saves that answer under the request's {@code Idempotency-Key}, as its
         * idempotency layer keeps the first result of a key "regardless of whether it succeeds or fails ...
         * including 500 errors" (https://docs.stripe.com/api/idempotent_requests): every later request with the
         * key gets the same 500, with {@code Idempotent-Replayed: true} and the first answer's request id. The
         * request may have made its session before it failed ({@link #endpointRuns()}), or not.
         */
        SAVED_SERVER_ERROR
    }

    private final Kind kind;
    private final int status;
    private final Boolean shouldRetry;
    private final Duration retryAfter;
    private final Duration delay;
    private final boolean endpointRuns;

    private Fault(Kind kind, int status, Boolean shouldRetry, Duration retryAfter, Duration delay) {
        this(kind, status, shouldRetry, retryAfter, delay, false);
    }

    private Fault(Kind kind, int status, Boolean shouldRetry, Duration retryAfter, Duration delay,
            boolean endpointRuns) {
        this.kind = kind;
        this.status = status;
        this.shouldRetry = shouldRetry;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.endpointRuns = endpointRuns;
    }

    /**
     * A 500 saved under the request's idempotency key and replayed for it (see {@link Kind#SAVED_SERVER_ERROR});
     * unlike the other faults, it is stored.
     *
     * @param sessionMade whether the request made its session (the endpoint ran) before the failure
     */
    public static Fault savedServerError(boolean sessionMade) {
        return new Fault(Kind.SAVED_SERVER_ERROR, 500, null, null, null, sessionMade);
    }

    /** HTTP 500 {@code api_error} without a {@code Stripe-Should-Retry} header (stripe-java retries 5xx). */
    public static Fault serverError() {
        return serverError(500);
    }

    /** An HTTP 5xx {@code api_error}, e.g. 502 or 503. */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx, not " + status);
        }
        return new Fault(Kind.SERVER_ERROR, status, null, null, null);
    }

    /** HTTP 429 with neither {@code Stripe-Should-Retry} nor {@code Retry-After}: stripe-java does not retry it. */
    public static Fault rateLimited() {
        return new Fault(Kind.RATE_LIMITED, 429, null, null, null);
    }

    /**
     * HTTP 429 with the given headers.
     *
     * @param shouldRetry the {@code Stripe-Should-Retry} header value, or null to leave it out
     * @param retryAfter the {@code Retry-After} header (whole seconds), or null to leave it out
     */
    public static Fault rateLimited(Boolean shouldRetry, Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, 429, shouldRetry, retryAfter, null);
    }

    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(Kind.DELAY, 0, null, null, delay);
    }

    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, null);
    }

    public static Fault dropConnectionAfterProcessing() {
        return new Fault(Kind.DROP_CONNECTION_AFTER_PROCESSING, 0, null, null, null);
    }

    /** An HTML page with the given status (e.g. 502 from a proxy). */
    public static Fault htmlErrorPage(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new Fault(Kind.HTML_ERROR_PAGE, status, null, null, null);
    }

    public static Fault truncatedJson() {
        return new Fault(Kind.TRUNCATED_JSON, 200, null, null, null);
    }

    public static Fault wrongObjectType() {
        return new Fault(Kind.WRONG_OBJECT_TYPE, 200, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status sent, when the fault sends one of its own. */
    public int status() {
        return status;
    }

    public Optional<Boolean> shouldRetry() {
        return Optional.ofNullable(shouldRetry);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Duration delayDuration() {
        return delay == null ? Duration.ZERO : delay;
    }

    /** For a saved server error: whether the request ran (and made what it makes) before it failed. */
    public boolean endpointRuns() {
        return endpointRuns;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status > 0 ? " " + status : "") + (delay != null ? " " + delay : "")
                + (shouldRetry != null ? " Stripe-Should-Retry=" + shouldRetry : "")
                + (retryAfter != null ? " Retry-After=" + retryAfter.toSeconds() : "")
                + (kind == Kind.SAVED_SERVER_ERROR ? (endpointRuns ? " after running" : " before running") : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && f.kind == kind && f.status == status && Objects.equals(f.shouldRetry, shouldRetry)
                && Objects.equals(f.retryAfter, retryAfter) && Objects.equals(f.delay, delay)
                && f.endpointRuns == endpointRuns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, shouldRetry, retryAfter, delay, endpointRuns);
    }
}
