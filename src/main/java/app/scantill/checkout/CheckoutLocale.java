package app.scantill.checkout;

import app.scantill.config.CustomerLanguage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code locale} of a Checkout Session: the language Stripe's payment page speaks to the customer.
 * Stripe takes a fixed list of values (those of stripe-java 33.3.0's {@code SessionCreateParams.Locale});
 * {@code auto} lets the page follow the customer's phone.
 */
public final class CheckoutLocale {

    public static final String AUTO = "auto";

    /** Every value Stripe's Checkout takes, as stripe-java 33.3.0 lists them. */
    static final Set<String> VALUES = Set.of(AUTO, "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419",
            "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb",
            "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW");

    private CheckoutLocale() {
    }

    /** Stripe's value for the customer's language: the language with its region where Stripe has one. */
    public static String of(CustomerLanguage customer) {
        return customer.chosen().map(CheckoutLocale::of).orElse(AUTO);
    }

    static String of(Locale language) {
        String lang = language.getLanguage();
        String region = language.getCountry();
        if (!region.isEmpty() && VALUES.contains(lang + "-" + region)) {
            return lang + "-" + region;
        }
        if (lang.equals("es") && !region.isEmpty() && !region.equals("ES")) {
            return "es-419"; // Stripe's Spanish of Latin America
        }
        return VALUES.contains(lang) ? lang : AUTO;
    }

    /** Whether {@code value} is one Stripe's Checkout takes. */
    public static boolean isValid(String value) {
        return VALUES.contains(value);
    }

    static Optional<String> valid(String value) {
        return isValid(value) ? Optional.of(value) : Optional.empty();
    }
}
