package app.scantill.ui.cashier;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.cart.CartLine;
import app.scantill.catalog.CatalogLoader;
import app.scantill.money.MoneyFormat;
import app.scantill.ui.cashier.CashierViewModel.NoticeLevel;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CashierViewModelTest {

    private final CashierViewModel model = new CashierViewModel(new Cart(), English.words(),
            new CurrentThreadUiExecutor());

    private void loadSample() {
        model.loadCatalog(() -> new CatalogLoader().load(Path.of("assets", "catalog.csv")));
    }

    @Test
    void loadingTheSampleCatalogShowsProductsCategoriesAndStatus() {
        loadSample();

        assertThat(model.visibleProducts()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(model.categories()).contains("Coffee", "Imported");
        assertThat(model.catalogStatusProperty().get()).startsWith("38 products").contains("catalog.csv");
        assertThat(model.catalogProblems()).isEmpty();
        assertThat(model.catalogLoadingProperty().get()).isFalse();
    }

    @Test
    void missingCatalogStartsEmptyWithAnErrorMessage() {
        model.loadCatalog(() -> new CatalogLoader().load(Path.of("no", "such", "catalog.csv")));

        assertThat(model.visibleProducts()).isEmpty();
        assertThat(model.catalogProblems()).hasSize(1);
        assertThat(model.noticeProperty().get().level()).isEqualTo(NoticeLevel.ERROR);
        assertThat(model.noticeProperty().get().text()).contains("not found");
    }

    @Test
    void aFailingLoaderStillLeavesAWorkingEmptyScreen() {
        model.loadCatalog(() -> {
            throw new IOException("device not ready");
        });

        assertThat(model.catalogProblems()).singleElement()
                .satisfies(p -> assertThat(English.text(p.message())).contains("device not ready"));
        assertThat(model.scan("0850012000013")).isTrue();
        assertThat(model.cartLines()).isEmpty();
    }

    @Test
    void searchAndCategoryNarrowTheProducts() {
        loadSample();

        model.searchTextProperty().set("latte");
        assertThat(model.visibleProducts()).extracting(p -> p.sku()).containsExactly("COF-LAT", "TEA-CHA", "TEA-MAT");
        model.categoryProperty().set("Tea");
        assertThat(model.visibleProducts()).extracting(p -> p.sku()).containsExactly("TEA-CHA", "TEA-MAT");
        assertThat(model.matchingProductCountProperty().get()).isEqualTo(2);
    }

    @Test
    void scannedItemBecomesTheSelectedLine() {
        loadSample();

        model.scan("COF-ESP");
        model.scan("COF-LAT");

        assertThat(model.selectedSkuProperty().get()).isEqualTo("COF-LAT");
        model.selectPrevious();
        model.increaseSelected();
        assertThat(model.cartLines()).extracting(CartLine::quantity).containsExactly(2, 1);
        assertThat(model.totalTextProperty().get()).isEqualTo("$10.75");
        assertThat(model.itemCountTextProperty().get()).isEqualTo("3 items \u00b7 2 lines");
    }

    @Test
    void removingALineSelectsItsNeighbour() {
        loadSample();
        model.scan("COF-ESP");
        model.scan("COF-LAT");
        model.scan("COF-CAP");
        model.selectPrevious();

        model.removeSelected();

        assertThat(model.cartLines()).extracting(CartLine::sku).containsExactly("COF-ESP", "COF-CAP");
        assertThat(model.selectedSkuProperty().get()).isEqualTo("COF-CAP");
    }

    @Test
    void pickingASkuThatIsNotInTheCartKeepsTheSelectedLine() {
        loadSample();
        model.scan("COF-ESP");

        model.select("COF-LAT");
        model.increaseSelected();

        assertThat(model.selectedSkuProperty().get()).isEqualTo("COF-ESP");
        assertThat(model.cartLines()).extracting(CartLine::quantity).containsExactly(2);
    }

    @Test
    void chargeIsRefusedWithTheReasonWhenNotChargeable() {
        loadSample();
        model.scan("MER-STK");
        boolean[] called = {false};
        model.setOnCharge(snapshot -> called[0] = true);

        model.charge();

        assertThat(called[0]).isFalse();
        assertThat(model.noticeProperty().get().text()).isEqualTo("Cannot charge yet: Below Stripe's minimum charge of $0.50");
    }

    @Test
    void completingASaleEmptiesALockedCartAndFreesTheCurrency() {
        loadSample();
        model.scan("COF-ESP");
        model.lockCart();

        model.clearCart();
        assertThat(model.cartLines()).hasSize(1);

        model.completeSale();
        model.unlockCart();
        model.scan("EU-STRW");
        assertThat(model.currencyTextProperty().get()).isEqualTo("EUR");
    }

    @Test
    void blankScanIsIgnoredAndKeepsTheField() {
        loadSample();

        assertThat(model.scan("   ")).isFalse();
        assertThat(model.noticeProperty().get()).isNull();
    }
}
