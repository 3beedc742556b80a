package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One currency's cash drawer over a period (docs/cash.md): expected = float + cash sales - cash refunds + in - out,
 * and the last count against what was expected at that moment. Cash refunds are cash out with their reason (ADR
 * 0181), so they are within {@code out}.
 *
 * @param lastCount the latest count of the period, if any
 */
public record DrawerTotals(Currency currency, Money opening, Money cashSales, Money in, Money out,
        Optional<DrawerEntry> lastCount) {

    /** What the drawer should hold now. */
    public Money expected() {
        return opening.plus(cashSales).plus(in).minus(out);
    }

    /** The last count's difference (counted less expected then); empty without a count. */
    public Optional<Money> difference() {
        return lastCount.map(c -> Money.of(c.differenceMinor(), currency));
    }

    /**
     * The drawer of {@code currency} from the entries and sales of a period (any order; other currencies ignored).
     * Only sales paid in cash count.
     */
    public static DrawerTotals of(Currency currency, List<DrawerEntry> entries, List<Sale> sales) {
        long opening = 0;
        long in = 0;
        long out = 0;
        DrawerEntry lastCount = null;
        for (DrawerEntry e : entries) {
            if (!e.currency().equals(currency)) {
                continue;
            }
            switch (e.kind()) {
                case FLOAT -> opening += e.amountMinor();
                case CASH_IN -> in += e.amountMinor();
                case CASH_OUT -> out += e.amountMinor();
                case COUNT -> lastCount = later(lastCount, e);
            }
        }
        long cash = sales.stream().filter(s -> s.currency().equals(currency) && s.state() == SaleState.PAID
                && EndOfDayReport.CASH.equals(s.paymentMethod())).mapToLong(Sale::totalMinor).sum();
        return new DrawerTotals(currency, Money.of(opening, currency), Money.of(cash, currency), Money.of(in, currency),
                Money.of(out, currency), Optional.ofNullable(lastCount));
    }

    /** Every currency that has a drawer entry or a cash sale in the period, by currency code. */
    public static List<DrawerTotals> all(List<DrawerEntry> entries, List<Sale> sales) {
        java.util.Set<Currency> currencies = new java.util.TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        entries.forEach(e -> currencies.add(e.currency()));
        sales.stream().filter(s -> s.state() == SaleState.PAID && EndOfDayReport.CASH.equals(s.paymentMethod()))
                .forEach(s -> currencies.add(s.currency()));
        return currencies.stream().map(c -> of(c, entries, sales)).toList();
    }

    private static DrawerEntry later(DrawerEntry a, DrawerEntry b) {
        return a == null || !b.at().isBefore(a.at()) ? b : a;
    }
}
