package app.scantill.till;

import app.scantill.checkout.GatewayErrorMessages;
import app.scantill.checkout.GatewayException;
import app.scantill.config.StripeKey;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.MoneyFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains a {@link GatewayException} to a cashier. The technical message stays in the log; this
 * says what happened in shop words, what to do, and gives Stripe's request id as a reference.
 */
public final class CashierMessages implements GatewayErrorMessages {

    private final String keyDescription;
    private final MoneyFormat format;
    private final Translator words;
    private final Optional<Currency> settlement;

    /**
     * @param key the key in use, if any, for "the key ending in 1a2B" (never more than its last 4)
     */
    public CashierMessages(Optional<StripeKey> key, Locale locale) {
        this(key, locale, Optional.empty());
    }

    /**
     * @param settlement the Stripe account's settlement currency ({@code account.settlement_currency}): Stripe
     *     checks its minimum charge after converting to it
     */
    public CashierMessages(Optional<StripeKey> key, Locale locale, Optional<Currency> settlement) {
        this.keyDescription = key.map(k -> (k.kind() == StripeKey.Kind.RESTRICTED ? "restricted" : "secret")
                + " key ending in " + k.last4()).orElse("API key");
        this.format = new MoneyFormat(locale);
        this.words = Translator.forLocale(locale, ZoneId.systemDefault());
        this.settlement = settlement;
    }

    /** The headline and explanation as one text, for the charge flow's status line. */
    @Override
    public String forCashier(GatewayException failure) {
        CashierMessage m = explain(failure);
        return m.headline() + ". " + m.explanation();
    }

    /** For a failure without a cart at hand (polling, cancel). */
    public CashierMessage explain(GatewayException e) {
        return explain(e, null);
    }

    /** @param currency the cart's currency, to state Stripe's minimum when the total is too small */
    public CashierMessage explain(GatewayException e, Currency currency) {
        String ref = e.requestId().map(id -> " Reference: " + id + ".").orElse("");
        String code = e.code().orElse("");
        String param = e.param().orElse("");
        String technical = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        switch (e.kind()) {
            case NETWORK:
                return new CashierMessage("No connection to Stripe",
                        "The till could not reach the payment service. Check the network, then try again: "
                                + "the sale is kept and retrying cannot charge twice.", CashierMessage.Action.RETRY);
            case RATE_LIMITED:
                String wait = e.retryAfter().map(CashierMessages::seconds).orElse("a few seconds");
                return new CashierMessage("Stripe asks us to slow down",
                        "Too many requests at once. Wait " + wait + " and try again; the sale is kept.",
                        CashierMessage.Action.WAIT_AND_RETRY);
            case SERVER:
                return new CashierMessage("Stripe had a problem",
                        "The payment service did not complete the request. Try again: the sale is kept and "
                                + "retrying cannot charge twice." + ref, CashierMessage.Action.RETRY);
            case MALFORMED_RESPONSE:
                return new CashierMessage("Unexpected answer from the payment service",
                        "Something between the till and Stripe answered instead (a Wi-Fi login page or a proxy?). "
                                + "Check the network and the API base setting, then try again.",
                        CashierMessage.Action.RETRY);
            case AUTHENTICATION:
                return new CashierMessage("Stripe did not accept the " + keyDescription,
                        "The key may have been rolled, deleted or mistyped. Put a valid key in STRIPE_SECRET_KEY "
                                + "or the config file (Dashboard > Developers > API keys) and restart." + ref,
                        CashierMessage.Action.FIX_SETTINGS);
            case PERMISSION:
                return new CashierMessage("The " + keyDescription + " may not take payments",
                        "In the Stripe Dashboard (Developers > API keys), give this restricted key the "
                                + "permission 'Checkout Sessions: Write', then try again." + ref,
                        CashierMessage.Action.FIX_SETTINGS);
            case IDEMPOTENCY:
                return new CashierMessage("This payment attempt was already sent with other contents",
                        "Start a new payment for the cart: a new QR code will be made." + ref,
                        CashierMessage.Action.NEW_ATTEMPT);
            case NOT_FOUND:
                return new CashierMessage("Stripe does not know this payment",
                        "The session was not found with the current key. Was the key changed between test and "
                                + "live, or to another account? The sale is kept." + ref,
                        CashierMessage.Action.FIX_SETTINGS);
            case INVALID_REQUEST:
            default:
                return invalidRequest(code, param, technical, currency, ref);
        }
    }

    private CashierMessage invalidRequest(String code, String param, String technical, Currency currency,
            String ref) {
        if (param.startsWith("payment_method_types") && technical.contains("amazon_pay")) {
            return new CashierMessage("Amazon Pay is not turned on for this Stripe account",
                    "Turn it on in the Stripe Dashboard under Settings > Payment methods > Amazon Pay. "
                            + "Meanwhile you can charge this sale by card only.",
                    CashierMessage.Action.CHARGE_CARD_ONLY);
        }
        if (code.equals("amount_too_small")) {
            return tooSmall(currency);
        }
        if (code.equals("amount_too_large")) {
            String maximum = currency == null ? ""
                    : "The most one payment can be is " + format.format(CurrencyFacts.maximumCharge(currency)) + ". ";
            return new CashierMessage("The total is too large for one payment",
                    maximum + "Split the sale into smaller carts.", CashierMessage.Action.CHANGE_CART);
        }
        if (technical.contains("can be expired") || technical.contains("status in")) {
            return new CashierMessage("The payment is no longer open",
                    "It may have just been paid or expired. Checking the payment again.",
                    CashierMessage.Action.CHECK_SESSION);
        }
        if (param.equals("expires_at")) {
            return new CashierMessage("Stripe refused the payment's time limit",
                    "Stripe needs 30 minutes to 24 hours; check checkout.session_lifetime_minutes and the "
                            + "till's clock." + ref, CashierMessage.Action.FIX_SETTINGS);
        }
        if (param.equals("success_url") || param.equals("cancel_url")) {
            return new CashierMessage("Stripe refused the return page address",
                    "Set a full https:// address in checkout." + param + "." + ref,
                    CashierMessage.Action.FIX_SETTINGS);
        }
        if (param.contains("currency") || code.contains("currency")) {
            return new CashierMessage("Stripe cannot charge in this currency",
                    "The account does not accept this currency for these payment methods. Use a catalog in a "
                            + "currency the account supports." + ref, CashierMessage.Action.CHANGE_CART);
        }
        return new CashierMessage("Stripe refused the payment request",
                "The sale is kept. The details are in the log." + ref, CashierMessage.Action.CONTACT_SUPPORT);
    }

    /**
     * Stripe checks its minimum after converting the charge to the account's settlement currency
     * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts): with a settlement currency
     * other than the cart's, the cashier reads which currency the minimum is in.
     */
    private CashierMessage tooSmall(Currency currency) {
        if (settlement.isPresent() && !settlement.get().equals(currency)) {
            Currency settles = settlement.get();
            Message why = CurrencyFacts.minimumCharge(settles)
                    .map(min -> Message.of("stripe.minimum.after_conversion.known", settles.getCurrencyCode(), min))
                    .orElse(Message.of("stripe.minimum.after_conversion", settles.getCurrencyCode()));
            return new CashierMessage("The total is too small to charge", words.text(why),
                    CashierMessage.Action.CHANGE_CART);
        }
        String minimum = Optional.ofNullable(currency).flatMap(CurrencyFacts::minimumCharge)
                .map(m -> "Stripe's minimum is " + format.format(m) + ". ")
                .orElse("The total is below Stripe's minimum charge. ");
        return new CashierMessage("The total is too small to charge",
                minimum + "Add items or take this sale another way.", CashierMessage.Action.CHANGE_CART);
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s == 1 ? "1 second" : s + " seconds";
    }
}
