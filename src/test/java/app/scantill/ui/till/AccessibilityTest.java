package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.ui.ScreenAccessibility;
import app.scantill.ui.customer.CustomerDisplayModel;
import app.scantill.ui.customer.CustomerWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The till for a person with a screen reader, a keyboard or weaker eyes: every control has a name a
 * screen reader reads, every text meets WCAG AA on what lies behind it, Tab goes through the screen in
 * reading order, and the charge screen is worked from the keyboard with its keys on its buttons.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityTest {

    @TempDir
    Path dir;

    private Stage stage;
    private TillWindowFixture till;
    private CustomerWindow customer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (customer != null) {
            TillWindowFixture.onFx(() -> {
                customer.close();
                return null;
            });
        }
        if (till != null) {
            till.close();
        }
    }

    @Test
    void everyScreenNamesItsControlsAndMeetsWcagAa() throws Exception {
        open();
        List<String> problems = new ArrayList<>();
        Scene cashier = stage.getScene();
        inspect(cashier, "empty cart", problems);
        TillWindowFixture.onFx(() -> {
            till.cashier().scan(TillWindowFixture.ESPRESSO);
            till.cashier().scan(TillWindowFixture.LATTE);
            return null;
        });
        inspect(cashier, "cart", problems);
        inspect(customer.stage().getScene(), "customer's cart", problems);
        TillWindowFixture.onFx(() -> {
            till.cashier().toggleHelp();
            return null;
        });
        inspect(cashier, "help", problems);
        TillWindowFixture.onFx(() -> {
            till.cashier().closeHelp();
            till.cashier().charge();
            return null;
        });
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        inspect(cashier, "charge screen beside the cart", problems);
        inspect(customer.stage().getScene(), "customer's code", problems);
        TillWindowFixture.onFx(() -> {
            till.view.setCustomerDisplayShown(false);
            return null;
        });
        inspect(cashier, "charge screen", problems);
        till.services.sandbox().orElseThrow().pay(till.status().sessionId(), "card");
        till.waitForPhase(20, Phase.PAID);
        inspect(cashier, "paid", problems);
        inspect(customer.stage().getScene(), "thank you", problems);
        till.newSale();
        inspect(customer.stage().getScene(), "welcome", problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void tabGoesThroughTheCashierScreenInReadingOrder(FxRobot robot) throws Exception {
        open();
        List<Node> stops = tabStops(robot, 10);
        assertThat(stops).extracting(Node::getId).contains("scanField", "searchField");
        assertThat(ScreenAccessibility.againstReadingOrderInRound(stops)).isEmpty();
    }

    @Test
    void theChargeScreenIsWorkedFromTheKeyboardAndShowsItsKeys(FxRobot robot) throws Exception {
        open();
        robot.write(TillWindowFixture.LATTE).type(KeyCode.ENTER);
        robot.type(KeyCode.F12);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        assertThat(keyOn("#cancel-button")).isEqualTo("Esc");
        assertThat(TillWindowFixture.onFx(() -> till.view.root().lookup("#cancel-button").getAccessibleText()))
                .isEqualTo("Cancel, Esc");
        List<Node> stops = tabStops(robot, 6);
        assertThat(stops).extracting(Node::getId).contains("cancel-button", "payment-url", "scanField");
        assertThat(ScreenAccessibility.againstReadingOrderInRound(stops)).isEmpty();
        TillWindowFixture.onFx(() -> {
            till.view.setCustomerDisplayShown(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        stops = tabStops(robot, 6);
        // Over the cart, the charge screen keeps the focus: the cart under the dim is out of reach.
        assertThat(stops).extracting(Node::getId).contains("cancel-button", "payment-url")
                .doesNotContain("scanField", "searchField");
        assertThat(ScreenAccessibility.againstReadingOrderInRound(stops)).isEmpty();

        robot.type(KeyCode.ESCAPE);
        till.waitForPhase(20, Phase.CANCELLED);
        assertThat(keyOn("#cancelled-back")).isEqualTo("Esc");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> TillWindowFixture.onFx(() -> !till.model.chargeShownProperty().get()));

        robot.type(KeyCode.F12);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        till.services.sandbox().orElseThrow().pay(till.status().sessionId(), "card");
        till.waitForPhase(20, Phase.PAID);
        assertThat(keyOn("#new-sale")).isEqualTo("Enter");
        assertThat(keyOn("#paid-receipt")).isEqualTo("Ctrl+P");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> TillWindowFixture.onFx(() -> till.cashier().cartLines().isEmpty()));
    }

    private void open() throws Exception {
        till = TillWindowFixture.start(stage, Files.createDirectories(dir.resolve("till")),
                List.of("--poll.interval_ms=250", "--merchant.name=Corner Coffee"), Map.of());
        customer = TillWindowFixture.onFx(() -> {
            till.view.setCustomerDisplayShown(true);
            return CustomerWindow.inWindow(new Stage(), CustomerDisplayModel.forSettings(till.model,
                    till.services.config(), ZoneId.systemDefault()), 1024, 768);
        });
        TillWindowFixture.onFx(() -> {
            stage.toFront();
            stage.requestFocus();
            till.view.root().lookup("#scanField").requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void inspect(Scene scene, String what, List<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TillWindowFixture.onFx(() -> {
            ScreenAccessibility.unnamed(scene).forEach(p -> problems.add(what + ": no name: " + p));
            ScreenAccessibility.lowContrast(scene).forEach(p -> problems.add(what + ": " + p));
            return null;
        });
    }

    /** The key cap on a button: the key that does what it does. */
    private String keyOn(String query) throws Exception {
        return TillWindowFixture.onFx(() -> ((Label) ((Button) till.view.root().lookup(query)).getGraphic()).getText());
    }

    /** The focus owner, then where each Tab takes the focus, until it comes round again (a round). */
    private List<Node> tabStops(FxRobot robot, int most) throws Exception {
        List<Node> stops = new ArrayList<>();
        Node first = TillWindowFixture.onFx(() -> stage.getScene().getFocusOwner());
        stops.add(first);
        for (int i = 0; i < most; i++) {
            robot.type(KeyCode.TAB);
            Node now = TillWindowFixture.onFx(() -> stage.getScene().getFocusOwner());
            if (now == first) {
                break;
            }
            stops.add(now);
        }
        return stops;
    }
}
