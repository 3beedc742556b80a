package app.scantill.sandbox;

import app.scantill.text.Texts;

/**
 * A refusal in Stripe's error envelope: {@code {"error":{"type","code","message","param"}}} with an
 * HTTP status. Thrown by validation and lifecycle code, turned into a response by the server.
 */
final class StripeApiError extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";
    static final String API_ERROR = "api_error";
    static final String IDEMPOTENCY = "idempotency_error";

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final boolean ranEndpoint;

    StripeApiError(int status, String type, String code, String param, String message) {
        this(status, type, code, param, message, false);
    }

    private StripeApiError(int status, String type, String code, String param, String message, boolean ranEndpoint) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.ranEndpoint = ranEndpoint;
    }

    /**
     * A refusal that comes from the object's state, after the endpoint ran (e.g. expiring a paid
     * session). Stripe keeps such a result for the idempotency key; validation refusals it does not.
     */
    static StripeApiError stateConflict(String message) {
        return new StripeApiError(400, INVALID_REQUEST, null, null, message, true);
    }

    /** A refusal from the object's state that carries Stripe's {@code code}, e.g. {@code charge_already_refunded}. */
    static StripeApiError stateConflictWithCode(String code, String message) {
        return new StripeApiError(400, INVALID_REQUEST, code, null, message, true);
    }

    boolean ranEndpoint() {
        return ranEndpoint;
    }

    /** HTTP 400, {@code invalid_request_error}. */
    static StripeApiError invalid(String code, String param, String message) {
        return new StripeApiError(400, INVALID_REQUEST, code, param, message);
    }

    /** Stripe's wording for a missing required parameter. */
    static StripeApiError missing(String param) {
        return invalid("parameter_missing", param, "Missing required param: " + param + ".");
    }

    /** Stripe's wording for an empty string where a value is required. */
    static StripeApiError empty(String param) {
        return invalid("parameter_invalid_empty", param, "You passed an empty string for '" + param
                + "'. We assume empty values are an attempt to unset a parameter; however '" + param
                + "' cannot be unset. You should remove '" + param
                + "' from your request or supply a non-empty value.");
    }

    /** A string over Stripe's length limit; its exact wording and any code are not confirmed. */
    static StripeApiError tooLong(String param, String value, int max) {
        return invalid(null, param, "Invalid string: " + Texts.abbreviate(value, 60) + "; must be at most " + max
                + " characters");
    }

    /**
     * Stripe's answer to a restricted key that lacks a permission (HTTP 403). The wording follows
     * Stripe's; the account id it names is the sandbox's own.
     */
    static StripeApiError missingPermission(String permission, String key) {
        // Type invalid_request_error, no code: what Stripe sends a restricted key without the permission.
        return new StripeApiError(403, INVALID_REQUEST, null, null, "The provided key '" + SandboxKeys.masked(key)
                + "' does not have the required permissions for this endpoint on account 'acct_sandbox'. Having the '"
                + permission + "' permission would allow this request to continue.");
    }

    static StripeApiError unknownParam(String param) {
        return invalid("parameter_unknown", param, "Received unknown parameter: " + param);
    }

    static StripeApiError invalidInteger(String param, String value) {
        return invalid("parameter_invalid_integer", param, "Invalid integer: " + value);
    }

    /** Stripe's wording for a missing object, e.g. {@code No such checkout.session: 'cs_test_x'}. */
    static StripeApiError noSuch(String objectName, String id, String param) {
        return new StripeApiError(404, INVALID_REQUEST, "resource_missing", param,
                "No such " + objectName + ": '" + id + "'");
    }

    /** The same refusal with another HTTP status (Stripe sends 400, not 404, for a missing id inside params). */
    StripeApiError withStatus(int newStatus) {
        return new StripeApiError(newStatus, type, code, param, getMessage(), ranEndpoint);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }

    String param() {
        return param;
    }
}
