package app.scantill.sale;

import app.scantill.money.TaxRate;
import java.util.Objects;

/**
 * One line of a journaled sale, frozen at the moment the sale was charged. Amounts in minor units.
 *
 * @param unitAmountMinor the catalog's price of one unit, tax included, before any discount
 * @param discountMinor the discount on the whole line (its share of a cart discount included), 0 for none;
 *     never more than the line's list amount
 * @param taxRate the tax rate included in the line's price (zero where no tax applies)
 */
public record SaleLine(String sku, String name, long unitAmountMinor, int quantity, long discountMinor,
        TaxRate taxRate) {

    /** Stripe's limit of line items per Checkout Session, so the most lines one sale can have. */
    public static final int MAX_PER_SALE = 100;
    /** The till's own cap on one line's quantity: a typo of 10000 must not reach a customer's phone. */
    public static final int MAX_QUANTITY = 999;

    public SaleLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(taxRate, "taxRate");
        if (unitAmountMinor < 0) {
            throw new IllegalArgumentException("negative unit amount");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (discountMinor < 0 || discountMinor > Math.multiplyExact(unitAmountMinor, (long) quantity)) {
            throw new IllegalArgumentException("discount outside 0.." + unitAmountMinor * quantity + ": "
                    + discountMinor);
        }
    }

    /** A line with no discount and no tax. */
    public SaleLine(String sku, String name, long unitAmountMinor, int quantity) {
        this(sku, name, unitAmountMinor, quantity, 0, TaxRate.ZERO);
    }

    /** The line's list amount: unit price times quantity, before any discount. */
    public long lineTotalMinor() {
        return Math.multiplyExact(unitAmountMinor, (long) quantity);
    }

    /** What the customer pays for the line: its list amount less its discount. */
    public long chargedMinor() {
        return lineTotalMinor() - discountMinor;
    }
}
