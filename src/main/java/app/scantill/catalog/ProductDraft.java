package app.scantill.catalog;

import app.scantill.money.MoneyFormat;
import java.util.Objects;

/**
 * A product as text, the way a person or a CSV row writes it: what {@link ProductRules} checks before it
 * becomes a {@link Product}. Texts are kept as given (a form shows what was typed); the rules strip them.
 *
 * @param taxRate a percentage such as {@code 19} or {@code 7.7}; blank for the till's default rate
 */
public record ProductDraft(String sku, String barcode, String name, String price, String currency, String category,
        String taxRate) {

    public ProductDraft {
        sku = Objects.requireNonNullElse(sku, "");
        barcode = Objects.requireNonNullElse(barcode, "");
        name = Objects.requireNonNullElse(name, "");
        price = Objects.requireNonNullElse(price, "");
        currency = Objects.requireNonNullElse(currency, "");
        category = Objects.requireNonNullElse(category, "");
        taxRate = Objects.requireNonNullElse(taxRate, "");
    }

    /** An empty form. */
    public static ProductDraft blank() {
        return new ProductDraft("", "", "", "", "", "", "");
    }

    /** The product as the catalog file writes it: price as a plain decimal ({@code 3.50}), rate as a percentage. */
    public static ProductDraft of(Product product) {
        return new ProductDraft(product.sku(), product.barcode(), product.name(), MoneyFormat.plain(product.price()),
                product.price().currency().getCurrencyCode(), product.category().orElse(""),
                product.taxRate().map(rate -> rate.percentText()).orElse(""));
    }

    /** The text of one field. */
    public String get(ProductField field) {
        return switch (field) {
            case SKU -> sku;
            case BARCODE -> barcode;
            case NAME -> name;
            case PRICE -> price;
            case CURRENCY -> currency;
            case CATEGORY -> category;
            case TAX_RATE -> taxRate;
        };
    }
}
