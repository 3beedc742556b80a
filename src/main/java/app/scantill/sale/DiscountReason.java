package app.scantill.sale;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a discount was given: a short fixed list a cashier picks from (the words come from the bundles, key
 * {@code discount.reason.<name>}), with a free-text note beside it for anything the list does not say.
 */
public enum DiscountReason {
    DAMAGED, STAFF, LOYALTY, PRICE_MATCH, OTHER;

    /** The name the journal and the ledger store: {@code damaged}, {@code price_match}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the reason's words. */
    public String messageKey() {
        return "discount.reason." + code();
    }

    /** The reason stored as {@link #code()}, or empty for one this ScanTill does not know. */
    public static Optional<DiscountReason> fromCode(String code) {
        for (DiscountReason r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
