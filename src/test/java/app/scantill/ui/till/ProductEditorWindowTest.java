package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.CatalogStore;
import app.scantill.catalog.Product;
import app.scantill.config.ManagerPin;
import app.scantill.i18n.English;
import app.scantill.money.Money;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.editor.FilePicker;
import app.scantill.ui.editor.ProductEditing;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The product editor through the till window: F3 opens it (after the manager PIN when one is set), a price
 * Stripe would refuse is refused under its field, a good one is saved to the file and shows on the cashier's
 * product tile, a scan fills the barcode field and never the cart, and an import is previewed before it is applied.
 */
@ExtendWith(ApplicationExtension.class)
class ProductEditorWindowTest {

    @TempDir
    Path dir;

    private Stage stage;
    private FxUiExecutor executor;
    private TillViewModel model;
    private Path catalog;
    private Path toImport;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        TillWindowFixture.onFx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        if (executor != null) {
            executor.close();
        }
    }

    private void startTill(Optional<ManagerPin> pin) throws Exception {
        catalog = dir.resolve("catalog.csv");
        Files.writeString(catalog, TillWindowFixture.CATALOG);
        CatalogStore store = CatalogStore.at(catalog);
        executor = new FxUiExecutor(2);
        FilePicker files = new FilePicker() {
            @Override
            public Optional<Path> fileToImport(Window owner) {
                return Optional.ofNullable(toImport);
            }

            @Override
            public Optional<Path> fileToExport(Window owner) {
                return Optional.of(dir.resolve("export.csv"));
            }
        };
        // Building the window (its CSS, the tiles) takes a while on a loaded machine: as long as TillWindowFixture allows.
        WaitForAsyncUtils.asyncFx(() -> {
            CashierViewModel cashier = new CashierViewModel(new Cart(), English.words(), executor);
            cashier.showCatalog(store.load());
            model = new TillViewModel(cashier, executor, Clock.systemUTC());
            model.enableProductEditing(new ProductEditing(store, pin, files));
            new TillView(model).showIn(stage);
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    /** F3 on the cashier screen; returns the editor window's root once it is up. */
    private Parent pressF3(FxRobot robot) throws Exception {
        robot.type(KeyCode.F3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> editorRoot() != null);
        Parent editor = editorRoot();
        // The headless platform gives the keyboard to the window last clicked, not to a new one as a desktop does.
        robot.clickOn((Node) find(editor, "#editor-count"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TillWindowFixture.onFx(
                () -> editor.getScene().getWindow().isFocused()));
        return editor;
    }

    private Parent editorRoot() throws Exception {
        return TillWindowFixture.onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.getScene() != null && w.getScene().getRoot().lookup("#editor-table") != null) {
                    return w.getScene().getRoot();
                }
            }
            return null;
        });
    }

    private static <T extends Node> T find(Parent root, String id) {
        @SuppressWarnings("unchecked")
        T node = (T) root.lookup(id);
        assertThat(node).as(id).isNotNull();
        return node;
    }

    private static String text(Parent root, String id) throws Exception {
        return TillWindowFixture.onFx(() -> ((Label) find(root, id)).getText());
    }

    private static void typeInto(FxRobot robot, Parent root, String id, String text) throws Exception {
        TillWindowFixture.onFx(() -> {
            TextField field = find(root, id);
            field.requestFocus();
            field.selectAll();
            return null;
        });
        robot.type(KeyCode.BACK_SPACE).write(text);
    }

    /** Presses a button (the form may be scrolled: a press, as Space on a focused button, not a pointer). */
    private static void click(FxRobot robot, Parent root, String id) throws Exception {
        TillWindowFixture.onFx(() -> {
            ButtonBase button = find(root, id);
            assertThat(button.isDisabled()).as(id + " enabled").isFalse();
            button.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a person sees the node: it and every parent visible. */
    private static boolean shown(Parent root, String id) throws Exception {
        return TillWindowFixture.onFx(() -> {
            for (Node n = find(root, id); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private void selectInTable(Parent root, String sku) throws Exception {
        TillWindowFixture.onFx(() -> {
            TableView<Product> table = find(root, "#editor-table");
            table.getSelectionModel().select(table.getItems().stream().filter(p -> p.sku().equals(sku))
                    .findFirst().orElseThrow());
            return null;
        });
    }

    private String tilePrice(String sku) throws Exception {
        return TillWindowFixture.onFx(() -> stage.getScene().getRoot().lookupAll(".product-tile").stream()
                .filter(tile -> sku.equals(tile.getUserData())).findFirst()
                .map(tile -> ((Label) ((Labeled) tile).getGraphic().lookup(".product-price")).getText()).orElse(""));
    }

    @Test
    void aPriceStripeWouldRefuseIsRefusedAtTheFieldAndAGoodOneReachesTheFileAndTheProductTile(FxRobot robot)
            throws Exception {
        startTill(Optional.empty());
        assertThat(tilePrice("COF-ESP")).isEqualTo("$3.00");
        Parent editor = pressF3(robot);
        selectInTable(editor, "COF-ESP");

        typeInto(robot, editor, "#editor-field-price", "3.005");
        robot.type(KeyCode.ENTER);

        assertThat(text(editor, "#editor-problem-price")).isEqualTo("price 3.005 has more than 2 decimals for USD");
        assertThat(text(editor, "#editor-problem-name")).isEmpty();
        assertThat(text(editor, "#editor-message")).isEqualTo("Check the fields marked in red; nothing was saved.");
        assertThat(Files.readString(catalog)).isEqualTo(TillWindowFixture.CATALOG);

        typeInto(robot, editor, "#editor-field-price", "3.25");
        assertThat(text(editor, "#editor-problem-price")).as("the message goes once the price is right").isEmpty();
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tilePrice("COF-ESP").equals("$3.25"));
        assertThat(text(editor, "#editor-message")).isEqualTo("Saved COF-ESP. The till sells at the new price now.");
        assertThat(new CatalogLoader().load(catalog).catalog().bySku("COF-ESP").orElseThrow().price())
                .isEqualTo(Money.of(325, "USD"));
        assertThat(Files.readString(catalog)).isEqualTo(TillWindowFixture.CATALOG.replace("3.00", "3.25"));
    }

    @Test
    void aScanInTheEditorFillsTheBarcodeFieldAndNeverTheCart(FxRobot robot) throws Exception {
        startTill(Optional.empty());
        Parent editor = pressF3(robot);
        click(robot, editor, "#editor-new");
        TillWindowFixture.onFx(() -> {
            find(editor, "#editor-table").requestFocus();
            return null;
        });

        robot.write(TillWindowFixture.LATTE).type(KeyCode.ENTER);

        assertThat(TillWindowFixture.onFx(() -> ((TextField) find(editor, "#editor-field-barcode")).getText()))
                .isEqualTo(TillWindowFixture.LATTE);
        assertThat(text(editor, "#editor-problem-barcode"))
                .isEqualTo("barcode " + TillWindowFixture.LATTE + " is already used by Caffe Latte (COF-LAT)");
        assertThat(TillWindowFixture.onFx(() -> model.cashier().cartLines().isEmpty())).isTrue();
    }

    @Test
    void theManagerPinIsAskedFirstWhenOneIsSet(FxRobot robot) throws Exception {
        startTill(Optional.of(ManagerPin.hash("2468".toCharArray())));
        Parent editor = pressF3(robot);
        assertThat(shown(editor, "#editor-pin")).isTrue();
        assertThat(shown(editor, "#editor-search")).isFalse();

        typeInto(robot, editor, "#editor-pin", "1111");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(editor, "#editor-pin-message").equals("Wrong PIN."));
        assertThat(shown(editor, "#editor-search")).isFalse();

        typeInto(robot, editor, "#editor-pin", "2468");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(editor, "#editor-search"));
        assertThat(shown(editor, "#editor-pin")).isFalse();
    }

    @Test
    void anImportIsPreviewedThenAppliedAndTheExportReadsBack(FxRobot robot) throws Exception {
        startTill(Optional.empty());
        toImport = dir.resolve("supplier.csv");
        Files.writeString(toImport, "sku,barcode,name,price,currency,category\n"
                + "COF-ESP,0850012000013,Espresso,3.10,USD,Coffee\n"
                + "TEA-GRN,0850012000051,Green tea,3.00,USD,Tea\n"
                + "BAD,1,Bad,1.00,USD,\n");
        Parent editor = pressF3(robot);

        click(robot, editor, "#editor-import");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(editor, "#editor-import-pane"));
        assertThat(text(editor, "#import-summary"))
                .isEqualTo("1 added, 1 changed, 0 removed, 1 refused, 0 unchanged");
        click(robot, editor, "#import-replace");
        assertThat(text(editor, "#import-summary"))
                .isEqualTo("1 added, 1 changed, 1 removed, 1 refused, 0 unchanged");
        assertThat(TillWindowFixture.onFx(() -> ((ListView<?>) find(editor, "#import-lines")).getItems()))
                .anySatisfy(line -> assertThat(line.toString()).startsWith("Changed: COF-ESP · Espresso · $3.00"))
                .anySatisfy(line -> assertThat(line.toString()).startsWith("Removed: COF-LAT"))
                .anySatisfy(line -> assertThat(line.toString()).startsWith("Refused: line 4: "));
        assertThat(Files.readString(catalog)).as("nothing written before Apply").isEqualTo(TillWindowFixture.CATALOG);
        click(robot, editor, "#import-merge");
        click(robot, editor, "#import-apply");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tilePrice("TEA-GRN").equals("$3.00"));
        assertThat(tilePrice("COF-ESP")).isEqualTo("$3.10");
        assertThat(new CatalogLoader().load(catalog).catalog().products()).extracting(Product::sku)
                .containsExactly("COF-ESP", "COF-LAT", "TEA-GRN");

        click(robot, editor, "#editor-export");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(editor, "#editor-message").startsWith("Exported 3"));
        assertThat(new CatalogLoader().load(dir.resolve("export.csv")).catalog().products())
                .isEqualTo(new CatalogLoader().load(catalog).catalog().products());
    }

    @Test
    void withoutEditingTheKeySaysTheEditorIsNotAvailable(FxRobot robot) throws Exception {
        catalog = dir.resolve("catalog.csv");
        Files.writeString(catalog, TillWindowFixture.CATALOG);
        executor = new FxUiExecutor(2);
        // Building the window (its CSS, the tiles) takes a while on a loaded machine: as long as TillWindowFixture allows.
        WaitForAsyncUtils.asyncFx(() -> {
            CashierViewModel cashier = new CashierViewModel(new Cart(), English.words(), executor);
            model = new TillViewModel(cashier, executor, Clock.systemUTC());
            new TillView(model).showIn(stage);
            return null;
        }).get(30, TimeUnit.SECONDS);
        robot.type(KeyCode.F3);
        assertThat(TillWindowFixture.onFx(() -> model.cashier().noticeProperty().get().text()))
                .isEqualTo("The product editor is not available on this till.");
        assertThat(editorRoot()).isNull();
    }
}
