package app.scantill.checkout;

/**
 * The Idempotency-Key of a create call: one per attempt of a sale, see docs/adr/0040. The same
 * attempt always gets the same key (the app's retries, a Retry button, a replay after a crash), so
 * Stripe can never make two sessions for it; a new attempt after an expiry gets a new key.
 */
public final class IdempotencyKeys {

    private static final String PREFIX = "scantill-";
    /** Marks an attempt that offers card alone although Amazon Pay could present its currency. */
    private static final String CARD_ONLY_SUFFIX = "-card";

    private IdempotencyKeys() {
    }

    public static String forAttempt(String saleId, int attempt) {
        return forAttempt(saleId, attempt, false);
    }

    /**
     * The key of an attempt; one that offers card alone by the cashier's choice (Stripe refused Amazon
     * Pay) carries {@code -card}. The key is journaled before the create call, so the choice survives
     * a crash with it and a replay rebuilds the very same request (see {@link #isCardOnlyChoice}).
     */
    public static String forAttempt(String saleId, int attempt, boolean cardOnlyByChoice) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        String key = PREFIX + saleId + "-a" + attempt + (cardOnlyByChoice ? CARD_ONLY_SUFFIX : "");
        if (key.length() > 255) {
            throw new IllegalArgumentException("idempotency key longer than Stripe's 255 characters");
        }
        return key;
    }

    /** Whether a journaled key was made for an attempt that offers card alone by choice. */
    public static boolean isCardOnlyChoice(String key) {
        return key != null && key.startsWith(PREFIX) && key.endsWith(CARD_ONLY_SUFFIX);
    }
}
