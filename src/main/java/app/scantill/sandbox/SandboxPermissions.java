package app.scantill.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the sandbox's key may do: the one place the sandbox plays a restricted key. By default everything, like a
 * secret key; a permission withheld from the start ({@link SandboxOptions#withoutPermission}) or while it runs
 * ({@link StripeSandbox#permissions()}) makes the sandbox answer the endpoints it covers as Stripe answers a
 * restricted key without it: HTTP 403 naming the permission. Thread-safe.
 */
public final class SandboxPermissions {

    /** Stripe's name of the restricted-key permission "Refunds: Write". */
    public static final String REFUNDS_WRITE = "rak_refund_write";
    /** Stripe's name of the restricted-key permission "Events: Read" (the store's watcher lists events). */
    public static final String EVENTS_READ = "rak_event_read";

    /** Which requests each known permission covers: method and path. */
    private static final Map<String, String[]> COVERS = Map.of(
            REFUNDS_WRITE, new String[] {"POST", "/v1/refunds(/.*)?"},
            EVENTS_READ, new String[] {"GET", "/v1/events"});

    /** @throws IllegalArgumentException when the sandbox does not know {@code permission} */
    static String known(String permission) {
        if (!COVERS.containsKey(permission)) {
            throw new IllegalArgumentException("The sandbox does not know the permission " + permission
                    + "; it knows " + new java.util.TreeSet<>(COVERS.keySet()));
        }
        return permission;
    }

    private final Map<String, Pattern> withheld = new LinkedHashMap<>();

    /** The key no longer has {@code permission} (one of this class's constants). */
    public synchronized void withhold(String permission) {
        withheld.put(known(permission), Pattern.compile(COVERS.get(permission)[1]));
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
                throw StripeApiError.missingPermission(e.getKey(), key);
            }
        }
    }
}
