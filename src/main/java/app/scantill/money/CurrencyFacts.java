package app.scantill.money;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Stripe says about the currencies it presents, as one table (https://docs.stripe.com/currencies):
 * how many decimals an amount has in the till, how many it has in Stripe's API, the special rule that
 * links the two, Stripe's minimum charge, and whether Amazon Pay can present the currency. The JDK's
 * {@link Currency} is used for symbols and names only: its fraction digits disagree with Stripe's for
 * some currencies (MGA has two in the JDK and none at Stripe), and say nothing of Stripe's special cases.
 *
 * <p>The till's {@link Money} keeps a currency in its usual display form (UGX 5,000 is 5000 minor units
 * and shows as "UGX 5,000"); {@link #toStripeAmount} and {@link #fromStripeAmount} convert at the Stripe
 * boundary, and nowhere else.
 */
public final class CurrencyFacts {

    /** Stripe's largest amount for most currencies: 8 digits, in the API's units. */
    public static final long MAX_AMOUNT_MINOR = 99_999_999L;

    /** How the till's amounts of a currency become Stripe's, beyond "minor units". */
    public enum Rule {
        /** Two decimals, in the till and in the API. */
        TWO_DECIMAL,
        /** Stripe's zero-decimal list: whole units in the till and in the API (JPY 500 is sent as 500). */
        ZERO_DECIMAL,
        /**
         * ISK and UGX, Stripe's "special cases": whole units in use, but the API keeps them as two-decimal
         * amounts that must be evenly divisible by 100 (5 UGX is sent as 500).
         */
        WHOLE_UNITS_AS_TWO_DECIMAL,
        /**
         * HUF and TWD: Stripe treats them as zero-decimal for payouts only; charges take ordinary
         * two-decimal amounts, so for the till they are two-decimal currencies.
         */
        ZERO_DECIMAL_FOR_PAYOUTS_ONLY,
        /** BHD, JOD, KWD, OMR, TND: three decimals, and Stripe wants the last digit to be 0. */
        THREE_DECIMAL
    }

    /**
     * One currency as Stripe presents it.
     *
     * @param digits decimals of an amount in the till (and on screen)
     * @param apiDigits decimals of an amount in Stripe's API ({@code unit_amount}, {@code amount_total})
     * @param minimumMinor Stripe's minimum charge in the till's minor units, for an account that settles in
     *     this currency; null where Stripe's minimum is not confirmed here
     * @param amazonPay whether Amazon Pay can present the currency (https://docs.stripe.com/payments/amazon-pay)
     */
    public record StripeCurrency(String code, Rule rule, int digits, int apiDigits, Long minimumMinor,
            boolean amazonPay) {

        /** What one of the till's minor units is in the API's units: 1, or 100 for ISK and UGX. */
        public long apiFactor() {
            return BigInteger.TEN.pow(apiDigits - digits).longValueExact();
        }
    }

    /**
     * Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal). Stripe's page lists
     * UGX here too, but its special case (below) decides how the API takes UGX amounts.
     */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "VND", "VUV", "XAF", "XOF", "XPF");

    /** https://docs.stripe.com/currencies#three-decimal */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /** https://docs.stripe.com/currencies#special-cases */
    private static final Set<String> WHOLE_UNITS_AS_TWO_DECIMAL = Set.of("ISK", "UGX");
    private static final Set<String> ZERO_DECIMAL_FOR_PAYOUTS_ONLY = Set.of("HUF", "TWD");

    private static final Set<String> AMAZON_PAY = Set.of(
            "USD", "AUD", "GBP", "DKK", "EUR", "HKD", "JPY", "NZD", "NOK", "ZAR", "SEK", "CHF");

    /**
     * Minimum charge by settlement currency, in minor units (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts);
     * only the minimums confirmed in ../shared/STRIPE_NOTES.md. Stripe checks it after converting the charge
     * to the account's settlement currency.
     */
    private static final Map<String, Long> MINIMUM = Map.ofEntries(
            Map.entry("USD", 50L), Map.entry("AUD", 50L), Map.entry("GBP", 30L), Map.entry("DKK", 250L),
            Map.entry("EUR", 50L), Map.entry("HKD", 400L), Map.entry("JPY", 50L), Map.entry("NZD", 50L),
            Map.entry("NOK", 300L), Map.entry("SEK", 300L), Map.entry("CHF", 50L));

    /**
     * The currencies Stripe presents for card payments, as its currencies page lists them. A code outside
     * this list (XTS, XAU, ...) is refused by Stripe whatever the JDK knows of it.
     */
    private static final String PRESENTED = String.join(" ",
            "USD AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BWP BYN BZD",
            "CAD CDF CHF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GIP GMD GNF GTQ GYD",
            "HKD HNL HTG HUF IDR ILS INR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL MAD",
            "MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN",
            "PYG QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLE SOS SRD STD SZL THB TJS TND TOP TRY TTD TWD TZS",
            "UAH UGX UYU UZS VND VUV WST XAF XCD XOF XPF YER ZAR ZMW");

    private static final Map<String, StripeCurrency> TABLE = table();

    private CurrencyFacts() {
    }

    private static Map<String, StripeCurrency> table() {
        Map<String, StripeCurrency> rows = new LinkedHashMap<>();
        for (String code : PRESENTED.split(" ")) {
            Rule rule = ZERO_DECIMAL.contains(code) ? Rule.ZERO_DECIMAL
                    : THREE_DECIMAL.contains(code) ? Rule.THREE_DECIMAL
                    : WHOLE_UNITS_AS_TWO_DECIMAL.contains(code) ? Rule.WHOLE_UNITS_AS_TWO_DECIMAL
                    : ZERO_DECIMAL_FOR_PAYOUTS_ONLY.contains(code) ? Rule.ZERO_DECIMAL_FOR_PAYOUTS_ONLY
                    : Rule.TWO_DECIMAL;
            int api = switch (rule) {
                case ZERO_DECIMAL -> 0;
                case THREE_DECIMAL -> 3;
                default -> 2;
            };
            int digits = rule == Rule.WHOLE_UNITS_AS_TWO_DECIMAL ? 0 : api;
            rows.put(code, new StripeCurrency(code, rule, digits, api, MINIMUM.get(code), AMAZON_PAY.contains(code)));
        }
        return Collections.unmodifiableMap(rows);
    }

    /** The currency's row, when Stripe presents it. */
    public static Optional<StripeCurrency> stripe(Currency currency) {
        return Optional.ofNullable(TABLE.get(currency.getCurrencyCode()));
    }

    /** Whether Stripe takes payments in this currency at all. */
    public static boolean stripePresents(Currency currency) {
        return TABLE.containsKey(currency.getCurrencyCode());
    }

    /**
     * Decimals of the till's amounts: Stripe's table for the currencies it presents (whole units for ISK
     * and UGX), the JDK's for any other (which Stripe cannot charge anyway).
     */
    public static int fractionDigits(Currency currency) {
        StripeCurrency row = TABLE.get(currency.getCurrencyCode());
        if (row != null) {
            return row.digits();
        }
        int jdk = currency.getDefaultFractionDigits();
        return jdk < 0 ? 2 : jdk;
    }

    /** What one of the till's minor units is in Stripe's API units (100 for ISK and UGX, else 1). */
    public static long apiFactor(Currency currency) {
        StripeCurrency row = TABLE.get(currency.getCurrencyCode());
        return row == null ? 1 : row.apiFactor();
    }

    /**
     * The amount as Stripe's API writes it ({@code unit_amount}, {@code amount}): UGX 5,000 is 500000.
     *
     * @throws ArithmeticException when it does not fit in a long
     */
    public static long toStripeAmount(Money money) {
        return Math.multiplyExact(money.minorUnits(), apiFactor(money.currency()));
    }

    /**
     * An amount read from Stripe's API as the till's money, or empty when it is not a whole number of the
     * till's units (a UGX amount not divisible by 100, which Stripe itself refuses to take).
     */
    public static Optional<Money> fromStripeAmount(long apiAmount, Currency currency) {
        long factor = apiFactor(currency);
        if (apiAmount % factor != 0) {
            return Optional.empty();
        }
        return Optional.of(Money.of(apiAmount / factor, currency));
    }

    public static boolean isThreeDecimal(Currency currency) {
        return THREE_DECIMAL.contains(currency.getCurrencyCode());
    }

    public static boolean amazonPaySupports(Currency currency) {
        return AMAZON_PAY.contains(currency.getCurrencyCode());
    }

    /** The currencies Amazon Pay presents, in alphabetical order. */
    public static Set<String> amazonPayCurrencies() {
        return Collections.unmodifiableSet(new TreeSet<>(AMAZON_PAY));
    }

    /** Stripe's minimum charge for an account that settles in this currency, when it is known. */
    public static Optional<Money> minimumCharge(Currency currency) {
        Long min = MINIMUM.get(currency.getCurrencyCode());
        return min == null ? Optional.empty() : Optional.of(Money.of(min, currency));
    }

    /**
     * The minimum the till can check before asking Stripe. Stripe applies its minimum after converting the
     * charge to the account's settlement currency: when that is another currency, the till knows no rate and
     * leaves the decision to Stripe (whose refusal names the settlement currency to the cashier).
     *
     * @param settlement the account's settlement currency; empty: assumed to settle each charge in its own
     */
    public static Optional<Money> minimumCharge(Currency presented, Optional<Currency> settlement) {
        if (settlement.isPresent() && !settlement.get().equals(presented)) {
            return Optional.empty();
        }
        return minimumCharge(presented);
    }

    /** The largest amount Stripe takes in one charge, in the till's units (UGX 999,999; USD 999,999.99). */
    public static Money maximumCharge(Currency currency) {
        return Money.of(MAX_AMOUNT_MINOR / apiFactor(currency), currency);
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
