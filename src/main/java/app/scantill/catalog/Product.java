package app.scantill.catalog;

import app.scantill.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One sellable item. Built only by {@link CatalogLoader} (or tests) from values that have already
 * been validated, so the price is non-negative and within Stripe's limits and the barcode is a valid
 * EAN-13.
 *
 * @param category empty when the catalog row left it blank
 */
public record Product(String sku, String barcode, String name, Money price, Optional<String> category) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(category, "category");
        if (price.isNegative()) {
            throw new IllegalArgumentException("negative price for " + sku);
        }
    }

    public static Product of(String sku, String barcode, String name, Money price, String category) {
        return new Product(sku, barcode, name, price,
                category == null || category.isBlank() ? Optional.empty() : Optional.of(category));
    }
}
