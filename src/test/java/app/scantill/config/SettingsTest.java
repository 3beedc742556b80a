package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules the settings table itself must keep, whatever settings are added to it. */
class SettingsTest {

    private static final UserEnvironment NOWHERE = new UserEnvironment(Map.of(), Path.of("/home/nobody"), "Linux");

    @Test
    void namesVariablesAndShortNamesAreEachUsedOnce() {
        List<String> names = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (Setting<?> s : Settings.all()) {
            names.add(s.name());
            names.addAll(s.aliases());
            s.environmentVariable().ifPresent(variables::add);
        }

        assertThat(names).doesNotHaveDuplicates().doesNotContain("config");
        assertThat(variables).doesNotHaveDuplicates().doesNotContain("SCANTILL_CONFIG");
    }

    @Test
    void everyFixedDefaultIsAValueItsOwnTypeAccepts() {
        AppConfig defaults = AppConfig.load(List.of(), NOWHERE);
        for (Setting<?> s : Settings.all()) {
            if (s.hasFixedDefault() && !s.defaultText().equals("none")) {
                assertThat(s.type().parse(s.defaultText(), NOWHERE)).as(s.name()).isEqualTo(defaults.get(s));
            }
        }
    }

    @Test
    void nothingConfiguredMeansEveryDefault() {
        AppConfig defaults = AppConfig.load(List.of(), NOWHERE);

        assertThat(defaults.problems()).isEmpty();
        for (Setting<?> s : Settings.all()) {
            if (s.hasFixedDefault()) {
                assertThat(formatted(s, defaults)).as(s.name()).isEqualTo(s.defaultText());
            }
        }
        assertThat(defaults.dataDir()).isEqualTo(Path.of("/home/nobody/.local/share/scantill"));
        assertThat(defaults.journalPath()).isEqualTo(defaults.dataDir().resolve(Settings.JOURNAL_FILE_NAME));
    }

    private static <T> String formatted(Setting<T> s, AppConfig config) {
        return s.type().format(config.get(s));
    }

    @Test
    void theSummaryNamesEverySettingAndNoSecret() {
        String key = "rk_" + "test_" + "SummaryKeyForTheTableTest0000W9z1";
        AppConfig config = AppConfig.load(List.of("--checkout.success_url=https://shop.example/ok"),
                new UserEnvironment(Map.of("STRIPE_SECRET_KEY", key), NOWHERE.home(), "Linux"));

        assertThat(config.mode()).isEqualTo(AppConfig.RunMode.TEST);
        assertThat(config.toString()).contains(Settings.all().stream().map(s -> s.name() + "=").toList())
                .contains("stripe.secret_key=rk_test_...W9z1").doesNotContain(key.substring(8));
    }

    @Test
    void aRefusedSecretIsNeverEchoedFromAnySource() {
        for (Setting<?> secret : Settings.all().stream().filter(Setting::isSecret).toList()) {
            String value = "not-a-secret-anyone-accepts SECRETMARKER";
            AppConfig fromCommandLine = AppConfig.load(List.of("--" + secret.name() + "=" + value), NOWHERE);
            List<AppConfig> loads = new ArrayList<>(List.of(fromCommandLine));
            secret.environmentVariable().ifPresent(v -> loads.add(AppConfig.load(List.of(),
                    new UserEnvironment(Map.of(v, value), NOWHERE.home(), "Linux"))));

            for (AppConfig c : loads) {
                assertThat(c.problems()).as(secret.name()).singleElement().satisfies(p -> {
                    assertThat(p.setting()).isEqualTo(secret.name());
                    assertThat(p.toString()).doesNotContain("SECRETMARKER");
                });
                assertThat(c.toString()).doesNotContain("SECRETMARKER");
            }
        }
    }

    @Test
    void aSettingIsFoundByItsNameOrItsShortNameOnly() {
        assertThat(Settings.byOption("catalog")).contains(Settings.CATALOG_PATH);
        assertThat(Settings.byOption("journal.path")).contains(Settings.JOURNAL_PATH);
        assertThat(Settings.byName("catalog")).as("short names are for the command line").isEmpty();
        assertThat(Settings.byOption("merchant")).isEqualTo(Optional.empty());
    }
}
