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
            throw new PriceException(PriceException.Reason.EMPTY, t, "price is empty");
        }
        if (!t.matches("-?[0-9]{1,18}(\\.[0-9]{1,18})?")) {
            throw new PriceException(PriceException.Reason.NOT_A_NUMBER, Texts.abbreviate(t, 40),
                    "price '" + Texts.abbreviate(t, 40) + "' is not a number like 3.50");
        }
        BigDecimal value = new BigDecimal(t);
        if (value.signum() < 0) {
            throw new PriceException(PriceException.Reason.NEGATIVE, t, "price " + t + " is negative");
        }
        int digits = CurrencyFacts.fractionDigits(currency);
        BigDecimal minor = value.movePointRight(digits);
        try {
            return minor.stripTrailingZeros().scale() > 0
                    ? failFraction(t, currency, digits)
                    : minor.longValueExact();
        } catch (ArithmeticException e) {
            throw new PriceException(PriceException.Reason.TOO_LARGE, Texts.abbreviate(t, 40),
                    "price " + Texts.abbreviate(t, 40) + " is too large");
        }
    }

    private static long failFraction(String t, Currency currency, int digits) {
        throw digits == 0
                ? new PriceException(PriceException.Reason.NO_MINOR_UNIT, t,
                        "price " + t + " has decimals, but " + currency.getCurrencyCode() + " has no minor unit")
                : new PriceException(PriceException.Reason.TOO_MANY_DECIMALS, t,
                        "price " + t + " has more than " + digits + " decimals for " + currency.getCurrencyCode());
    }

    /**
     * A price that cannot be read, with the reason as a value so a screen can say it in its reader's
     * language; the exception's own message says it in English, for the log.
     */
    public static final class PriceException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public enum Reason { EMPTY, NOT_A_NUMBER, NEGATIVE, NO_MINOR_UNIT, TOO_MANY_DECIMALS, TOO_LARGE }

        private final Reason reason;
        private final String price;

        PriceException(Reason reason, String price, String english) {
            super(english);
            this.reason = reason;
            this.price = price;
        }

        public Reason reason() {
            return reason;
        }

        /** The price as written (at most 40 characters of it). */
        public String price() {
            return price;
        }
    }

}
