package app.scantill.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxRateTest {

    @Test
    void readsPercentagesAsPeopleWriteThem() {
        assertThat(TaxRate.parsePercent("19")).contains(new TaxRate(1900));
        assertThat(TaxRate.parsePercent("7.7")).contains(new TaxRate(770));
        assertThat(TaxRate.parsePercent("5,5 %")).contains(new TaxRate(550));
        assertThat(TaxRate.parsePercent(" 0 ")).contains(TaxRate.ZERO);
        assertThat(TaxRate.parsePercent("100")).contains(new TaxRate(10_000));
    }

    @Test
    void refusesWhatIsNoPercentage() {
        assertThat(TaxRate.parsePercent("")).isEmpty();
        assertThat(TaxRate.parsePercent("-5")).isEmpty();
        assertThat(TaxRate.parsePercent("19.005")).isEmpty();
        assertThat(TaxRate.parsePercent("1900")).isEmpty();
        assertThat(TaxRate.parsePercent("100.01")).isEmpty();
        assertThat(TaxRate.parsePercent("abc")).isEmpty();
        assertThat(TaxRate.parsePercent(null)).isEmpty();
        assertThatThrownBy(() -> new TaxRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRate(10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesThePercentageWithoutTrailingZeros() {
        assertThat(new TaxRate(1900).percentText()).isEqualTo("19");
        assertThat(new TaxRate(770).percentText()).isEqualTo("7.7");
        assertThat(new TaxRate(5).percentText()).isEqualTo("0.05");
        assertThat(TaxRate.ZERO.percentText()).isEqualTo("0");
    }
}
