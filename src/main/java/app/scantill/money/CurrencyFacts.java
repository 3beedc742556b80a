package app.scantill.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Stripe and Amazon Pay say about currencies (see ../shared/STRIPE_NOTES.md): minor-unit digits,
 * minimum and maximum charge amounts, and which currencies Amazon Pay can present.
 *
 * <p>Stripe's own table of decimals wins over the JDK's where they differ (the JDK gives some
 * currencies two digits that Stripe treats as zero-decimal, e.g. UGX and VUV).
 */
public final class CurrencyFacts {

    /** Stripe's largest amount for most currencies: 8 digits of minor units. */
    public static final long MAX_AMOUNT_MINOR = 99_999_999L;

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
            "XAF", "XOF", "XPF");

    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    private static final Set<String> AMAZON_PAY = Set.of(
            "USD", "AUD", "GBP", "DKK", "EUR", "HKD", "JPY", "NZD", "NOK", "ZAR", "SEK", "CHF");

    /** Minimum charge in minor units, by currency; currencies not listed have no confirmed minimum. */
    private static final Map<String, Long> MINIMUM = Map.ofEntries(
            Map.entry("USD", 50L), Map.entry("AUD", 50L), Map.entry("GBP", 30L), Map.entry("DKK", 250L),
            Map.entry("EUR", 50L), Map.entry("HKD", 400L), Map.entry("JPY", 50L), Map.entry("NZD", 50L),
            Map.entry("NOK", 300L), Map.entry("SEK", 300L), Map.entry("CHF", 50L));

    private CurrencyFacts() {
    }

    public static int fractionDigits(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        if (THREE_DECIMAL.contains(code)) {
            return 3;
        }
        int jdk = currency.getDefaultFractionDigits();
        return jdk < 0 ? 2 : jdk;
    }

    public static boolean isThreeDecimal(Currency currency) {
        return THREE_DECIMAL.contains(currency.getCurrencyCode());
    }

    public static boolean amazonPaySupports(Currency currency) {
        return AMAZON_PAY.contains(currency.getCurrencyCode());
    }

    public static Set<String> amazonPayCurrencies() {
        return AMAZON_PAY;
    }

    /** Stripe's minimum charge for the currency, when one is known. */
    public static Optional<Money> minimumCharge(Currency currency) {
        Long min = MINIMUM.get(currency.getCurrencyCode());
        return min == null ? Optional.empty() : Optional.of(Money.of(min, currency));
    }

    /**
     * Looks up an ISO 4217 code, accepting any letter case ("usd" as Stripe sends it). Empty when
     * the code is not a currency the JDK knows.
     */
    public static Optional<Currency> lookup(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
