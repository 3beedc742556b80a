package app.scantill.cart;

import app.scantill.catalog.Product;
import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountAllocation;
import app.scantill.sale.SaleLine;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sale being built at the till. One currency per cart (the first item's), and the limits a
 * Checkout Session has, enforced here so that the cashier hears about them at the counter rather
 * than from a refused API call.
 *
 * <p>Every command returns a {@link CartOutcome}; a refused command leaves the cart exactly as it
 * was. Not thread-safe: it belongs to the screen that edits it.
 */
public final class Cart {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = SaleLine.MAX_QUANTITY;
    /**
     * Stripe's largest amount for one charge, in minor units: the bound for every currency. Currencies
     * whose API amounts count hundredths of the till's units (ISK, UGX) have a lower one, see
     * {@link CurrencyFacts#maximumCharge}.
     */
    public static final long MAX_TOTAL_MINOR = CurrencyFacts.MAX_AMOUNT_MINOR;

    private final Optional<Currency> settlement;
    /** The rate of products whose catalog row gives none ({@code tax.default_rate}). */
    private final TaxRate defaultTaxRate;
    /** Keyed by lower-cased SKU; insertion order is the order the cashier added them. */
    private final Map<String, CartLine> lines = new LinkedHashMap<>();
    private final CartDiscounts discounts = new CartDiscounts();
    private Currency currency;

    /** A cart for an account assumed to settle every charge in the charge's own currency. */
    public Cart() {
        this(Optional.empty());
    }

    /**
     * @param settlement the Stripe account's settlement currency, which decides Stripe's minimum charge
     *     (see {@link CurrencyFacts#minimumCharge(Currency, Optional)})
     */
    public Cart(Optional<Currency> settlement) {
        this(settlement, TaxRate.ZERO);
    }

    /**
     * @param defaultTaxRate the tax rate included in the price of a product whose catalog row gives none
     */
    public Cart(Optional<Currency> settlement, TaxRate defaultTaxRate) {
        this.settlement = Objects.requireNonNull(settlement, "settlement");
        this.defaultTaxRate = Objects.requireNonNull(defaultTaxRate, "defaultTaxRate");
    }

    /** Adds one unit of {@code product}. */
    public CartOutcome add(Product product) {
        return add(product, 1);
    }

    /** Adds {@code quantity} units of {@code product}, to its existing line if there is one. */
    public CartOutcome add(Product product, int quantity) {
        Objects.requireNonNull(product, "product");
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            return CartOutcome.refused(Message.of("cart.refused.quantity_range_not_added", MIN_QUANTITY,
                    MAX_QUANTITY, product.name()));
        }
        Currency itemCurrency = product.price().currency();
        if (currency != null && !currency.equals(itemCurrency)) {
            return CartOutcome.refused(Message.of("cart.refused.other_currency", currency.getCurrencyCode(),
                    itemCurrency.getCurrencyCode(), product.name()));
        }
        CartLine existing = lines.get(key(product.sku()));
        if (existing == null && lines.size() >= SaleLine.MAX_PER_SALE) {
            return CartOutcome.refused(Message.of("cart.refused.line_limit", SaleLine.MAX_PER_SALE, product.name()));
        }
        long newQuantity = (long) quantity + (existing == null ? 0 : existing.quantity());
        if (newQuantity > MAX_QUANTITY) {
            return CartOutcome.refused(Message.of("cart.refused.quantity_above", product.name(), MAX_QUANTITY));
        }
        Optional<Message> tooMuch = totalProblem(existing, product, newQuantity,
                Message.of("cart.consequence.not_added", product.name()));
        if (tooMuch.isPresent()) {
            return CartOutcome.refused(tooMuch.get());
        }
        lines.put(key(product.sku()), new CartLine(product, (int) newQuantity));
        currency = itemCurrency;
        return CartOutcome.accepted(Message.of("cart.added", product.name(), newQuantity));
    }

    /** Sets the quantity of an existing line. */
    public CartOutcome setQuantity(String sku, int quantity) {
        CartLine line = lines.get(key(sku));
        if (line == null) {
            return notInCart(sku);
        }
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            return CartOutcome.refused(Message.of("cart.refused.quantity_range_stays", MIN_QUANTITY, MAX_QUANTITY,
                    line.product().name(), line.quantity()));
        }
        Optional<Message> tooMuch = totalProblem(line, line.product(), quantity,
                Message.of("cart.consequence.stays", line.product().name(), line.quantity()));
        if (tooMuch.isPresent()) {
            return CartOutcome.refused(tooMuch.get());
        }
        lines.put(key(sku), new CartLine(line.product(), quantity));
        return CartOutcome.accepted(Message.of("cart.quantity_set", line.product().name(), quantity));
    }

    /** Raises the line's quantity by one. */
    public CartOutcome increase(String sku) {
        CartLine line = lines.get(key(sku));
        if (line == null) {
            return notInCart(sku);
        }
        if (line.quantity() >= MAX_QUANTITY) {
            return CartOutcome.refused(Message.of("cart.refused.quantity_above", line.product().name(), MAX_QUANTITY));
        }
        return setQuantity(sku, line.quantity() + 1);
    }

    /** Lowers the line's quantity by one; a line never drops to zero (removing it is a separate, explicit act). */
    public CartOutcome decrease(String sku) {
        CartLine line = lines.get(key(sku));
        if (line == null) {
            return notInCart(sku);
        }
        if (line.quantity() <= MIN_QUANTITY) {
            return CartOutcome.refused(Message.of("cart.refused.already_one", line.product().name()));
        }
        return setQuantity(sku, line.quantity() - 1);
    }

    public CartOutcome remove(String sku) {
        CartLine removed = lines.remove(key(sku));
        if (removed == null) {
            return notInCart(sku);
        }
        discounts.forget(key(sku));
        if (lines.isEmpty()) {
            currency = null;
            discounts.clear();
        }
        return CartOutcome.accepted(Message.of("cart.removed", removed.product().name()));
    }

    /** Empties the cart, which also frees its currency for the next sale. */
    public CartOutcome clear() {
        if (lines.isEmpty()) {
            return CartOutcome.refused(Message.of("cart.refused.already_empty"));
        }
        lines.clear();
        discounts.clear();
        currency = null;
        return CartOutcome.accepted(Message.of("cart.cleared"));
    }

    public List<CartLine> lines() {
        return List.copyOf(lines.values());
    }

    public Optional<CartLine> line(String sku) {
        return Optional.ofNullable(lines.get(key(sku)));
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int lineCount() {
        return lines.size();
    }

    /** The cart's currency: the first item's, until the cart is emptied. */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /** What the customer pays, discounts taken off; empty while the cart has no currency. */
    public Optional<Money> total() {
        return currency == null ? Optional.empty() : Optional.of(Money.of(priced().chargedMinor(), currency));
    }

    /** The total before any discount, or empty while the cart has no currency. */
    public Optional<Money> listTotal() {
        return currency == null ? Optional.empty() : Optional.of(Money.of(listTotalMinor(), currency));
    }

    /** Gives line {@code sku} a discount, replacing any it had (see {@link CartDiscounts}). */
    public CartOutcome discountLine(String sku, Discount discount) {
        CartLine line = lines.get(key(sku));
        if (line == null) {
            return notInCart(sku);
        }
        return discounts.giveLine(key(sku), line, discount, currency);
    }

    public CartOutcome removeLineDiscount(String sku) {
        CartLine line = lines.get(key(sku));
        return line == null ? notInCart(sku) : discounts.removeLine(key(sku), line);
    }

    /** Gives the whole cart a discount, on what the lines cost after their own discounts. */
    public CartOutcome discountCart(Discount discount) {
        if (currency == null) {
            return CartOutcome.refused(Message.of("cart.refused.empty"));
        }
        return discounts.giveCart(discount, beforeCartDiscountMinor(), currency);
    }

    public CartOutcome removeCartDiscount() {
        return discounts.removeCart();
    }

    /** The discount given on line {@code sku}, if any. */
    public Optional<Discount> lineDiscount(String sku) {
        return discounts.line(key(sku));
    }

    public Optional<Discount> cartDiscount() {
        return discounts.cart();
    }

    /** The lines with every discount applied, in cart order; see {@link DiscountAllocation}. */
    public DiscountAllocation.Result priced() {
        return discounts.apply(List.copyOf(lines.keySet()), undiscountedLines(), step(), true);
    }

    /** What the lines cost after their own discounts: what a cart discount is taken from. */
    public long beforeCartDiscountMinor() {
        return discounts.apply(List.copyOf(lines.keySet()), undiscountedLines(), step(), false).chargedMinor();
    }

    private long step() {
        return currency == null ? 1 : CartDiscounts.step(currency);
    }

    private long totalMinor() {
        return priced().chargedMinor();
    }

    private long listTotalMinor() {
        long sum = 0;
        for (CartLine line : lines.values()) {
            sum = Math.addExact(sum, Math.multiplyExact(line.unitPrice().minorUnits(), (long) line.quantity()));
        }
        return sum;
    }

    public Chargeability chargeability() {
        if (currency == null) {
            return new Chargeability(Chargeability.Status.EMPTY, Optional.empty(), false,
                    Message.of("cart.chargeability.empty"));
        }
        Money total = Money.of(totalMinor(), currency);
        boolean amazonPay = CurrencyFacts.amazonPaySupports(currency);
        if (total.isZero()) {
            return new Chargeability(Chargeability.Status.ZERO_TOTAL, Optional.empty(), amazonPay,
                    Message.of("cart.chargeability.zero"));
        }
        Optional<Money> minimum = CurrencyFacts.minimumCharge(currency, settlement);
        if (minimum.isPresent() && total.compareTo(minimum.get()) < 0) {
            return new Chargeability(Chargeability.Status.BELOW_MINIMUM, minimum, amazonPay,
                    Message.of("cart.chargeability.below_minimum", minimum.get()));
        }
        return new Chargeability(Chargeability.Status.CHARGEABLE, Optional.empty(), amazonPay,
                amazonPay ? Message.of("cart.chargeability.card_or_amazon_pay")
                        : Message.of("cart.chargeability.card_only", currency.getCurrencyCode()));
    }

    /** The lines as the journal and the charge flow record them, in cart order, each at its tax rate, discounts applied. */
    public List<SaleLine> toSaleLines() {
        return priced().lines();
    }

    private List<SaleLine> undiscountedLines() {
        List<SaleLine> result = new ArrayList<>(lines.size());
        for (CartLine line : lines.values()) {
            result.add(line.toSaleLine(defaultTaxRate));
        }
        return List.copyOf(result);
    }

    /** A frozen copy for the charge flow, or empty when there is nothing in the cart. */
    public Optional<CartSnapshot> snapshot() {
        if (currency == null) {
            return Optional.empty();
        }
        DiscountAllocation.Result priced = priced();
        return Optional.of(new CartSnapshot(currency, priced.lines(), Money.of(priced.chargedMinor(), currency),
                priced.discounts()));
    }

    /**
     * Why giving {@code product} the quantity {@code newQuantity} would push the total over Stripe's
     * maximum, or empty when it stays within it. Exact arithmetic throughout, so no quantity or price
     * can wrap around into a small or negative total.
     */
    private Optional<Message> totalProblem(CartLine existing, Product product, long newQuantity, Message consequence) {
        Currency c = product.price().currency();
        long max = CurrencyFacts.maximumCharge(c).minorUnits();
        Money limit = Money.of(max, c);
        long newTotal;
        try {
            long without = Math.subtractExact(listTotalMinor(), existing == null ? 0
                    : Math.multiplyExact(existing.unitPrice().minorUnits(), (long) existing.quantity()));
            newTotal = Math.addExact(without, Math.multiplyExact(product.price().minorUnits(), newQuantity));
        } catch (ArithmeticException e) {
            return Optional.of(Message.of("cart.refused.total_far_above", limit, consequence));
        }
        if (newTotal <= max) {
            return Optional.empty();
        }
        return Optional.of(Message.of("cart.refused.total_above", Money.of(newTotal, c), limit, consequence));
    }

    private static CartOutcome notInCart(String sku) {
        return CartOutcome.refused(Message.of("cart.refused.not_in_cart", sku));
    }

    private static String key(String sku) {
        return sku == null ? "" : sku.strip().toLowerCase(Locale.ROOT);
    }
}
