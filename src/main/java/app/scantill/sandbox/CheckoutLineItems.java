package app.scantill.sandbox;

import app.scantill.money.CurrencyFacts;
import app.scantill.text.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code line_items} of a new Checkout Session: only {@code price_data} lines (the sandbox holds no
 * Price or Product objects, and only the account's inclusive tax rates), 1..100 of them, one currency. Refusals as in
 * {@link CheckoutSessionCreation}; every rule names the Stripe page it follows
 * (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items).
 */
final class CheckoutLineItems {

    /** Stripe's cap on line items per session (the sandbox's own copy of Stripe's limit). */
    static final int MAX_LINES = 100;

    /** The keys of one line item the sandbox reads, exactly. */
    private static final Set<String> KEYS = Set.of(
            "quantity", "price", "price_data[currency]", "price_data[unit_amount]",
            "price_data[unit_amount_decimal]", "price_data[tax_behavior]", "price_data[product]",
            "price_data[product_data][name]", "price_data[product_data][description]",
            "price_data[product_data][tax_code]", "price_data[product_data][unit_label]",
            "adjustable_quantity[enabled]", "adjustable_quantity[minimum]", "adjustable_quantity[maximum]");

    /** Real keys with an index or a name inside: tax rates, product images and metadata. */
    private static final Pattern NESTED_KEYS = Pattern.compile(
            "tax_rates\\[\\d{1,4}]|price_data\\[product_data]\\[images]\\[\\d{1,4}]"
                    + "|price_data\\[product_data]\\[metadata]\\[[^\\[\\]]+]");

    private static final Set<String> TAX_BEHAVIORS = Set.of("exclusive", "inclusive", "unspecified");

    private CheckoutLineItems() {
    }

    /** The session's line items from {@code line_items[i][...]}, in order. */
    static List<SandboxState.LineItem> read(FormParams p, long nowSeconds, SandboxAccount account) {
        if (p.value("line_items").filter(String::isEmpty).isPresent()) {
            throw StripeApiError.empty("line_items");
        }
        if (!p.hasNested("line_items")) {
            throw StripeApiError.missing("line_items");
        }
        TreeMap<Integer, FormParams> items = p.indexed("line_items");
        if (items.size() > MAX_LINES) {
            // Stripe caps line items at 100; its exact message is not confirmed.
            throw StripeApiError.invalid(null, "line_items",
                    "Invalid array: line_items can have at most " + MAX_LINES + " items, but "
                            + items.size() + " were sent.");
        }
        int expected = 0;
        List<SandboxState.LineItem> result = new ArrayList<>();
        for (Map.Entry<Integer, FormParams> e : items.entrySet()) {
            if (e.getKey() != expected++) {
                throw StripeApiError.invalid(null, "line_items",
                        "Invalid array: line_items indices must be consecutive from 0");
            }
            result.add(lineItem(e.getKey(), e.getValue(), nowSeconds, account));
        }
        return result;
    }

    private static SandboxState.LineItem lineItem(int index, FormParams item, long nowSeconds,
            SandboxAccount account) {
        String prefix = "line_items[" + index + "]";
        for (Map.Entry<String, String> e : item.entries()) {
            if (!KEYS.contains(e.getKey()) && !NESTED_KEYS.matcher(e.getKey()).matches()) {
                throw StripeApiError.unknownParam(prefix + FormParams.bracketed(e.getKey()));
            }
        }
        optionalExtras(item, prefix, account);
        if (item.value("price").isPresent()) {
            // The sandbox holds no Price objects: an id can only be unknown, as it would be at Stripe.
            throw StripeApiError.noSuch("price", item.value("price").get(), prefix + "[price]")
                    .withStatus(400);
        }
        if (!item.hasNested("price_data")) {
            // Stripe requires price or price_data; the exact wording is not confirmed.
            throw StripeApiError.missing(prefix + "[price_data]");
        }
        SandboxState.LineItem li = new SandboxState.LineItem();
        li.id = SandboxIds.lineItem();
        li.priceId = SandboxIds.price();
        li.productId = SandboxIds.product();
        li.created = nowSeconds;
        li.quantity = item.integer("quantity", prefix + "[quantity]", true);
        if (li.quantity < 1) {
            // Stripe's range wording for integers; the code it pairs with it is not confirmed.
            throw StripeApiError.invalid("parameter_invalid_integer", prefix + "[quantity]",
                    "This value must be greater than or equal to 1.");
        }
        String currencyParam = prefix + "[price_data][currency]";
        Currency currency = presentedCurrency(item.required("price_data[currency]", currencyParam), currencyParam);
        li.currency = currency.getCurrencyCode().toLowerCase(Locale.ROOT);
        if (item.value("price_data[product]").isPresent()) {
            throw StripeApiError.noSuch("product", item.value("price_data[product]").get(),
                    prefix + "[price_data][product]").withStatus(400);
        }
        li.unitAmount = unitAmount(item, prefix);
        checkCurrencyRule(currency, li.unitAmount, prefix + "[price_data][unit_amount]");
        li.name = item.required("price_data[product_data][name]", prefix + "[price_data][product_data][name]");
        if (li.name.length() > 5000) {
            throw StripeApiError.tooLong(prefix + "[price_data][product_data][name]", li.name, 5000);
        }
        li.description = item.value("price_data[product_data][description]").orElse(null);
        return li;
    }

    /** The one currency of all lines (lower case); Checkout needs one per session. */
    static String commonCurrency(List<SandboxState.LineItem> items) {
        String first = items.get(0).currency;
        for (int i = 1; i < items.size(); i++) {
            if (!items.get(i).currency.equals(first)) {
                // Checkout needs one currency per session; Stripe's wording here is not confirmed.
                throw StripeApiError.invalid(null, "line_items[" + i + "][price_data][currency]",
                        "All line items must have the same currency: line_items[0] is " + first
                                + " but line_items[" + i + "] is " + items.get(i).currency + ".");
            }
        }
        return first;
    }

    /**
     * A currency Stripe presents, in lower case as its API writes it (https://docs.stripe.com/currencies:
     * "use all lowercase letters"). XTS, XAU and the like are ISO codes Stripe does not take.
     */
    static Currency presentedCurrency(String code, String param) {
        Optional<Currency> currency = code.matches("[a-z]{3}") ? CurrencyFacts.lookup(code) : Optional.empty();
        if (currency.isEmpty() || !CurrencyFacts.stripePresents(currency.get())) {
            // Stripe lists its supported currencies after this; the code it sends is not confirmed.
            throw StripeApiError.invalid(null, param, "Invalid currency: " + Texts.abbreviate(code, 60)
                    + ". Stripe currently supports these currencies: " + String.join(", ", stripeCurrencies()));
        }
        return currency.get();
    }

    /**
     * {@code unit_amount}, or a whole-number {@code unit_amount_decimal} (one of the two, as Stripe wants).
     * Fractions of the smallest unit are a real Stripe feature the sandbox does not implement: refused.
     */
    private static long unitAmount(FormParams item, String prefix) {
        String param = prefix + "[price_data][unit_amount]";
        Optional<String> decimal = item.value("price_data[unit_amount_decimal]");
        if (decimal.isPresent() && item.value("price_data[unit_amount]").isPresent()) {
            throw StripeApiError.invalid("parameters_exclusive", param,
                    "You may only specify one of these parameters: unit_amount, unit_amount_decimal.");
        }
        long amount;
        if (decimal.isPresent()) {
            String decimalParam = prefix + "[price_data][unit_amount_decimal]";
            try {
                BigDecimal value = new BigDecimal(decimal.get());
                if (value.scale() > 12) {
                    throw new NumberFormatException("more than 12 decimals");
                }
                amount = value.stripTrailingZeros().scale() > 0 ? -2 : value.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw StripeApiError.invalid("parameter_invalid_decimal", decimalParam,
                        "Invalid decimal: " + Texts.abbreviate(decimal.get(), 60));
            }
            if (amount == -2) {
                throw StripeApiError.invalid(null, decimalParam, "The ScanTill sandbox supports only whole amounts in "
                        + "unit_amount_decimal; fractions of the smallest currency unit are not implemented.");
            }
        } else {
            amount = item.integer("price_data[unit_amount]", param, true);
        }
        if (amount < 0) {
            throw StripeApiError.invalid("parameter_invalid_integer", param,
                    "This value must be greater than or equal to 0.");
        }
        return amount;
    }

    /**
     * The currency's special rule for API amounts (https://docs.stripe.com/currencies#special-cases): ISK and
     * UGX must be evenly divisible by 100 (Stripe's code and wording from its ISK notice); three-decimal
     * currencies must end in 0 (https://docs.stripe.com/currencies#three-decimal; wording not confirmed).
     */
    static void checkCurrencyRule(Currency currency, long apiAmount, String param) {
        CurrencyFacts.Rule rule = CurrencyFacts.stripe(currency).map(CurrencyFacts.StripeCurrency::rule).orElse(null);
        if (rule == CurrencyFacts.Rule.WHOLE_UNITS_AS_TWO_DECIMAL && apiAmount % 100 != 0) {
            throw StripeApiError.invalid("invalid_charge_amount_no_decimal_compatible", param, "Invalid amount. "
                    + "Currency " + currency.getCurrencyCode() + " has become effectively zero-decimal and charged "
                    + "amounts must be evenly divisible by 100. See https://stripe.com/docs/currencies#special-cases "
                    + "for more information.");
        }
        if (rule == CurrencyFacts.Rule.THREE_DECIMAL && apiAmount % 10 != 0) {
            throw StripeApiError.invalid(null, param, "Invalid amount. Amounts in " + currency.getCurrencyCode()
                    + " must end in 0: round them to the nearest ten.");
        }
    }

    /** Real parameters the sandbox accepts and checks but does not act on (adjustable quantity, tax, product). */
    private static void optionalExtras(FormParams item, String prefix, SandboxAccount account) {
        Optional<String> behavior = item.value("price_data[tax_behavior]");
        if (behavior.isPresent() && !TAX_BEHAVIORS.contains(behavior.get())) {
            // Stripe's enum refusal names the allowed values; whether it carries a code is not confirmed.
            throw StripeApiError.invalid(null, prefix + "[price_data][tax_behavior]",
                    "Invalid price_data[tax_behavior]: must be one of exclusive, inclusive, or unspecified");
        }
        Optional<String> enabled = item.value("adjustable_quantity[enabled]");
        if (enabled.isPresent() && !Set.of("true", "false").contains(enabled.get())) {
            throw StripeApiError.invalid("parameter_invalid_boolean", prefix + "[adjustable_quantity][enabled]",
                    "Invalid boolean: " + Texts.abbreviate(enabled.get(), 60));
        }
        for (String bound : List.of("minimum", "maximum")) {
            String key = "adjustable_quantity[" + bound + "]";
            String param = prefix + "[adjustable_quantity][" + bound + "]";
            if (item.value(key).isPresent()) {
                long n = item.integer(key, param, true);
                if (n < 0 || n > 999_999) {
                    throw StripeApiError.invalid("parameter_invalid_integer", param,
                            "This value must be between 0 and 999999.");
                }
            }
        }
        Optional<String> unitLabel = item.value("price_data[product_data][unit_label]");
        if (unitLabel.isPresent() && unitLabel.get().length() > 12) {
            throw StripeApiError.tooLong(prefix + "[price_data][product_data][unit_label]", unitLabel.get(), 12);
        }
        for (Map.Entry<String, String> e : item.entries()) {
            if (e.getKey().startsWith("tax_rates[") && !e.getValue().isEmpty()
                    && !account.inclusiveTaxRates().containsKey(e.getValue())) {
                // The sandbox knows only the account's inclusive rates (the till's prices include tax): any other id
                // is unknown, as one of another account would be at Stripe.
                throw StripeApiError.noSuch("tax_rate", e.getValue(), prefix + FormParams.bracketed(e.getKey()))
                        .withStatus(400);
            }
        }
    }

    private static List<String> stripeCurrencies() {
        List<String> codes = new ArrayList<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            if (CurrencyFacts.stripePresents(c)) {
                codes.add(c.getCurrencyCode().toLowerCase(Locale.ROOT));
            }
        }
        codes.sort(null);
        return codes;
    }
}
