package app.scantill.checkout;

import java.util.Optional;

/**
 * The Idempotency-Key of a create call: one per attempt of a sale, see docs/adr/0040. The same
 * attempt always gets the same key (the app's retries, a Retry button, a replay after a crash), so
 * Stripe can never make two sessions for it; a new attempt after an expiry gets a new key.
 *
 * <p>The key also carries the two choices of an attempt that its request depends on and that the
 * journal keeps nowhere else: card alone by the cashier's choice ({@code -card}, ADR 0060) and the
 * language of the payment page ({@code -lang-ja}, ADR 0062). Both are journaled with the key,
 * atomically with the attempt, so a replay rebuilds the very same request.
 * {@code scantill-S-20261129-0427-K3F9-a1-card-lang-ja}.
 */
public final class IdempotencyKeys {

    private static final String PREFIX = "scantill-";
    /** Marks an attempt that offers card alone although Amazon Pay could present its currency. */
    private static final String CARD_ONLY_SUFFIX = "-card";
    /** Before the Checkout locale of the attempt's payment page. */
    private static final String LANGUAGE_MARK = "-lang-";

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
        return forAttempt(saleId, attempt, cardOnlyByChoice, null);
    }

    /**
     * As above, for a payment page in {@code checkoutLocale} (one of {@link CheckoutLocale}'s values), or
     * in no particular language when null.
     */
    public static String forAttempt(String saleId, int attempt, boolean cardOnlyByChoice, String checkoutLocale) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        if (checkoutLocale != null && !CheckoutLocale.isValid(checkoutLocale)) {
            throw new IllegalArgumentException("not a Checkout locale: " + checkoutLocale);
        }
        String key = PREFIX + saleId + "-a" + attempt + (cardOnlyByChoice ? CARD_ONLY_SUFFIX : "")
                + (checkoutLocale != null ? LANGUAGE_MARK + checkoutLocale : "");
        if (key.length() > 255) {
            throw new IllegalArgumentException("idempotency key longer than Stripe's 255 characters");
        }
        return key;
    }

    /** Whether a journaled key was made for an attempt that offers card alone by choice. */
    public static boolean isCardOnlyChoice(String key) {
        return key != null && key.startsWith(PREFIX) && withoutLanguage(key).endsWith(CARD_ONLY_SUFFIX);
    }

    /**
     * The Checkout locale a journaled key was made with; empty for keys made before the till chose the
     * payment page's language, whose requests are replayed without one, as they were first sent.
     */
    public static Optional<String> checkoutLocale(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int mark = key.lastIndexOf(LANGUAGE_MARK);
        return mark < 0 ? Optional.empty() : CheckoutLocale.valid(key.substring(mark + LANGUAGE_MARK.length()));
    }

    private static String withoutLanguage(String key) {
        int mark = key.lastIndexOf(LANGUAGE_MARK);
        return mark >= 0 && CheckoutLocale.isValid(key.substring(mark + LANGUAGE_MARK.length()))
                ? key.substring(0, mark) : key;
    }
}
