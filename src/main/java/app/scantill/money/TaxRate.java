package app.scantill.money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A tax rate such as VAT 19 % or 7.7 %, held exactly in hundredths of a percent (basis points): 19 % is
 * {@code 1900}, 7.7 % is {@code 770}. Never a floating-point number, so a tax share computed from it
 * rounds the same way on every till and in every report.
 *
 * @param basisPoints 0 (no tax) to 10,000 (100 %)
 */
public record TaxRate(int basisPoints) implements Comparable<TaxRate> {

    public static final TaxRate ZERO = new TaxRate(0);
    /** No real sales tax comes near it; a rate above is a typo (1900 for 19). */
    public static final int MAX_BASIS_POINTS = 10_000;

    public TaxRate {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException("tax rate out of range: " + basisPoints + " basis points");
        }
    }

    /**
     * Reads a percentage as a person writes it: {@code 19}, {@code 7.7}, {@code 5.5 %}, {@code 0}. At most
     * two decimals, 0 to 100. Empty when the text is not such a number.
     */
    public static Optional<TaxRate> parsePercent(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (!s.matches("\\d{1,3}([.,]\\d{1,2})?")) {
            return Optional.empty();
        }
        BigDecimal percent = new BigDecimal(s.replace(',', '.'));
        BigDecimal points = percent.movePointRight(2);
        if (points.compareTo(BigDecimal.valueOf(MAX_BASIS_POINTS)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new TaxRate(points.intValueExact()));
    }

    /** The rate as a percentage without trailing zeros: {@code 19}, {@code 7.7}, {@code 0}. */
    public String percentText() {
        return BigDecimal.valueOf(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    public boolean isZero() {
        return basisPoints == 0;
    }

    @Override
    public int compareTo(TaxRate other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    @Override
    public String toString() {
        return percentText() + " %";
    }
}
