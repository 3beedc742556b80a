package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** display.customer: where the customer display goes, for the screens attached. */
class CustomerDisplayChoiceTest {

    @TempDir
    Path home;

    @Test
    void autoTakesTheSecondScreenWhenThereIsOneAndNoneOtherwise() {
        assertThat(CustomerDisplayChoice.AUTO.screenIndex(1)).isEmpty();
        assertThat(CustomerDisplayChoice.AUTO.screenIndex(2)).isEqualTo(OptionalInt.of(1));
        assertThat(CustomerDisplayChoice.AUTO.screenIndex(3)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aNumberTakesThatScreenOnlyWhileItIsAttachedAndOffAndWindowTakeNone() {
        assertThat(CustomerDisplayChoice.screen(2).screenIndex(1)).isEmpty();
        assertThat(CustomerDisplayChoice.screen(2).screenIndex(2)).isEqualTo(OptionalInt.of(1));
        assertThat(CustomerDisplayChoice.screen(1).screenIndex(2)).isEqualTo(OptionalInt.of(0));
        assertThat(CustomerDisplayChoice.OFF.screenIndex(2)).isEmpty();
        assertThat(CustomerDisplayChoice.WINDOW.screenIndex(2)).isEmpty();
    }

    @Test
    void theSettingReadsEveryFormAndRefusesTheRestKeepingAuto() {
        assertThat(load("auto")).isEqualTo(CustomerDisplayChoice.AUTO);
        assertThat(load(" OFF ")).isEqualTo(CustomerDisplayChoice.OFF);
        assertThat(load("window")).isEqualTo(CustomerDisplayChoice.WINDOW);
        assertThat(load("2")).isEqualTo(CustomerDisplayChoice.screen(2));
        assertThat(CustomerDisplayChoice.screen(2)).hasToString("2");

        AppConfig config = AppConfig.load(List.of("--display.customer=left"), Map.of(), home);
        assertThat(config.get(Settings.CUSTOMER_DISPLAY)).isEqualTo(CustomerDisplayChoice.AUTO);
        assertThat(config.problems()).singleElement().satisfies(p -> assertThat(p.setting())
                .isEqualTo("display.customer"));
        assertThat(AppConfig.load(List.of("--display.customer=0"), Map.of(), home).problems()).hasSize(1);
        assertThat(AppConfig.load(List.of("--display.customer=10"), Map.of(), home).problems()).hasSize(1);
    }

    private CustomerDisplayChoice load(String value) {
        AppConfig config = AppConfig.load(List.of("--display.customer=" + value), Map.of(), home);
        assertThat(config.problems()).isEmpty();
        return config.get(Settings.CUSTOMER_DISPLAY);
    }
}
