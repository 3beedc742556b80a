package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.StripeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One whole sale through the window in German and in Japanese: the cashier reads every step in the
 * configured language, and Stripe's payment page is asked for the customer's language (what the
 * sandbox received is checked).
 */
@ExtendWith(ApplicationExtension.class)
class TillLanguagesTest {

    @TempDir
    Path dir;

    private Stage stage;
    private TillWindowFixture till;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (till != null) {
            till.close();
        }
    }

    @Test
    void aSaleInGerman(FxRobot robot) throws Exception {
        start("--locale=de-DE");
        assertThat(TillWindowFixture.allTexts()).contains("Kassieren  F12", "Verlauf  F9", "SANDBOX")
                .doesNotContain("Charge  F12", "History  F9");

        sell(robot);

        assertThat(TillWindowFixture.allTexts()).contains("Abbrechen", "Scannen und mit Amazon Pay oder Karte bezahlen",
                "7,75\u00a0$").anyMatch(t -> t.startsWith("Läuft ab in "));
        assertThat(checkoutLocaleSent()).contains("de");

        payAndSee("Bezahlt", "Bezahlt mit Karte", "Neuer Verkauf");
    }

    @Test
    void aSaleInJapanese(FxRobot robot) throws Exception {
        start("--locale=ja");
        assertThat(TillWindowFixture.allTexts()).contains("会計  F12", "履歴  F9", "サンドボックス");

        sell(robot);

        assertThat(TillWindowFixture.allTexts()).contains("取消", "スキャンして Amazon Pay またはカードで支払う", "$7.75")
                .anyMatch(t -> t.startsWith("残り "));
        assertThat(checkoutLocaleSent()).contains("ja");

        payAndSee("支払い済み", "カードで支払い済み", "次の販売");
    }

    @Test
    void theCustomersLanguageGoesToStripeWhileTheCashierKeepsTheirs(FxRobot robot) throws Exception {
        start("--locale=de", "--locale.customer=ja");

        sell(robot);

        assertThat(checkoutLocaleSent()).contains("ja");
        assertThat(TillWindowFixture.allTexts()).contains("Abbrechen").doesNotContain("取消");
    }

    private void start(String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add("--poll.interval_ms=250");
        till = TillWindowFixture.start(stage, Files.createDirectories(dir.resolve("till")), args, Map.of());
    }

    /** Espresso and Caffe Latte scanned and charged from the keyboard, as a cashier would. */
    private void sell(FxRobot robot) throws Exception {
        robot.write(TillWindowFixture.ESPRESSO).type(KeyCode.ENTER);
        robot.write(TillWindowFixture.LATTE).type(KeyCode.ENTER);
        robot.type(KeyCode.F12);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
    }

    /** The {@code locale} of the create request Stripe (here the sandbox) received. */
    private Optional<String> checkoutLocaleSent() {
        List<RecordedRequest> creates = sandbox().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/checkout/sessions")).toList();
        assertThat(creates).hasSize(1);
        return creates.get(0).param("locale");
    }

    private void payAndSee(String... texts) throws Exception {
        sandbox().pay(till.status().sessionId(), "card");
        till.waitForPhase(20, Phase.PAID);
        assertThat(TillWindowFixture.allTexts()).contains(texts);
        till.newSale();
    }

    private StripeSandbox sandbox() {
        return till.services.sandbox().orElseThrow();
    }
}
