package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A sandbox that listens on this computer only cannot be reached by a phone: the charge screen says so
 * beside the code and names the setting that lets it, in the till and in the kiosk.
 */
@ExtendWith(ApplicationExtension.class)
class PhoneNoteTest {

    @TempDir
    Path dir;

    private Stage stage;
    private TillWindowFixture till;
    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (till != null) {
            till.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void theTillsChargeScreenSaysAPhoneCannotOpenTheLinkAndNamesSandboxBindLan() throws Exception {
        for (String bind : List.of("loopback", "127.0.0.1")) {
            till = TillWindowFixture.start(stage, Files.createDirectories(dir.resolve(bind)),
                    List.of("--poll.interval_ms=250", "--sandbox.bind=" + bind), Map.of());
            till.charge(TillWindowFixture.LATTE);
            till.waitForPhase(20, Phase.AWAITING_PAYMENT);
            Label note = TillWindowFixture.onFx(() -> (Label) till.view.root().lookup("#phone-note"));
            assertThat(TillWindowFixture.onFx(() -> shown(note))).as(bind).isTrue();
            assertThat(note.getText()).as(bind).contains("A phone cannot open this link").contains("sandbox.bind=lan");
            till.close();
            till = null;
        }
    }

    @Test
    void withStripeItselfThereIsNothingToSay() throws Exception {
        String key = "sk_test_PhoneNote" + "x".repeat(24);
        try (StripeSandbox stripe = StripeSandbox.start(SandboxOptions.inMemory().withSecretKey(key))) {
            till = TillWindowFixture.start(stage, Files.createDirectories(dir.resolve("stripe")),
                    List.of("--checkout.success_url=" + stripe.defaultSuccessUrl(), "--poll.interval_ms=250"),
                    Map.of("STRIPE_SECRET_KEY", key, "STRIPE_API_BASE", stripe.apiBase()));
            till.charge(TillWindowFixture.LATTE);
            till.waitForPhase(20, Phase.AWAITING_PAYMENT);
            Label note = TillWindowFixture.onFx(() -> (Label) till.view.root().lookup("#phone-note"));
            assertThat(TillWindowFixture.onFx(() -> shown(note))).isFalse();
            till.close();
            till = null;
        }
    }

    @Test
    void theKiosksPaymentScreenSaysItToo() throws Exception {
        kiosk = KioskFixture.start(dir.resolve("kiosk"), List.of("--poll.interval_ms=250"));
        TillWindowFixture.onFx(() -> {
            kiosk.model.touched();
            kiosk.till.cashier().scan(TillWindowFixture.LATTE);
            kiosk.model.pay();
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> TillWindowFixture
                .onFx(() -> kiosk.till.chargeModelProperty().get().phaseProperty().get() == Phase.AWAITING_PAYMENT));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Label note = TillWindowFixture.onFx(() -> (Label) kiosk.view.root().lookup("#kiosk-phone-note"));
        assertThat(TillWindowFixture.onFx(() -> shown(note))).isTrue();
        assertThat(note.getText()).contains("sandbox.bind=lan");
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
