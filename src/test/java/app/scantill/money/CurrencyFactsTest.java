package app.scantill.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.money.CurrencyFacts.Rule;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stripe's table of currencies (https://docs.stripe.com/currencies), where it and the JDK disagree. */
class CurrencyFactsTest {

    private static final Currency UGX = Currency.getInstance("UGX");
    private static final Currency ISK = Currency.getInstance("ISK");
    private static final Currency HUF = Currency.getInstance("HUF");
    private static final Currency TWD = Currency.getInstance("TWD");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void iskAndUgxAreWholeUnitsInTheTillAndHundredthsInStripesApi() {
        for (Currency c : new Currency[] {UGX, ISK}) {
            assertThat(CurrencyFacts.stripe(c).orElseThrow().rule()).isEqualTo(Rule.WHOLE_UNITS_AS_TWO_DECIMAL);
            assertThat(CurrencyFacts.fractionDigits(c)).isZero();
            assertThat(CurrencyFacts.apiFactor(c)).isEqualTo(100);
        }
        assertThat(CurrencyFacts.toStripeAmount(Money.of(5, UGX))).as("5 UGX is sent as 500").isEqualTo(500);
        assertThat(CurrencyFacts.fromStripeAmount(500_000, UGX)).contains(Money.of(5_000, UGX));
        assertThat(CurrencyFacts.fromStripeAmount(500_050, UGX)).as("not a whole shilling").isEmpty();
        assertThat(new MoneyFormat(Locale.US).format(Money.of(5_000, UGX))).contains("5,000").doesNotContain(".");
    }

    @Test
    void hufAndTwdChargesAreTwoDecimalWhateverTheirPayoutsAre() {
        for (Currency c : new Currency[] {HUF, TWD}) {
            assertThat(CurrencyFacts.stripe(c).orElseThrow().rule()).isEqualTo(Rule.ZERO_DECIMAL_FOR_PAYOUTS_ONLY);
            assertThat(CurrencyFacts.fractionDigits(c)).isEqualTo(2);
            assertThat(CurrencyFacts.apiFactor(c)).isEqualTo(1);
        }
        assertThat(CurrencyFacts.toStripeAmount(Money.of(12_345, HUF))).isEqualTo(12_345);
    }

    @Test
    void stripesTableWinsOverTheJdksDigits() {
        Currency mga = Currency.getInstance("MGA");
        assertThat(mga.getDefaultFractionDigits()).as("the JDK").isEqualTo(2);
        assertThat(CurrencyFacts.fractionDigits(mga)).as("Stripe: zero-decimal").isZero();
        assertThat(CurrencyFacts.stripe(Currency.getInstance("KWD")).orElseThrow().apiDigits()).isEqualTo(3);
        assertThat(CurrencyFacts.fractionDigits(Currency.getInstance("JPY"))).isZero();
    }

    @Test
    void codesTheJdkKnowsButStripeDoesNotPresentAreNotInTheTable() {
        assertThat(CurrencyFacts.stripePresents(Currency.getInstance("XTS"))).isFalse();
        assertThat(CurrencyFacts.stripePresents(Currency.getInstance("XAU"))).isFalse();
        assertThat(CurrencyFacts.stripePresents(USD)).isTrue();
        assertThat(CurrencyFacts.apiFactor(Currency.getInstance("XAU"))).isEqualTo(1);
    }

    @Test
    void maximumIsEightDigitsOfStripesUnits() {
        assertThat(CurrencyFacts.maximumCharge(USD)).isEqualTo(Money.of(99_999_999, USD));
        assertThat(CurrencyFacts.maximumCharge(UGX)).as("999,999 UGX is 99,999,900 in the API")
                .isEqualTo(Money.of(999_999, UGX));
        assertThatThrownBy(() -> CurrencyFacts.toStripeAmount(Money.of(Long.MAX_VALUE / 10, UGX)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void minimumTheTillChecksDependsOnTheSettlementCurrency() {
        Currency hkd = Currency.getInstance("HKD");
        assertThat(CurrencyFacts.minimumCharge(USD, Optional.empty())).contains(Money.of(50, USD));
        assertThat(CurrencyFacts.minimumCharge(USD, Optional.of(USD))).contains(Money.of(50, USD));
        assertThat(CurrencyFacts.minimumCharge(USD, Optional.of(hkd))).as("after conversion: Stripe's to check")
                .isEmpty();
        assertThat(CurrencyFacts.minimumCharge(hkd)).contains(Money.of(400, hkd));
    }
}
