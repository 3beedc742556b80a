package app.scantill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static Product product(String sku, String twelveDigits, String name, String category) {
        String barcode = twelveDigits + Ean13.checkDigit(twelveDigits);
        return Product.of(sku, barcode, name, Money.of(100, "USD"), category);
    }

    private final Catalog catalog = new Catalog(List.of(
            product("COF-LAT", "085001200003", "Caffe Latte", "Coffee"),
            product("TEA-MAT", "085001200009", "Matcha Latte", "Tea"),
            product("BAK-CRO", "085001200011", "Butter Croissant", "Bakery"),
            product("MER-MUG", "085001200025", "Mug", null)));

    @Test
    void skuLookupIgnoresLetterCaseAndSurroundingSpace() {
        assertThat(catalog.bySku(" cof-lat ")).map(Product::name).contains("Caffe Latte");
        assertThat(catalog.find("tea-mat")).map(Product::name).contains("Matcha Latte");
    }

    @Test
    void barcodeLookupFindsTheProduct() {
        String barcode = catalog.bySku("BAK-CRO").orElseThrow().barcode();
        assertThat(catalog.find(barcode)).map(Product::sku).contains("BAK-CRO");
        assertThat(catalog.find("0000000000000")).isEmpty();
        assertThat(catalog.find("  ")).isEmpty();
    }

    @Test
    void searchMatchesEveryWordInNameOrSku() {
        assertThat(catalog.search("latte", null)).extracting(Product::sku).containsExactly("COF-LAT", "TEA-MAT");
        assertThat(catalog.search("LATTE mat", null)).extracting(Product::sku).containsExactly("TEA-MAT");
        assertThat(catalog.search("bak-", null)).extracting(Product::sku).containsExactly("BAK-CRO");
        assertThat(catalog.search("", null)).hasSize(4);
    }

    @Test
    void searchCanBeLimitedToACategory() {
        assertThat(catalog.search("latte", "coffee")).extracting(Product::sku).containsExactly("COF-LAT");
        assertThat(catalog.search("", "Bakery")).extracting(Product::sku).containsExactly("BAK-CRO");
    }

    @Test
    void categoriesAreListedOnceInAlphabeticalOrder() {
        assertThat(catalog.categories()).containsExactly("Bakery", "Coffee", "Tea");
    }

    @Test
    void searchOverTenThousandProductsFindsTheRightOnes() {
        List<Product> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String twelve = String.format("20%010d", i);
            many.add(product("SKU-" + i, twelve, "Item number " + i, i % 2 == 0 ? "Even" : "Odd"));
        }
        Catalog big = new Catalog(many);

        assertThat(big.search("number 9999", null)).extracting(Product::sku).containsExactly("SKU-9999");
        assertThat(big.search("item", "Odd")).hasSize(5_000);
        assertThat(big.find("sku-1234")).map(Product::name).contains("Item number 1234");
    }

    @Test
    void ean13CheckDigitMatchesPublishedExample() {
        assertThat(Ean13.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Ean13.isValid("4006381333931")).isTrue();
        assertThat(Ean13.isValid("4006381333932")).isFalse();
    }
}
