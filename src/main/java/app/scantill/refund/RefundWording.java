package app.scantill.refund;

import app.scantill.checkout.GatewayException;
import app.scantill.i18n.Message;
import app.scantill.journal.RefundRefusedException;
import app.scantill.money.Money;
import app.scantill.sale.Refund;

/**
 * The sentences of the refund flow, as {@link Message}s (keys {@code refund.*} of the bundles): what the
 * cashier reads at each step and how every refusal, the journal's and Stripe's, is explained.
 */
final class RefundWording {

    private RefundWording() {
    }

    static Message recording(Money amount) {
        return Message.of("refund.progress.recording", amount);
    }

    static Message sending(Money amount) {
        return Message.of("refund.progress.sending", amount);
    }

    static Message retrying(Money amount) {
        return Message.of("refund.progress.retrying", amount);
    }

    static Message checking(Money amount) {
        return Message.of("refund.progress.checking", amount);
    }

    static Message reserving(Money amount) {
        return Message.of("refund.progress.reserving", amount);
    }

    /** Waiting for the sale's register to hand its refunds to the store; {@code seller} null when not known yet. */
    static Message handover(Money amount, String seller) {
        return seller == null ? Message.of("refund.progress.handover_unknown", amount)
                : Message.of("refund.progress.handover", amount, seller);
    }

    /** The store ledger could not be reached for a refund started now: it was refused, nothing sent. */
    static Message storeUnreachable() {
        return Message.of("refund.refused.store_unreachable");
    }

    /** The store ledger could not be reached for a refund taken up again: it may have been sent; it waits. */
    static Message storeUnreachableWaiting(Money amount) {
        return Message.of("refund.stopped.store_unreachable", amount);
    }

    static Message of(Refund r) {
        return switch (r.status()) {
            case REQUESTED -> sending(r.amount());
            case PENDING -> Message.of("refund.progress.pending", r.amount());
            case REQUIRES_ACTION -> Message.of("refund.progress.requires_action", r.amount());
            case SUCCEEDED -> Message.of("refund.progress.succeeded", r.amount());
            case FAILED -> Message.of("refund.progress.failed", r.amount(), String.valueOf(r.failureReason()));
            case CANCELED -> Message.of("refund.progress.canceled", r.amount());
            case REFUSED -> Message.of("refund.progress.refused", r.amount());
        };
    }

    static Message unreachable(Money amount) {
        return Message.of("refund.stopped.unreachable", amount);
    }

    static Message unrecorded(Money amount) {
        return Message.of("refund.stopped.unrecorded", amount);
    }

    static Message notJournaled() {
        return Message.of("refund.stopped.not_journaled");
    }

    /** The journal's refusal, in the cashier's words. */
    static Message refusedByJournal(RefundRefusedException e) {
        return switch (e.why()) {
            case SALE_NOT_PAID -> Message.of("refund.refused.not_paid");
            case NO_PAYMENT_INTENT -> Message.of("refund.refused.no_payment_intent");
            case NOTHING_LEFT -> Message.of("refund.refused.nothing_left");
            case MORE_THAN_LEFT -> Message.of("refund.refused.more_than_left", e.left().orElseThrow());
            case LINE_UNITS -> Message.of("refund.refused.line_units");
            case LINE_AMOUNT -> Message.of("refund.refused.line_amount");
            case DUPLICATE -> Message.of("refund.refused.duplicate");
            case SELLER_AWAY -> e.register().isPresent()
                    ? Message.of("refund.refused.seller_away", e.register().get())
                    : Message.of("refund.refused.seller_unknown");
            case NOT_THIS_REGISTER -> Message.of("refund.refused.not_this_register", e.register().orElse("?"));
        };
    }

    /** Stripe's refusal of a refund, in the cashier's words; Stripe's own text stays in the log. */
    static Message refusedByStripe(GatewayException e) {
        String code = e.code().orElse("");
        return switch (e.kind()) {
            case PERMISSION -> Message.of("refund.stripe.permission");
            case AUTHENTICATION -> Message.of("refund.stripe.authentication");
            case NOT_FOUND -> Message.of("refund.stripe.no_payment");
            case IDEMPOTENCY -> Message.of("refund.stripe.idempotency");
            default -> switch (code) {
                case "charge_already_refunded" -> Message.of("refund.stripe.already_refunded");
                case "amount_too_large" -> Message.of("refund.stripe.amount_too_large");
                case "charge_disputed" -> Message.of("refund.stripe.disputed");
                case "resource_missing" -> Message.of("refund.stripe.no_payment");
                default -> Message.of("refund.stripe.refused");
            };
        };
    }
}
