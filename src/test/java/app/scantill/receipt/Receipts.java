package app.scantill.receipt;

import app.scantill.money.TaxRate;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** Sales and refunds for receipt tests, as the journal would return them. */
public final class Receipts {

    public static final Instant SOLD = Instant.parse("2026-08-03T09:15:00Z");
    public static final Shop SHOP = new Shop("Corner Coffee", List.of("1 Main Street", "Springfield"), "DE123456789");
    public static final String URL = "http://127.0.0.1:9/c/receipt/"
            + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz01";

    private Receipts() {
    }

    public static Sale paidSale(String currency, List<SaleLine> lines, String method) {
        long total = lines.stream().mapToLong(SaleLine::chargedMinor).sum();
        return new Sale("S-20260803-0915-K3F9QZ", "till-1", SOLD, Currency.getInstance(currency), lines, total,
                SaleState.PAID, 1, "scantill-S-1-a1", "cs_test_1", null, "pi_1", method, SOLD, SOLD);
    }

    public static Sale coffeeSale() {
        return paidSale("USD", List.of(new SaleLine("SKU-1", "Flat white", 450, 2),
                new SaleLine("SKU-2", "Croissant", 325, 1)), "card");
    }

    /** The EUR basket of docs/taxes.md: coffee beans at 19 %, bread, milk and a book at 7 %. */
    public static Sale bakerySale() {
        return paidSale("EUR", List.of(
                new SaleLine("COFFEE", "Coffee beans", 299, 3, 0, new TaxRate(1900)),
                new SaleLine("BREAD", "Bread", 349, 1, 0, new TaxRate(700)),
                new SaleLine("MILK", "Milk", 119, 1, 0, new TaxRate(700)),
                new SaleLine("BOOK", "Book", 1295, 1, 0, new TaxRate(700))), "card");
    }

    public static Refund refund(Sale sale, String id, long amount, RefundStatus status, RefundLine... lines) {
        return new Refund(id, sale.id(), sale.registerId(), SOLD.plusSeconds(600), sale.currency(), amount,
                RefundReason.REQUESTED_BY_CUSTOMER, List.of(lines), sale.paymentIntentId(), sale.paymentMethod(),
                "scantill-refund-" + id, status, "re_" + id, null, SOLD.plusSeconds(601), false);
    }
}
