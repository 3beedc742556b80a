package app.scantill.ui.cashier;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.cart.CartLine;
import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.Product;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a cashier (or a confused barcode scanner) can throw at the scan field and the quantity keys:
 * 10,000 pasted characters, non-digits, negatives, numbers past any integer, control characters.
 * Nothing throws, nothing unknown is added, and the cart stays valid: its total is the sum of its
 * lines and every limit (quantity 1..999, 100 lines, Stripe's maximum total) holds.
 */
class CashierViewModelAbuseTest {

    private static final String CATALOG = String.join("\n",
            "sku,barcode,name,price,currency,category",
            "COF-ESP,0850012000013,Espresso,3.00,USD,Coffee",
            "BIG-1,0850012000020,Espresso machine,999999.99,USD,Equipment",
            "COF-LAT,0850012000037,Caffe Latte,4.75,USD,Coffee",
            "EU-STRW,4006381333931,Stroopwafel Tin,6.90,EUR,Imported",
            "");
    private static final List<String> ABUSE = List.of(
            "0".repeat(10_000), "0850012000013".repeat(800), "-0850012000013", "-1", "+1", "0x1F",
            "99999999999999999999999999999", String.valueOf(Long.MIN_VALUE), "1e308", "NaN", "\u0000", "\u0007\u0008",
            "0850012000013\u0000", "\u202E3100002100580", "08500120000１３", "COF-ESP\r\nBIG-1", "%s%n%x",
            "'; DROP TABLE sales; --", "<script>alert(1)</script>", "\uD800", " ".repeat(5_000),
            "🧾".repeat(3_000));

    private CashierViewModel model;
    private Cart cart;

    @BeforeEach
    void start() {
        cart = new Cart();
        model = new CashierViewModel(cart, English.words(), new CurrentThreadUiExecutor());
        model.showCatalog(new CatalogLoader().parse(CATALOG, "abuse.csv"));
    }

    private void assertCartValid() {
        long sum = 0;
        for (CartLine line : cart.lines()) {
            assertThat(line.quantity()).isBetween(Cart.MIN_QUANTITY, Cart.MAX_QUANTITY);
            sum = Math.addExact(sum, line.lineTotal().minorUnits());
        }
        assertThat(cart.lineCount()).isLessThanOrEqualTo(SaleLine.MAX_PER_SALE);
        if (cart.isEmpty()) {
            assertThat(cart.total()).isEmpty();
        } else {
            assertThat(cart.total().orElseThrow().minorUnits()).isEqualTo(sum).isBetween(0L, Cart.MAX_TOTAL_MINOR);
            assertThat(cart.lines()).allSatisfy(l -> assertThat(l.unitPrice().currency())
                    .isEqualTo(cart.currency().orElseThrow()));
        }
        assertThat(model.cartLines()).containsExactlyElementsOf(cart.lines());
    }

    @Test
    void abusiveScansAddNothingAndSayWhyBriefly() {
        model.scan("0850012000013");
        for (String text : ABUSE) {
            model.scan(text);
            assertCartValid();
            assertThat(model.noticeProperty().get().text()).hasSizeLessThan(300);
        }
        assertThat(cart.lines()).extracting(CartLine::sku).containsExactly("COF-ESP");
        assertThat(cart.line("COF-ESP").orElseThrow().quantity()).isEqualTo(1);
    }

    @Test
    void quantityKeysCannotPushPastTheLimitsOrTheMaximumTotal() {
        model.scan("0850012000013");
        for (int i = 0; i < 1_200; i++) {
            model.increaseSelected();
        }
        assertThat(cart.line("COF-ESP").orElseThrow().quantity()).isEqualTo(Cart.MAX_QUANTITY);
        for (int i = 0; i < 1_200; i++) {
            model.decreaseSelected();
        }
        assertThat(cart.line("COF-ESP").orElseThrow().quantity()).isEqualTo(1);
        model.scan("0850012000020");
        assertThat(cart.line("BIG-1")).as("would pass Stripe's maximum total").isEmpty();
        model.clearCart();
        model.scan("0850012000020");
        for (int i = 0; i < 200; i++) {
            model.increaseSelected();
        }
        assertCartValid();
        assertThat(cart.total().orElseThrow().minorUnits()).isLessThanOrEqualTo(Cart.MAX_TOTAL_MINOR);
        assertThat(model.noticeProperty().get().level()).isEqualTo(CashierViewModel.NoticeLevel.WARNING);
    }

    @Test
    void directQuantityAbuseIsRefusedAndLeavesTheLineAsItWas() {
        model.scan("0850012000013");
        for (int quantity : new int[] {0, -1, -999, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000, 1_000_000}) {
            assertThat(cart.setQuantity("COF-ESP", quantity).accepted()).isFalse();
            Product espresso = cart.line("COF-ESP").orElseThrow().product();
            assertThat(cart.add(espresso, quantity).accepted()).isFalse();
            assertThat(cart.line("COF-ESP").orElseThrow().quantity()).isEqualTo(1);
            assertCartValid();
        }
    }

    @Test
    void randomKeyMashingNeverBreaksTheCart() {
        Random random = new Random(7);
        List<String> codes = List.of("0850012000013", "0850012000020", "0850012000037", "4006381333931", "COF-ESP",
                "cof-lat", " BIG-1 ", "nope");
        for (int i = 0; i < 5_000; i++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> model.scan(codes.get(random.nextInt(codes.size())));
                case 2 -> model.scan(ABUSE.get(random.nextInt(ABUSE.size())));
                case 3 -> model.increaseSelected();
                case 4 -> model.decreaseSelected();
                case 5 -> model.removeSelected();
                case 6 -> {
                    if (random.nextInt(20) == 0) {
                        model.clearCart();
                    } else {
                        model.selectNext();
                    }
                }
                default -> model.searchTextProperty().set(ABUSE.get(random.nextInt(ABUSE.size())));
            }
            assertCartValid();
        }
    }
}
