package app.scantill.checkout;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.sale.SaleState;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Every sentence the charge flow says to the cashier, in one place, as {@link Message}s of the bundles'
 * {@code charge.*} keys (Stripe's refusals are worded by {@link GatewayErrorMessages}). The screens
 * render them in their reader's language; the journal's notes and the log get them in English.
 */
final class ChargeWording {

    static final Message JOURNAL_DOWN = Message.of("charge.journal_down");
    static final Message STILL_CANCELLING = Message.of("charge.still_cancelling");
    static final Message CANCELLING_WAITS_FOR_CREATE = Message.of("charge.cancelling_waits_for_create");
    static final Message CANCELLING_CHECKS = Message.of("charge.cancelling_checks");
    static final Message STILL_CHECKING = Message.of("charge.still_checking");
    static final Message CONNECTION_LOST = Message.of("charge.connection_lost");
    static final Message CANCEL_NOT_RECORDED = Message.of("charge.cancel_not_recorded", JOURNAL_DOWN);
    static final Message CANCEL_RESULT_NOT_RECORDED = Message.of("charge.cancel_result_not_recorded", JOURNAL_DOWN);
    static final Message RESULT_NOT_RECORDED = Message.of("charge.result_not_recorded", JOURNAL_DOWN);
    static final Message PAID_BEFORE_CANCEL = Message.of("charge.paid_before_cancel");
    static final Message CHECKING_SALE = Message.of("charge.checking_sale");
    static final Message CHECKING_CHARGE = Message.of("charge.checking_charge");
    static final Message CHECKING_PAYMENT = Message.of("charge.checking_payment");
    static final Message MARKED_WITHOUT_SESSION = Message.of("charge.marked_without_session");
    static final Message SEEN_WITHOUT_SESSION = Message.of("charge.seen_without_session");
    static final Message UNEXPECTED_SALE_KEPT = Message.of("charge.unexpected_sale_kept");
    static final Message UNEXPECTED_NOTHING_CHARGED = Message.of("charge.unexpected_nothing_charged");
    static final Message STILL_BUSY = Message.of("charge.still_busy");

    /** The journal's notes and the log are read by the people who run the till, and grepped: English. */
    private static final Translator ENGLISH = Translator.forLocale(Locale.ENGLISH, ZoneOffset.UTC);

    private ChargeWording() {
    }

    /** {@code message} as the journal's note and the log write it. */
    static String inEnglish(Message message) {
        return ENGLISH.text(message);
    }

    /** One sentence after another (a language that sets no space between sentences writes none). */
    static Message andThen(Message first, Message second) {
        return Message.of("charge.two_sentences", first, second);
    }

    static Message notRecordedAs(SaleState state) {
        return Message.of("charge.not_recorded_as", state.label(), JOURNAL_DOWN);
    }

    static Message cannotAsk(Message why) {
        return Message.of("charge.cannot_ask", why);
    }

    static Message cannotResend(Message why) {
        return Message.of("charge.cannot_resend", why);
    }

    static Message statusRefused(Message why) {
        return Message.of("charge.status_refused", why);
    }

    static Message cancelRefused(Message why) {
        return Message.of("charge.cancel_refused", why);
    }

    static Message unexpectedEnd(SessionSnapshot session) {
        return Message.of("charge.unexpected_end", String.valueOf(session.status()),
                String.valueOf(session.paymentStatus()));
    }

    static Message unexpectedCancelEnd(SessionSnapshot session) {
        return Message.of("charge.unexpected_cancel_end", String.valueOf(session.status()),
                String.valueOf(session.paymentStatus()));
    }

    static Message otherCurrency(Money stripe, String saleCurrency) {
        return Message.of("charge.other_currency", stripe.currencyCode(), saleCurrency);
    }

    static Message otherAmount(Money stripe, Money sale) {
        return Message.of("charge.other_amount", stripe, sale);
    }
}
