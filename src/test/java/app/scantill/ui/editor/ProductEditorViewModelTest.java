package app.scantill.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.catalog.Catalog;
import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.CatalogStore;
import app.scantill.catalog.Product;
import app.scantill.catalog.ProductField;
import app.scantill.config.ManagerPin;
import app.scantill.i18n.English;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's commands end to end through the file (add, edit, retire, read back with the loader) and
 * each refusal at its field, with the till's catalog following every save.
 */
class ProductEditorViewModelTest {

    private static final String FILE = "sku,barcode,name,price,currency,category\n"
            + "COF-ESP,0850012000013,Espresso,3.00,EUR,Coffee\n"
            + "COF-LAT,0850012000037,Caffe Latte,4.75,EUR,Coffee\n";

    @TempDir
    Path dir;

    private Path file;
    private final ReadOnlyObjectWrapper<Catalog> till = new ReadOnlyObjectWrapper<>(Catalog.empty());
    private ProductEditorViewModel model;

    private static final FilePicker NO_FILES = new FilePicker() {
        @Override
        public Optional<Path> fileToImport(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> fileToExport(Window owner) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("catalog.csv");
        Files.writeString(file, FILE);
        model = editor(Optional.empty());
    }

    private ProductEditorViewModel editor(Optional<ManagerPin> pin) {
        CatalogStore store = CatalogStore.at(file);
        till.set(store.load().catalog());
        return new ProductEditorViewModel(new ProductEditing(store, pin, NO_FILES), till.getReadOnlyProperty(),
                (CatalogLoadResult saved) -> till.set(saved.catalog()), English.words(), new CurrentThreadUiExecutor());
    }

    private void fill(String sku, String barcode, String name, String price, String currency, String taxRate) {
        ProductForm form = model.form();
        form.text(ProductField.SKU).set(sku);
        form.text(ProductField.BARCODE).set(barcode);
        form.text(ProductField.NAME).set(name);
        form.text(ProductField.PRICE).set(price);
        form.text(ProductField.CURRENCY).set(currency);
        form.text(ProductField.TAX_RATE).set(taxRate);
    }

    private String problem(ProductField field) {
        return model.form().problem(field).get();
    }

    private Catalog readBack() {
        return new CatalogLoader().load(file).catalog();
    }

    @Test
    void aNewProductIsAddedToTheFileAndTheTillAndAnEditAndARetireFollow() {
        model.newProduct();
        assertThat(model.form().text(ProductField.CURRENCY).get()).as("the catalog's currency").isEqualTo("EUR");
        fill("TEA-GRN", "0850012000051", "Green tea", "2.80", "EUR", "7");
        model.save();

        Product tea = Product.of("TEA-GRN", "0850012000051", "Green tea", Money.of(280, "EUR"), "",
                TaxRate.parsePercent("7").orElseThrow());
        assertThat(readBack().bySku("TEA-GRN")).contains(tea);
        assertThat(till.get().bySku("TEA-GRN")).contains(tea);
        assertThat(model.messageProperty().get()).isEqualTo("Saved TEA-GRN. The till sells at the new price now.");
        assertThat(model.products()).extracting(Product::sku).containsExactly("COF-ESP", "COF-LAT", "TEA-GRN");

        model.select(till.get().bySku("COF-LAT").orElseThrow());
        model.form().text(ProductField.NAME).set("Latte");
        model.save();
        assertThat(readBack().bySku("COF-LAT").orElseThrow().name()).isEqualTo("Latte");

        model.retire();
        assertThat(model.messageProperty().get()).isEqualTo("Press Retire again to remove COF-LAT from the catalog file.");
        assertThat(readBack().bySku("COF-LAT")).as("asked, not yet retired").isPresent();
        model.retire();
        assertThat(readBack().products()).extracting(Product::sku).containsExactly("COF-ESP", "TEA-GRN");
        assertThat(till.get().bySku("COF-LAT")).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Retired COF-LAT: it is no longer in the catalog.");
        assertThat(model.editingExistingProperty().get()).as("the form is empty again").isFalse();
    }

    @Test
    void eachBrokenRuleIsRefusedAtItsFieldAndNothingIsWritten() throws Exception {
        model.newProduct();
        fill("COF-esp", "0850012000037", "", "1000000.00", "EUR", "7,777");
        model.save();

        assertThat(problem(ProductField.SKU)).isEqualTo("SKU COF-esp is already used by Espresso");
        assertThat(problem(ProductField.BARCODE)).isEqualTo("barcode 0850012000037 is already used by Caffe Latte (COF-LAT)");
        assertThat(problem(ProductField.NAME)).isEqualTo("name is missing");
        assertThat(problem(ProductField.PRICE)).startsWith("price 1000000.00 EUR is above Stripe's maximum");
        assertThat(problem(ProductField.TAX_RATE)).startsWith("tax rate \"7,777\" is not a percentage");
        assertThat(problem(ProductField.CURRENCY)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(FILE);

        fill("X-1", "0850012000014", "X", "3", "KWD", "");
        assertThat(problem(ProductField.BARCODE)).as("the messages follow the typing")
                .isEqualTo("barcode 0850012000014 has check digit 4, expected 3");
        assertThat(problem(ProductField.CURRENCY)).startsWith("KWD has three decimals");
        assertThat(problem(ProductField.NAME)).isEmpty();

        fill("X-1", "0850012000051", "X", "500.5", "ISK", "");
        assertThat(problem(ProductField.PRICE)).isEqualTo("price 500.5 has decimals, but ISK has no minor unit");
    }

    @Test
    void editingAProductKeepsItsOwnSkuAndBarcodeFreeAndAnUnchangedSaveWritesNothing() throws Exception {
        model.select(till.get().bySku("COF-ESP").orElseThrow());
        model.save();

        assertThat(problem(ProductField.SKU)).isEmpty();
        assertThat(problem(ProductField.BARCODE)).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Nothing to save: COF-ESP is as it was.");
        assertThat(Files.exists(Paths.get(file + ".bak"))).as("no save, no backup").isFalse();
    }

    @Test
    void withAManagerPinNothingCanBeSavedUntilItIsEntered() {
        model = editor(Optional.of(ManagerPin.hash("2468".toCharArray())));
        assertThat(model.lockedProperty().get()).isTrue();
        model.newProduct();
        fill("TEA-GRN", "0850012000051", "Green tea", "2.80", "EUR", "");
        model.save();
        assertThat(readBack().bySku("TEA-GRN")).isEmpty();

        model.pinProperty().set("1357");
        model.unlock();
        assertThat(model.lockedProperty().get()).isTrue();
        assertThat(model.pinMessageProperty().get()).isEqualTo("Wrong PIN.");

        model.pinProperty().set("2468");
        model.unlock();
        assertThat(model.lockedProperty().get()).isFalse();
        assertThat(model.pinProperty().get()).as("the PIN is not kept").isEmpty();
        model.save();
        assertThat(readBack().bySku("TEA-GRN")).isPresent();
    }
}
