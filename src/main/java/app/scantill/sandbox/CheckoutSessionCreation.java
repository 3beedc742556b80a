package app.scantill.sandbox;

import app.scantill.text.Texts;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the parameters of {@code POST /v1/checkout/sessions} into a new session, refusing what Stripe
 * refuses with its error envelope. Wording marked "Stripe's wording" was seen from Stripe; every other
 * message says what is wrong in Stripe's style but its exact text is not confirmed.
 */
final class CheckoutSessionCreation {

    static final long MIN_LIFETIME_SECONDS = 30 * 60;
    static final long MAX_LIFETIME_SECONDS = 24 * 60 * 60;
    static final int MAX_METADATA_KEYS = 50;
    static final int MAX_METADATA_KEY_LENGTH = 40;
    static final int MAX_METADATA_VALUE_LENGTH = 500;
    static final int MAX_CLIENT_REFERENCE_ID = 200;

    /** Parameters the sandbox implements. */
    private static final Set<String> SUPPORTED = Set.of(
            "mode", "ui_mode", "success_url", "cancel_url", "line_items", "payment_method_types",
            "expires_at", "metadata", "client_reference_id", "customer_email", "locale", "submit_type",
            "payment_intent_data", "expand");

    /** Real Stripe parameters the sandbox does not implement: refused so nobody believes they work. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of(
            "after_expiration", "allow_promotion_codes", "automatic_tax", "billing_address_collection",
            "consent_collection", "currency", "custom_fields", "custom_text", "customer",
            "customer_creation", "customer_update", "discounts", "invoice_creation",
            "optional_items", "payment_method_collection", "payment_method_configuration",
            "payment_method_data", "payment_method_options", "permissions", "phone_number_collection",
            "redirect_on_completion", "return_url", "saved_payment_method_options", "setup_intent_data",
            "shipping_address_collection", "shipping_options", "subscription_data", "tax_id_collection",
            "wallet_options", "adaptive_pricing", "branding_settings", "name_collection");

    private static final Set<String> PAYMENT_METHOD_TYPES = Set.of("card", "amazon_pay");

    private static final Set<String> PAYMENT_INTENT_DATA_KEYS = Set.of(
            "description", "receipt_email", "statement_descriptor_suffix", "statement_descriptor", "capture_method",
            "setup_future_usage");

    /** https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale */
    private static final List<String> LOCALES = List.of("auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es",
            "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb",
            "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW");

    /** https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-submit_type */
    private static final List<String> SUBMIT_TYPES = List.of("auto", "book", "donate", "pay", "subscribe");

    /** https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-payment_intent_data */
    private static final List<String> CAPTURE_METHODS = List.of("automatic", "automatic_async", "manual");
    private static final List<String> FUTURE_USAGES = List.of("off_session", "on_session");

    private CheckoutSessionCreation() {
    }

    static SandboxState.Session create(FormParams p, Instant now, SandboxAccount account) {
        for (String name : p.topLevelNames()) {
            if (NOT_IMPLEMENTED.contains(name)) {
                throw StripeApiError.invalid("parameter_unknown", name,
                        "Received unknown parameter: " + name
                                + " (a real Stripe parameter that the ScanTill sandbox does not implement)");
            }
            if (!SUPPORTED.contains(name)) {
                throw StripeApiError.unknownParam(name);
            }
        }
        long nowSeconds = now.getEpochSecond();
        SandboxState.Session s = new SandboxState.Session();
        s.created = nowSeconds;
        s.status = "open";
        s.paymentStatus = "unpaid";
        s.mode = mode(p);
        s.uiMode = uiMode(p);
        s.successUrl = url(p, "success_url", true);
        s.cancelUrl = url(p, "cancel_url", false);
        s.paymentMethodTypes = paymentMethodTypes(p);
        s.lineItems = CheckoutLineItems.read(p, nowSeconds, account);
        s.currency = CheckoutLineItems.commonCurrency(s.lineItems);
        checkAmazonPay(s.paymentMethodTypes, s.currency, account);
        long total = total(s.lineItems, s.currency, account);
        s.amountSubtotal = total;
        s.amountTotal = total;
        s.expiresAt = expiresAt(p, nowSeconds);
        s.metadata = metadata(p, "metadata");
        s.clientReferenceId = clientReferenceId(p);
        s.customerEmail = p.nonEmpty("customer_email");
        s.locale = oneOf(p, "locale", LOCALES);
        s.submitType = oneOf(p, "submit_type", SUBMIT_TYPES);
        paymentIntentData(p, s);
        return s;
    }

    private static String mode(FormParams p) {
        String mode = p.required("mode");
        if (!Set.of("payment", "setup", "subscription").contains(mode)) {
            // Stripe's enum refusal names the allowed values; whether it carries a code is not confirmed.
            throw StripeApiError.invalid(null, "mode",
                    "Invalid mode: must be one of payment, setup, or subscription");
        }
        if (!mode.equals("payment")) {
            throw StripeApiError.invalid(null, "mode",
                    "The ScanTill sandbox supports only mode=payment; " + mode + " is a valid Stripe mode it does not implement.");
        }
        return mode;
    }

    private static String uiMode(FormParams p) {
        Optional<String> ui = p.value("ui_mode");
        if (ui.isEmpty()) {
            return "hosted_page";
        }
        if (ui.get().isEmpty()) {
            throw StripeApiError.empty("ui_mode");
        }
        if (!ui.get().equals("hosted_page")) {
            // Under API version 2026-07-29.dahlia the hosted page is "hosted_page"; the old "hosted" fails.
            throw StripeApiError.invalid(null, "ui_mode",
                    "Invalid ui_mode: the ScanTill sandbox supports only hosted_page");
        }
        return "hosted_page";
    }

    private static String url(FormParams p, String name, boolean required) {
        Optional<String> value = p.value(name);
        if (value.isEmpty()) {
            if (required) {
                // Stripe's wording; accounts using the hosted page have been told this.
                throw StripeApiError.missing(name);
            }
            return null;
        }
        if (value.get().isEmpty()) {
            throw StripeApiError.empty(name);
        }
        String url = value.get();
        try {
            // {CHECKOUT_SESSION_ID} is not a legal URI character sequence; Stripe accepts it as a template.
            URI uri = new URI(url.replace("{CHECKOUT_SESSION_ID}", "x"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= 5000) {
                return url;
            }
        } catch (URISyntaxException e) {
            // falls through to the refusal below
        }
        throw StripeApiError.invalid("url_invalid", name, "Not a valid URL");
    }

    private static List<String> paymentMethodTypes(FormParams p) {
        if (p.value("payment_method_types").filter(String::isEmpty).isPresent()) {
            throw StripeApiError.empty("payment_method_types");
        }
        List<String> types = p.array("payment_method_types");
        if (types.isEmpty()) {
            // Stripe would choose methods dynamically from the Dashboard; the sandbox offers card.
            return new ArrayList<>(List.of("card"));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i);
            if (!PAYMENT_METHOD_TYPES.contains(t)) {
                throw StripeApiError.invalid(null, "payment_method_types[" + i + "]",
                        "Invalid payment_method_types[" + i + "]: the ScanTill sandbox supports card and amazon_pay, not '"
                                + Texts.abbreviate(t, 60) + "'");
            }
            if (!result.contains(t)) {
                result.add(t);
            }
        }
        return result;
    }

    /**
     * A value from Stripe's list for the parameter, or null when not sent. Stripe's enum refusal names the
     * allowed values; whether it carries a code is not confirmed.
     */
    private static String oneOf(FormParams p, String name, List<String> allowed) {
        String value = p.nonEmpty(name);
        if (value != null && !allowed.contains(value)) {
            throw StripeApiError.invalid(null, name, "Invalid " + name + ": must be one of "
                    + String.join(", ", allowed.subList(0, allowed.size() - 1)) + ", or " + allowed.get(allowed.size() - 1));
        }
        return value;
    }

    private static void checkAmazonPay(List<String> types, String currency, SandboxAccount account) {
        if (types.contains("amazon_pay") && !account.amazonPay()) {
            // An account that cannot use Amazon Pay (its country, or not turned on): Stripe refuses the type,
            // naming payment_method_types (https://docs.stripe.com/payments/amazon-pay). Its exact wording and
            // code are not confirmed; this follows its message for a type the account has not activated.
            throw StripeApiError.invalid(null, "payment_method_types", "The payment method type provided: amazon_pay "
                    + "is invalid. Please ensure the provided type is activated in your dashboard "
                    + "(https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any "
                    + "preview features that you are trying to use.");
        }
        if (types.contains("amazon_pay")
                && !CurrencyFacts.amazonPaySupports(Currency.getInstance(currency.toUpperCase(Locale.ROOT)))) {
            // Amazon Pay presents only the currencies in CurrencyFacts; Stripe's wording is not confirmed.
            throw StripeApiError.invalid(null, "payment_method_types",
                    "The payment method type amazon_pay does not support the currency " + currency
                            + ". Amazon Pay supports: "
                            + String.join(", ", new java.util.TreeSet<>(CurrencyFacts.amazonPayCurrencies()))
                                    .toLowerCase(Locale.ROOT) + ".");
        }
    }

    /**
     * The session's total in Stripe's units, within Stripe's limits
     * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts): at most 8 digits, and at least
     * the minimum charge of the account's settlement currency once converted to it (the account's rate
     * table), or of the charge's own currency for an account that settles each charge in its own.
     */
    private static long total(List<SandboxState.LineItem> items, String currencyCode, SandboxAccount account) {
        Currency currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
        long total = 0;
        boolean overflow = false;
        for (SandboxState.LineItem li : items) {
            try {
                total = Math.addExact(total, li.amount());
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        MoneyFormat display = new MoneyFormat(Locale.US);
        if (overflow || total > CurrencyFacts.MAX_AMOUNT_MINOR) {
            // Stripe's limit is 8 digits of minor units; the exact message is not confirmed.
            throw StripeApiError.invalid("amount_too_large", null,
                    "The Checkout Session's total amount due must be no more than "
                            + display.format(CurrencyFacts.maximumCharge(currency)) + " " + currencyCode + ".");
        }
        Optional<Money> converted = account.converted(total, currency);
        if (converted.isPresent()) {
            Optional<Money> minimum = CurrencyFacts.minimumCharge(converted.get().currency());
            if (minimum.isPresent() && converted.get().compareTo(minimum.get()) < 0) {
                // Stripe's wording for a charge below the settlement currency's minimum after conversion.
                Money presented = CurrencyFacts.fromStripeAmount(total, currency).orElse(Money.zero(currency));
                throw StripeApiError.invalid("amount_too_small", null, "Amount must convert to at least "
                        + display.format(minimum.get()) + ". " + display.format(presented) + " converts to approximately "
                        + display.format(converted.get()) + ".");
            }
        }
        Optional<Money> minimum = account.settlementCurrency() == null ? CurrencyFacts.minimumCharge(currency)
                : Optional.empty();
        if (minimum.isPresent() && total < CurrencyFacts.toStripeAmount(minimum.get()) || total == 0) {
            // Stripe's wording as reported by accounts; its currency formatting may differ.
            Money min = minimum.orElse(Money.of(1, currency));
            throw StripeApiError.invalid("amount_too_small", null,
                    "The Checkout Session's total amount due must add up to at least " + display.format(min)
                            + " " + currencyCode);
        }
        return total;
    }

    private static long expiresAt(FormParams p, long nowSeconds) {
        if (p.value("expires_at").isEmpty()) {
            return nowSeconds + MAX_LIFETIME_SECONDS;
        }
        long at = p.integer("expires_at", "expires_at", true);
        // Stripe allows 30 minutes to 24 hours after creation; its exact messages are not confirmed.
        if (at < nowSeconds + MIN_LIFETIME_SECONDS) {
            throw StripeApiError.invalid(null, "expires_at",
                    "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
        }
        if (at > nowSeconds + MAX_LIFETIME_SECONDS) {
            throw StripeApiError.invalid(null, "expires_at",
                    "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
        }
        return at;
    }

    /** Stripe's metadata limits; the exact messages are not confirmed. An empty value unsets a key. */
    static Map<String, String> metadata(FormParams p, String name) {
        if (p.value(name).isPresent() && !p.value(name).get().isEmpty()) {
            throw StripeApiError.invalid(null, name, "Invalid object: " + name + " must be a hash of keys and values");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : p.hash(name).entrySet()) {
            String key = e.getKey();
            String param = name + "[" + key + "]";
            if (key.isEmpty()) {
                throw StripeApiError.invalid(null, param, "Metadata keys must not be empty.");
            }
            if (key.contains("[") || key.contains("]")) {
                throw StripeApiError.invalid(null, param, "Metadata keys cannot contain '[' or ']'.");
            }
            if (key.length() > MAX_METADATA_KEY_LENGTH) {
                throw StripeApiError.invalid(null, param, "Metadata keys can have up to "
                        + MAX_METADATA_KEY_LENGTH + " characters, but you passed in a key that is "
                        + key.length() + " characters.");
            }
            if (e.getValue().length() > MAX_METADATA_VALUE_LENGTH) {
                throw StripeApiError.invalid(null, param, "Metadata values can have up to "
                        + MAX_METADATA_VALUE_LENGTH + " characters, but you passed in a value that is "
                        + e.getValue().length() + " characters.");
            }
            if (e.getValue().isEmpty()) {
                result.remove(key);
            } else {
                result.put(key, e.getValue());
            }
        }
        if (result.size() > MAX_METADATA_KEYS) {
            throw StripeApiError.invalid(null, name, "Metadata can have up to " + MAX_METADATA_KEYS
                    + " keys, but you passed in " + result.size() + " keys.");
        }
        return result;
    }

    private static String clientReferenceId(FormParams p) {
        String id = p.nonEmpty("client_reference_id");
        if (id != null && id.length() > MAX_CLIENT_REFERENCE_ID) {
            // Stripe's string-length refusal; the exact text and any code are not confirmed.
            throw StripeApiError.tooLong("client_reference_id", id, MAX_CLIENT_REFERENCE_ID);
        }
        return id;
    }

    private static void paymentIntentData(FormParams p, SandboxState.Session s) {
        if (!p.hasNested("payment_intent_data")) {
            return;
        }
        FormParams pid = p.nested("payment_intent_data");
        for (Map.Entry<String, String> e : pid.entries()) {
            String head = FormParams.head(e.getKey());
            if (!PAYMENT_INTENT_DATA_KEYS.contains(head) && !head.equals("metadata")) {
                throw StripeApiError.unknownParam("payment_intent_data" + FormParams.bracketed(e.getKey()));
            }
        }
        oneOf(pid, "capture_method", CAPTURE_METHODS);
        if ("manual".equals(pid.nonEmpty("capture_method"))) {
            throw StripeApiError.invalid(null, "payment_intent_data[capture_method]", "The ScanTill sandbox captures "
                    + "every payment at once; capture_method=manual is a real Stripe option it does not implement.");
        }
        oneOf(pid, "setup_future_usage", FUTURE_USAGES);
        String descriptor = pid.nonEmpty("statement_descriptor");
        if (descriptor != null && descriptor.length() > 22) {
            throw StripeApiError.tooLong("payment_intent_data[statement_descriptor]", descriptor, 22);
        }
        s.piDescription = pid.value("description").orElse(null);
        if (s.piDescription != null && s.piDescription.length() > 1000) {
            throw StripeApiError.tooLong("payment_intent_data[description]", s.piDescription, 1000);
        }
        s.piReceiptEmail = pid.value("receipt_email").orElse(null);
        s.piStatementDescriptorSuffix = pid.value("statement_descriptor_suffix").orElse(null);
        if (s.piStatementDescriptorSuffix != null && s.piStatementDescriptorSuffix.length() > 22) {
            throw StripeApiError.tooLong("payment_intent_data[statement_descriptor_suffix]",
                    s.piStatementDescriptorSuffix, 22);
        }
        try {
            s.piMetadata = metadata(pid, "metadata");
        } catch (StripeApiError e) {
            throw StripeApiError.invalid(e.code(), "payment_intent_data[" + e.param().replaceFirst("\\[", "]["),
                    e.getMessage());
        }
    }
}
