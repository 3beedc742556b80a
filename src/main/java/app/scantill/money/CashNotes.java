package app.scantill.money;

import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The banknotes a customer most often hands over, per currency, for the cash screen's quick keys. In minor
 * units; a currency not listed gets 5, 10, 20 and 50 of its major unit.
 */
public final class CashNotes {

    private static final Map<String, List<Long>> MAJOR_UNITS = Map.of(
            "USD", List.of(1L, 5L, 10L, 20L),
            "CAD", List.of(5L, 10L, 20L, 50L),
            "EUR", List.of(5L, 10L, 20L, 50L),
            "GBP", List.of(5L, 10L, 20L, 50L),
            "CHF", List.of(10L, 20L, 50L, 100L),
            "JPY", List.of(1000L, 5000L, 10000L),
            "SEK", List.of(20L, 50L, 100L, 200L),
            "NOK", List.of(50L, 100L, 200L, 500L),
            "DKK", List.of(50L, 100L, 200L, 500L));

    private CashNotes() {
    }

    /** The quick-key notes of {@code currency}, smallest first, in minor units. */
    public static List<Money> of(Currency currency) {
        long unit = pow10(CurrencyFacts.fractionDigits(currency));
        return MAJOR_UNITS.getOrDefault(currency.getCurrencyCode(), List.of(5L, 10L, 20L, 50L)).stream()
                .map(major -> Money.of(Math.multiplyExact(major, unit), currency)).toList();
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }
}
