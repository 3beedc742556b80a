package app.scantill.journal;

import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A {@link Refund} as JSON text, the form the outbox keeps and the ledger stores beside its columns; written field
 * by field like {@link SaleImageJson} (times as epoch milliseconds, money as minor units and a currency code).
 */
public final class RefundJson {

    private static final Gson GSON = new Gson();

    private RefundJson() {
    }

    public static String encode(Refund r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("sale_id", r.saleId());
        o.addProperty("register_id", r.registerId());
        o.addProperty("created_at", r.createdAt().toEpochMilli());
        o.addProperty("currency", r.currency().getCurrencyCode());
        o.addProperty("amount_minor", r.amountMinor());
        o.addProperty("reason", r.reason().name());
        JsonArray lines = new JsonArray();
        for (RefundLine l : r.lines()) {
            JsonObject line = new JsonObject();
            line.addProperty("sale_line", l.saleLine());
            line.addProperty("quantity", l.quantity());
            lines.add(line);
        }
        o.add("lines", lines);
        o.addProperty("payment_intent_id", r.paymentIntentId());
        o.addProperty("payment_method", r.paymentMethod());
        o.addProperty("idempotency_key", r.idempotencyKey());
        o.addProperty("status", r.status().name());
        o.addProperty("stripe_refund_id", r.stripeRefundId());
        o.addProperty("failure_reason", r.failureReason());
        o.addProperty("updated_at", r.updatedAt().toEpochMilli());
        o.addProperty("store_decides", r.storeDecides());
        return GSON.toJson(o);
    }

    /** @throws JournalException when the text is not a refund this ScanTill wrote */
    public static Refund decode(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            List<RefundLine> lines = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("lines")) {
                JsonObject l = e.getAsJsonObject();
                lines.add(new RefundLine(l.get("sale_line").getAsInt(), l.get("quantity").getAsInt()));
            }
            return new Refund(o.get("id").getAsString(), o.get("sale_id").getAsString(),
                    o.get("register_id").getAsString(), Instant.ofEpochMilli(o.get("created_at").getAsLong()),
                    Currency.getInstance(o.get("currency").getAsString()), o.get("amount_minor").getAsLong(),
                    RefundReason.valueOf(o.get("reason").getAsString()), lines, text(o, "payment_intent_id"),
                    text(o, "payment_method"), o.get("idempotency_key").getAsString(),
                    RefundStatus.valueOf(o.get("status").getAsString()), text(o, "stripe_refund_id"),
                    text(o, "failure_reason"), Instant.ofEpochMilli(o.get("updated_at").getAsLong()),
                    o.get("store_decides").getAsBoolean());
        } catch (RuntimeException e) {
            throw new JournalException("A refund in the outbox or the ledger cannot be read: " + e.getMessage(), e);
        }
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
