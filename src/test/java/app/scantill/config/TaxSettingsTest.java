package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.English;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tax.default_rate, tax.rounding and tax.stripe_rates: read as written, refused with a sentence, never a crash. */
class TaxSettingsTest {

    @TempDir
    Path home;

    private AppConfig load(String... args) {
        return AppConfig.load(List.of(args), new HashMap<>(), home);
    }

    @Test
    void withoutSettingsThereIsNoTaxRoundedPerLineAndNothingForStripe() {
        AppConfig c = load();

        assertThat(c.problems()).isEmpty();
        assertThat(c.get(Settings.TAX_DEFAULT_RATE)).isEqualTo(TaxRate.ZERO);
        assertThat(c.get(Settings.TAX_ROUNDING)).isEqualTo(TaxRounding.PER_LINE);
        assertThat(c.get(Settings.TAX_STRIPE_RATES)).isEmpty();
    }

    @Test
    void ratesAndMappingsAreReadAsAPersonWritesThem() {
        AppConfig c = load("--tax.default_rate=7,7 %", "--tax.rounding=PER_RECEIPT",
                "--tax.stripe_rates=19=txr_1AbC, 7 = txr_2DeF");

        assertThat(c.problems()).isEmpty();
        assertThat(c.get(Settings.TAX_DEFAULT_RATE)).isEqualTo(new TaxRate(770));
        assertThat(c.get(Settings.TAX_ROUNDING)).isEqualTo(TaxRounding.PER_RECEIPT);
        StripeTaxRates mapped = c.get(Settings.TAX_STRIPE_RATES).orElseThrow();
        assertThat(mapped.idFor(new TaxRate(1900))).contains("txr_1AbC");
        assertThat(mapped.idFor(new TaxRate(700))).contains("txr_2DeF");
        assertThat(mapped.idFor(TaxRate.ZERO)).isEmpty();
        assertThat(mapped.written()).isEqualTo("7=txr_2DeF,19=txr_1AbC");
        assertThat(mapped.basisPointsById()).isEqualTo(java.util.Map.of("txr_1AbC", 1900, "txr_2DeF", 700));
    }

    @Test
    void aRateThatIsNoPercentageIsRefusedWithWhatToWrite() {
        AppConfig c = load("--tax.default_rate=1900");

        assertThat(c.get(Settings.TAX_DEFAULT_RATE)).isEqualTo(TaxRate.ZERO);
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("tax.default_rate");
            assertThat(English.text(p.message())).contains("'1900' is not a tax rate", "such as 19 or 7.7");
        });
    }

    @Test
    void anUnknownRoundingIsRefused() {
        AppConfig c = load("--tax.rounding=per_basket");

        assertThat(c.get(Settings.TAX_ROUNDING)).isEqualTo(TaxRounding.PER_LINE);
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(English.text(p.message()))
                .contains("'per_basket' is not a tax rounding", "per_line or per_receipt"));
    }

    @Test
    void aMappingMustNameAStripeTaxRateOncePerRate() {
        Map<String, String> refusals = Map.of(
                "19=tr_123", "'19=tr_123' is not a rate with its Stripe tax rate",
                "nineteen=txr_123", "'nineteen=txr_123' is not a rate",
                "txr_123", "'txr_123' is not a rate",
                "19=txr_1,19=txr_2", "the rate 19 % is given two Stripe tax rates",
                "19=txr_1,7=txr_1", "the Stripe tax rate txr_1 is given to two rates");
        refusals.forEach((written, sentence) -> {
            AppConfig c = load("--tax.stripe_rates=" + written);
            assertThat(c.get(Settings.TAX_STRIPE_RATES)).as(written).isEmpty();
            assertThat(c.problems()).as(written).singleElement()
                    .satisfies(p -> assertThat(English.text(p.message())).contains(sentence));
        });
    }
}
