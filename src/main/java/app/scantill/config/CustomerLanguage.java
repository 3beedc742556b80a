package app.scantill.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's language ({@code locale.customer}): one ScanTill speaks, or {@code auto}, which lets
 * Stripe's payment page follow the language of the customer's phone while the till's own screens for
 * the customer speak the cashier's language.
 *
 * @param fixed the chosen language, or null for {@code auto}
 */
public record CustomerLanguage(Locale fixed) {

    /** The payment page follows the customer's phone. */
    public static final CustomerLanguage AUTO = new CustomerLanguage(null);

    public static CustomerLanguage of(Locale language) {
        return new CustomerLanguage(Objects.requireNonNull(language, "language"));
    }

    public boolean isAuto() {
        return fixed == null;
    }

    /** The language the till's own screens for the customer speak: the chosen one, else the cashier's. */
    public Locale forScreens(Locale cashier) {
        return fixed != null ? fixed : cashier;
    }

    public Optional<Locale> chosen() {
        return Optional.ofNullable(fixed);
    }

    /** As written in the config file: {@code auto} or a language tag such as {@code ja} or {@code de-CH}. */
    @Override
    public String toString() {
        return fixed == null ? "auto" : fixed.toLanguageTag();
    }
}
