package app.scantill.checkout;

import app.scantill.i18n.Message;
import app.scantill.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * What start-up recovery found and did, for the cashier: one entry (and one sentence) per unfinished
 * sale it looked at, e.g. "Sale S-20261129-0427-K3F9 paid while ScanTill was closed: $12.50 (Amazon Pay)".
 * Immutable.
 *
 * @param entries one per sale, newest first
 */
public record RecoverySummary(List<Entry> entries) {

    /** How a sale came out of recovery. */
    public enum Outcome {
        /** Stripe says it was paid (while ScanTill was closed, or a cancel lost the race): journaled PAID, once. */
        PAID,
        /** Its session ran out unpaid: journaled EXPIRED; the cart may be charged again. */
        EXPIRED,
        /** A cancel that was under way finished: journaled CANCELLED, no money taken. */
        CANCELLED,
        /** Still open on Stripe while a newer sale took the screen: expired (journal first), no money taken. */
        WITHDRAWN,
        /** Still open on Stripe: its QR code is back on screen and polled again. */
        RESUMED,
        /** Something a person must look at; the sale and its session id are kept. */
        NEEDS_ATTENTION,
        /** Stripe could not be reached: the sale stays as journaled and recovery keeps trying. */
        WAITING_FOR_STRIPE
    }

    /**
     * @param amount the sale's total
     * @param paymentMethod {@code amazon_pay}, {@code card}, ... for PAID when known, otherwise null
     * @param sessionId the Checkout Session the outcome rests on, when known
     * @param sentence what to tell the cashier
     */
    public record Entry(String saleId, Outcome outcome, Money amount, String paymentMethod, String sessionId,
            Message sentence) {
    }

    public RecoverySummary {
        entries = List.copyOf(entries);
    }

    public static RecoverySummary empty() {
        return new RecoverySummary(List.of());
    }

    /** Nothing was unfinished: nothing to tell the cashier. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int count(Outcome outcome) {
        return (int) entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** Some sales could not be checked because Stripe could not be reached; recovery tries again later. */
    public boolean stripeUnreachable() {
        return count(Outcome.WAITING_FOR_STRIPE) > 0;
    }

    /** The sale whose QR code recovery put back on screen, if any. */
    public Optional<String> resumedSaleId() {
        return entries.stream().filter(e -> e.outcome() == Outcome.RESUMED).map(Entry::saleId).findFirst();
    }

    public Optional<Entry> entry(String saleId) {
        return entries.stream().filter(e -> e.saleId().equals(saleId)).findFirst();
    }

    /** One sentence per sale, newest first. */
    public List<Message> sentences() {
        return entries.stream().map(Entry::sentence).toList();
    }

    /** A one-line heading for the summary, e.g. "ScanTill checked 3 unfinished sales: 1 paid, 2 expired." */
    public Message headline() {
        if (entries.isEmpty()) {
            return Message.of("recovery.none");
        }
        List<Message> parts = new java.util.ArrayList<>();
        for (Outcome o : Outcome.values()) {
            int n = count(o);
            if (n > 0) {
                parts.add(Message.of("recovery.count." + o.name().toLowerCase(java.util.Locale.ROOT), n));
            }
        }
        Message head = Message.of("recovery.headline", entries.size(), parts);
        return stripeUnreachable() ? Message.of("recovery.headline_keeps_trying", head) : head;
    }
}
