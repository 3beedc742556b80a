package app.scantill.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Stripe API key that can create Checkout Sessions: a secret key ({@code sk_test_}, {@code sk_live_})
 * or a restricted key ({@code rk_test_}, {@code rk_live_}).
 *
 * <p>The raw value is reachable only through {@link #revealForClient()}, named so that handing it
 * to anything but the Stripe client stands out in review. {@link #toString()} shows the prefix and
 * the last four characters, which is what Stripe's Dashboard shows too.
 */
public final class StripeKey {

    /** Anything shaped like a Stripe API key, for scrubbing text that may have picked one up. */
    // Underscores after the prefix are allowed: the embedded sandbox's keys read sk_test_sbx_..., and a
    // redaction that stopped at the first underscore would print the rest of such a key.
    private static final Pattern ANY_KEY = Pattern.compile("(sk|rk|pk)_(test|live)_[A-Za-z0-9_]+");

    private static final Pattern USABLE = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9_]+");

    public enum Kind {
        /** {@code sk_}: full access to the account. */
        SECRET,
        /** {@code rk_}: only the permissions chosen in the Dashboard (recommended). */
        RESTRICTED
    }

    public enum Mode { TEST, LIVE }

    private final String value;
    private final Kind kind;
    private final Mode mode;

    private StripeKey(String value) {
        this.value = value;
        this.kind = value.startsWith("rk_") ? Kind.RESTRICTED : Kind.SECRET;
        this.mode = value.contains("_live_") ? Mode.LIVE : Mode.TEST;
    }

    /**
     * Parses a key as pasted by a person: surrounding white space is ignored.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and never repeats
     *     the text beyond its last four characters
     */
    public static StripeKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw SettingRefusal.of("config.refused.key_empty");
        }
        String t = text.strip();
        if ((t.startsWith("\"") && t.endsWith("\"")) || (t.startsWith("'") && t.endsWith("'"))) {
            throw SettingRefusal.of("config.refused.key_quoted");
        }
        if (t.startsWith("pk_")) {
            throw SettingRefusal.of("config.refused.key_publishable");
        }
        if (t.startsWith("whsec_")) {
            throw SettingRefusal.of("config.refused.key_webhook_secret");
        }
        if (!USABLE.matcher(t).matches()) {
            boolean knownPrefix = t.toLowerCase(Locale.ROOT).matches("(sk|rk)_(test|live)_.*");
            throw knownPrefix ? SettingRefusal.of("config.refused.key_characters", describeTail(t))
                    : SettingRefusal.of("config.refused.key_not_stripe", describeTail(t));
        }
        return new StripeKey(t);
    }

    /** Replaces anything shaped like a Stripe key in {@code text} with its redacted form. */
    public static String redactAll(String text) {
        if (text == null) {
            return null;
        }
        return ANY_KEY.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + "_" + m.group(2) + "_..." + tail(m.group())));
    }

    /** The raw key, for the Stripe client's {@code setApiKey} and nothing else. */
    public String revealForClient() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    public Mode mode() {
        return mode;
    }

    /** The last four characters, the most of a key that may be shown on screen. */
    public String last4() {
        return tail(value);
    }

    /** For example {@code rk_live_...a1B2}. */
    @Override
    public String toString() {
        return value.substring(0, value.indexOf('_', 3) + 1) + "..." + last4();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StripeKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    private static String tail(String s) {
        return s.length() <= 4 ? "" : s.substring(s.length() - 4);
    }

    private static String describeTail(String t) {
        // Only a long text shows its tail: for a short one, four characters would be most of it.
        return t.length() >= 16 ? "(ending in " + tail(t) + ")" : "(" + t.length() + " characters)";
    }
}
