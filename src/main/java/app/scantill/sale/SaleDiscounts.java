package app.scantill.sale;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every discount of one sale as the cashier gave them (at most one per line and one on the cart), in line order
 * with the cart's first. The amounts they took off are in the sale's lines; this says what they were and why.
 */
public record SaleDiscounts(List<AppliedDiscount> entries) {

    public static final SaleDiscounts NONE = new SaleDiscounts(List.of());

    public SaleDiscounts {
        entries = entries.stream().sorted(Comparator.comparingInt(AppliedDiscount::lineNo)).toList();
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).lineNo() == entries.get(i - 1).lineNo()) {
                throw new IllegalArgumentException("two discounts on line " + entries.get(i).lineNo());
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<AppliedDiscount> cart() {
        return line(AppliedDiscount.CART);
    }

    /** The discount given on line {@code lineNo} (from 1), if any. */
    public Optional<AppliedDiscount> line(int lineNo) {
        return entries.stream().filter(e -> e.lineNo() == lineNo).findFirst();
    }
}
