package app.scantill.sale;

/** Payment method types ScanTill offers on the hosted page, with Stripe's wire names. */
public enum PaymentMethod {
    CARD("card"),
    AMAZON_PAY("amazon_pay");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
