package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.TaxBreakdown;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts and totals of the sales created in local days {@code [from, to)}, kept apart per currency
 * (amounts of different currencies are never added up).
 *
 * @param sales every sale in the period, oldest first (the CSV's rows)
 * @param currencies one block per currency, by currency code
 * @param drawers the cash drawer per currency (docs/cash.md), by currency code; empty where the records hold no
 *     drawer (a store's ledger)
 */
public record EndOfDayReport(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales,
        List<CurrencyTotals> currencies, List<Refund> refunds, List<DrawerTotals> drawers) {

    /** The payment method buckets of {@link CurrencyTotals#paidByMethod()}, in display order. */
    public static final String AMAZON_PAY = "amazon_pay";
    public static final String CARD = "card";
    /** Taken at the till (docs/cash.md): never through Stripe. */
    public static final String CASH = "cash";
    public static final String UNKNOWN = "unknown";
    public static final List<String> METHODS = List.of(AMAZON_PAY, CARD, CASH, UNKNOWN);

    public EndOfDayReport {
        sales = List.copyOf(sales);
        currencies = List.copyOf(currencies);
        refunds = List.copyOf(refunds);
        drawers = List.copyOf(drawers);
    }

    /** The same report with the cash drawer of each currency. */
    public EndOfDayReport withDrawers(List<DrawerTotals> perCurrency) {
        return new EndOfDayReport(from, to, zone, sales, currencies, refunds, perCurrency);
    }

    public Optional<DrawerTotals> drawerFor(Currency currency) {
        return drawers.stream().filter(d -> d.currency().equals(currency)).findFirst();
    }

    public static EndOfDayReport of(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales) {
        return of(from, to, zone, sales, List.of());
    }

    /**
     * The report of the sales and the refunds made in the period. A refund counts on the day it was made,
     * whatever day its sale was: takings are what came in minus what went back that day.
     */
    public static EndOfDayReport of(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales, List<Refund> refunds) {
        Map<String, Sale> byId = new HashMap<>();
        sales.forEach(s -> byId.put(s.id(), s));
        return of(from, to, zone, sales, refunds, TaxRounding.PER_LINE, id -> Optional.ofNullable(byId.get(id)));
    }

    /**
     * The report, its tax per rate rounded as {@code rounding} says: each paid sale's tax as its receipt shows it,
     * less each refund's share (docs/taxes.md). {@code saleOf} finds a refund's sale, which may have been made on an
     * earlier day; a refund whose sale it cannot find (another register's sale, refunded here) counts at 0 %.
     */
    public static EndOfDayReport of(LocalDate from, LocalDate to, ZoneId zone, List<Sale> sales, List<Refund> refunds,
            TaxRounding rounding, Function<String, Optional<Sale>> saleOf) {
        Map<String, Builder> byCurrency = new TreeMap<>();
        for (Sale sale : sales) {
            byCurrency.computeIfAbsent(sale.currency().getCurrencyCode(), c -> new Builder(sale.currency(), rounding))
                    .add(sale);
        }
        for (Refund refund : refunds) {
            byCurrency.computeIfAbsent(refund.currency().getCurrencyCode(), c -> new Builder(refund.currency(),
                    rounding)).add(refund, refund.status() == RefundStatus.SUCCEEDED ? saleOf.apply(refund.saleId())
                    : Optional.empty());
        }
        List<CurrencyTotals> totals = byCurrency.values().stream().map(Builder::build).toList();
        List<Sale> ordered = new ArrayList<>(sales);
        ordered.sort(Comparator.comparing(Sale::createdAt));
        List<Refund> orderedRefunds = new ArrayList<>(refunds);
        orderedRefunds.sort(Comparator.comparing(Refund::createdAt));
        return new EndOfDayReport(from, to, zone, ordered, totals, orderedRefunds, List.of());
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

    /** The report's bucket for a sale's payment method: amazon_pay, card, cash, or unknown. */
    public static String methodBucket(Sale sale) {
        return methodBucket(sale.paymentMethod());
    }

    static String methodBucket(String m) {
        return AMAZON_PAY.equals(m) || CARD.equals(m) || CASH.equals(m) ? m : UNKNOWN;
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
     * @param taxes the tax included per rate in what was paid, less the share of the refunds that went through: its
     *     grosses add up to {@link #net()}
     * @param paidAtRate how many paid sales had a line at each rate of {@code taxes}
     */
    public record CurrencyTotals(Currency currency, Tally all, Map<SaleState, Tally> byState,
            Map<String, Tally> paidByMethod, Map<String, Tally> refundedByMethod, Tally refundsInProgress,
            TaxBreakdown taxes, Map<TaxRate, Long> paidAtRate) {

        public CurrencyTotals {
            byState = Collections.unmodifiableMap(new EnumMap<>(byState));
            paidByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(paidByMethod));
            refundedByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(refundedByMethod));
            Objects.requireNonNull(taxes, "taxes");
            paidAtRate = Collections.unmodifiableMap(new TreeMap<>(paidAtRate));
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
        private final TaxRounding rounding;
        private TaxBreakdown taxes;
        private final Map<TaxRate, Long> paidAtRate = new TreeMap<>();

        Builder(Currency currency, TaxRounding rounding) {
            this.currency = currency;
            this.rounding = rounding;
            this.all = Tally.zero(currency);
            this.refundsInProgress = Tally.zero(currency);
            this.taxes = TaxBreakdown.none(currency);
            for (String m : METHODS) {
                byMethod.put(m, Tally.zero(currency));
                refundedByMethod.put(m, Tally.zero(currency));
            }
        }

        void add(Refund refund, Optional<Sale> sale) {
            if (refund.status() == RefundStatus.SUCCEEDED) {
                refundedByMethod.merge(methodBucket(refund.paymentMethod()), Tally.zero(currency).plus(refund.amount()),
                        (a, b) -> a.plus(refund.amount()));
                taxes = taxes.minus(sale.filter(s -> s.currency().equals(currency))
                        .map(s -> TaxBreakdown.ofRefund(s, refund, rounding))
                        .orElseGet(() -> new TaxBreakdown(currency, List.of(
                                new TaxBreakdown.RateShare(TaxRate.ZERO, refund.amountMinor(), 0)))));
            } else if (refund.status().holdsAmount()) {
                refundsInProgress = refundsInProgress.plus(refund.amount());
            }
        }

        void add(Sale sale) {
            all = all.plus(sale);
            byState.merge(sale.state(), Tally.zero(currency).plus(sale), (a, b) -> a.plus(sale));
            if (sale.state() == SaleState.PAID) {
                byMethod.merge(methodBucket(sale), Tally.zero(currency).plus(sale), (a, b) -> a.plus(sale));
                TaxBreakdown saleTaxes = TaxBreakdown.ofSale(sale, rounding);
                taxes = taxes.plus(saleTaxes);
                saleTaxes.shares().forEach(share -> paidAtRate.merge(share.rate(), 1L, Long::sum));
            }
        }

        CurrencyTotals build() {
            return new CurrencyTotals(currency, all, byState, byMethod, refundedByMethod, refundsInProgress, taxes,
                    paidAtRate);
        }
    }
}
