package app.scantill.checkout;

import app.scantill.money.Money;
import app.scantill.sale.SaleState;

/**
 * Every sentence the charge flow shows the cashier, in one place (Stripe's refusals are worded by
 * {@link GatewayErrorMessages}). English only for now; kept together so that moving them to resource
 * bundles is one change.
 */
final class ChargeWording {

    static final String JOURNAL_DOWN =
            "Payments cannot be taken: the sales journal cannot write. Check the disk, then restart ScanTill.";
    static final String STILL_CANCELLING =
            "Connection lost — still trying to cancel. The customer could still pay: keep the goods.";
    static final String CANCELLING_WAITS_FOR_CREATE = "Cancelling: waiting for Stripe to answer the charge.";
    static final String CANCELLING_CHECKS = "Cancelling: checking with Stripe.";
    static final String STILL_CHECKING = "Stripe cannot be reached; still checking the sale.";
    static final String CONNECTION_LOST = "Connection lost — still waiting for the payment.";
    static final String CANCEL_NOT_RECORDED =
            "The cancel could not be recorded, so the QR code stays up. " + JOURNAL_DOWN;
    static final String CANCEL_RESULT_NOT_RECORDED = "The result could not be recorded. " + JOURNAL_DOWN;
    static final String RESULT_NOT_RECORDED =
            "The result could not be recorded; still trying. Do not hand over goods yet. " + JOURNAL_DOWN;
    static final String PAID_BEFORE_CANCEL =
            "The customer paid before the cancel reached Stripe: the money was taken.";
    static final String CHECKING_SALE = "Checking the sale with Stripe.";
    static final String CHECKING_CHARGE = "Checking the interrupted charge with Stripe.";
    static final String CHECKING_PAYMENT = "Checking the payment with Stripe.";
    static final String MARKED_WITHOUT_SESSION =
            "This sale was marked for a check and has no Stripe session. A supervisor should look at it.";
    static final String SEEN_WITHOUT_SESSION = "Stripe has seen this charge before but no session for it was found.";
    static final String UNEXPECTED_SALE_KEPT = "Something unexpected went wrong; the sale is kept in the journal.";
    static final String UNEXPECTED_NOTHING_CHARGED = "Something unexpected went wrong; nothing was charged.";

    private ChargeWording() {
    }

    static String notRecordedAs(SaleState state) {
        return "The sale could not be recorded as " + state + ". " + JOURNAL_DOWN;
    }

    static String cannotAsk(String why) {
        return "Stripe could not be asked about this sale (" + why + ")";
    }

    static String cannotResend(String why) {
        return "The interrupted sale can no longer be sent to Stripe (" + why + ").";
    }

    static String statusRefused(String why) {
        return "Stripe will not tell the state of this payment (" + why + ")";
    }

    static String cancelRefused(String why) {
        return "The cancel could not be completed (" + why + ")";
    }

    static String unexpectedEnd(SessionSnapshot session) {
        return "Stripe says the payment session ended as " + session.status() + "/" + session.paymentStatus()
                + ", which ScanTill does not expect.";
    }

    static String unexpectedCancelEnd(SessionSnapshot session) {
        return "The cancelled session ended as " + session.status() + "/" + session.paymentStatus()
                + ", which ScanTill does not expect.";
    }

    static String otherCurrency(Money stripe, String saleCurrency) {
        return "Stripe's session is in " + stripe.currencyCode() + " but the sale is in " + saleCurrency + ".";
    }

    static String otherAmount(Money stripe, Money sale) {
        return "Stripe's session is for " + stripe + " but the sale totals " + sale + ".";
    }
}
