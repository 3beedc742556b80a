package app.scantill.cart;

import app.scantill.money.Money;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A frozen copy of a non-empty cart, handed to the charge flow: what is to be charged, in which
 * currency, line by line, and the discounts that were given. Later edits of the cart do not change it.
 *
 * @param total what the customer pays: the sum of the lines' {@link SaleLine#chargedMinor()}
 */
public record CartSnapshot(Currency currency, List<SaleLine> lines, Money total, SaleDiscounts discounts) {

    /** A cart without discounts. */
    public CartSnapshot(Currency currency, List<SaleLine> lines, Money total) {
        this(currency, lines, total, SaleDiscounts.NONE);
    }

    public CartSnapshot {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(discounts, "discounts");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one line");
        }
        if (!total.currency().equals(currency)) {
            throw new IllegalArgumentException("total in " + total.currencyCode() + " for a "
                    + currency.getCurrencyCode() + " cart");
        }
        long sum = 0;
        for (SaleLine line : lines) {
            sum = Math.addExact(sum, line.chargedMinor());
        }
        if (sum != total.minorUnits()) {
            throw new IllegalArgumentException("total " + total + " is not the sum of the lines");
        }
    }
}
