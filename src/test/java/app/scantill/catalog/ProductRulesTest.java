package app.scantill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.English;
import app.scantill.i18n.Message;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule refuses at its own field, with words a shop owner can act on. */
class ProductRulesTest {

    private static final ProductDraft GOOD = new ProductDraft("COF-ESP", "0850012000013", "Espresso", "3.00", "USD",
            "Coffee", "");

    private static String problemAt(ProductDraft draft, ProductField field) {
        ProductRules.Check check = ProductRules.check(draft, ProductRules.Taken.NOTHING);
        assertThat(check.passed()).isFalse();
        assertThat(check.problems()).containsOnlyKeys(field);
        return English.text(check.problems().get(field));
    }

    @Test
    void aGoodDraftBecomesTheProduct() {
        ProductRules.Check check = ProductRules.check(new ProductDraft(" COF-ESP ", "0850012000013", "Espresso",
                "3.50", "eur", "Coffee", "7.7"), ProductRules.Taken.NOTHING);
        assertThat(check.product()).contains(Product.of("COF-ESP", "0850012000013", "Espresso", Money.of(350, "EUR"),
                "Coffee", TaxRate.parsePercent("7.7").orElseThrow()));
        assertThat(ProductDraft.of(check.product().orElseThrow()).price()).isEqualTo("3.50");
    }

    @Test
    void eachRuleRefusesAtItsField() {
        assertThat(problemAt(draft(ProductField.SKU, "a b"), ProductField.SKU)).contains("may use only");
        assertThat(problemAt(draft(ProductField.BARCODE, "0850012000014"), ProductField.BARCODE))
                .contains("check digit 4, expected 3");
        assertThat(problemAt(draft(ProductField.BARCODE, "085001200001"), ProductField.BARCODE)).contains("12 digits");
        assertThat(problemAt(draft(ProductField.NAME, " "), ProductField.NAME)).contains("name is missing");
        assertThat(problemAt(draft(ProductField.PRICE, "1000000.00"), ProductField.PRICE)).contains("maximum");
        assertThat(problemAt(draft(ProductField.PRICE, "1.005"), ProductField.PRICE)).contains("more than 2 decimals");
        assertThat(problemAt(new ProductDraft("S", "0850012000013", "N", "500.50", "ISK", "", ""), ProductField.PRICE))
                .contains("ISK");
        assertThat(problemAt(new ProductDraft("S", "0850012000013", "N", "5.5", "UGX", "", ""), ProductField.PRICE))
                .contains("UGX");
        assertThat(problemAt(draft(ProductField.CURRENCY, "KWD"), ProductField.CURRENCY)).contains("three decimals");
        assertThat(problemAt(draft(ProductField.CURRENCY, "XYZ"), ProductField.CURRENCY)).contains("unknown currency");
        assertThat(problemAt(draft(ProductField.TAX_RATE, "120"), ProductField.TAX_RATE)).contains("percentage");
    }

    @Test
    void aTakenSkuOrBarcodeIsRefusedAtItsField() {
        ProductRules.Taken taken = new ProductRules.Taken() {
            @Override
            public Optional<Message> sku(String sku) {
                return Optional.of(Message.of("catalog.editor.sku_taken", sku, "Latte"));
            }

            @Override
            public Optional<Message> barcode(String barcode) {
                return Optional.of(Message.of("catalog.editor.barcode_taken", barcode, "Latte"));
            }
        };
        ProductRules.Check check = ProductRules.check(GOOD, taken);
        assertThat(check.problems()).containsOnlyKeys(ProductField.SKU, ProductField.BARCODE);
        assertThat(English.text(check.problems().get(ProductField.SKU))).contains("Latte");
    }

    private static ProductDraft draft(ProductField field, String value) {
        return new ProductDraft(field == ProductField.SKU ? value : GOOD.sku(),
                field == ProductField.BARCODE ? value : GOOD.barcode(), field == ProductField.NAME ? value : GOOD.name(),
                field == ProductField.PRICE ? value : GOOD.price(),
                field == ProductField.CURRENCY ? value : GOOD.currency(),
                field == ProductField.CATEGORY ? value : GOOD.category(),
                field == ProductField.TAX_RATE ? value : GOOD.taxRate());
    }
}
