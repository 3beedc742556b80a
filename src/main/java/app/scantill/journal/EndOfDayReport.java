package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts and totals of the sales created in local days {@code [from, to)}, kept apart per currency
 * (amounts of different currencies are never added up).
 *
 * @param sales every sale in the period, oldest first (the CSV's rows)
 * @param currencies one block per currency, by currency code
 */
public record EndOfDayReport(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales,
        List<CurrencyTotals> currencies) {

    /** The payment method buckets of {@link CurrencyTotals#paidByMethod()}, in display order. */
    public static final String AMAZON_PAY = "amazon_pay";
    public static final String CARD = "card";
    public static final String UNKNOWN = "unknown";
    public static final List<String> METHODS = List.of(AMAZON_PAY, CARD, UNKNOWN);

    public EndOfDayReport {
        sales = List.copyOf(sales);
        currencies = List.copyOf(currencies);
    }

    public static EndOfDayReport of(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales) {
        Map<String, Builder> byCurrency = new TreeMap<>();
        for (Sale sale : sales) {
            byCurrency.computeIfAbsent(sale.currency().getCurrencyCode(), c -> new Builder(sale.currency())).add(sale);
        }
        List<CurrencyTotals> totals = byCurrency.values().stream().map(Builder::build).toList();
        List<Sale> ordered = new ArrayList<>(sales);
        ordered.sort(Comparator.comparing(Sale::createdAt));
        return new EndOfDayReport(from, to, zone, ordered, totals);
    }

    public Optional<CurrencyTotals> totalsFor(Currency currency) {
        return currencies.stream().filter(c -> c.currency().equals(currency)).findFirst();
    }

    /** The report's bucket for a sale's payment method: amazon_pay, card, or unknown. */
    public static String methodBucket(Sale sale) {
        String m = sale.paymentMethod();
        return AMAZON_PAY.equals(m) || CARD.equals(m) ? m : UNKNOWN;
    }

    /** How many sales and how much money. */
    public record Tally(long count, Money total) {
        static Tally zero(Currency currency) {
            return new Tally(0, Money.zero(currency));
        }

        Tally plus(Sale sale) {
            return new Tally(count + 1, total.plus(sale.total()));
        }
    }

    /**
     * One currency's block.
     *
     * @param all every sale, whatever its state
     * @param byState only the states that occur, in the order of {@link SaleState}
     * @param paidByMethod paid sales per {@link #METHODS} bucket, all three always present
     */
    public record CurrencyTotals(Currency currency, Tally all, Map<SaleState, Tally> byState,
            Map<String, Tally> paidByMethod) {

        public CurrencyTotals {
            byState = Collections.unmodifiableMap(new EnumMap<>(byState));
            paidByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(paidByMethod));
        }

        /** The money actually taken. */
        public Tally paid() {
            return byState.getOrDefault(SaleState.PAID, Tally.zero(currency));
        }
    }

    private static final class Builder {
        private final Currency currency;
        private Tally all;
        private final Map<SaleState, Tally> byState = new EnumMap<>(SaleState.class);
        private final Map<String, Tally> byMethod = new LinkedHashMap<>();

        Builder(Currency currency) {
            this.currency = currency;
            this.all = Tally.zero(currency);
            for (String m : METHODS) {
                byMethod.put(m, Tally.zero(currency));
            }
        }

        void add(Sale sale) {
            all = all.plus(sale);
            byState.merge(sale.state(), Tally.zero(currency).plus(sale), (a, b) -> a.plus(sale));
            if (sale.state() == SaleState.PAID) {
                byMethod.merge(methodBucket(sale), Tally.zero(currency).plus(sale), (a, b) -> a.plus(sale));
            }
        }

        CurrencyTotals build() {
            return new CurrencyTotals(currency, all, byState, byMethod);
        }
    }
}
