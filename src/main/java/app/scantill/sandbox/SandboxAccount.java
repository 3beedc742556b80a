package app.scantill.sandbox;

import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Stripe account the sandbox plays: what Amazon Pay and the minimum charge depend on besides the cart.
 *
 * <ul>
 *   <li>Amazon Pay is available to accounts in some countries only (https://docs.stripe.com/payments/amazon-pay):
 *       an account elsewhere, or one that has not turned it on, is refused {@code amazon_pay} in
 *       {@code payment_method_types}.
 *   <li>Stripe checks its minimum charge after converting the charge to the account's settlement currency
 *       (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts), at the day's rate; the
 *       sandbox uses a fixed rate table given by the test.
 * </ul>
 *
 * @param country the account's country (ISO 3166 alpha-2), or null for an account the sandbox does not place
 * @param amazonPay whether Amazon Pay is turned on for the account
 * @param settlementCurrency the currency the account settles in, or null: each charge settles in its own
 *     currency and is checked against that currency's minimum
 * @param rates units of the settlement currency one unit of a presented currency is worth, by code
 * @param inclusiveTaxRates the account's inclusive tax rates (https://docs.stripe.com/api/tax_rates), percentage in
 *     basis points by {@code txr_} id: a Checkout line may name them in {@code tax_rates}, any other id is unknown
 */
public record SandboxAccount(String country, boolean amazonPay, Currency settlementCurrency,
        Map<String, BigDecimal> rates, Map<String, Integer> inclusiveTaxRates) {

    /** https://docs.stripe.com/payments/amazon-pay: the countries whose Stripe accounts can accept Amazon Pay. */
    static final Set<String> AMAZON_PAY_COUNTRIES = Set.of("AT", "BE", "CH", "CY", "DE", "DK", "ES", "FR", "GB",
            "HU", "IE", "IT", "LU", "NL", "PT", "SE", "US");

    public SandboxAccount {
        rates = Map.copyOf(rates);
        inclusiveTaxRates = Map.copyOf(inclusiveTaxRates);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a country is two capital letters, not " + country);
        }
    }

    /** The sandbox's default: Amazon Pay on, each charge settling in its own currency. */
    public static SandboxAccount anywhere() {
        return new SandboxAccount(null, true, null, Map.of(), Map.of());
    }

    /** An account in {@code country}: Amazon Pay only where Stripe offers it to accounts of that country. */
    public static SandboxAccount inCountry(String country) {
        String c = country.toUpperCase(Locale.ROOT);
        return new SandboxAccount(c, AMAZON_PAY_COUNTRIES.contains(c), null, Map.of(), Map.of());
    }

    /** The same account without Amazon Pay (not turned on in the Dashboard). */
    public SandboxAccount withoutAmazonPay() {
        return new SandboxAccount(country, false, settlementCurrency, rates, inclusiveTaxRates);
    }

    /**
     * The same account settling in {@code currency}, converting charges at these fixed rates (e.g.
     * {@code Map.of("USD", "7.80")} for an account settling in HKD).
     */
    public SandboxAccount settlingIn(Currency currency, Map<String, String> ratesToSettlement) {
        Objects.requireNonNull(currency, "currency");
        Map<String, BigDecimal> parsed = new java.util.HashMap<>();
        ratesToSettlement.forEach((code, rate) -> parsed.put(code.toUpperCase(Locale.ROOT), new BigDecimal(rate)));
        return new SandboxAccount(country, amazonPay, currency, parsed, inclusiveTaxRates);
    }

    /** The same account with an inclusive tax rate {@code id} of {@code basisPoints} (1900 for 19 %). */
    public SandboxAccount withInclusiveTaxRate(String id, int basisPoints) {
        return withInclusiveTaxRates(Map.of(id, basisPoints));
    }

    /** The same account with these inclusive tax rates too: basis points by {@code txr_} id. */
    public SandboxAccount withInclusiveTaxRates(Map<String, Integer> basisPointsById) {
        Map<String, Integer> more = new java.util.HashMap<>(inclusiveTaxRates);
        more.putAll(basisPointsById);
        return new SandboxAccount(country, amazonPay, settlementCurrency, rates, more);
    }

    /**
     * A charge of {@code apiAmount} (Stripe's units) in {@code presented}, converted to the settlement
     * currency in its smallest unit, rounded down; empty when the account settles each charge in its own
     * currency or the rate is not in the table.
     */
    Optional<Money> converted(long apiAmount, Currency presented) {
        if (settlementCurrency == null) {
            return Optional.empty();
        }
        if (settlementCurrency.equals(presented)) {
            return CurrencyFacts.fromStripeAmount(apiAmount, presented);
        }
        BigDecimal rate = rates.get(presented.getCurrencyCode());
        if (rate == null) {
            return Optional.empty();
        }
        int apiDigits = CurrencyFacts.stripe(presented).map(CurrencyFacts.StripeCurrency::apiDigits).orElse(2);
        BigDecimal major = BigDecimal.valueOf(apiAmount, apiDigits).multiply(rate);
        long minor = major.movePointRight(CurrencyFacts.fractionDigits(settlementCurrency))
                .setScale(0, RoundingMode.DOWN).longValueExact();
        return Optional.of(Money.of(minor, settlementCurrency));
    }
}
