package app.scantill.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders sandbox state as Stripe's JSON objects ({@code checkout.session}, {@code payment_intent},
 * {@code payment_method}, {@code item}, {@code list}), with the fields stripe-java deserializes and
 * nulls where Stripe sends null.
 */
final class StripeJson {

    static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private StripeJson() {
    }

    static JsonObject session(SandboxState state, SandboxState.Session s, String publicBase, Set<String> expand) {
        JsonObject o = object(s.id, "checkout.session");
        nulls(o, "adaptive_pricing", "after_expiration", "allow_promotion_codes");
        o.addProperty("amount_subtotal", s.amountSubtotal);
        o.addProperty("amount_total", s.amountTotal);
        o.add("automatic_tax", nulls(disabled(), "liability", "status"));
        nulls(o, "billing_address_collection");
        o.addProperty("cancel_url", s.cancelUrl);
        o.addProperty("client_reference_id", s.clientReferenceId);
        nulls(o, "client_secret", "consent", "consent_collection");
        o.addProperty("created", s.created);
        o.addProperty("currency", s.currency);
        o.add("custom_fields", new JsonArray());
        nulls(o, "customer");
        o.addProperty("customer_creation", "if_required");
        o.add("customer_details", customerDetails(s));
        o.addProperty("customer_email", s.customerEmail);
        o.add("discounts", new JsonArray());
        o.addProperty("expires_at", s.expiresAt);
        nulls(o, "invoice");
        if (expand.contains("line_items")) {
            o.add("line_items", list("/v1/checkout/sessions/" + s.id + "/line_items",
                    s.lineItems.stream().map(StripeJson::lineItem).toList(), false));
        }
        o.addProperty("livemode", false);
        o.addProperty("locale", s.locale);
        o.add("metadata", stringMap(s.metadata));
        o.addProperty("mode", s.mode);
        o.add("payment_intent", sessionPaymentIntent(state, s, expand));
        nulls(o, "payment_link");
        o.addProperty("payment_method_collection", "if_required");
        o.add("payment_method_types", strings(s.paymentMethodTypes));
        o.addProperty("payment_status", s.paymentStatus);
        o.add("phone_number_collection", disabled());
        nulls(o, "recovered_from", "setup_intent", "shipping_address_collection", "shipping_cost");
        o.add("shipping_options", new JsonArray());
        o.addProperty("status", s.status);
        o.addProperty("submit_type", s.submitType);
        nulls(o, "subscription");
        o.addProperty("success_url", s.successUrl);
        JsonObject totals = new JsonObject();
        totals.addProperty("amount_discount", 0);
        totals.addProperty("amount_shipping", 0);
        totals.addProperty("amount_tax", 0);
        o.add("total_details", totals);
        o.addProperty("ui_mode", s.uiMode);
        o.addProperty("url", "open".equals(s.status) ? payUrl(publicBase, s) : null);
        return o;
    }

    static String payUrl(String publicBase, SandboxState.Session s) {
        return publicBase + "/c/pay/" + s.id + "#" + s.urlFragment;
    }

    /** The session's payment intent: null until paid, then its id, or the object when expanded. */
    private static JsonElement sessionPaymentIntent(SandboxState state, SandboxState.Session s, Set<String> expand) {
        if (s.paymentIntent == null) {
            return JsonNull.INSTANCE;
        }
        if (expand.contains("payment_intent")) {
            return paymentIntent(state, state.paymentIntents.get(s.paymentIntent),
                    expand.contains("payment_intent.payment_method"));
        }
        return new JsonPrimitive(s.paymentIntent);
    }

    private static JsonElement customerDetails(SandboxState.Session s) {
        if (!"complete".equals(s.status)) {
            return JsonNull.INSTANCE;
        }
        JsonObject d = nulls(new JsonObject(), "address");
        d.addProperty("email", s.customerEmail);
        nulls(d, "name", "phone");
        d.addProperty("tax_exempt", "none");
        d.add("tax_ids", new JsonArray());
        return d;
    }

    static JsonObject paymentIntent(SandboxState state, SandboxState.PaymentIntent pi, boolean expandMethod) {
        return paymentIntent(state, pi, expandMethod ? Set.of("payment_method") : Set.of(), null);
    }

    /**
     * @param expand {@code payment_method} and/or {@code latest_charge}
     * @param publicBase the base of the charge's receipt URL when {@code latest_charge} is expanded
     */
    static JsonObject paymentIntent(SandboxState state, SandboxState.PaymentIntent pi, Set<String> expand,
            String publicBase) {
        boolean expandMethod = expand.contains("payment_method");
        JsonObject o = object(pi.id, "payment_intent");
        o.addProperty("amount", pi.amount);
        o.addProperty("amount_capturable", 0);
        o.addProperty("amount_received", pi.succeeded() ? pi.amount : 0);
        nulls(o, "application", "application_fee_amount", "canceled_at", "cancellation_reason");
        o.addProperty("capture_method", "automatic");
        o.addProperty("client_secret", pi.clientSecret);
        o.addProperty("confirmation_method", "automatic");
        o.addProperty("created", pi.created);
        o.addProperty("currency", pi.currency);
        nulls(o, "customer");
        o.addProperty("description", pi.description);
        o.add("last_payment_error", RefundJson.lastPaymentError(pi));
        if (pi.latestCharge == null) {
            nulls(o, "latest_charge");
        } else if (expand.contains("latest_charge")) {
            o.add("latest_charge", RefundJson.charge(state, state.charges.get(pi.latestCharge), publicBase));
        } else {
            o.addProperty("latest_charge", pi.latestCharge);
        }
        o.addProperty("livemode", false);
        o.add("metadata", stringMap(pi.metadata));
        nulls(o, "next_action", "on_behalf_of");
        if (expandMethod && pi.paymentMethod != null) {
            o.add("payment_method", paymentMethod(state.paymentMethods.get(pi.paymentMethod)));
        } else {
            o.addProperty("payment_method", pi.paymentMethod);
        }
        o.add("payment_method_types", strings(List.of(pi.paymentMethodType)));
        o.addProperty("receipt_email", pi.receiptEmail);
        nulls(o, "setup_future_usage", "shipping", "statement_descriptor");
        o.addProperty("statement_descriptor_suffix", pi.statementDescriptorSuffix);
        o.addProperty("status", pi.succeeded() ? "succeeded" : pi.status);
        nulls(o, "transfer_data", "transfer_group");
        return o;
    }

    static JsonObject paymentMethod(SandboxState.PaymentMethod pm) {
        JsonObject o = object(pm.id, "payment_method");
        JsonObject billing = new JsonObject();
        billing.add("address", nulls(new JsonObject(), "city", "country", "line1", "line2", "postal_code", "state"));
        nulls(billing, "email", "name", "phone");
        o.add("billing_details", billing);
        if (pm.type.equals("card")) {
            JsonObject card = new JsonObject();
            // Stripe's well-known test card, so a receipt or log line looks like a test payment.
            card.addProperty("brand", "visa");
            card.addProperty("country", "US");
            card.addProperty("exp_month", 12);
            card.addProperty("exp_year", 2034);
            card.addProperty("funding", "credit");
            card.addProperty("last4", "4242");
            o.add("card", card);
        } else {
            o.add(pm.type, new JsonObject());
        }
        o.addProperty("created", pm.created);
        nulls(o, "customer");
        o.addProperty("livemode", false);
        o.add("metadata", new JsonObject());
        o.addProperty("type", pm.type);
        return o;
    }

    static JsonObject lineItem(SandboxState.LineItem li) {
        JsonObject o = object(li.id, "item");
        o.addProperty("amount_discount", 0);
        o.addProperty("amount_subtotal", li.amount());
        o.addProperty("amount_tax", 0);
        o.addProperty("amount_total", li.amount());
        o.addProperty("currency", li.currency);
        o.addProperty("description", li.name);
        o.add("price", price(li));
        o.addProperty("quantity", li.quantity);
        return o;
    }

    /** The one-time price Stripe makes for a {@code price_data} line. */
    private static JsonObject price(SandboxState.LineItem li) {
        JsonObject price = object(li.priceId, "price");
        price.addProperty("active", false);
        price.addProperty("billing_scheme", "per_unit");
        price.addProperty("created", li.created);
        price.addProperty("currency", li.currency);
        nulls(price, "custom_unit_amount");
        price.addProperty("livemode", false);
        nulls(price, "lookup_key");
        price.add("metadata", new JsonObject());
        nulls(price, "nickname");
        price.addProperty("product", li.productId);
        nulls(price, "recurring");
        price.addProperty("tax_behavior", "unspecified");
        nulls(price, "tiers_mode", "transform_quantity");
        price.addProperty("type", "one_time");
        price.addProperty("unit_amount", li.unitAmount);
        price.addProperty("unit_amount_decimal", Long.toString(li.unitAmount));
        return price;
    }

    static JsonObject list(String url, List<JsonObject> data, boolean hasMore) {
        JsonObject o = new JsonObject();
        o.addProperty("object", "list");
        JsonArray arr = new JsonArray();
        data.forEach(arr::add);
        o.add("data", arr);
        o.addProperty("has_more", hasMore);
        o.addProperty("url", url);
        return o;
    }

    static JsonObject error(StripeApiError e, String requestId) {
        JsonObject err = new JsonObject();
        if (e.code() != null) {
            err.addProperty("code", e.code());
        }
        err.addProperty("message", e.getMessage());
        if (e.param() != null) {
            err.addProperty("param", e.param());
        }
        err.addProperty("type", e.type());
        JsonObject o = new JsonObject();
        o.add("error", err);
        return o;
    }

    /** A Stripe object's first two fields. */
    static JsonObject object(String id, String type) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("object", type);
        return o;
    }

    /** Fields Stripe sends as null: the sandbox has no such feature, but the client expects the field. */
    static JsonObject nulls(JsonObject o, String... names) {
        for (String name : names) {
            o.add(name, JsonNull.INSTANCE);
        }
        return o;
    }

    /** A feature Stripe reports as {@code {"enabled": false}}. */
    private static JsonObject disabled() {
        JsonObject o = new JsonObject();
        o.addProperty("enabled", false);
        return o;
    }

    static JsonObject stringMap(Map<String, String> map) {
        JsonObject o = new JsonObject();
        if (map != null) {
            map.forEach(o::addProperty);
        }
        return o;
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
