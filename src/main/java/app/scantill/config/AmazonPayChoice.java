package app.scantill.config;

import java.util.Locale;

/**
 * Whether the till offers Amazon Pay ({@code payments.amazon_pay}). Amazon Pay depends on the Stripe
 * account's country (and for some on the currency), which the till cannot see: {@link #AUTO} offers it
 * and, once Stripe refuses it for the account, charges by card alone until the till restarts.
 */
public enum AmazonPayChoice {
    /** Offer it where the currency allows; after Stripe refuses it for the account, card only until restart. */
    AUTO,
    /** Always ask Stripe for it where the currency allows, even after a refusal. */
    ON,
    /** Never offer it: every sale is card only. */
    OFF;

    /** The value as the config file writes it. */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AmazonPayChoice parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (AmazonPayChoice choice : values()) {
            if (choice.written().equals(t)) {
                return choice;
            }
        }
        throw SettingRefusal.of("stripe.setting.amazon_pay_choice", app.scantill.text.Texts.abbreviate(t, 20));
    }
}
