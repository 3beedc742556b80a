package app.scantill.stripe;

import com.stripe.exception.StripeException;
import com.stripe.net.StripeResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a failure Stripe replayed from its idempotency store from a fresh one. Stripe saves the first
 * result of a key whether it succeeded or failed, 500s included, and answers every later request with the
 * key with that result (https://docs.stripe.com/api/idempotent_requests): a replay carries
 * {@code Idempotent-Replayed: true}, and the request id of the first answer. Sending the key again can
 * then only bring the same failure back, so the charge flow must stop resending it.
 */
final class IdempotentReplays {

    /** Keys whose last server failure is remembered; a till has one or two creates in flight. */
    private static final int REMEMBERED = 64;

    private final Map<String, String> lastFailureRequestId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Whether this answer to a create under {@code key} is a replay: by its header, or by its request id. */
    synchronized boolean isReplay(String key, StripeException failure, StripeResponse response) {
        boolean flagged = response != null && response.headers() != null
                && response.headers().firstValue("Idempotent-Replayed").filter("true"::equalsIgnoreCase).isPresent();
        String requestId = failure.getRequestId();
        boolean seen = requestId != null && requestId.equals(lastFailureRequestId.get(key));
        if (requestId != null) {
            lastFailureRequestId.put(key, requestId);
        }
        return flagged || seen;
    }
}
