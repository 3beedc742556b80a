package app.scantill.cart;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.catalog.Catalog;
import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogLoader;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.sale.SaleLine;
import app.scantill.sale.TaxBreakdown;
import app.scantill.sale.TaxBreakdown.RateShare;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * From the catalog's tax_rate column to the tax a receipt shows: a EUR bakery at 7 % and 19 %, a coffee without a
 * rate of its own taking the till's default, a gift card at 0 % (test catalog eur-taxes.csv).
 */
class TaxedCatalogTest {

    private static Catalog bakery() throws Exception {
        try (InputStream in = TaxedCatalogTest.class.getResourceAsStream("/app/scantill/catalog/eur-taxes.csv")) {
            CatalogLoadResult loaded = new CatalogLoader().parse(in.readAllBytes(), "eur-taxes.csv");
            assertThat(loaded.problems()).isEmpty();
            return loaded.catalog();
        }
    }

    @Test
    void aBasketFromTheCatalogCarriesEachProductsRateToTheSaleAndItsTax() throws Exception {
        Catalog catalog = bakery();
        Cart cart = new Cart(Optional.empty(), new TaxRate(1900));
        cart.add(catalog.bySku("COF-BNS").orElseThrow(), 3);
        cart.add(catalog.find("4006381000017").orElseThrow());
        cart.add(catalog.bySku("BAK-MLK").orElseThrow());
        cart.add(catalog.bySku("BOK-CKB").orElseThrow());
        cart.add(catalog.bySku("COF-CUP").orElseThrow());
        cart.add(catalog.bySku("GFT-CRD").orElseThrow());

        CartSnapshot snapshot = cart.snapshot().orElseThrow();

        assertThat(snapshot.lines()).extracting(SaleLine::sku, SaleLine::taxRate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COF-BNS", new TaxRate(1900)),
                org.assertj.core.groups.Tuple.tuple("BAK-BRD", new TaxRate(700)),
                org.assertj.core.groups.Tuple.tuple("BAK-MLK", new TaxRate(700)),
                org.assertj.core.groups.Tuple.tuple("BOK-CKB", new TaxRate(700)),
                org.assertj.core.groups.Tuple.tuple("COF-CUP", new TaxRate(1900)),
                org.assertj.core.groups.Tuple.tuple("GFT-CRD", TaxRate.ZERO));
        TaxBreakdown taxes = TaxBreakdown.of(snapshot.currency(), snapshot.lines(), TaxRounding.PER_LINE);
        // 19 %: 8.97 -> 1.43 and 2.80 -> 0.45 (0.4471); 7 % as in docs/taxes.md; the gift card carries none
        assertThat(taxes.shares()).containsExactly(new RateShare(TaxRate.ZERO, 1000, 0),
                new RateShare(new TaxRate(700), 1763, 116), new RateShare(new TaxRate(1900), 1177, 188));
        assertThat(taxes.gross()).isEqualTo(snapshot.total());
    }
}
