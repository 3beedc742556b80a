package app.scantill.money;

import app.scantill.text.Texts;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Formats and parses amounts using the currency's own number of fraction digits, so JPY 500 shows
 * as {@code ¥500} and never as {@code ¥5.00}.
 */
public final class MoneyFormat {

    private final Locale locale;

    public MoneyFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    public Locale locale() {
        return locale;
    }

    /** Locale-aware display form with the currency symbol, e.g. {@code $12.50}, {@code €3.20}, {@code ¥500}. */
    public String format(Money money) {
        NumberFormat nf = NumberFormat.getCurrencyInstance(locale);
        nf.setCurrency(money.currency());
        int digits = CurrencyFacts.fractionDigits(money.currency());
        nf.setMinimumFractionDigits(digits);
        nf.setMaximumFractionDigits(digits);
        return nf.format(toDecimal(money));
    }

    /** Locale-free decimal string, e.g. {@code 12.50}, {@code 500}, {@code -0.05}. */
    public static String plain(Money money) {
        return toDecimal(money).toPlainString();
    }

    public static BigDecimal toDecimal(Money money) {
        return BigDecimal.valueOf(money.minorUnits(), CurrencyFacts.fractionDigits(money.currency()));
    }

    /**
     * Parses a locale-free decimal price such as {@code 3.50} or {@code 500} into minor units.
     *
     * @throws IllegalArgumentException with a message a person can act on, when the text is not a
     *     plain non-negative decimal with at most the currency's number of fraction digits
     */
    public static long parseMinorUnits(String text, Currency currency) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("price is empty");
        }
        if (!t.matches("-?[0-9]{1,18}(\\.[0-9]{1,18})?")) {
            throw new IllegalArgumentException("price '" + Texts.abbreviate(t, 40) + "' is not a number like 3.50");
        }
        BigDecimal value = new BigDecimal(t);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("price " + t + " is negative");
        }
        int digits = CurrencyFacts.fractionDigits(currency);
        BigDecimal minor = value.movePointRight(digits);
        try {
            return minor.stripTrailingZeros().scale() > 0
                    ? failFraction(t, currency, digits)
                    : minor.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price " + Texts.abbreviate(t, 40) + " is too large");
        }
    }

    private static long failFraction(String t, Currency currency, int digits) {
        throw new IllegalArgumentException(digits == 0
                ? "price " + t + " has decimals, but " + currency.getCurrencyCode() + " has no minor unit"
                : "price " + t + " has more than " + digits + " decimals for " + currency.getCurrencyCode());
    }

}
