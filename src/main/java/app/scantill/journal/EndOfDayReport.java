package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundStatus;
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
        List<CurrencyTotals> currencies, List<Refund> refunds) {

    /** The payment method buckets of {@link CurrencyTotals#paidByMethod()}, in display order. */
    public static final String AMAZON_PAY = "amazon_pay";
    public static final String CARD = "card";
    public static final String UNKNOWN = "unknown";
    public static final List<String> METHODS = List.of(AMAZON_PAY, CARD, UNKNOWN);

    public EndOfDayReport {
        sales = List.copyOf(sales);
        currencies = List.copyOf(currencies);
        refunds = List.copyOf(refunds);
    }

    public static EndOfDayReport of(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales) {
        return of(from, to, zone, sales, List.of());
    }

    /**
     * The report of the sales and the refunds made in the period. A refund counts on the day it was made,
     * whatever day its sale was: takings are what came in minus what went back that day.
     */
    public static EndOfDayReport of(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales, List<Refund> refunds) {
        Map<String, Builder> byCurrency = new TreeMap<>();
        for (Sale sale : sales) {
            byCurrency.computeIfAbsent(sale.currency().getCurrencyCode(), c -> new Builder(sale.currency())).add(sale);
        }
        for (Refund refund : refunds) {
            byCurrency.computeIfAbsent(refund.currency().getCurrencyCode(), c -> new Builder(refund.currency()))
                    .add(refund);
        }
        List<CurrencyTotals> totals = byCurrency.values().stream().map(Builder::build).toList();
        List<Sale> ordered = new ArrayList<>(sales);
        ordered.sort(Comparator.comparing(Sale::createdAt));
        List<Refund> orderedRefunds = new ArrayList<>(refunds);
        orderedRefunds.sort(Comparator.comparing(Refund::createdAt));
        return new EndOfDayReport(from, to, zone, ordered, totals, orderedRefunds);
    }

    /**
     * The discounts given on the period's paid sales in {@code currency}: how many sales had one, and everything
     * the discounts took off them (line and cart discounts alike; what was paid is in the paid totals).
     */
    public Tally discountsFor(Currency currency) {
        Tally sum = Tally.zero(currency);
        for (Sale sale : sales) {
            if (sale.currency().equals(currency) && sale.state() == SaleState.PAID && sale.discountMinor() > 0) {
                sum = sum.plus(Money.of(sale.discountMinor(), currency));
            }
        }
        return sum;
    }

    public Optional<CurrencyTotals> totalsFor(Currency currency) {
        return currencies.stream().filter(c -> c.currency().equals(currency)).findFirst();
    }

    /** The report's bucket for a sale's payment method: amazon_pay, card, or unknown. */
    public static String methodBucket(Sale sale) {
        return methodBucket(sale.paymentMethod());
    }

    static String methodBucket(String m) {
        return AMAZON_PAY.equals(m) || CARD.equals(m) ? m : UNKNOWN;
    }

    /** How many sales and how much money. */
    public record Tally(long count, Money total) {
        static Tally zero(Currency currency) {
            return new Tally(0, Money.zero(currency));
        }

        Tally plus(Sale sale) {
            return plus(sale.total());
        }

        Tally plus(Money amount) {
            return new Tally(count + 1, total.plus(amount));
        }
    }

    /**
     * One currency's block.
     *
     * @param all every sale, whatever its state
     * @param byState only the states that occur, in the order of {@link SaleState}
     * @param paidByMethod paid sales per {@link #METHODS} bucket, all three always present
     * @param refundedByMethod refunds made in the period that went through, per {@link #METHODS} bucket of
     *     the sale's payment, all three always present
     * @param refundsInProgress refunds made in the period still on their way (requested, pending, needing the customer)
     */
    public record CurrencyTotals(Currency currency, Tally all, Map<SaleState, Tally> byState,
            Map<String, Tally> paidByMethod, Map<String, Tally> refundedByMethod, Tally refundsInProgress) {

        public CurrencyTotals {
            byState = Collections.unmodifiableMap(new EnumMap<>(byState));
            paidByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(paidByMethod));
            refundedByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(refundedByMethod));
        }

        /** The money actually taken. */
        public Tally paid() {
            return byState.getOrDefault(SaleState.PAID, Tally.zero(currency));
        }

        /** Every refund of the period that went through. */
        public Tally refunded() {
            Tally sum = Tally.zero(currency);
            for (Tally t : refundedByMethod.values()) {
                sum = new Tally(sum.count() + t.count(), sum.total().plus(t.total()));
            }
            return sum;
        }

        /** Net takings: what was paid minus what went back. */
        public Money net() {
            return paid().total().minus(refunded().total());
        }
    }

    private static final class Builder {
        private final Currency currency;
        private Tally all;
        private final Map<SaleState, Tally> byState = new EnumMap<>(SaleState.class);
        private final Map<String, Tally> byMethod = new LinkedHashMap<>();
        private final Map<String, Tally> refundedByMethod = new LinkedHashMap<>();
        private Tally refundsInProgress;

        Builder(Currency currency) {
            this.currency = currency;
            this.all = Tally.zero(currency);
            this.refundsInProgress = Tally.zero(currency);
            for (String m : METHODS) {
                byMethod.put(m, Tally.zero(currency));
                refundedByMethod.put(m, Tally.zero(currency));
            }
        }

        void add(Refund refund) {
            if (refund.status() == RefundStatus.SUCCEEDED) {
                refundedByMethod.merge(methodBucket(refund.paymentMethod()), Tally.zero(currency).plus(refund.amount()),
                        (a, b) -> a.plus(refund.amount()));
            } else if (refund.status().holdsAmount()) {
                refundsInProgress = refundsInProgress.plus(refund.amount());
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
            return new CurrencyTotals(currency, all, byState, byMethod, refundedByMethod, refundsInProgress);
        }
    }
}
