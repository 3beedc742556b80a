package app.scantill.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the sandbox's key may do. By default everything, like a secret key; a test can withhold a
 * permission to play a restricted key that lacks it, and the sandbox then answers that endpoint as
 * Stripe answers a restricted key without the permission: HTTP 403 naming the permission. Thread-safe.
 */
public final class SandboxPermissions {

    /** Stripe's name of the restricted-key permission "Refunds: Write". */
    public static final String REFUNDS_WRITE = "rak_refund_write";

    /** Which requests each known permission covers: method and path. */
    private static final Map<String, String[]> COVERS = Map.of(
            REFUNDS_WRITE, new String[] {"POST", "/v1/refunds(/.*)?"});

    private final Map<String, Pattern> withheld = new LinkedHashMap<>();

    /** The key no longer has {@code permission} (one of this class's constants). */
    public synchronized void withhold(String permission) {
        String[] covered = COVERS.get(permission);
        if (covered == null) {
            throw new IllegalArgumentException("The sandbox does not know the permission " + permission);
        }
        withheld.put(permission, Pattern.compile(covered[1]));
    }

    public synchronized void grantAll() {
        withheld.clear();
    }

    /**
     * @throws StripeApiError 403 in Stripe's wording when the request needs a withheld permission
     */
    synchronized void check(String method, String path, String key) {
        for (Map.Entry<String, Pattern> e : withheld.entrySet()) {
            if (COVERS.get(e.getKey())[0].equals(method) && e.getValue().matcher(path).matches()) {
                // Stripe's wording for a restricted key without the permission (type invalid_request_error, no code).
                throw new StripeApiError(403, StripeApiError.INVALID_REQUEST, null, null, "The provided key '"
                        + SandboxKeys.masked(key) + "' does not have the required permissions for this endpoint on"
                        + " account 'acct_sandbox'. Having the '" + e.getKey()
                        + "' permission would allow this request to continue.");
            }
        }
    }
}
