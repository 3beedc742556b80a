package app.scantill.ui.cashier;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.cart.CartLine;
import app.scantill.cart.CartSnapshot;
import app.scantill.catalog.CatalogLoader;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.SaleLine;
import app.scantill.ui.Theme;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CashierViewTest {

    static final String ESPRESSO = "0850012000013";
    static final String LATTE = "0850012000037";
    static final String STICKER = "0850012000280";
    static final String STROOPWAFEL = "4006381333931";
    static final String MOCHI = "4901234567900";
    static final String MAPLE = "0627843000013";

    static final String CATALOG = String.join("\n",
            "sku,barcode,name,price,currency,category",
            "COF-ESP," + ESPRESSO + ",Espresso,3.00,USD,Coffee",
            "COF-LAT," + LATTE + ",Caffe Latte,4.75,USD,Coffee",
            "MER-STK," + STICKER + ",Sticker Pack,0.40,USD,Merchandise",
            "EU-STRW," + STROOPWAFEL + ",Stroopwafel Tin,6.90,EUR,Imported",
            "JP-MOCH," + MOCHI + ",Mochi Assortment,850,JPY,Imported",
            "CA-MAPL," + MAPLE + ",Maple Syrup,12.99,CAD,Imported",
            "BAD-1,0850012000099,,1.00,USD,Coffee",
            "");


    private CashierViewModel model;
    private final List<CartSnapshot> charged = new ArrayList<>();

    @Start
    void start(Stage stage) {
        model = new CashierViewModel(new Cart(), English.words(), new CurrentThreadUiExecutor());
        model.showCatalog(new CatalogLoader().parse(CATALOG, "test-catalog.csv"));
        model.setOnCharge(charged::add);
        CashierView view = new CashierView(model);
        Scene scene = new Scene(view.root(), 1280, 800);
        Theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static void scan(FxRobot robot, String code) {
        // No pause between characters: a USB scanner types a whole code in a few milliseconds.
        robot.write(code, 0).type(KeyCode.ENTER);
    }

    private static List<String> cartCellTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        for (Node node : robot.lookup("#cartTable .table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getText() != null) {
                texts.add(cell.getText());
            }
        }
        return texts;
    }

    /** The SKUs of the product tiles a cashier can see (hidden slots of the tile grid left out). */
    private static List<String> shownTiles(FxRobot robot) {
        return robot.lookup(".product-tile").queryAll().stream().filter(Node::isVisible)
                .map(tile -> String.valueOf(tile.getUserData())).toList();
    }

    private static TableView<CartLine> cartTable(FxRobot robot) {
        return robot.lookup("#cartTable").queryTableView();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Label messageBar(FxRobot robot) {
        return robot.lookup("#messageBar").queryAs(Label.class);
    }

    @Test
    void scanningABarcodeAddsALineWithItsPriceAndTotal(FxRobot robot) {
        scan(robot, ESPRESSO);

        assertThat(cartTable(robot).getItems()).hasSize(1);
        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "1", "$3.00");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$3.00");
        assertThat(text(robot, "#currencyLabel")).isEqualTo("USD");
        assertThat(robot.lookup("#scanField").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void scanningTheSameBarcodeAgainRaisesTheQuantityToTwo(FxRobot robot) {
        scan(robot, ESPRESSO);
        scan(robot, ESPRESSO);

        assertThat(cartTable(robot).getItems()).hasSize(1);
        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "2", "$6.00");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$6.00");
    }

    @Test
    void typingASkuInAnyCaseAddsTheItem(FxRobot robot) {
        scan(robot, "cof-lat");

        assertThat(cartCellTexts(robot)).containsExactly("Caffe Latte", "$4.75", "1", "$4.75");
    }

    @Test
    void itemInASecondCurrencyIsRefusedVisiblyAndTheCartIsUnchanged(FxRobot robot) {
        scan(robot, ESPRESSO);

        scan(robot, STROOPWAFEL);

        Label message = messageBar(robot);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("Cart is in USD; EUR items need a separate sale");
        assertThat(message.getStyleClass()).contains("warning");
        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "1", "$3.00");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$3.00");
    }

    @Test
    void keyboardQuantityChangesUpdateTheTotal(FxRobot robot) {
        scan(robot, LATTE);

        robot.type(KeyCode.ADD).type(KeyCode.ADD);
        assertThat(cartCellTexts(robot)).containsExactly("Caffe Latte", "$4.75", "3", "$14.25");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$14.25");

        robot.type(KeyCode.SUBTRACT);
        assertThat(text(robot, "#totalLabel")).isEqualTo("$9.50");
        assertThat(robot.lookup("#scanField").queryAs(TextField.class).getText())
                .as("quantity keys type nothing into the scan field").isEmpty();
    }

    @Test
    void arrowKeysChooseWhichLineTheQuantityKeysChange(FxRobot robot) {
        scan(robot, ESPRESSO);
        scan(robot, LATTE);

        robot.type(KeyCode.UP).type(KeyCode.ADD);

        assertThat(cartCellTexts(robot)).containsExactly(
                "Espresso", "$3.00", "2", "$6.00", "Caffe Latte", "$4.75", "1", "$4.75");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$10.75");
    }

    @Test
    void minusInsideATypedSkuIsTextNotAQuantityChange(FxRobot robot) {
        scan(robot, ESPRESSO);
        robot.type(KeyCode.ADD);

        scan(robot, "COF-ESP");

        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "3", "$9.00");
    }

    @Test
    void deleteRemovesTheSelectedLineAndCtrlDeleteClearsTheCart(FxRobot robot) {
        scan(robot, ESPRESSO);
        scan(robot, LATTE);

        robot.type(KeyCode.DELETE);
        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "1", "$3.00");

        robot.press(KeyCode.CONTROL).type(KeyCode.DELETE).release(KeyCode.CONTROL);
        assertThat(cartTable(robot).getItems()).isEmpty();
        assertThat(text(robot, "#totalLabel")).isEqualTo("\u2014");

        scan(robot, STROOPWAFEL);
        assertThat(text(robot, "#currencyLabel")).as("an empty cart takes any currency").isEqualTo("EUR");
    }

    @Test
    void yenAmountsShowNoDecimals(FxRobot robot) {
        scan(robot, MOCHI);
        robot.type(KeyCode.ADD);

        assertThat(cartCellTexts(robot)).containsExactly("Mochi Assortment", "\u00a5850", "2", "\u00a51,700");
        assertThat(text(robot, "#totalLabel")).isEqualTo("\u00a51,700");
        assertThat(text(robot, "#currencyLabel")).isEqualTo("JPY");
    }

    @Test
    void unknownBarcodeShowsWhatWasScannedAndChangesNothing(FxRobot robot) {
        scan(robot, ESPRESSO);

        scan(robot, "9999999999994");

        assertThat(messageBar(robot).isVisible()).isTrue();
        assertThat(messageBar(robot).getText()).contains("9999999999994").contains("Nothing was added");
        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "1", "$3.00");
        assertThat(robot.lookup("#scanField").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void helpOverlayListsEveryShortcut(FxRobot robot) {
        assertThat(robot.lookup("#helpOverlay").query().isVisible()).isFalse();

        robot.type(KeyCode.F1);

        Node overlay = robot.lookup("#helpOverlay").query();
        assertThat(overlay.isVisible()).isTrue();
        List<String> shown = robot.from(overlay).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(Objects::nonNull).toList();
        for (CashierShortcut shortcut : CashierShortcut.values()) {
            assertThat(shown).contains(English.text(shortcut.keys()), English.text(shortcut.action()));
        }

        robot.type(KeyCode.ESCAPE);
        assertThat(overlay.isVisible()).isFalse();
    }

    @Test
    void chargeabilityLineShowsTheMinimumAndChargeStaysDisabledBelowIt(FxRobot robot) {
        Button charge = robot.lookup("#chargeButton").queryButton();
        assertThat(charge.isDisabled()).isTrue();

        scan(robot, STICKER);

        assertThat(text(robot, "#chargeabilityLabel")).isEqualTo("Below Stripe's minimum charge of $0.50");
        assertThat(charge.isDisabled()).isTrue();

        scan(robot, ESPRESSO);
        assertThat(text(robot, "#chargeabilityLabel")).isEqualTo("Card or Amazon Pay");
        assertThat(charge.isDisabled()).isFalse();
    }

    @Test
    void cadCartIsMarkedCardOnly(FxRobot robot) {
        scan(robot, MAPLE);

        assertThat(text(robot, "#chargeabilityLabel")).isEqualTo("Card only: Amazon Pay does not accept CAD");
        assertThat(robot.lookup("#chargeButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void chargeHandsTheCartSnapshotToTheChargeFlow(FxRobot robot) {
        scan(robot, ESPRESSO);
        scan(robot, ESPRESSO);
        scan(robot, LATTE);

        robot.clickOn("#chargeButton");

        assertThat(charged).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(snapshot.total().minorUnits()).isEqualTo(1075);
            assertThat(snapshot.lines()).containsExactly(
                    new SaleLine("COF-ESP", "Espresso", 300, 2), new SaleLine("COF-LAT", "Caffe Latte", 475, 1));
        });
    }

    @Test
    void lockedCartRefusesEveryEdit(FxRobot robot) {
        scan(robot, ESPRESSO);
        robot.interact(model::lockCart);

        scan(robot, LATTE);
        robot.type(KeyCode.ADD);

        assertThat(cartCellTexts(robot)).containsExactly("Espresso", "$3.00", "1", "$3.00");
        assertThat(messageBar(robot).getText()).contains("cannot change while a payment is open");
        assertThat(robot.lookup("#chargeButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#increaseButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup(".product-tile").queryButton().isDisabled()).isTrue();
    }

    @Test
    void tappingAProductTileAddsItAndKeepsTheScanFieldFocused(FxRobot robot) {
        robot.clickOn("Caffe Latte");

        assertThat(cartCellTexts(robot)).containsExactly("Caffe Latte", "$4.75", "1", "$4.75");
        assertThat(robot.lookup("#scanField").queryAs(TextField.class).isFocused()).isTrue();
        scan(robot, ESPRESSO);
        assertThat(cartTable(robot).getItems()).hasSize(2);
    }

    @Test
    void searchAndCategoryFilterNarrowTheProductTiles(FxRobot robot) {
        robot.type(KeyCode.F2).write("latte");

        assertThat(shownTiles(robot)).containsExactly("COF-LAT");

        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> model.searchTextProperty().set(""));
        robot.clickOn("Imported");
        assertThat(shownTiles(robot)).containsExactlyInAnyOrder("EU-STRW", "JP-MOCH", "CA-MAPL");
        assertThat(robot.lookup("#scanField").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void catalogProblemsPanelListsSkippedRowsWithLineNumbers(FxRobot robot) {
        TitledPane panel = robot.lookup("#catalogProblems").queryAs(TitledPane.class);

        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.getText()).isEqualTo("Catalog problems (1)");
        assertThat(robot.lookup(".problem-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .extracting(javafx.scene.control.ListCell::getText)
                .contains("line 8: name is missing");
    }
}
