package app.scantill.ui.cashier;

import static app.scantill.ui.cashier.CashierViewTest.CATALOG;
import static app.scantill.ui.cashier.CashierViewTest.ESPRESSO;
import static app.scantill.ui.cashier.CashierViewTest.LATTE;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.cart.CartSnapshot;
import app.scantill.catalog.CatalogLoader;
import app.scantill.config.ManagerPin;
import app.scantill.i18n.English;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.SaleLine;
import app.scantill.ui.Theme;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** F4 and Shift+F4 as a cashier uses them: the card, the manager PIN over the limit, what the cart then shows. */
@ExtendWith(ApplicationExtension.class)
class DiscountViewTest {

    private static final ManagerPin PIN = ManagerPin.hash("2468".toCharArray());

    private CashierViewModel model;
    private final List<CartSnapshot> charged = new ArrayList<>();

    @Start
    void start(Stage stage) {
        model = new CashierViewModel(new Cart(), English.words(), new CurrentThreadUiExecutor());
        model.showCatalog(new CatalogLoader().parse(CATALOG, "test-catalog.csv"));
        model.setOnCharge(charged::add);
        model.discounts().configure(Optional.of(PIN), 20, true);
        CashierView view = new CashierView(model);
        Scene scene = new Scene(view.root(), 1280, 800);
        Theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static void scan(FxRobot robot, String code) {
        robot.write(code, 0).type(KeyCode.ENTER);
    }

    private static List<String> cartCellTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        for (Node node : robot.lookup("#cartTable .table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getText() != null) {
                texts.add(cell.getText().replace('\u00a0', ' '));
            }
        }
        return texts;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText().replace('\u00a0', ' ');
    }

    private static boolean shown(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void tenPercentOnALineAsksNoPinAndTheCartShowsWhatItWasAndWhy(FxRobot robot) {
        scan(robot, ESPRESSO);
        robot.type(KeyCode.F4);
        assertThat(shown(robot, "#discountOverlay")).isTrue();
        assertThat(text(robot, ".discount-card .help-title")).isEqualTo("Discount on Espresso");

        robot.write("10", 0);
        assertThat(shown(robot, "#discountPin")).as("10 % is under the 20 % limit").isFalse();
        robot.clickOn("#discountReason").clickOn("Loyalty");
        robot.clickOn("#discountValue").type(KeyCode.ENTER);

        assertThat(shown(robot, "#discountOverlay")).isFalse();
        assertThat(cartCellTexts(robot)).containsExactly("Espresso\n−10 % (Loyalty)", "$3.00", "1",
                "$2.70\nwas $3.00");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$2.70");
        assertThat(text(robot, "#listTotalLabel")).isEqualTo("$3.00");
        assertThat(text(robot, "#discountLabel")).isEqualTo("−$0.30");
        assertThat(text(robot, "#messageBar")).isEqualTo("Discount given on Espresso");
    }

    @Test
    void thirtyPercentAsksForTheManagerPinAndAWrongPinGivesNothing(FxRobot robot) {
        scan(robot, ESPRESSO);
        robot.type(KeyCode.F4).write("30", 0);

        assertThat(shown(robot, "#discountPin")).as("30 % is over the 20 % limit").isTrue();
        assertThat(text(robot, "#discountPinHint")).isEqualTo("More than 20 % needs the manager PIN.");
        robot.clickOn("#discountPin").write("1111", 0).type(KeyCode.ENTER);

        assertThat(text(robot, "#discountMessage")).isEqualTo("Wrong manager PIN. The discount was not given.");
        assertThat(text(robot, "#totalLabel")).as("nothing given").isEqualTo("$3.00");

        robot.clickOn("#discountPin").write("2468", 0).type(KeyCode.ENTER);
        assertThat(shown(robot, "#discountOverlay")).isFalse();
        assertThat(text(robot, "#totalLabel")).isEqualTo("$2.10");
    }

    @Test
    void anAmountOffTheWholeCartIsSpreadOverItsLinesAndChargedAsDiscounted(FxRobot robot) {
        scan(robot, ESPRESSO);
        scan(robot, LATTE);
        robot.press(KeyCode.SHIFT).type(KeyCode.F4).release(KeyCode.SHIFT);
        assertThat(text(robot, ".discount-card .help-title")).isEqualTo("Discount on the whole cart");
        robot.clickOn("#discountAmount").clickOn("#discountValue").write("1.00", 0);
        robot.clickOn("#discountNote").write("matched the stall opposite", 0).type(KeyCode.ENTER);

        assertThat(text(robot, "#totalLabel")).isEqualTo("$6.75");
        assertThat(text(robot, "#discountLabel")).isEqualTo(
                "−$1.00  Cart discount −$1.00 (Other: matched the stall opposite)");
        robot.type(KeyCode.F12);

        assertThat(charged).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.total().minorUnits()).isEqualTo(675);
            // 1.00 over 3.00 and 4.75: 0.387 and 0.613 -> 0.39 and 0.61
            assertThat(snapshot.lines()).extracting(SaleLine::discountMinor).containsExactly(39L, 61L);
            assertThat(snapshot.discounts().cart()).map(AppliedDiscount::amountMinor).contains(100L);
            assertThat(snapshot.discounts().cart()).map(d -> d.discount().reason()).contains(DiscountReason.OTHER);
        });
    }

    @Test
    void aDiscountCanBeRemovedAndAnAmountAboveTheLineIsRefusedAtTheCard(FxRobot robot) {
        scan(robot, ESPRESSO);
        robot.type(KeyCode.F4);
        robot.clickOn("#discountAmount").clickOn("#discountValue").write("5.00", 0).type(KeyCode.ENTER);

        assertThat(text(robot, "#discountMessage")).isEqualTo("A discount of $5.00 is more than the $3.00 it would "
                + "come off.");
        robot.clickOn("#discountValue").eraseText(4).write("0.50", 0).type(KeyCode.ENTER);
        assertThat(text(robot, "#totalLabel")).isEqualTo("$2.50");

        robot.type(KeyCode.F4).clickOn("#discountRemove");
        assertThat(text(robot, "#totalLabel")).isEqualTo("$3.00");
        assertThat(shown(robot, "#discountLabel")).isFalse();
    }
}
