package app.scantill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalogs the README tells people to start with load whole, with no problem to report. */
class SampleCatalogsTest {

    private final CatalogLoader loader = new CatalogLoader();

    @Test
    void theCafeSampleLoadsEveryRow() {
        CatalogLoadResult result = loader.load(Path.of("assets/catalog.csv"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().size()).isEqualTo(38);
    }

    @Test
    void theStallSampleGivesEveryProductItsVatRate() {
        CatalogLoadResult result = loader.load(Path.of("assets/stall-catalog.csv"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().products()).hasSize(12)
                .allSatisfy(p -> assertThat(p.price().currency().getCurrencyCode()).isEqualTo("EUR"))
                .allSatisfy(p -> assertThat(p.taxRate()).isPresent());
        Product croissant = result.catalog().bySku("STL-CROI").orElseThrow();
        assertThat(croissant.price()).isEqualTo(Money.of(240, "EUR"));
        assertThat(croissant.taxRate()).contains(new TaxRate(700));
        assertThat(result.catalog().bySku("STL-TOTE").orElseThrow().taxRate()).contains(new TaxRate(1900));
    }
}
