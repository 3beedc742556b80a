package app.scantill.stripe;

import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.GatewayException;
import app.scantill.config.StripeKey;
import com.google.gson.JsonParseException;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import com.stripe.net.StripeResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns stripe-java's exceptions into {@link GatewayException}s: the kind decides what the app does,
 * the message is for the log. Every message and every cause in the chain is scrubbed of anything
 * shaped like an API key, whatever the server or the SDK put in it.
 */
final class StripeErrorMapping {

    /** stripe-java's text for a body it could not parse (LiveStripeResponseGetter.makeMalformedJsonError). */
    private static final String SDK_MALFORMED_PREFIX = "Invalid response object from API";

    private StripeErrorMapping() {
    }

    static GatewayException toGatewayException(String operation, StripeException e) {
        return toGatewayException(operation, e, false);
    }

    /** The HTTP answer behind a failure, when the SDK kept it (Stripe's error envelope was readable). */
    static StripeResponse response(StripeException e) {
        StripeError error = e.getStripeError();
        return error == null ? null : error.getLastResponse();
    }

    /** @param replayed the failure is the key's saved answer, replayed (see {@link IdempotentReplays}) */
    static GatewayException toGatewayException(String operation, StripeException e, boolean replayed) {
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        StripeError error = e.getStripeError();
        String code = e.getCode();
        String param = error == null ? null : error.getParam();
        Duration retryAfter = null;
        Kind kind;
        if (e instanceof IdempotencyException) {
            kind = Kind.IDEMPOTENCY;
        } else if (e instanceof InvalidRequestException invalid) {
            kind = status == 404 ? Kind.NOT_FOUND : Kind.INVALID_REQUEST;
            param = invalid.getParam();
        } else if (e instanceof PermissionException) {
            // Checked before its superclass: in stripe-java PermissionException extends AuthenticationException.
            kind = Kind.PERMISSION;
        } else if (e instanceof AuthenticationException) {
            kind = Kind.AUTHENTICATION;
        } else if (e instanceof CardException card) {
            // 402 does not belong to session creation; treat it as a refusal of this request.
            kind = Kind.INVALID_REQUEST;
            param = card.getParam();
        } else if (e instanceof RateLimitException) {
            kind = Kind.RATE_LIMITED;
            retryAfter = retryAfter(error).orElse(null);
        } else if (e instanceof ApiConnectionException) {
            kind = Kind.NETWORK;
        } else if (e instanceof ApiException && isUnreadableBody(e)) {
            // A proxy's HTML error page or a cut-off body: the status still says whose fault it is.
            kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 ? Kind.SERVER : Kind.MALFORMED_RESPONSE;
        } else {
            // ApiException for 409, 424 and 5xx, and anything the SDK adds later.
            kind = Kind.SERVER;
        }
        String message = operation + " failed: " + e.getClass().getSimpleName()
                + (status == 0 ? "" : " HTTP " + status)
                + (code == null ? "" : " code=" + code)
                + (param == null ? "" : " param=" + param)
                + (e.getRequestId() == null ? "" : " request=" + e.getRequestId())
                + (retryAfter == null ? "" : " retry-after=" + retryAfter.toSeconds() + "s")
                + (replayed ? " (replayed under its idempotency key)" : "")
                + ": " + sdkMessage(e);
        return new GatewayException(kind, status, code, param, e.getRequestId(), retryAfter, replayed,
                StripeKey.redactAll(message), redactedCopy(e, 0));
    }

    /** An answer stripe-java parsed without complaint but that is not what was asked for. */
    static GatewayException malformed(String operation, String what, Throwable cause) {
        return new GatewayException(Kind.MALFORMED_RESPONSE, 200, null, null, null, null,
                StripeKey.redactAll(operation + " failed: unexpected answer: " + what),
                cause == null ? null : redactedCopy(cause, 0));
    }

    private static boolean isUnreadableBody(StripeException e) {
        if (e.getStripeError() != null) {
            return false;
        }
        String m = e.getMessage();
        return e.getCause() instanceof JsonParseException || e.getCause() instanceof IllegalStateException
                || (m != null && m.startsWith(SDK_MALFORMED_PREFIX));
    }

    /**
     * The SDK keeps the HTTP response on the parsed error ({@code StripeError.getLastResponse()}),
     * which is the only place its headers are exposed. Stripe sends seconds; HTTP also allows a date.
     */
    static Optional<Duration> retryAfter(StripeError error) {
        StripeResponse response = error == null ? null : error.getLastResponse();
        if (response == null || response.headers() == null) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(StripeErrorMapping::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,6}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        if (v.matches("\\d{1,6}\\.\\d{1,3}")) {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String sdkMessage(StripeException e) {
        // StripeException.getMessage() appends "; code: ...; request-id: ..." already; the raw text suffices.
        String m = e.getMessage();
        return m == null ? "(no message)" : m;
    }

    /**
     * A stand-in for {@code t} and its causes with the same class names and stack traces but
     * scrubbed messages, so logging the exception with its cause can never print a key.
     */
    static Throwable redactedCopy(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return null;
        }
        RedactedCause copy = new RedactedCause(t.getClass().getName()
                + (t.getMessage() == null ? "" : ": " + StripeKey.redactAll(t.getMessage())),
                redactedCopy(t.getCause(), depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Carries the original exception's class name in its message; see {@link #redactedCopy}. */
    static final class RedactedCause extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
