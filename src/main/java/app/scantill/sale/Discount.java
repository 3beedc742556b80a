package app.scantill.sale;

import java.util.Locale;
import java.util.Objects;

/**
 * A discount as the cashier gave it: a percentage (in basis points, so 12.5 % is exactly {@code 1250}) or an
 * amount in the cart's minor units, with a reason and an optional note. What it takes off a given amount is
 * {@link #amountOn}; never more than that amount, never below zero.
 *
 * @param value basis points (1..10,000) for {@link Kind#PERCENT}, minor units (at least 1) for {@link Kind#AMOUNT}
 * @param note free text beside the reason, empty for none (at most {@link #MAX_NOTE} characters)
 */
public record Discount(Kind kind, long value, DiscountReason reason, String note) {

    /** Whole percent in basis points. */
    public static final long FULL_PERCENT = 10_000;
    /** Enough for "matched the market stall opposite", short enough for a receipt line. */
    public static final int MAX_NOTE = 60;

    /** A percentage off, or an amount off. */
    public enum Kind {
        PERCENT, AMOUNT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public Discount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        note = note == null ? "" : note.strip();
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note longer than " + MAX_NOTE + " characters");
        }
        if (value < 1 || (kind == Kind.PERCENT && value > FULL_PERCENT)) {
            throw new IllegalArgumentException(kind.code() + " discount out of range: " + value);
        }
    }

    public static Discount percent(long basisPoints, DiscountReason reason, String note) {
        return new Discount(Kind.PERCENT, basisPoints, reason, note);
    }

    public static Discount amount(long minorUnits, DiscountReason reason, String note) {
        return new Discount(Kind.AMOUNT, minorUnits, reason, note);
    }

    /**
     * What the discount takes off {@code baseMinor}: a percentage rounded half up to a multiple of {@code step}
     * (1, or 10 for currencies whose amounts must end in 0), an amount as given; at most {@code baseMinor}.
     */
    public long amountOn(long baseMinor, long step) {
        if (baseMinor <= 0) {
            return 0;
        }
        long off;
        if (kind == Kind.PERCENT) {
            long exactTimesFull = Math.multiplyExact(baseMinor, value);
            long unit = Math.multiplyExact(step, FULL_PERCENT);
            off = (exactTimesFull + unit / 2) / unit * step;
        } else {
            off = value;
        }
        return Math.min(off, baseMinor);
    }

    /**
     * Whether this discount on {@code baseMinor} is more than {@code limitBasisPoints} of it: the rule for asking
     * a manager. A percentage is compared as given, an amount as the share of the base it takes.
     */
    public boolean exceeds(long limitBasisPoints, long baseMinor) {
        if (kind == Kind.PERCENT) {
            return value > limitBasisPoints;
        }
        return Math.multiplyExact(value, FULL_PERCENT) > Math.multiplyExact(limitBasisPoints, Math.max(baseMinor, 0));
    }
}
