package app.scantill.sale;

import app.scantill.i18n.Message;
import java.util.Arrays;

/**
 * Payment method types ScanTill offers on the hosted page, with Stripe's wire names, and cash, taken at the till
 * itself (never sent to Stripe).
 */
public enum PaymentMethod {
    CARD("card"),
    AMAZON_PAY("amazon_pay"),
    CASH("cash");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The method's name for people ("Amazon Pay", "Card"), in any language. */
    public Message label() {
        return Message.of("payment.method." + wireName);
    }

    /**
     * The name for people of a method Stripe reported by its wire name: one ScanTill offers by its own
     * name, any other (Stripe may add some) as Stripe writes it, with spaces for underscores.
     */
    public static Message labelOf(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst()
                .map(PaymentMethod::label)
                .orElseGet(() -> Message.of("payment.method.other", wireName.replace('_', ' ')));
    }
}
