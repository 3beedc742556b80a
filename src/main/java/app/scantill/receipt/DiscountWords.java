package app.scantill.receipt;

import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.sale.Discount;
import java.util.Currency;

/**
 * A discount in a reader's words, the same on the cart, the receipt and in History: "−10 % (Loyalty)",
 * "−0,50 € (Damaged: dented)".
 */
public final class DiscountWords {

    private DiscountWords() {
    }

    public static String describe(Translator words, Discount d, Currency currency) {
        String amount = d.kind() == Discount.Kind.PERCENT
                ? words.text("discount.label.percent", new TaxRate((int) d.value()).percentText())
                : words.text("discount.label.amount", words.moneyFormat().format(Money.of(d.value(), currency)));
        String why = words.text(d.reason().messageKey());
        return d.note().isEmpty() ? words.text("discount.description", amount, why)
                : words.text("discount.description.note", amount, why, d.note());
    }
}
