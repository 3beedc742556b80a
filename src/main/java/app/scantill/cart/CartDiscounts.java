package app.scantill.cart;

import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountAllocation;
import app.scantill.sale.SaleLine;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discounts of the cart being built: at most one per line (by the cart's line key) and one on the whole cart.
 * An amount larger than what it is given on is refused when given; if the line later shrinks, the discount takes
 * the line and no more ({@link Discount#amountOn}). Amounts in three-decimal currencies must end in 0, as every
 * amount Stripe takes in them.
 */
final class CartDiscounts {

    private final Map<String, Discount> lines = new HashMap<>();
    private Discount cart;

    /** The smallest step a discount may take in {@code currency}: 10 where Stripe's amounts must end in 0. */
    static long step(Currency currency) {
        return CurrencyFacts.isThreeDecimal(currency) ? 10 : 1;
    }

    CartOutcome giveLine(String key, CartLine line, Discount discount, Currency currency) {
        Optional<Message> problem = amountProblem(discount, line.lineTotal().minorUnits(), currency);
        if (problem.isPresent()) {
            return CartOutcome.refused(problem.get());
        }
        lines.put(key, discount);
        return CartOutcome.accepted(Message.of("discount.line.given", line.product().name()));
    }

    CartOutcome removeLine(String key, CartLine line) {
        if (lines.remove(key) == null) {
            return CartOutcome.refused(Message.of("discount.refused.none_on_line", line.product().name()));
        }
        return CartOutcome.accepted(Message.of("discount.line.removed", line.product().name()));
    }

    CartOutcome giveCart(Discount discount, long baseMinor, Currency currency) {
        Optional<Message> problem = amountProblem(discount, baseMinor, currency);
        if (problem.isPresent()) {
            return CartOutcome.refused(problem.get());
        }
        cart = discount;
        return CartOutcome.accepted(Message.of("discount.cart.given"));
    }

    CartOutcome removeCart() {
        if (cart == null) {
            return CartOutcome.refused(Message.of("discount.refused.none_on_cart"));
        }
        cart = null;
        return CartOutcome.accepted(Message.of("discount.cart.removed"));
    }

    Optional<Discount> line(String key) {
        return Optional.ofNullable(lines.get(key));
    }

    Optional<Discount> cart() {
        return Optional.ofNullable(cart);
    }

    void forget(String key) {
        lines.remove(key);
    }

    void clear() {
        lines.clear();
        cart = null;
    }

    /**
     * The lines (in the order of {@code keys}) with the discounts applied; the cart's only with {@code withCart}.
     */
    DiscountAllocation.Result apply(List<String> keys, List<SaleLine> undiscounted, long step, boolean withCart) {
        Map<Integer, Discount> byIndex = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Discount d = lines.get(keys.get(i));
            if (d != null) {
                byIndex.put(i, d);
            }
        }
        return DiscountAllocation.apply(undiscounted, byIndex, withCart ? Optional.ofNullable(cart) : Optional.empty(),
                step);
    }

    private static Optional<Message> amountProblem(Discount discount, long baseMinor, Currency currency) {
        if (discount.kind() != Discount.Kind.AMOUNT) {
            return Optional.empty();
        }
        if (discount.value() > baseMinor) {
            return Optional.of(Message.of("discount.refused.above_base", Money.of(discount.value(), currency),
                    Money.of(baseMinor, currency)));
        }
        if (discount.value() % step(currency) != 0) {
            return Optional.of(Message.of("discount.refused.three_decimals", currency.getCurrencyCode()));
        }
        return Optional.empty();
    }
}
