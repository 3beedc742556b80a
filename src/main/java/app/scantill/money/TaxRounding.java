package app.scantill.money;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the tax included in a price is rounded to the minor unit (docs/adr/0175): on each line, then summed
 * ({@link #PER_LINE}, the default: a line's tax never changes with what else is in the basket, and a refunded line
 * gives back exactly the tax it carried), or once on each rate's gross of the receipt ({@link #PER_RECEIPT}: the
 * figure a tax authority computing from the receipt's totals arrives at). Either way a receipt's gross is what was
 * charged, and net plus tax is that gross exactly.
 */
public enum TaxRounding {
    PER_LINE("per_line"),
    PER_RECEIPT("per_receipt");

    private final String written;

    TaxRounding(String written) {
        this.written = written;
    }

    /** As the setting {@code tax.rounding} writes it. */
    public String written() {
        return written;
    }

    /** {@code per_line} or {@code per_receipt} (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<TaxRounding> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (TaxRounding r : values()) {
            if (r.written.equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
