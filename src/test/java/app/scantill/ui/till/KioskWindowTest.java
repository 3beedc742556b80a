package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.ManagerPin;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.ui.ScreenAccessibility;
import app.scantill.ui.ScreenFit;
import app.scantill.ui.kiosk.KioskViewModel;
import app.scantill.ui.kiosk.KioskViewModel.Screen;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The self-service kiosk against the embedded sandbox: a customer who walks away from an open payment
 * is reset safely (the session expired, the sale cancelled, nothing lost), a payment that arrives during
 * the reset is kept as paid, the kiosk is left with the PIN only, and it offers no History or refunds.
 */
@ExtendWith(ApplicationExtension.class)
class KioskWindowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        // The kiosk opens a window of its own; the shared stage stays as it is.
    }

    @AfterEach
    void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void aCustomerWhoWalksAwayFromAnOpenPaymentIsResetAndNothingIsLost() throws Exception {
        kiosk = KioskFixture.start(dir, List.of("--poll.interval_ms=250", "--merchant.name=Corner Coffee"));
        assertThat(screen()).isEqualTo(Screen.ATTRACT);
        buyAndPay(TillWindowFixture.LATTE, TillWindowFixture.ESPRESSO);
        String session = kiosk.till.chargeStatus().orElseThrow().sessionId();

        kiosk.idleFor(Duration.ofSeconds(89));
        assertThat(asking()).as("not yet").isFalse();
        kiosk.idleFor(Duration.ofSeconds(1));
        assertThat(asking()).isTrue();
        assertThat(texts()).contains("Still there?")
                .anyMatch(t -> t.startsWith("Your payment will be cancelled and your items cleared in 20"));

        kiosk.idleFor(KioskViewModel.ANSWER_TIME);
        waitUntil(() -> screen() == Screen.ATTRACT && !resetting());

        assertThat(sandbox().session(session).orElseThrow().status()).as("the code can no longer be paid")
                .isEqualTo("expired");
        assertThat(onlySale().state()).isEqualTo(SaleState.CANCELLED);
        assertThat(TillWindowFixture.onFx(() -> kiosk.till.cashier().cartLines().isEmpty())).isTrue();
        assertThat(kiosk.services.charges().orElseThrow().hasOpenSession()).isFalse();
    }

    @Test
    void aPaymentThatArrivesDuringTheResetIsRecordedAsPaid() throws Exception {
        // The till checks the session once a minute here: it learns of the payment only from the reset's cancel.
        kiosk = KioskFixture.start(dir, List.of("--poll.interval_ms=60000"));
        buyAndPay(TillWindowFixture.LATTE);
        String session = kiosk.till.chargeStatus().orElseThrow().sessionId();
        sandbox().pay(session, "card");

        kiosk.idleFor(Duration.ofSeconds(90));
        kiosk.idleFor(KioskViewModel.ANSWER_TIME);
        waitUntil(() -> phase() == Phase.PAID && !resetting());

        assertThat(onlySale().state()).as("the money taken is recorded").isEqualTo(SaleState.PAID);
        assertThat(screen()).isEqualTo(Screen.PAYING);
        assertThat(texts()).contains("Thank you!", "Done");

        kiosk.idleFor(KioskViewModel.THANKS_TIME);
        waitUntil(() -> screen() == Screen.ATTRACT);
        assertThat(TillWindowFixture.onFx(() -> kiosk.till.cashier().cartLines().isEmpty())).isTrue();
    }

    @Test
    void theKioskIsLeftWithTheRightPinOnlyAndClosingTheWindowAsksForIt() throws Exception {
        String hash = ManagerPin.hash("2468".toCharArray()).stored();
        kiosk = KioskFixture.start(dir, List.of("--kiosk.pin_hash=" + hash));

        TillWindowFixture.onFx(() -> {
            kiosk.stage.fireEvent(new WindowEvent(kiosk.stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        assertThat(kiosk.stage.isShowing()).as("closing is refused").isTrue();
        assertThat(padShown()).as("the PIN pad asks instead").isTrue();

        press("1", "1", "1", "1", "ok");
        waitUntil(() -> !kiosk.model.pinPad().checkingProperty().get()
                && !kiosk.model.pinPad().messageProperty().get().isEmpty());
        assertThat(kiosk.model.pinPad().messageProperty().get()).isEqualTo("Wrong PIN.");
        assertThat(kiosk.timesLeft()).isZero();
        assertThat(textOf("#kiosk-pin-dots")).isEmpty();

        press("2", "4", "6", "8");
        assertThat(textOf("#kiosk-pin-dots")).isEqualTo("\u2022\u2022\u2022\u2022").doesNotContain("2468");
        press("ok");
        waitUntil(() -> kiosk.timesLeft() == 1);
        assertThat(padShown()).isFalse();
    }

    @Test
    void withoutAKioskPinThereIsNoWayOutOnScreenAndTheKioskSaysSo() throws Exception {
        kiosk = KioskFixture.start(dir, List.of());
        TillWindowFixture.onFx(() -> {
            kiosk.model.staffExit();
            return null;
        });
        assertThat(kiosk.model.pinPad().messageProperty().get()).contains("--set-kiosk-pin");
        press("1", "2", "3", "4", "ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(kiosk.timesLeft()).isZero();
    }

    @Test
    void theKioskOffersNoHistoryNoRefundsNoSettingsAndKeepsSandboxInSight(FxRobot robot) throws Exception {
        kiosk = KioskFixture.start(dir, List.of("--merchant.name=Corner Coffee"));
        assertThat(texts()).contains("Corner Coffee", "SANDBOX", "Touch the screen or scan an item to start");
        // The scanner types into the kiosk and presses Enter: the item is in, the attract screen gone.
        TillWindowFixture.onFx(() -> {
            kiosk.stage.requestFocus();
            return null;
        });
        robot.write(TillWindowFixture.LATTE).type(KeyCode.ENTER);
        waitUntil(() -> screen() == Screen.SHOPPING);
        assertThat(TillWindowFixture.onFx(() -> kiosk.till.cashier().cartLines().size())).isEqualTo(1);

        Parent root = kiosk.view.root();
        for (String query : List.of("#historyButton", "#history-refund", "#helpButton", "#chargeButton")) {
            assertThat(TillWindowFixture.onFx(() -> root.lookup(query))).as(query).isNull();
        }
        assertThat(texts()).noneMatch(t -> t.contains("History") || t.contains("Refund") || t.contains("Settings"))
                .contains("SANDBOX");
        TillWindowFixture.onFx(() -> {
            kiosk.till.cashier().openHistory(); // F9's way: nothing opens in a kiosk
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(TillWindowFixture.onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(javafx.stage.Window::isShowing).count())).as("no History window").isLessThanOrEqualTo(2);
        assertThat(kiosk.stage.isFullScreen()).isTrue();
    }

    @Test
    void everyKioskScreenFitsEveryTillScreenAndIsNamedAndReadable() throws Exception {
        String hash = ManagerPin.hash("2468".toCharArray()).stored();
        kiosk = KioskFixture.start(dir, List.of("--poll.interval_ms=250", "--kiosk.pin_hash=" + hash));
        List<String> problems = new ArrayList<>();
        inspect("attract", problems);
        TillWindowFixture.onFx(() -> {
            kiosk.model.touched();
            kiosk.till.cashier().scan(TillWindowFixture.LATTE);
            kiosk.till.cashier().scan(TillWindowFixture.ESPRESSO);
            kiosk.till.cashier().scan(TillWindowFixture.ESPRESSO);
            return null;
        });
        inspect("shopping", problems);
        TillWindowFixture.onFx(() -> {
            kiosk.model.pay();
            return null;
        });
        waitUntil(() -> phase() == Phase.AWAITING_PAYMENT);
        inspect("paying", problems);
        kiosk.idleFor(Duration.ofSeconds(90));
        inspect("still there", problems);
        TillWindowFixture.onFx(() -> {
            kiosk.model.stillHere();
            kiosk.model.staffExit();
            return null;
        });
        inspect("PIN pad", problems);
        assertThat(problems).isEmpty();
    }

    private void inspect(String what, List<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TillWindowFixture.onFx(() -> {
            javafx.scene.Scene scene = kiosk.stage.getScene();
            ScreenFit.problemsAtEverySize(scene).forEach(p -> problems.add(what + " at " + p));
            ScreenAccessibility.unnamed(scene).forEach(p -> problems.add(what + ": no name: " + p));
            ScreenAccessibility.lowContrast(scene).forEach(p -> problems.add(what + ": " + p));
            return null;
        });
    }

    /** A customer at the kiosk: touches Start, scans the items, touches Pay; the code comes up. */
    private void buyAndPay(String... barcodes) throws Exception {
        TillWindowFixture.onFx(() -> {
            kiosk.model.touched();
            for (String code : barcodes) {
                kiosk.till.cashier().scan(code);
            }
            kiosk.model.pay();
            return null;
        });
        waitUntil(() -> phase() == Phase.AWAITING_PAYMENT);
        assertThat(screen()).isEqualTo(Screen.PAYING);
    }

    private void press(String... keys) throws Exception {
        TillWindowFixture.onFx(() -> {
            for (String key : keys) {
                ((javafx.scene.control.Button) kiosk.view.root().lookup("#kiosk-pin-" + key)).fire();
            }
            return null;
        });
    }

    private boolean padShown() throws Exception {
        return TillWindowFixture.onFx(() -> kiosk.model.pinPad().shownProperty().get()
                && kiosk.view.root().lookup("#kiosk-pin-pad").isVisible());
    }

    private String textOf(String query) throws Exception {
        return TillWindowFixture.onFx(() -> ((Labeled) kiosk.view.root().lookup(query)).getText());
    }

    private Screen screen() throws Exception {
        return TillWindowFixture.onFx(() -> kiosk.model.screenProperty().get());
    }

    private boolean asking() throws Exception {
        return TillWindowFixture.onFx(() -> kiosk.model.askingProperty().get());
    }

    private boolean resetting() throws Exception {
        return TillWindowFixture.onFx(() -> kiosk.model.resettingProperty().get());
    }

    private Phase phase() throws Exception {
        return TillWindowFixture.onFx(() -> kiosk.till.chargeModelProperty().get() == null ? Phase.IDLE
                : kiosk.till.chargeModelProperty().get().phaseProperty().get());
    }

    private StripeSandbox sandbox() {
        return kiosk.services.sandbox().orElseThrow();
    }

    private Sale onlySale() {
        List<Sale> sales = kiosk.services.journal().orElseThrow().createdBetween(Instant.EPOCH,
                Instant.now().plusSeconds(60));
        assertThat(sales).hasSize(1);
        return sales.get(0);
    }

    /** The texts shown in the kiosk's window now. */
    private List<String> texts() throws Exception {
        return TillWindowFixture.onFx(() -> {
            List<String> found = new ArrayList<>();
            collect(kiosk.view.root(), found);
            return found;
        });
    }

    private static void collect(Node node, List<String> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            into.add(labeled.getText());
        }
        if (node instanceof javafx.scene.control.TextInputControl input && input.getPromptText() != null) {
            into.add(input.getPromptText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
