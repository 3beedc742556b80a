package app.scantill.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
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
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id);
        o.addProperty("object", "checkout.session");
        o.add("adaptive_pricing", JsonNull.INSTANCE);
        o.add("after_expiration", JsonNull.INSTANCE);
        o.add("allow_promotion_codes", JsonNull.INSTANCE);
        o.addProperty("amount_subtotal", s.amountSubtotal);
        o.addProperty("amount_total", s.amountTotal);
        JsonObject tax = new JsonObject();
        tax.addProperty("enabled", false);
        tax.add("liability", JsonNull.INSTANCE);
        tax.add("status", JsonNull.INSTANCE);
        o.add("automatic_tax", tax);
        o.add("billing_address_collection", JsonNull.INSTANCE);
        o.addProperty("cancel_url", s.cancelUrl);
        o.addProperty("client_reference_id", s.clientReferenceId);
        o.add("client_secret", JsonNull.INSTANCE);
        o.add("consent", JsonNull.INSTANCE);
        o.add("consent_collection", JsonNull.INSTANCE);
        o.addProperty("created", s.created);
        o.addProperty("currency", s.currency);
        o.add("custom_fields", new JsonArray());
        o.add("customer", JsonNull.INSTANCE);
        o.addProperty("customer_creation", "if_required");
        o.add("customer_details", customerDetails(s));
        o.addProperty("customer_email", s.customerEmail);
        o.add("discounts", new JsonArray());
        o.addProperty("expires_at", s.expiresAt);
        o.add("invoice", JsonNull.INSTANCE);
        if (expand.contains("line_items")) {
            o.add("line_items", list("/v1/checkout/sessions/" + s.id + "/line_items",
                    s.lineItems.stream().map(StripeJson::lineItem).toList(), false));
        }
        o.addProperty("livemode", false);
        o.addProperty("locale", s.locale);
        o.add("metadata", stringMap(s.metadata));
        o.addProperty("mode", s.mode);
        if (s.paymentIntent == null) {
            o.add("payment_intent", JsonNull.INSTANCE);
        } else if (expand.contains("payment_intent")) {
            o.add("payment_intent", paymentIntent(state, state.paymentIntents.get(s.paymentIntent),
                    expand.contains("payment_intent.payment_method")));
        } else {
            o.addProperty("payment_intent", s.paymentIntent);
        }
        o.add("payment_link", JsonNull.INSTANCE);
        o.addProperty("payment_method_collection", "if_required");
        o.add("payment_method_types", strings(s.paymentMethodTypes));
        o.addProperty("payment_status", s.paymentStatus);
        JsonObject phone = new JsonObject();
        phone.addProperty("enabled", false);
        o.add("phone_number_collection", phone);
        o.add("recovered_from", JsonNull.INSTANCE);
        o.add("setup_intent", JsonNull.INSTANCE);
        o.add("shipping_address_collection", JsonNull.INSTANCE);
        o.add("shipping_cost", JsonNull.INSTANCE);
        o.add("shipping_options", new JsonArray());
        o.addProperty("status", s.status);
        o.addProperty("submit_type", s.submitType);
        o.add("subscription", JsonNull.INSTANCE);
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

    private static com.google.gson.JsonElement customerDetails(SandboxState.Session s) {
        if (!"complete".equals(s.status)) {
            return JsonNull.INSTANCE;
        }
        JsonObject d = new JsonObject();
        d.add("address", JsonNull.INSTANCE);
        d.addProperty("email", s.customerEmail);
        d.add("name", JsonNull.INSTANCE);
        d.add("phone", JsonNull.INSTANCE);
        d.addProperty("tax_exempt", "none");
        d.add("tax_ids", new JsonArray());
        return d;
    }

    static JsonObject paymentIntent(SandboxState state, SandboxState.PaymentIntent pi, boolean expandMethod) {
        JsonObject o = new JsonObject();
        o.addProperty("id", pi.id);
        o.addProperty("object", "payment_intent");
        o.addProperty("amount", pi.amount);
        o.addProperty("amount_capturable", 0);
        o.addProperty("amount_received", pi.amount);
        o.add("application", JsonNull.INSTANCE);
        o.add("application_fee_amount", JsonNull.INSTANCE);
        o.add("canceled_at", JsonNull.INSTANCE);
        o.add("cancellation_reason", JsonNull.INSTANCE);
        o.addProperty("capture_method", "automatic");
        o.addProperty("client_secret", pi.clientSecret);
        o.addProperty("confirmation_method", "automatic");
        o.addProperty("created", pi.created);
        o.addProperty("currency", pi.currency);
        o.add("customer", JsonNull.INSTANCE);
        o.addProperty("description", pi.description);
        o.add("last_payment_error", JsonNull.INSTANCE);
        // The sandbox creates no Charge objects: latest_charge stays null, as Stripe allows.
        o.add("latest_charge", JsonNull.INSTANCE);
        o.addProperty("livemode", false);
        o.add("metadata", stringMap(pi.metadata));
        o.add("next_action", JsonNull.INSTANCE);
        o.add("on_behalf_of", JsonNull.INSTANCE);
        if (expandMethod) {
            o.add("payment_method", paymentMethod(state.paymentMethods.get(pi.paymentMethod)));
        } else {
            o.addProperty("payment_method", pi.paymentMethod);
        }
        o.add("payment_method_types", strings(List.of(pi.paymentMethodType)));
        o.addProperty("receipt_email", pi.receiptEmail);
        o.add("setup_future_usage", JsonNull.INSTANCE);
        o.add("shipping", JsonNull.INSTANCE);
        o.add("statement_descriptor", JsonNull.INSTANCE);
        o.addProperty("statement_descriptor_suffix", pi.statementDescriptorSuffix);
        o.addProperty("status", "succeeded");
        o.add("transfer_data", JsonNull.INSTANCE);
        o.add("transfer_group", JsonNull.INSTANCE);
        return o;
    }

    static JsonObject paymentMethod(SandboxState.PaymentMethod pm) {
        JsonObject o = new JsonObject();
        o.addProperty("id", pm.id);
        o.addProperty("object", "payment_method");
        JsonObject billing = new JsonObject();
        JsonObject address = new JsonObject();
        for (String f : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
            address.add(f, JsonNull.INSTANCE);
        }
        billing.add("address", address);
        billing.add("email", JsonNull.INSTANCE);
        billing.add("name", JsonNull.INSTANCE);
        billing.add("phone", JsonNull.INSTANCE);
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
        o.add("customer", JsonNull.INSTANCE);
        o.addProperty("livemode", false);
        o.add("metadata", new JsonObject());
        o.addProperty("type", pm.type);
        return o;
    }

    static JsonObject lineItem(SandboxState.LineItem li) {
        JsonObject o = new JsonObject();
        o.addProperty("id", li.id);
        o.addProperty("object", "item");
        o.addProperty("amount_discount", 0);
        o.addProperty("amount_subtotal", li.amount());
        o.addProperty("amount_tax", 0);
        o.addProperty("amount_total", li.amount());
        o.addProperty("currency", li.currency);
        o.addProperty("description", li.name);
        JsonObject price = new JsonObject();
        price.addProperty("id", li.priceId);
        price.addProperty("object", "price");
        price.addProperty("active", false);
        price.addProperty("billing_scheme", "per_unit");
        price.addProperty("created", li.created);
        price.addProperty("currency", li.currency);
        price.add("custom_unit_amount", JsonNull.INSTANCE);
        price.addProperty("livemode", false);
        price.add("lookup_key", JsonNull.INSTANCE);
        price.add("metadata", new JsonObject());
        price.add("nickname", JsonNull.INSTANCE);
        price.addProperty("product", li.productId);
        price.add("recurring", JsonNull.INSTANCE);
        price.addProperty("tax_behavior", "unspecified");
        price.add("tiers_mode", JsonNull.INSTANCE);
        price.add("transform_quantity", JsonNull.INSTANCE);
        price.addProperty("type", "one_time");
        price.addProperty("unit_amount", li.unitAmount);
        price.addProperty("unit_amount_decimal", Long.toString(li.unitAmount));
        o.add("price", price);
        o.addProperty("quantity", li.quantity);
        return o;
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

    private static JsonObject stringMap(Map<String, String> map) {
        JsonObject o = new JsonObject();
        if (map != null) {
            map.forEach(o::addProperty);
        }
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
