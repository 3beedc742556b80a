package app.scantill.sale;

import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The tax included in what was charged, per rate (docs/taxes.md, docs/adr/0175). Prices are tax-inclusive, so for
 * each rate: gross = what the customer paid for its lines, tax = gross x rate / (100 % + rate) rounded half-up to the
 * minor unit, net = gross - tax. {@link TaxRounding} decides whether that rounding happens on each line (then
 * summed) or once on the rate's gross. Gross is never rounded: it is what was charged, so the grosses of a sale
 * add up to its total and net + tax = gross exactly, whatever the rounding.
 *
 * <p>Shares are also summed (a day's sales) and subtracted (its refunds): such a total may hold negative figures,
 * and it is only ever made of shares computed here.
 *
 * @param shares one per rate that occurs, lowest rate first
 */
public record TaxBreakdown(Currency currency, List<RateShare> shares) {

    /** One rate's part: what was charged at it, and the tax it included. */
    public record RateShare(TaxRate rate, long grossMinor, long taxMinor) {
        public RateShare {
            Objects.requireNonNull(rate, "rate");
        }

        public long netMinor() {
            return grossMinor - taxMinor;
        }

        RateShare plus(RateShare other) {
            return new RateShare(rate, Math.addExact(grossMinor, other.grossMinor),
                    Math.addExact(taxMinor, other.taxMinor));
        }

        RateShare negated() {
            return new RateShare(rate, -grossMinor, -taxMinor);
        }
    }

    /** A part of a document charged at one rate: a line, or a line's share of a refund. */
    private record Part(TaxRate rate, long grossMinor) {
    }

    public TaxBreakdown {
        Objects.requireNonNull(currency, "currency");
        shares = List.copyOf(shares);
    }

    public static TaxBreakdown none(Currency currency) {
        return new TaxBreakdown(currency, List.of());
    }

    /** The tax in {@code lines} (what each line charged, {@link SaleLine#chargedMinor()}). */
    public static TaxBreakdown of(Currency currency, List<SaleLine> lines, TaxRounding rounding) {
        List<Part> parts = new ArrayList<>(lines.size());
        for (SaleLine line : lines) {
            parts.add(new Part(line.taxRate(), line.chargedMinor()));
        }
        return ofParts(currency, parts, rounding);
    }

    public static TaxBreakdown ofSale(Sale sale, TaxRounding rounding) {
        return of(sale.currency(), sale.lines(), rounding);
    }

    /**
     * The tax given back by {@code refund} of {@code sale}. The refund's amount is shared out over the lines it gives
     * back (for a refund of an amount: over every line of the sale) in proportion to what those lines charged (for
     * part of a line: its units' part of the line's charge), to the minor unit by largest remainder, so the shares add
     * up to the refund's amount exactly; then each share's tax is rounded as a sale's would be. A refund of the whole
     * sale gives back exactly the sale's tax.
     */
    public static TaxBreakdown ofRefund(Sale sale, Refund refund, TaxRounding rounding) {
        List<Part> basis = new ArrayList<>();
        if (refund.lines().isEmpty()) {
            for (SaleLine line : sale.lines()) {
                basis.add(new Part(line.taxRate(), line.chargedMinor()));
            }
        } else {
            for (RefundLine r : refund.lines()) {
                if (r.saleLine() <= sale.lines().size()) {
                    SaleLine line = sale.lines().get(r.saleLine() - 1);
                    int units = Math.min(r.quantity(), line.quantity());
                    basis.add(new Part(line.taxRate(), halfUp(BigInteger.valueOf(line.chargedMinor())
                            .multiply(BigInteger.valueOf(units)), BigInteger.valueOf(line.quantity()))));
                }
            }
        }
        return ofParts(refund.currency(), shareOut(refund.amountMinor(), basis), rounding);
    }

    /** The tax included in {@code grossMinor} at {@code rate}, rounded half-up to the minor unit. */
    public static long taxIncluded(long grossMinor, TaxRate rate) {
        if (grossMinor < 0) {
            throw new IllegalArgumentException("tax is computed on a charged amount, not on " + grossMinor);
        }
        BigInteger points = BigInteger.valueOf(rate.basisPoints());
        return halfUp(BigInteger.valueOf(grossMinor).multiply(points),
                BigInteger.valueOf(TaxRate.MAX_BASIS_POINTS).add(points));
    }

    public long grossMinor() {
        return shares.stream().mapToLong(RateShare::grossMinor).reduce(0, Math::addExact);
    }

    public long taxMinor() {
        return shares.stream().mapToLong(RateShare::taxMinor).reduce(0, Math::addExact);
    }

    public long netMinor() {
        return grossMinor() - taxMinor();
    }

    public Money gross() {
        return Money.of(grossMinor(), currency);
    }

    public Money tax() {
        return Money.of(taxMinor(), currency);
    }

    /** True when there is no tax at all: no shares, or every share at 0 %. */
    public boolean isTaxFree() {
        return shares.stream().allMatch(s -> s.rate().isZero());
    }

    /** Both breakdowns' shares summed per rate. */
    public TaxBreakdown plus(TaxBreakdown other) {
        requireSameCurrency(other);
        Map<TaxRate, RateShare> byRate = byRate();
        for (RateShare s : other.shares) {
            byRate.merge(s.rate(), s, RateShare::plus);
        }
        return new TaxBreakdown(currency, List.copyOf(byRate.values()));
    }

    /** This breakdown less {@code other}, per rate (a day's sales less its refunds). */
    public TaxBreakdown minus(TaxBreakdown other) {
        requireSameCurrency(other);
        Map<TaxRate, RateShare> byRate = byRate();
        for (RateShare s : other.shares) {
            byRate.merge(s.rate(), s.negated(), RateShare::plus);
        }
        return new TaxBreakdown(currency, List.copyOf(byRate.values()));
    }

    private Map<TaxRate, RateShare> byRate() {
        Map<TaxRate, RateShare> byRate = new TreeMap<>();
        for (RateShare s : shares) {
            byRate.put(s.rate(), s);
        }
        return byRate;
    }

    private void requireSameCurrency(TaxBreakdown other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("tax in " + currency + " and " + other.currency + " is never added up");
        }
    }

    private static TaxBreakdown ofParts(Currency currency, List<Part> parts, TaxRounding rounding) {
        Map<TaxRate, long[]> byRate = new TreeMap<>(); // [gross, tax of the lines]
        for (Part p : parts) {
            long[] sums = byRate.computeIfAbsent(p.rate(), r -> new long[2]);
            sums[0] = Math.addExact(sums[0], p.grossMinor());
            sums[1] = Math.addExact(sums[1], taxIncluded(p.grossMinor(), p.rate()));
        }
        List<RateShare> shares = new ArrayList<>(byRate.size());
        for (Map.Entry<TaxRate, long[]> e : byRate.entrySet()) {
            long gross = e.getValue()[0];
            long tax = rounding == TaxRounding.PER_LINE ? e.getValue()[1] : taxIncluded(gross, e.getKey());
            shares.add(new RateShare(e.getKey(), gross, tax));
        }
        return new TaxBreakdown(currency, shares);
    }

    /**
     * {@code amount} shared out over {@code basis} in proportion to its parts' amounts, by largest remainder (an
     * earlier part first on a tie). Parts that all charged nothing share nothing: the amount goes to the first part.
     */
    private static List<Part> shareOut(long amount, List<Part> basis) {
        if (basis.isEmpty()) {
            return List.of(new Part(TaxRate.ZERO, amount));
        }
        BigInteger total = BigInteger.ZERO;
        for (Part p : basis) {
            total = total.add(BigInteger.valueOf(p.grossMinor()));
        }
        long[] shares = new long[basis.size()];
        if (total.signum() == 0) {
            shares[0] = amount;
        } else {
            BigInteger[] remainders = new BigInteger[basis.size()];
            long given = 0;
            for (int i = 0; i < shares.length; i++) {
                BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(basis.get(i).grossMinor()))
                        .divideAndRemainder(total);
                shares[i] = qr[0].longValueExact();
                remainders[i] = qr[1];
                given += shares[i];
            }
            for (long left = amount - given; left > 0; left--) {
                int best = 0;
                for (int i = 1; i < shares.length; i++) {
                    if (remainders[i].compareTo(remainders[best]) > 0) {
                        best = i;
                    }
                }
                shares[best]++;
                remainders[best] = BigInteger.valueOf(-1);
            }
        }
        List<Part> result = new ArrayList<>(basis.size());
        for (int i = 0; i < shares.length; i++) {
            result.add(new Part(basis.get(i).rate(), shares[i]));
        }
        return result;
    }

    private static long halfUp(BigInteger numerator, BigInteger denominator) {
        return numerator.shiftLeft(1).add(denominator).divide(denominator.shiftLeft(1)).longValueExact();
    }
}
