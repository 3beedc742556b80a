package app.scantill.receipt;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.receipt.ReceiptBlock.Align;
import app.scantill.receipt.ReceiptBlock.Gap;
import app.scantill.receipt.ReceiptBlock.Heading;
import app.scantill.receipt.ReceiptBlock.Qr;
import app.scantill.receipt.ReceiptBlock.Row;
import app.scantill.receipt.ReceiptBlock.Rule;
import app.scantill.receipt.ReceiptBlock.Text;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.TaxBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a {@link Receipt} out as blocks in the reader's language: shop, title, sale, lines, total, payment,
 * the tax included per rate, refunds, the QR code of the hosted receipt. Amounts are
 * formatted by the translator's money format, so every currency shows its own symbol and decimals.
 */
public final class ReceiptLayout {

    private final Translator words;

    public ReceiptLayout(Translator words) {
        this.words = words;
    }

    public List<ReceiptBlock> lay(Receipt receipt) {
        List<ReceiptBlock> b = new ArrayList<>();
        shop(b, receipt.shop());
        if (receipt.isRefundSlip()) {
            slip(b, receipt);
        } else {
            sale(b, receipt);
        }
        if (receipt.receiptUrl() != null) {
            b.add(new Gap());
            b.add(new Qr(receipt.receiptUrl()));
            b.add(centered(text("receipt.scan")));
        }
        b.add(new Gap());
        b.add(centered(text("receipt.thanks")));
        return List.copyOf(b);
    }

    private void shop(List<ReceiptBlock> b, Shop shop) {
        b.add(new Heading(shop.name()));
        shop.addressLines().forEach(line -> b.add(centered(line)));
        if (shop.taxId() != null) {
            b.add(centered(text("receipt.tax_id", shop.taxId())));
        }
        b.add(new Gap());
    }

    private void sale(List<ReceiptBlock> b, Receipt r) {
        Sale sale = r.sale();
        b.add(new Heading(text("receipt.title.sale")));
        b.add(left(text("receipt.sale", sale.id())));
        b.add(left(text("receipt.when", sale.createdAt())));
        b.add(left(text("receipt.register", sale.registerId())));
        b.add(new Rule());
        for (int i = 0; i < sale.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            lineRows(b, sale, line, line.quantity());
            sale.discounts().line(i + 1).ifPresent(d -> b.add(new Row(text("receipt.discount.line",
                    DiscountWords.describe(words, d.discount(), sale.currency())),
                    "−" + money(Money.of(d.amountMinor(), sale.currency())), false)));
        }
        sale.discounts().cart().ifPresent(d -> b.add(new Row(text("receipt.discount.cart",
                DiscountWords.describe(words, d.discount(), sale.currency())),
                "−" + money(Money.of(d.amountMinor(), sale.currency())), false)));
        b.add(new Rule());
        b.add(new Row(text("receipt.total"), money(sale.total()), true));
        if (sale.discountMinor() > 0) {
            b.add(new Row(text("receipt.discount.saved"), money(Money.of(sale.discountMinor(), sale.currency())),
                    false));
        }
        b.add(left(text("receipt.paid_by", methodName(sale.paymentMethod()))));
        if (r.cash() != null) {
            b.add(new Row(text("receipt.tendered"), money(Money.of(r.cash().tenderedMinor(), sale.currency())), false));
            b.add(new Row(text("receipt.change"), money(Money.of(r.cash().changeMinor(), sale.currency())), false));
        }
        b.addAll(taxes(TaxBreakdown.ofSale(sale, r.shop().taxRounding()), "receipt.tax.title"));
        if (!r.refunds().isEmpty()) {
            refunds(b, sale, r.refunds());
        }
    }

    /**
     * The tax included, per rate: net, tax and gross (docs/taxes.md). It sits after the total and the payment, where
     * receipts show their tax breakdown. A document with no tax at all (every line at 0 %, or a sale from before rates
     * were kept) shows none: a shop that charges no tax prints no tax table.
     */
    List<ReceiptBlock> taxes(TaxBreakdown taxes, String title) {
        if (taxes.isTaxFree()) {
            return List.of();
        }
        List<ReceiptBlock> b = new ArrayList<>();
        b.add(new Rule());
        b.add(new Text(text(title), Align.LEFT, true));
        for (TaxBreakdown.RateShare share : taxes.shares()) {
            b.add(left(text("receipt.tax.rate", share.rate().percentText())));
            b.add(new Row("  " + text("receipt.tax.net"), money(Money.of(share.netMinor(), taxes.currency())), false));
            b.add(new Row("  " + text("receipt.tax.tax"), money(Money.of(share.taxMinor(), taxes.currency())), false));
            b.add(new Row("  " + text("receipt.tax.gross"), money(Money.of(share.grossMinor(), taxes.currency())),
                    false));
        }
        return b;
    }

    private void refunds(List<ReceiptBlock> b, Sale sale, List<Refund> refunds) {
        b.add(new Rule());
        b.add(new Text(text("receipt.refunds"), Align.LEFT, true));
        Money refunded = Money.zero(sale.currency());
        for (Refund refund : refunds) {
            b.add(new Row(text("receipt.refund_row", text("receipt.when", refund.createdAt()), status(refund.status())),
                    "−" + money(refund.amount()), false));
            if (refund.status() == RefundStatus.SUCCEEDED) {
                refunded = refunded.plus(refund.amount());
            }
        }
        b.add(new Row(text("receipt.refunded"), "−" + money(refunded), true));
        b.add(new Row(text("receipt.net"), money(sale.total().minus(refunded)), true));
    }

    private void slip(List<ReceiptBlock> b, Receipt r) {
        Sale sale = r.sale();
        Refund refund = r.slipOf();
        b.add(new Heading(text("receipt.title.refund")));
        b.add(left(text("receipt.refund", refund.id())));
        b.add(left(text("receipt.when", refund.createdAt())));
        b.add(left(text("receipt.original_sale", sale.id(), sale.createdAt())));
        b.add(left(text("receipt.register", refund.registerId())));
        b.add(new Rule());
        for (RefundLine line : refund.lines()) {
            if (line.saleLine() <= sale.lines().size()) {
                lineRows(b, sale, sale.lines().get(line.saleLine() - 1), line.quantity());
            }
        }
        if (!refund.lines().isEmpty()) {
            b.add(new Rule());
        }
        b.add(new Row(text("receipt.refund_total"), "−" + money(refund.amount()), true));
        b.add(left(text("receipt.refund_to", methodName(refund.paymentMethod()))));
        b.add(left(text("receipt.reason", words.text("refund.reason." + refund.reason().wireName()))));
        b.add(left(text("receipt.status", status(refund.status()))));
        b.addAll(taxes(TaxBreakdown.ofRefund(sale, refund, r.shop().taxRounding()), "receipt.tax.refund_title"));
    }

    private void lineRows(List<ReceiptBlock> b, Sale sale, SaleLine line, int quantity) {
        Money unit = Money.of(line.unitAmountMinor(), sale.currency());
        b.add(new Row(line.name(), money(unit.times(quantity)), false));
        if (quantity != 1) {
            b.add(left("  " + text("receipt.quantity", quantity, money(unit))));
        }
    }

    private String status(RefundStatus status) {
        return words.text("refund.status." + status.name().toLowerCase(Locale.ROOT));
    }

    private String methodName(String method) {
        String key = "receipt.method." + (method == null ? "unknown" : method);
        return words.knows(key) ? words.text(key) : method;
    }

    private String money(Money amount) {
        return words.moneyFormat().format(amount);
    }

    private String text(String key, Object... args) {
        return words.text(Message.of(key, args));
    }

    private static Text centered(String text) {
        return new Text(text, Align.CENTER, false);
    }

    private static Text left(String text) {
        return new Text(text, Align.LEFT, false);
    }
}
