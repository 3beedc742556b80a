package app.scantill.config;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.CapturedLogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The cashier's and the customer's language: {@code locale} and {@code locale.customer}. */
class LanguageSettingsTest {

    @TempDir
    Path home;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private AppConfig load(String... args) {
        return AppConfig.load(List.of(args), Map.of(), home);
    }

    @Test
    void theCustomerSpeaksTheCashiersLanguageUnlessToldOtherwise() {
        AppConfig c = load("--locale=de-CH");

        assertThat(c.problems()).isEmpty();
        assertThat(c.get(Settings.LOCALE)).isEqualTo(Locale.forLanguageTag("de-CH"));
        assertThat(c.get(Settings.CUSTOMER_LOCALE)).isEqualTo(CustomerLanguage.of(Locale.forLanguageTag("de-CH")));
    }

    @Test
    void cashierAndCustomerCanSpeakDifferentLanguages() {
        AppConfig c = load("--locale=de", "--locale.customer=ja");

        assertThat(c.get(Settings.LOCALE)).isEqualTo(Locale.GERMAN);
        assertThat(c.get(Settings.CUSTOMER_LOCALE).forScreens(Locale.GERMAN)).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void autoLetsThePaymentPageFollowThePhoneAndTheScreensTheCashier() {
        CustomerLanguage customer = load("--locale=fr", "--locale.customer=AUTO").get(Settings.CUSTOMER_LOCALE);

        assertThat(customer.isAuto()).isTrue();
        assertThat(customer.forScreens(Locale.FRENCH)).isEqualTo(Locale.FRENCH);
        assertThat(customer).hasToString("auto");
    }

    @Test
    void aLanguageScanTillDoesNotSpeakIsRefusedWithTheOnesItDoes() {
        AppConfig c = load("--locale=it", "--locale.customer=xx-!!");

        assertThat(c.problems()).extracting(ConfigProblem::setting).containsExactly("locale", "locale.customer");
        assertThat(English.text(c.problems().get(0).message())).contains("'it'").contains("en, de, fr, es or ja");
        assertThat(English.text(c.problems().get(1).message())).contains("not a language tag");
        assertThat(Languages.isShipped(c.get(Settings.LOCALE))).isTrue();
    }

    @Test
    void theComputersLanguageIsTheDefaultOnlyWhenScanTillSpeaksIt() {
        assertThat(Languages.machineDefault(Locale.forLanguageTag("ja-JP"))).isEqualTo(Locale.forLanguageTag("ja-JP"));
        assertThat(Languages.machineDefault(Locale.forLanguageTag("it-IT"))).isEqualTo(Locale.ENGLISH);
    }
}
