package app.scantill.receipt;

import app.scantill.sale.CashTender;
import app.scantill.sale.Refund;
import app.scantill.sale.Sale;
import java.util.List;
import java.util.Objects;

/**
 * What a receipt or a refund slip says, before any layout: the shop, the sale with its lines and payment,
 * its refunds, and the link to the hosted receipt for the QR code.
 *
 * @param refunds every refund of the sale, oldest first (a receipt lists them, a slip names its own)
 * @param slipOf the refund a refund slip is for; null for the sale's receipt
 * @param receiptUrl the hosted receipt (Stripe's {@code receipt_url}); null when none is known: no QR code (a cash
 *     sale never has one: Stripe never saw it)
 * @param cash what was tendered and given back, for a sale paid in cash; null otherwise
 */
public record Receipt(Shop shop, Sale sale, List<Refund> refunds, Refund slipOf, String receiptUrl, CashTender cash) {

    public Receipt {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(sale, "sale");
        refunds = List.copyOf(refunds);
    }

    public static Receipt ofSale(Shop shop, Sale sale, List<Refund> refunds, String receiptUrl) {
        return new Receipt(shop, sale, refunds, null, receiptUrl, null);
    }

    /** The receipt of a sale paid in cash: tendered and change below the total. */
    public static Receipt ofCashSale(Shop shop, Sale sale, CashTender cash) {
        return new Receipt(shop, sale, List.of(), null, null, Objects.requireNonNull(cash, "cash"));
    }

    public static Receipt refundSlip(Shop shop, Sale sale, Refund refund, String receiptUrl) {
        return new Receipt(shop, sale, List.of(refund), refund, receiptUrl, null);
    }

    public boolean isRefundSlip() {
        return slipOf != null;
    }
}
