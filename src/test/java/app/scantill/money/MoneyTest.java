package app.scantill.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void jpyIsFormattedWithoutDecimals() {
        assertThat(new MoneyFormat(Locale.US).format(Money.of(500, JPY))).isEqualTo("¥500");
        assertThat(Money.of(500, JPY).toString()).isEqualTo("500 JPY");
    }

    @Test
    void usdIsFormattedWithCents() {
        assertThat(new MoneyFormat(Locale.US).format(Money.of(1250, USD))).isEqualTo("$12.50");
        assertThat(Money.of(5, USD).toString()).isEqualTo("0.05 USD");
    }

    @Test
    void formattingFollowsTheLocale() {
        String german = new MoneyFormat(Locale.GERMANY).format(Money.of(123456, Currency.getInstance("EUR")));
        assertThat(german).contains("1.234,56").contains("€");
    }

    @Test
    void mixingCurrenciesIsRefused() {
        assertThatThrownBy(() -> Money.of(1, USD).plus(Money.of(1, JPY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("JPY");
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1, USD).times(2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void pricesParseIntoMinorUnitsOfTheirCurrency() {
        assertThat(MoneyFormat.parseMinorUnits("3.50", USD)).isEqualTo(350);
        assertThat(MoneyFormat.parseMinorUnits("3", USD)).isEqualTo(300);
        assertThat(MoneyFormat.parseMinorUnits("500", JPY)).isEqualTo(500);
        assertThat(MoneyFormat.parseMinorUnits("500.0", JPY)).isEqualTo(500);
    }

    @Test
    void badPricesAreRefusedWithReadableReasons() {
        assertThatThrownBy(() -> MoneyFormat.parseMinorUnits("-1.00", USD)).hasMessageContaining("negative");
        assertThatThrownBy(() -> MoneyFormat.parseMinorUnits("1.005", USD)).hasMessageContaining("decimals");
        assertThatThrownBy(() -> MoneyFormat.parseMinorUnits("12.5", JPY)).hasMessageContaining("no minor unit");
        assertThatThrownBy(() -> MoneyFormat.parseMinorUnits("1e3", USD)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> MoneyFormat.parseMinorUnits("", USD)).hasMessageContaining("empty");
        assertThatThrownBy(() -> MoneyFormat.parseMinorUnits("999999999999999999", USD))
                .hasMessageContaining("too large");
    }

    @Test
    void stripeDecimalsWinOverTheJdk() {
        assertThat(CurrencyFacts.fractionDigits(Currency.getInstance("UGX"))).isZero();
        assertThat(CurrencyFacts.fractionDigits(Currency.getInstance("KWD"))).isEqualTo(3);
        assertThat(CurrencyFacts.isThreeDecimal(Currency.getInstance("BHD"))).isTrue();
    }

    @Test
    void amazonPayCurrenciesAndMinimumsMatchStripesTables() {
        assertThat(CurrencyFacts.amazonPayCurrencies()).hasSize(12).contains("ZAR").doesNotContain("CAD");
        assertThat(CurrencyFacts.minimumCharge(USD)).contains(Money.of(50, USD));
        assertThat(CurrencyFacts.minimumCharge(JPY)).contains(Money.of(50, JPY));
        assertThat(CurrencyFacts.minimumCharge(Currency.getInstance("CAD"))).isEmpty();
        assertThat(CurrencyFacts.lookup("usd")).contains(USD);
        assertThat(CurrencyFacts.lookup("XYZ")).isEmpty();
        assertThat(CurrencyFacts.lookup("12")).isEmpty();
    }
}
