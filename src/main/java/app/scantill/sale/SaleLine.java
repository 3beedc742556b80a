package app.scantill.sale;

import java.util.Objects;

/** One line of a journaled sale, frozen at the moment the sale was charged. Amounts in minor units. */
public record SaleLine(String sku, String name, long unitAmountMinor, int quantity) {

    /** Stripe's limit of line items per Checkout Session, so the most lines one sale can have. */
    public static final int MAX_PER_SALE = 100;
    /** The till's own cap on one line's quantity: a typo of 10000 must not reach a customer's phone. */
    public static final int MAX_QUANTITY = 999;

    public SaleLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        if (unitAmountMinor < 0) {
            throw new IllegalArgumentException("negative unit amount");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public long lineTotalMinor() {
        return Math.multiplyExact(unitAmountMinor, (long) quantity);
    }
}
