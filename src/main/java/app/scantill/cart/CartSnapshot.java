package app.scantill.cart;

import app.scantill.money.Money;
import app.scantill.sale.SaleLine;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A frozen copy of a non-empty cart, handed to the charge flow: what is to be charged, in which
 * currency, line by line. Later edits of the cart do not change it.
 */
public record CartSnapshot(Currency currency, List<SaleLine> lines, Money total) {

    public CartSnapshot {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
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
            sum = Math.addExact(sum, line.lineTotalMinor());
        }
        if (sum != total.minorUnits()) {
            throw new IllegalArgumentException("total " + total + " is not the sum of the lines");
        }
    }
}
