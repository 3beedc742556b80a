package app.scantill.cart;

import app.scantill.catalog.Product;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.sale.SaleLine;
import java.util.Objects;

/** One product in the cart and how many of it. */
public record CartLine(Product product, int quantity) {

    public CartLine {
        Objects.requireNonNull(product, "product");
        if (quantity < Cart.MIN_QUANTITY || quantity > Cart.MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity " + quantity + " outside 1.." + Cart.MAX_QUANTITY);
        }
    }

    public String sku() {
        return product.sku();
    }

    public Money unitPrice() {
        return product.price();
    }

    /** Unit price times quantity; exact (the cart's limits keep it far below overflow). */
    public Money lineTotal() {
        return product.price().times(quantity);
    }

    /** The line as the sale records it, at the product's tax rate or, when the catalog gives none, {@code defaultRate}. */
    public SaleLine toSaleLine(TaxRate defaultRate) {
        return new SaleLine(product.sku(), product.name(), product.price().minorUnits(), quantity, 0,
                product.taxRateOr(defaultRate));
    }
}
