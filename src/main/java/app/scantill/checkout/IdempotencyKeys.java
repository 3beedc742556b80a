package app.scantill.checkout;

/**
 * The Idempotency-Key of a create call: one per attempt of a sale, see docs/adr/0040. The same
 * attempt always gets the same key (the app's retries, a Retry button, a replay after a crash), so
 * Stripe can never make two sessions for it; a new attempt after an expiry gets a new key.
 */
public final class IdempotencyKeys {

    private static final String PREFIX = "scantill-";

    private IdempotencyKeys() {
    }

    public static String forAttempt(String saleId, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        String key = PREFIX + saleId + "-a" + attempt;
        if (key.length() > 255) {
            throw new IllegalArgumentException("idempotency key longer than Stripe's 255 characters");
        }
        return key;
    }
}
