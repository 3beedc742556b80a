package app.scantill.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code expand[]} parameter: which related objects to inline instead of their ids. */
final class Expansion {

    static final Set<String> SESSION = Set.of("payment_intent", "payment_intent.payment_method", "line_items");
    static final Set<String> PAYMENT_INTENT = Set.of("payment_method", "latest_charge");

    private Expansion() {
    }

    static Set<String> of(FormParams p, Set<String> allowed) {
        List<String> requested = p.array("expand");
        Set<String> result = new LinkedHashSet<>();
        for (String path : requested) {
            if (!allowed.contains(path)) {
                // Stripe's wording for an expansion it cannot do; the param it names is not confirmed.
                throw StripeApiError.invalid(null, "expand", "This property cannot be expanded (" + path + ").");
            }
            result.add(path);
            if (path.startsWith("payment_intent.")) {
                result.add("payment_intent");
            }
        }
        return result;
    }

    /** For lists, expansions are written {@code data.payment_intent}. */
    static Set<String> listOf(FormParams p, Set<String> allowed) {
        Set<String> result = new LinkedHashSet<>();
        for (String path : p.array("expand")) {
            String inner = path.startsWith("data.") ? path.substring(5) : null;
            if (inner == null || !allowed.contains(inner)) {
                throw StripeApiError.invalid(null, "expand", "This property cannot be expanded (" + path + ").");
            }
            result.add(inner);
            if (inner.startsWith("payment_intent.")) {
                result.add("payment_intent");
            }
        }
        return result;
    }

    /** Stripe refuses parameters an endpoint does not take. */
    static void rejectOthers(FormParams p, Set<String> allowed) {
        for (String name : p.topLevelNames()) {
            if (!allowed.contains(name)) {
                throw StripeApiError.unknownParam(name);
            }
        }
    }
}
