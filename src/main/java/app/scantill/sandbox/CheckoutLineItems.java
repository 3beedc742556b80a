package app.scantill.sandbox;

import app.scantill.money.CurrencyFacts;
import app.scantill.text.Texts;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code line_items} of a new Checkout Session: only {@code price_data} lines (the sandbox holds no
 * Price or Product objects), 1..100 of them, one currency. Refusals as in {@link CheckoutSessionCreation}.
 */
final class CheckoutLineItems {

    /** Stripe's cap on line items per session (the sandbox's own copy of Stripe's limit). */
    static final int MAX_LINES = 100;

    private static final Set<String> KEYS = Set.of(
            "quantity", "price", "price_data[currency]", "price_data[unit_amount]", "price_data[product]",
            "price_data[product_data][name]", "price_data[product_data][description]");

    private CheckoutLineItems() {
    }

    /** The session's line items from {@code line_items[i][...]}, in order. */
    static List<SandboxState.LineItem> read(FormParams p, long nowSeconds) {
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
            result.add(lineItem(e.getKey(), e.getValue(), nowSeconds));
        }
        return result;
    }

    private static SandboxState.LineItem lineItem(int index, FormParams item, long nowSeconds) {
        String prefix = "line_items[" + index + "]";
        for (Map.Entry<String, String> e : item.entries()) {
            if (!KEYS.contains(e.getKey())) {
                throw StripeApiError.unknownParam(prefix + FormParams.bracketed(e.getKey()));
            }
        }
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
        String code = item.required("price_data[currency]", currencyParam);
        Optional<Currency> currency = CurrencyFacts.lookup(code);
        if (currency.isEmpty()) {
            // Stripe lists its supported currencies after this; the code it sends is not confirmed.
            throw StripeApiError.invalid(null, currencyParam, "Invalid currency: "
                    + Texts.abbreviate(code.toLowerCase(Locale.ROOT), 60)
                    + ". Stripe currently supports these currencies: " + String.join(", ", knownCurrencies()));
        }
        li.currency = currency.get().getCurrencyCode().toLowerCase(Locale.ROOT);
        if (item.value("price_data[product]").isPresent()) {
            throw StripeApiError.noSuch("product", item.value("price_data[product]").get(),
                    prefix + "[price_data][product]").withStatus(400);
        }
        li.unitAmount = item.integer("price_data[unit_amount]", prefix + "[price_data][unit_amount]", true);
        if (li.unitAmount < 0) {
            throw StripeApiError.invalid("parameter_invalid_integer", prefix + "[price_data][unit_amount]",
                    "This value must be greater than or equal to 0.");
        }
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

    private static List<String> knownCurrencies() {
        List<String> codes = new ArrayList<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            codes.add(c.getCurrencyCode().toLowerCase(Locale.ROOT));
        }
        codes.sort(null);
        return codes;
    }
}
