package app.scantill.ui.cashier;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogLoader;
import app.scantill.i18n.English;
import app.scantill.ui.Theme;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a cashier does with the mouse, done with the keyboard: a product found by name and added from its
 * tile, and the category chosen, with no pointer at all.
 */
@ExtendWith(ApplicationExtension.class)
class CashierKeyboardTest {

    private CashierViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model = new CashierViewModel(new Cart(), English.words(), new CurrentThreadUiExecutor());
        model.showCatalog(new CatalogLoader().parse(CashierViewTest.CATALOG, "test-catalog.csv"));
        scene = new Scene(new CashierView(model).root(), 1280, 800);
        Theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aProductFoundByNameIsAddedFromItsTileWithTheArrowsAndEnter(FxRobot robot) {
        robot.type(KeyCode.F2).write("c").type(KeyCode.DOWN);
        assertThat(focusedTile()).isEqualTo("COF-ESP");
        robot.type(KeyCode.RIGHT);
        assertThat(focusedTile()).isEqualTo("COF-LAT");

        robot.type(KeyCode.ENTER);
        assertThat(model.cartLines()).singleElement().satisfies(line -> assertThat(line.sku()).isEqualTo("COF-LAT"));
        assertThat(scene.getFocusOwner().getId()).as("back to the scan field for the next scan").isEqualTo("scanField");
        assertThat(robot.lookup(".product-tile").queryAllAs(ProductTile.class)).as("tiles out of Tab's way again")
                .noneMatch(tile -> tile.isFocusTraversable());

        robot.type(KeyCode.F2).type(KeyCode.DOWN).type(KeyCode.ESCAPE);
        assertThat(scene.getFocusOwner().getId()).isEqualTo("scanField");
        assertThat(model.cartLines()).hasSize(1);
    }

    @Test
    void pageDownAndPageUpStepThroughTheCategoriesAndTheBarShowsTheKeys(FxRobot robot) {
        assertThat(robot.lookup(".category-bar .key-cap").queryLabeled().getText()).isEqualTo("Page Up / Page Down");
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model.categoryProperty().get()).isEqualTo("Coffee");
        assertThat(selectedToggle(robot)).isEqualTo("Coffee");
        robot.type(KeyCode.PAGE_UP);
        assertThat(model.categoryProperty().get()).isNull();
        robot.type(KeyCode.PAGE_UP);
        assertThat(model.categoryProperty().get()).as("round to the last").isEqualTo(model.categories()
                .get(model.categories().size() - 1));
        assertThat(scene.getFocusOwner().getId()).isEqualTo("scanField");
    }

    private String focusedTile() {
        Node owner = scene.getFocusOwner();
        return owner instanceof ProductTile ? String.valueOf(owner.getUserData()) : String.valueOf(owner);
    }

    private static String selectedToggle(FxRobot robot) {
        return robot.lookup(".category-toggle").queryAllAs(ToggleButton.class).stream().filter(ToggleButton::isSelected)
                .map(ToggleButton::getText).findFirst().orElse("");
    }
}
