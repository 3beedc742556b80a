package app.scantill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.English;
import app.scantill.money.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview of an import counts what merge and replace would add, change, remove and refuse; applying writes it. */
class CatalogImportTest {

    /** Espresso repriced, Mug unchanged, Tea new, a bad row, and a Cookie with the Latte's barcode. */
    private static final String IMPORT = "sku,barcode,name,price,currency,category\n"
            + "COF-ESP,0850012000013,Espresso,3.10,USD,Coffee\n"
            + "MUG-01,0850012000020,Mug,12.00,USD,Merch\n"
            + "TEA-GRN,0850012000051,Green tea,3.00,USD,Tea\n"
            + "BAD,1,Bad,1.00,USD,\n"
            + "COOKIE,0850012000037,Cookie,2.00,USD,Bakery\n";

    @TempDir
    Path dir;

    private Catalog current() {
        return new CatalogLoader().parse(CatalogStoreTest.FILE, "current.csv").catalog();
    }

    private CatalogLoadResult imported() {
        return new CatalogLoader().parse(IMPORT, "import.csv");
    }

    @Test
    void aMergeAddsNewSkusUpdatesExistingOnesAndRefusesBadRowsAndTakenBarcodes() {
        CatalogImport preview = CatalogImport.preview(current(), imported(), CatalogImport.Mode.MERGE);

        assertThat(preview.added()).extracting(Product::sku).containsExactly("TEA-GRN");
        assertThat(preview.changed()).singleElement().satisfies(change -> {
            assertThat(change.before().price()).isEqualTo(Money.of(300, "USD"));
            assertThat(change.after().price()).isEqualTo(Money.of(310, "USD"));
        });
        assertThat(preview.removed()).isEmpty();
        assertThat(preview.unchanged()).isEqualTo(1);
        assertThat(preview.refused()).hasSize(2);
        assertThat(English.text(preview.refused().get(0).describe())).startsWith("line 5: ");
        assertThat(English.text(preview.refused().get(1).describe())).contains("COOKIE").contains("COF-LAT");
    }

    @Test
    void aReplaceRemovesWhatTheImportDoesNotName() {
        CatalogImport preview = CatalogImport.preview(current(), imported(), CatalogImport.Mode.REPLACE);

        assertThat(preview.added()).extracting(Product::sku).containsExactly("TEA-GRN", "COOKIE");
        assertThat(preview.changed()).hasSize(1);
        assertThat(preview.removed()).extracting(Product::sku).containsExactly("COF-LAT");
        assertThat(preview.refused()).hasSize(1);
    }

    @Test
    void applyingAMergeOrAReplaceWritesWhatThePreviewSaid() throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, CatalogStoreTest.FILE);
        CatalogStore store = CatalogStore.at(file);
        Catalog before = store.load().catalog();

        CatalogImport merge = CatalogImport.preview(before, imported(), CatalogImport.Mode.MERGE);
        Catalog merged = store.save(merge.edit(before)).saved().orElseThrow().catalog();
        assertThat(merged.products()).extracting(Product::sku).containsExactly("COF-ESP", "COF-LAT", "MUG-01",
                "TEA-GRN");
        assertThat(Files.readString(file)).contains("BAD-ROW,123,Broken,x,USD,\r\n");

        CatalogImport replace = CatalogImport.preview(merged, imported(), CatalogImport.Mode.REPLACE);
        Catalog replaced = store.save(replace.edit(merged)).saved().orElseThrow().catalog();
        assertThat(replaced.products()).extracting(Product::sku).containsExactly("COF-ESP", "MUG-01", "TEA-GRN",
                "COOKIE");
        assertThat(new CatalogLoader().load(file).problems()).as("the replaced file holds only the import's rows")
                .isEmpty();
    }
}
