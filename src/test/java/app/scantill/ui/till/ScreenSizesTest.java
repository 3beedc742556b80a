package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.ui.ScreenFit;
import app.scantill.ui.charge.QrCodeView;
import app.scantill.ui.customer.CustomerDisplayModel;
import app.scantill.ui.customer.CustomerWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The till's screens on the screens tills have: a 1024x768 touch screen, 1280x800, 1920x1080 and a
 * portrait 1080x1920. At each size nothing lies outside the window, no words are cut short, every button
 * is a fingertip wide, and the payment code is as large as its space allows.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenSizesTest {

    static final List<double[]> SIZES = ScreenFit.TILL_SCREENS;

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
    void theCashierScreenFitsEveryTillScreen() throws Exception {
        open();
        TillWindowFixture.onFx(() -> {
            till.cashier().scan(TillWindowFixture.ESPRESSO);
            till.cashier().scan(TillWindowFixture.LATTE);
            return null;
        });
        assertFitsEverySize(stage, "cashier screen");

        TillWindowFixture.onFx(() -> {
            till.cashier().toggleHelp();
            return null;
        });
        assertFitsEverySize(stage, "help");
    }

    @Test
    void theChargeScreenFitsEveryTillScreenWithTheCodeAsLargeAsItCanBe() throws Exception {
        open();
        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        for (double[] size : SIZES) {
            assertThat(problems(stage, size)).as("charge screen at %sx%s", size[0], size[1]).isEmpty();
            assertCodeFillsItsSpace(stage, size, "#qr-code", 0.45);
        }
        till.services.sandbox().orElseThrow().pay(till.status().sessionId(), "card");
        till.waitForPhase(20, Phase.PAID);
        assertFitsEverySize(stage, "paid");
    }

    @Test
    void theSmallChargeScreenBesideTheCartFitsEveryTillScreen() throws Exception {
        open();
        TillWindowFixture.onFx(() -> {
            till.view.setCustomerDisplayShown(true);
            return null;
        });
        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        assertFitsEverySize(stage, "charge screen beside the cart");
    }

    @Test
    void theCustomerDisplayFitsEveryScreenWithTheCodeAsLargeAsItCanBe() throws Exception {
        open();
        customer = TillWindowFixture.onFx(() -> {
            till.view.setCustomerDisplayShown(true);
            return CustomerWindow.inWindow(new Stage(), CustomerDisplayModel.forSettings(till.model,
                    till.services.config(), ZoneId.systemDefault()), 1024, 768);
        });
        Stage display = customer.stage();
        assertFitsEverySize(display, "welcome");
        TillWindowFixture.onFx(() -> {
            till.cashier().scan(TillWindowFixture.ESPRESSO);
            till.cashier().scan(TillWindowFixture.LATTE);
            return null;
        });
        assertFitsEverySize(display, "customer's cart");
        TillWindowFixture.onFx(() -> {
            till.cashier().charge();
            return null;
        });
        till.waitForPhase(20, Phase.AWAITING_PAYMENT);
        for (double[] size : SIZES) {
            assertThat(problems(display, size)).as("customer's code at %sx%s", size[0], size[1]).isEmpty();
            // The code takes most of the screen's shorter side: a phone reads it from a step away.
            assertCodeFillsItsSpace(display, size, "#customer-qr", 0.6);
        }
        till.services.sandbox().orElseThrow().pay(till.status().sessionId(), "card");
        till.waitForPhase(20, Phase.PAID);
        assertFitsEverySize(display, "thank you");
    }

    private void open() throws Exception {
        till = TillWindowFixture.start(stage, Files.createDirectories(dir.resolve("till")),
                List.of("--poll.interval_ms=250"), Map.of());
    }

    /** The window at each till screen size, with what does not fit at that size. */
    static void assertFitsEverySize(Stage window, String what) throws Exception {
        List<String> all = new ArrayList<>();
        for (double[] size : SIZES) {
            problems(window, size).forEach(p -> all.add(what + " at " + (int) size[0] + "x" + (int) size[1] + ": " + p));
        }
        assertThat(all).as(what).isEmpty();
    }

    static List<String> problems(Stage window, double[] size) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return TillWindowFixture.onFx(() -> ScreenFit.at(window.getScene(), size[0], size[1], ScreenFit::problems));
    }

    /**
     * At that size the code's image is the largest whole-pixel scale of its area, and the area is at least
     * {@code share} of the window's shorter side each way.
     */
    private static void assertCodeFillsItsSpace(Stage window, double[] size, String query, double share)
            throws Exception {
        double[] measured = TillWindowFixture.onFx(() -> ScreenFit.at(window.getScene(), size[0], size[1], scene -> {
            QrCodeView code = (QrCodeView) scene.getRoot().lookup(query);
            return new double[] {code.getWidth(), code.getHeight(), code.imageView().getImage().getWidth(),
                code.matrixProperty().get().size()};
        }));
        double area = Math.min(measured[0], measured[1]);
        assertThat(measured[2]).as("code in its %sx%s area at %sx%s", measured[0], measured[1], size[0], size[1])
                .isGreaterThan(area - measured[3]).isLessThanOrEqualTo(area);
        assertThat(area).as("the code's area at %sx%s", size[0], size[1])
                .isGreaterThanOrEqualTo(Math.min(size[0], size[1]) * share);
    }
}
