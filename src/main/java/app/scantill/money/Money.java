package app.scantill.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a count of the currency's minor units (cents, pence, yen) and the currency.
 *
 * <p>Arithmetic is exact and refuses to overflow or to mix currencies; there is no {@code double}
 * anywhere on the way from a catalog price to the amount Stripe is asked to charge.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** This amount times a whole quantity; throws {@link ArithmeticException} on overflow. */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    /** Plain, locale-free form such as {@code 12.50 USD} or {@code 500 JPY}, for logs and CSV files. */
    @Override
    public String toString() {
        return MoneyFormat.plain(this) + " " + currency.getCurrencyCode();
    }
}
