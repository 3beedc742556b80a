package app.scantill.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * Renders the sandbox's refunds and charges as Stripe's JSON ({@code refund}, {@code charge}), with the
 * fields stripe-java reads; {@link StripeJson} holds the other objects and the shared pieces.
 */
final class RefundJson {

    private RefundJson() {
    }

    static JsonObject refund(SandboxState state, SandboxState.Refund r, Set<String> expand) {
        JsonObject o = StripeJson.object(r.id, "refund");
        o.addProperty("amount", r.amount);
        StripeJson.nulls(o, "balance_transaction");
        if (expand.contains("charge")) {
            o.add("charge", charge(state, state.charges.get(r.charge), null));
        } else {
            o.addProperty("charge", r.charge);
        }
        o.addProperty("created", r.created);
        o.addProperty("currency", r.currency);
        StripeJson.nulls(o, "destination_details");
        if (r.failureReason != null) {
            o.addProperty("failure_reason", r.failureReason);
        }
        o.add("metadata", StripeJson.stringMap(r.metadata));
        if (expand.contains("payment_intent")) {
            o.add("payment_intent", StripeJson.paymentIntent(state, state.paymentIntents.get(r.paymentIntent), false));
        } else {
            o.addProperty("payment_intent", r.paymentIntent);
        }
        o.addProperty("reason", r.reason);
        StripeJson.nulls(o, "receipt_number", "source_transfer_reversal");
        o.addProperty("status", r.status);
        StripeJson.nulls(o, "transfer_reversal");
        return o;
    }

    /**
     * @param publicBase the base of the sandbox's pages for {@code receipt_url}; null leaves the URL out
     *     (a charge inlined in a refund, where the app does not read it)
     */
    static JsonObject charge(SandboxState state, SandboxState.Charge ch, String publicBase) {
        long refunded = SandboxRefunds.refunded(state, ch.id);
        JsonObject o = StripeJson.object(ch.id, "charge");
        o.addProperty("amount", ch.amount);
        o.addProperty("amount_captured", ch.amount);
        o.addProperty("amount_refunded", refunded);
        StripeJson.nulls(o, "application", "application_fee", "application_fee_amount", "balance_transaction");
        JsonObject billing = new JsonObject();
        billing.add("address", StripeJson.nulls(new JsonObject(), "city", "country", "line1", "line2", "postal_code",
                "state"));
        StripeJson.nulls(billing, "email", "name", "phone");
        o.add("billing_details", billing);
        o.addProperty("captured", true);
        o.addProperty("created", ch.created);
        o.addProperty("currency", ch.currency);
        StripeJson.nulls(o, "customer", "description", "failure_code", "failure_message");
        o.addProperty("disputed", ch.disputed);
        o.addProperty("livemode", false);
        o.add("metadata", new JsonObject());
        o.addProperty("paid", true);
        o.addProperty("payment_intent", ch.paymentIntent);
        o.addProperty("payment_method", ch.paymentMethod);
        o.add("payment_method_details", methodDetails(ch));
        StripeJson.nulls(o, "receipt_email");
        o.addProperty("receipt_number", ch.receiptNumber);
        if (publicBase == null) {
            StripeJson.nulls(o, "receipt_url");
        } else {
            o.addProperty("receipt_url", SandboxRefunds.receiptUrl(publicBase, ch));
        }
        o.addProperty("refunded", refunded >= ch.amount);
        o.addProperty("status", "succeeded");
        return o;
    }

    private static JsonObject methodDetails(SandboxState.Charge ch) {
        JsonObject details = new JsonObject();
        if ("card".equals(ch.paymentMethodType)) {
            JsonObject card = new JsonObject();
            // Stripe's well-known test card, as on the payment method.
            card.addProperty("brand", "visa");
            card.addProperty("country", "US");
            card.addProperty("exp_month", 12);
            card.addProperty("exp_year", 2034);
            card.addProperty("funding", "credit");
            card.addProperty("last4", "4242");
            details.add("card", card);
        } else {
            details.add(ch.paymentMethodType, new JsonObject());
        }
        details.addProperty("type", ch.paymentMethodType);
        return details;
    }

    /** An unpaid intent's last decline, as Stripe reports a declined card. */
    static JsonElement lastPaymentError(SandboxState.PaymentIntent pi) {
        if (pi.lastPaymentErrorCode == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject e = new JsonObject();
        e.addProperty("code", pi.lastPaymentErrorCode);
        e.addProperty("decline_code", "generic_decline");
        e.addProperty("message", "Your card was declined.");
        e.addProperty("type", "card_error");
        return e;
    }
}
