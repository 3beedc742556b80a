package app.scantill.catalog;

import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import java.util.Objects;
import java.util.Optional;

/**
 * One sellable item. Built by {@link ProductRules} (for the catalog loader and the product editor), or tests,
 * from values that have already been validated, so the price is non-negative and within Stripe's limits and the barcode is a valid
 * EAN-13.
 *
 * @param category empty when the catalog row left it blank
 * @param taxRate the rate included in the price; empty when the catalog has no {@code tax_rate} column or
 *     the row left it blank, and the till's default rate applies
 */
public record Product(String sku, String barcode, String name, Money price, Optional<String> category,
        Optional<TaxRate> taxRate) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(taxRate, "taxRate");
        if (price.isNegative()) {
            throw new IllegalArgumentException("negative price for " + sku);
        }
    }

    public static Product of(String sku, String barcode, String name, Money price, String category) {
        return of(sku, barcode, name, price, category, null);
    }

    /** A product with its own tax rate; a null rate leaves it to the till's default. */
    public static Product of(String sku, String barcode, String name, Money price, String category,
            TaxRate taxRate) {
        return new Product(sku, barcode, name, price,
                category == null || category.isBlank() ? Optional.empty() : Optional.of(category),
                Optional.ofNullable(taxRate));
    }

    /** This product's rate, or {@code defaultRate} when the catalog gives none. */
    public TaxRate taxRateOr(TaxRate defaultRate) {
        return taxRate.orElse(defaultRate);
    }
}
