package app.scantill.till;

import app.scantill.checkout.GatewayErrorMessages;
import app.scantill.checkout.GatewayException;
import app.scantill.config.StripeKey;
import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains a {@link GatewayException} to a cashier. The technical message stays in the log; this
 * says what happened in shop words, what to do, and gives Stripe's request id as a reference. The
 * words are the bundles' {@code stripe.*} keys, rendered in the reader's language.
 */
public final class CashierMessages implements GatewayErrorMessages {

    private final Message keyDescription;
    private final Optional<Currency> settlement;

    /**
     * @param key the key in use, if any, for "the key ending in 1a2B" (never more than its last 4)
     */
    public CashierMessages(Optional<StripeKey> key) {
        this(key, Optional.empty());
    }

    /**
     * @param settlement the Stripe account's settlement currency ({@code account.settlement_currency}): Stripe
     *     checks its minimum charge after converting to it
     */
    public CashierMessages(Optional<StripeKey> key, Optional<Currency> settlement) {
        this.settlement = settlement;
        this.keyDescription = key.map(k -> Message.of(k.kind() == StripeKey.Kind.RESTRICTED
                ? "stripe.key.restricted" : "stripe.key.secret", k.last4()))
                .orElse(Message.of("stripe.key.unknown"));
    }

    /** The headline and explanation as one text, for the charge flow's status line. */
    @Override
    public Message forCashier(GatewayException failure) {
        CashierMessage m = explain(failure);
        return Message.of("stripe.failure", m.headline(), m.explanation());
    }

    /** For a failure without a cart at hand (polling, cancel). */
    public CashierMessage explain(GatewayException e) {
        return explain(e, null);
    }

    /** @param currency the cart's currency, to state Stripe's minimum when the total is too small */
    public CashierMessage explain(GatewayException e, Currency currency) {
        Optional<String> ref = e.requestId();
        String code = e.code().orElse("");
        String param = e.param().orElse("");
        String technical = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        switch (e.kind()) {
            case NETWORK:
                return say("stripe.network", "stripe.network.explained", Optional.empty(), CashierMessage.Action.RETRY);
            case RATE_LIMITED:
                Message wait = e.retryAfter().map(CashierMessages::seconds).orElse(Message.of("stripe.wait.a_few"));
                return new CashierMessage(Message.of("stripe.rate_limited"),
                        Message.of("stripe.rate_limited.explained", wait), CashierMessage.Action.WAIT_AND_RETRY);
            case SERVER:
                return say("stripe.server", "stripe.server.explained", ref, CashierMessage.Action.RETRY);
            case MALFORMED_RESPONSE:
                return say("stripe.malformed", "stripe.malformed.explained", Optional.empty(),
                        CashierMessage.Action.RETRY);
            case AUTHENTICATION:
                return new CashierMessage(Message.of("stripe.authentication", keyDescription),
                        referenced(Message.of("stripe.authentication.explained"), ref),
                        CashierMessage.Action.FIX_SETTINGS);
            case PERMISSION:
                return new CashierMessage(Message.of("stripe.permission", keyDescription),
                        referenced(Message.of("stripe.permission.explained"), ref), CashierMessage.Action.FIX_SETTINGS);
            case IDEMPOTENCY:
                return say("stripe.idempotency", "stripe.idempotency.explained", ref,
                        CashierMessage.Action.NEW_ATTEMPT);
            case NOT_FOUND:
                return say("stripe.not_found", "stripe.not_found.explained", ref, CashierMessage.Action.FIX_SETTINGS);
            case INVALID_REQUEST:
            default:
                return invalidRequest(code, param, technical, currency, ref);
        }
    }

    private CashierMessage invalidRequest(String code, String param, String technical, Currency currency,
            Optional<String> ref) {
        if (param.startsWith("payment_method_types") && technical.contains("amazon_pay")) {
            return say("stripe.amazon_pay_off", "stripe.amazon_pay_off.explained", Optional.empty(),
                    CashierMessage.Action.CHARGE_CARD_ONLY);
        }
        if (code.equals("amount_too_small")) {
            return tooSmall(currency);
        }
        if (code.equals("amount_too_large")) {
            Message explained = currency == null ? Message.of("stripe.too_large.explained")
                    : Message.of("stripe.too_large.explained_maximum", CurrencyFacts.maximumCharge(currency));
            return new CashierMessage(Message.of("stripe.too_large"), explained, CashierMessage.Action.CHANGE_CART);
        }
        if (technical.contains("can be expired") || technical.contains("status in")) {
            return say("stripe.no_longer_open", "stripe.no_longer_open.explained", Optional.empty(),
                    CashierMessage.Action.CHECK_SESSION);
        }
        if (param.equals("expires_at")) {
            return say("stripe.expires_at", "stripe.expires_at.explained", ref, CashierMessage.Action.FIX_SETTINGS);
        }
        if (param.equals("success_url") || param.equals("cancel_url")) {
            return new CashierMessage(Message.of("stripe.return_url"),
                    referenced(Message.of("stripe.return_url.explained", "checkout." + param), ref),
                    CashierMessage.Action.FIX_SETTINGS);
        }
        if (param.contains("currency") || code.contains("currency")) {
            return say("stripe.currency", "stripe.currency.explained", ref, CashierMessage.Action.CHANGE_CART);
        }
        return say("stripe.refused", "stripe.refused.explained", ref, CashierMessage.Action.CONTACT_SUPPORT);
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
            return new CashierMessage(Message.of("stripe.too_small"), why, CashierMessage.Action.CHANGE_CART);
        }
        Message minimum = Optional.ofNullable(currency).flatMap(CurrencyFacts::minimumCharge)
                .map(m -> Message.of("stripe.too_small.minimum", m))
                .orElse(Message.of("stripe.too_small.below_minimum"));
        return new CashierMessage(Message.of("stripe.too_small"),
                Message.of("stripe.too_small.explained", minimum), CashierMessage.Action.CHANGE_CART);
    }

    private static CashierMessage say(String headline, String explanation, Optional<String> ref,
            CashierMessage.Action action) {
        return new CashierMessage(Message.of(headline), referenced(Message.of(explanation), ref), action);
    }

    /** The explanation followed by Stripe's request id, which Stripe's support asks for. */
    private static Message referenced(Message explanation, Optional<String> requestId) {
        return requestId.map(id -> Message.of("stripe.with_reference", explanation, id)).orElse(explanation);
    }

    private static Message seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return Message.of("stripe.wait.seconds", s);
    }
}
