package app.scantill.sale;

import java.util.Objects;

/**
 * A discount of a sale as journaled: which line it was given on ({@code lineNo} from 1 in the sale's order,
 * {@link #CART} for the whole cart) and what it took off in minor units. A cart discount's amount is spread
 * over the lines' {@link SaleLine#discountMinor()}; see {@link DiscountAllocation}.
 */
public record AppliedDiscount(int lineNo, Discount discount, long amountMinor) {

    /** The line number of a discount on the whole cart. */
    public static final int CART = 0;

    public AppliedDiscount {
        Objects.requireNonNull(discount, "discount");
        if (lineNo < CART) {
            throw new IllegalArgumentException("line number below 0: " + lineNo);
        }
        if (amountMinor < 0) {
            throw new IllegalArgumentException("negative discount amount");
        }
    }

    public boolean onCart() {
        return lineNo == CART;
    }
}
