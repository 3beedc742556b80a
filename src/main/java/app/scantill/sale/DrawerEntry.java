package app.scantill.sale;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * One movement of a register's cash drawer, in one currency (docs/cash.md): the opening float, cash put in or taken
 * out with a reason, or a count of what is in it. Amounts in the currency's minor units, never negative.
 *
 * @param amountMinor the float, the amount put in or taken out, or the amount counted
 * @param reason why cash went in or out (required there); null for a float or a count
 * @param expectedMinor for a count: what the drawer should have held at that moment (float + cash sales + in -
 *     out); 0 otherwise
 */
public record DrawerEntry(String id, String registerId, Instant at, Currency currency, Kind kind, long amountMinor,
        String reason, long expectedMinor) {

    /** What a drawer entry records. */
    public enum Kind {
        /** The cash the drawer starts the day with. */
        FLOAT,
        /** Cash put in (change from the bank, say). */
        CASH_IN,
        /** Cash taken out (to the bank, a cash refund, a supplier paid). */
        CASH_OUT,
        /** What was counted, against what was expected. */
        COUNT
    }

    public DrawerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registerId, "registerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("a drawer amount is never negative: " + amountMinor);
        }
        boolean moves = kind == Kind.CASH_IN || kind == Kind.CASH_OUT;
        if (moves && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("cash in or out needs a reason");
        }
    }

    /** For a count: counted less expected (negative when cash is missing); 0 for any other entry. */
    public long differenceMinor() {
        return kind == Kind.COUNT ? amountMinor - expectedMinor : 0;
    }
}
