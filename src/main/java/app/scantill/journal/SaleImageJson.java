package app.scantill.journal;

import app.scantill.money.TaxRate;
import app.scantill.sale.CashTender;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A {@link SaleImage} as JSON text, the form the outbox keeps and the ledger stores beside its columns.
 * Written field by field (times as epoch milliseconds, money as minor units and a currency code) so
 * the text stays readable in a database tool and no reflection decides the format.
 */
public final class SaleImageJson {

    private static final Gson GSON = new Gson();

    private SaleImageJson() {
    }

    public static String encode(SaleImage image) {
        Sale s = image.sale();
        JsonObject sale = new JsonObject();
        sale.addProperty("id", s.id());
        sale.addProperty("register_id", s.registerId());
        sale.addProperty("created_at", s.createdAt().toEpochMilli());
        sale.addProperty("currency", s.currency().getCurrencyCode());
        sale.addProperty("total_minor", s.totalMinor());
        sale.addProperty("state", s.state().name());
        sale.addProperty("attempt", s.attempt());
        sale.addProperty("payment_intent_id", s.paymentIntentId());
        sale.addProperty("payment_method", s.paymentMethod());
        sale.addProperty("updated_at", s.updatedAt().toEpochMilli());
        JsonArray lines = new JsonArray();
        for (SaleLine l : s.lines()) {
            JsonObject line = new JsonObject();
            line.addProperty("sku", l.sku());
            line.addProperty("name", l.name());
            line.addProperty("unit_amount_minor", l.unitAmountMinor());
            line.addProperty("quantity", l.quantity());
            line.addProperty("tax_rate_bp", l.taxRate().basisPoints());
            if (l.discountMinor() != 0) {
                line.addProperty("discount_minor", l.discountMinor());
            }
            lines.add(line);
        }
        sale.add("lines", lines);
        if (!s.discounts().isEmpty()) {
            sale.add("discounts", discounts(s.discounts()));
        }
        JsonArray attempts = new JsonArray();
        for (SaleImage.Attempt a : image.attempts()) {
            JsonObject attempt = new JsonObject();
            attempt.addProperty("number", a.number());
            attempt.addProperty("idempotency_key", a.idempotencyKey());
            attempt.addProperty("session_id", a.sessionId());
            attempt.addProperty("session_expires_at", millis(a.sessionExpiresAt()));
            attempt.addProperty("started_at", a.startedAt().toEpochMilli());
            attempts.add(attempt);
        }
        JsonArray history = new JsonArray();
        for (StateChange c : image.history()) {
            JsonObject change = new JsonObject();
            change.addProperty("at", c.at().toEpochMilli());
            change.addProperty("from", c.from() == null ? null : c.from().name());
            change.addProperty("to", c.to().name());
            change.addProperty("note", c.note());
            history.add(change);
        }
        JsonObject o = new JsonObject();
        o.add("sale", sale);
        o.add("attempts", attempts);
        o.add("history", history);
        if (image.refundsInStore()) {
            o.addProperty("refunds_in_store", true);
        }
        if (image.cash() != null) {
            JsonObject cash = new JsonObject();
            cash.addProperty("tendered_minor", image.cash().tenderedMinor());
            cash.addProperty("change_minor", image.cash().changeMinor());
            cash.addProperty("replaces_sale_id", image.cash().replacesSaleId());
            o.add("cash", cash);
        }
        if (image.takenOverByCash() != null) {
            o.addProperty("taken_over_by_cash", image.takenOverByCash());
        }
        return GSON.toJson(o);
    }

    /** @throws JournalException when the text is not an image this ScanTill wrote */
    public static SaleImage decode(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            JsonObject s = o.getAsJsonObject("sale");
            String id = s.get("id").getAsString();
            List<SaleLine> lines = new ArrayList<>();
            for (JsonElement e : s.getAsJsonArray("lines")) {
                JsonObject l = e.getAsJsonObject();
                // An image written before tax rates or discounts were kept has none: 0 % and nothing off.
                JsonElement rate = l.get("tax_rate_bp");
                JsonElement off = l.get("discount_minor");
                lines.add(new SaleLine(l.get("sku").getAsString(), l.get("name").getAsString(),
                        l.get("unit_amount_minor").getAsLong(), l.get("quantity").getAsInt(),
                        off == null ? 0 : off.getAsLong(),
                        rate == null || rate.isJsonNull() ? TaxRate.ZERO : new TaxRate(rate.getAsInt())));
            }
            List<SaleImage.Attempt> attempts = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("attempts")) {
                JsonObject a = e.getAsJsonObject();
                attempts.add(new SaleImage.Attempt(a.get("number").getAsInt(), a.get("idempotency_key").getAsString(),
                        text(a, "session_id"), instant(a, "session_expires_at"), instant(a, "started_at")));
            }
            List<StateChange> history = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("history")) {
                JsonObject c = e.getAsJsonObject();
                String from = text(c, "from");
                history.add(new StateChange(id, instant(c, "at"), from == null ? null : SaleState.valueOf(from),
                        SaleState.valueOf(c.get("to").getAsString()), text(c, "note")));
            }
            int attempt = s.get("attempt").getAsInt();
            SaleImage.Attempt current = attempts.stream().filter(a -> a.number() == attempt).findFirst()
                    .orElseThrow(() -> new JsonParseException("no attempt " + attempt));
            Sale sale = new Sale(id, s.get("register_id").getAsString(), instant(s, "created_at"),
                    Currency.getInstance(s.get("currency").getAsString()), lines, s.get("total_minor").getAsLong(),
                    SaleState.valueOf(s.get("state").getAsString()), attempt, current.idempotencyKey(),
                    current.sessionId(), current.sessionExpiresAt(), text(s, "payment_intent_id"),
                    text(s, "payment_method"), instant(s, "updated_at"), current.startedAt(),
                    discounts(s.getAsJsonArray("discounts")));
            JsonElement inStore = o.get("refunds_in_store");
            JsonObject c = o.getAsJsonObject("cash");
            CashTender cash = c == null ? null : new CashTender(id, c.get("tendered_minor").getAsLong(),
                    c.get("change_minor").getAsLong(), text(c, "replaces_sale_id"));
            return new SaleImage(sale, attempts, history, inStore != null && inStore.getAsBoolean(), cash,
                    text(o, "taken_over_by_cash"));
        } catch (RuntimeException e) {
            throw new JournalException("A sale image in the outbox or the ledger cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonArray discounts(SaleDiscounts given) {
        JsonArray all = new JsonArray();
        for (AppliedDiscount d : given.entries()) {
            JsonObject o = new JsonObject();
            o.addProperty("line_no", d.lineNo());
            o.addProperty("kind", d.discount().kind().code());
            o.addProperty("value", d.discount().value());
            o.addProperty("reason", d.discount().reason().code());
            o.addProperty("note", d.discount().note());
            o.addProperty("amount_minor", d.amountMinor());
            all.add(o);
        }
        return all;
    }

    /** Images written before discounts existed have none. */
    private static SaleDiscounts discounts(JsonArray all) {
        if (all == null) {
            return SaleDiscounts.NONE;
        }
        List<AppliedDiscount> read = new ArrayList<>();
        for (JsonElement e : all) {
            JsonObject o = e.getAsJsonObject();
            Discount d = new Discount(Discount.Kind.fromCode(o.get("kind").getAsString()), o.get("value").getAsLong(),
                    DiscountReason.fromCode(o.get("reason").getAsString()).orElse(DiscountReason.OTHER),
                    text(o, "note"));
            read.add(new AppliedDiscount(o.get("line_no").getAsInt(), d, o.get("amount_minor").getAsLong()));
        }
        return new SaleDiscounts(read);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Instant instant(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : Instant.ofEpochMilli(e.getAsLong());
    }
}
