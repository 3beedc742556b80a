package app.scantill.catalog;

import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.money.TaxRate;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a product sellable, checked field by field: the one copy of the rules that both the catalog
 * loader (a row of a file) and the product editor (a form) apply. A refusal names its field, so the editor
 * shows it at the field and the loader joins them into the row's problem.
 *
 * <p>Whether a SKU or barcode is already taken depends on who asks (a line further up the file, another
 * product of the catalog), so the caller answers that through {@link Taken}.
 */
public final class ProductRules {

    /** Stripe's limit for {@code product_data.name}. */
    public static final int MAX_NAME_LENGTH = 5000;
    public static final int MAX_CATEGORY_LENGTH = 100;

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    /** Who already uses a SKU or barcode, as a message; empty when it is free. */
    public interface Taken {

        Taken NOTHING = new Taken() {
            @Override
            public Optional<Message> sku(String sku) {
                return Optional.empty();
            }

            @Override
            public Optional<Message> barcode(String barcode) {
                return Optional.empty();
            }
        };

        Optional<Message> sku(String sku);

        Optional<Message> barcode(String barcode);
    }

    /**
     * The outcome of a check: the product when every field passed, else what is wrong with each field that
     * did not (in column order).
     */
    public record Check(Optional<Product> product, Map<ProductField, Message> problems) {

        public Check {
            problems = Collections.unmodifiableMap(problems.isEmpty() ? new EnumMap<>(ProductField.class)
                    : new EnumMap<>(problems));
        }

        public boolean passed() {
            return product.isPresent();
        }
    }

    private ProductRules() {
    }

    /** Checks {@code draft}; each text is stripped, and line breaks inside the name or category become spaces. */
    public static Check check(ProductDraft draft, Taken taken) {
        Map<ProductField, Message> problems = new EnumMap<>(ProductField.class);
        String sku = draft.sku().strip();
        String barcode = draft.barcode().strip();
        String name = oneLine(draft.name());
        String category = oneLine(draft.category());

        sku(sku, taken).ifPresent(m -> problems.put(ProductField.SKU, m));
        Optional<Message> barcodeProblem = Ean13.problem(barcode).or(() -> taken.barcode(barcode));
        barcodeProblem.ifPresent(m -> problems.put(ProductField.BARCODE, m));
        if (name.isEmpty()) {
            problems.put(ProductField.NAME, Message.of("catalog.row.name_missing"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.put(ProductField.NAME, Message.of("catalog.row.name_too_long", MAX_NAME_LENGTH));
        }
        if (category.length() > MAX_CATEGORY_LENGTH) {
            problems.put(ProductField.CATEGORY, Message.of("catalog.row.category_too_long", MAX_CATEGORY_LENGTH));
        }
        Money price = priceAndCurrency(draft.price().strip(), draft.currency().strip(), problems);
        TaxRate taxRate = taxRate(draft.taxRate().strip(), problems);

        if (!problems.isEmpty()) {
            return new Check(Optional.empty(), problems);
        }
        return new Check(Optional.of(Product.of(sku, barcode, name, price, category, taxRate)), problems);
    }

    private static Optional<Message> sku(String sku, Taken taken) {
        if (sku.isEmpty()) {
            return Optional.of(Message.of("catalog.row.sku_missing"));
        }
        if (!SKU.matcher(sku).matches()) {
            return Optional.of(Message.of("catalog.row.sku_invalid", shorten(sku, 30)));
        }
        return taken.sku(sku);
    }

    private static Money priceAndCurrency(String priceText, String currencyCode, Map<ProductField, Message> problems) {
        Optional<Currency> currency = CurrencyFacts.lookup(currencyCode);
        if (currencyCode.isEmpty()) {
            problems.put(ProductField.CURRENCY, Message.of("catalog.row.currency_missing"));
        } else if (currency.isEmpty()) {
            problems.put(ProductField.CURRENCY, Message.of("catalog.row.currency_unknown", shorten(currencyCode, 12)));
        } else if (CurrencyFacts.isThreeDecimal(currency.get())) {
            problems.put(ProductField.CURRENCY, Message.of("catalog.row.currency_three_decimals",
                    currency.get().getCurrencyCode()));
        } else {
            return price(priceText, currency.get(), problems);
        }
        return null;
    }

    private static Money price(String text, Currency currency, Map<ProductField, Message> problems) {
        try {
            // Decimals beyond the currency's are refused by the parse: UGX and ISK are whole units in the till,
            // whatever Stripe's API writes (https://docs.stripe.com/currencies#special-cases).
            long minor = MoneyFormat.parseMinorUnits(text, currency);
            Money maximum = CurrencyFacts.maximumCharge(currency);
            if (minor > maximum.minorUnits()) {
                problems.put(ProductField.PRICE, Message.of("catalog.row.price_above_maximum", text,
                        currency.getCurrencyCode(), maximum));
                return null;
            }
            return Money.of(minor, currency);
        } catch (MoneyFormat.PriceException e) {
            problems.put(ProductField.PRICE, Message.of("catalog.row.price." + e.reason().name().toLowerCase(Locale.ROOT),
                    e.price(), currency.getCurrencyCode(), CurrencyFacts.fractionDigits(currency)));
            return null;
        }
    }

    private static TaxRate taxRate(String text, Map<ProductField, Message> problems) {
        if (text.isEmpty()) {
            return null;
        }
        Optional<TaxRate> rate = TaxRate.parsePercent(text);
        if (rate.isEmpty()) {
            problems.put(ProductField.TAX_RATE, Message.of("catalog.row.tax_rate_invalid", shorten(text, 12)));
        }
        return rate.orElse(null);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
