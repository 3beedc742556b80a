package app.scantill.sale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a sale's discounts to its lines, exactly to the minor unit: each line's own discount first, then the
 * cart's discount on what is left, spread over the lines in proportion to what each still costs by the largest
 * remainder method (Hamilton's): every line gets the whole units of its exact share, and the units left over go
 * to the lines with the largest fractions, the earlier line first on a tie. Deterministic, never more than a
 * line costs, and the shares always add up to the cart discount; so the sale's total is the sum of its lines'
 * {@link SaleLine#chargedMinor()}.
 */
public final class DiscountAllocation {

    /** The discounted lines and the discounts as they were applied. */
    public record Result(List<SaleLine> lines, SaleDiscounts discounts) {
        public long chargedMinor() {
            long sum = 0;
            for (SaleLine line : lines) {
                sum = Math.addExact(sum, line.chargedMinor());
            }
            return sum;
        }

        public long discountMinor() {
            long sum = 0;
            for (SaleLine line : lines) {
                sum = Math.addExact(sum, line.discountMinor());
            }
            return sum;
        }
    }

    private DiscountAllocation() {
    }

    /**
     * @param lines the sale's lines as listed (their own discounts are replaced)
     * @param lineDiscounts discounts by line index (from 0)
     * @param cart the discount on the whole cart
     * @param step the smallest amount a discount may take, 1 or 10 (currencies whose amounts end in 0)
     */
    public static Result apply(List<SaleLine> lines, Map<Integer, Discount> lineDiscounts, Optional<Discount> cart,
            long step) {
        List<AppliedDiscount> applied = new ArrayList<>();
        long[] own = new long[lines.size()];
        long[] left = new long[lines.size()];
        long leftTotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            long list = lines.get(i).lineTotalMinor();
            Discount d = lineDiscounts.get(i);
            own[i] = d == null ? 0 : d.amountOn(list, step);
            if (d != null) {
                applied.add(new AppliedDiscount(i + 1, d, own[i]));
            }
            left[i] = list - own[i];
            leftTotal = Math.addExact(leftTotal, left[i]);
        }
        long[] shares = new long[lines.size()];
        if (cart.isPresent()) {
            long amount = cart.get().amountOn(leftTotal, step);
            shares = spread(amount, left, step);
            applied.add(new AppliedDiscount(AppliedDiscount.CART, cart.get(), amount));
        }
        List<SaleLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SaleLine l = lines.get(i);
            result.add(new SaleLine(l.sku(), l.name(), l.unitAmountMinor(), l.quantity(), own[i] + shares[i],
                    l.taxRate()));
        }
        return new Result(List.copyOf(result), new SaleDiscounts(applied));
    }

    /**
     * Spreads {@code amount} over {@code weights} in proportion, in multiples of {@code step}, by the largest
     * remainder; each share at most its weight when {@code amount} is at most their sum and every weight is a
     * multiple of {@code step}.
     */
    public static long[] spread(long amount, long[] weights, long step) {
        long[] shares = new long[weights.length];
        long total = Arrays.stream(weights).sum();
        if (amount <= 0 || total <= 0) {
            return shares;
        }
        if (amount > total) {
            throw new IllegalArgumentException("cannot spread " + amount + " over " + total);
        }
        if (amount % step != 0) {
            throw new IllegalArgumentException(amount + " is not a multiple of " + step);
        }
        long units = amount / step;
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            long exact = Math.multiplyExact(units, weights[i]);
            shares[i] = exact / total;
            remainders[i] = exact % total;
            given += shares[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int k = 0; given < units; k++) {
            shares[order[k]]++;
            given++;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] *= step;
        }
        return shares;
    }
}
