package app.scantill.sale;

import java.util.Optional;

/** Why money goes back, with Stripe's wire names for {@code POST /v1/refunds}'s {@code reason}. */
public enum RefundReason {
    REQUESTED_BY_CUSTOMER("requested_by_customer"),
    DUPLICATE("duplicate"),
    FRAUDULENT("fraudulent");

    private final String wireName;

    RefundReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RefundReason> fromWire(String name) {
        for (RefundReason r : values()) {
            if (r.wireName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
