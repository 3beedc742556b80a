package app.scantill.sandbox;

import java.security.SecureRandom;

/** Random, unguessable identifiers with Stripe's prefixes ({@code cs_test_}, {@code pi_}, ...). */
final class SandboxIds {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxIds() {
    }

    static String random(String prefix, int length) {
        StringBuilder sb = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            sb.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return sb.toString();
    }

    static String event() {
        return random("evt_", 24);
    }

    static String session() {
        // Stripe's own ids are about this long; the app must not assume a shorter one.
        return random("cs_test_", 58);
    }

    static String paymentIntent() {
        return random("pi_", 24);
    }

    static String paymentMethod() {
        return random("pm_", 24);
    }

    static String charge() {
        return random("ch_", 24);
    }

    static String refund() {
        return random("re_", 24);
    }

    /** The part of a receipt URL that nobody can guess, as long as Stripe's. */
    static String receiptToken() {
        return random("", 64);
    }

    static String lineItem() {
        return random("li_", 24);
    }

    static String price() {
        return random("price_", 24);
    }

    static String product() {
        return random("prod_", 14);
    }

    static String request() {
        return random("req_", 14);
    }

    /**
     * Shaped like Stripe's keys ({@code sk_test_} and letters and digits only), so the app's key
     * parser accepts it and its redaction hides all of it; "sbx" tells a person whose key it is.
     */
    static String secretKey() {
        return random("sk_test_sbx", 40);
    }

    /** The {@code #...} tail Stripe's hosted URLs carry; browsers never send it to the server. */
    static String urlFragment() {
        return random("", 120);
    }
}
