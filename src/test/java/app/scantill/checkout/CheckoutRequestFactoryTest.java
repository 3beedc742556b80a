package app.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.money.Money;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.SaleLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckoutRequestFactoryTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T04:27:13.618Z"), ZoneOffset.UTC);
    private final ChargeSettings settings = ChargeSettings.defaults("till-1", "https://till.example/ok", null);
    private final CheckoutRequestFactory factory = new CheckoutRequestFactory(settings, clock);

    private static long sent(CheckoutRequest request) {
        return request.lines().stream().mapToLong(l -> l.unitAmountMinor() * l.quantity()).sum();
    }

    @Test
    void aDiscountedLineThatDividesEvenlyIsOneLineAtTheDiscountedUnitAmountNamedWithBothPrices() {
        SaleLine tea = new SaleLine("TEA", "Tea", 300, 4, 200, app.scantill.money.TaxRate.ZERO);

        CheckoutRequest request = factory.build("S-1", 1, IdempotencyKeys.forAttempt("S-1", 1, false, "de"), Currency.getInstance("EUR"),
                List.of(tea), false, clock.instant());

        assertThat(request.lines()).singleElement().satisfies(l -> {
            assertThat(l.unitAmountMinor()).isEqualTo(250);
            assertThat(l.quantity()).isEqualTo(4);
            assertThat(l.name().replace('\u00a0', ' ')).as("German habits, the page speaks German")
                    .isEqualTo("Tea (3,00 € → 2,50 €)");
        });
    }

    @Test
    void threeDecimalAmountsStayInTensWhenALineIsSplit() {
        // 3 x 1.230 KWD less 0.100 = 3.590: 359 tens over 3 units -> 2 x 1.200 + 1 x 1.190
        SaleLine dates = new SaleLine("D", "Dates", 1230, 3, 100, app.scantill.money.TaxRate.ZERO);

        CheckoutRequest request = factory.build("S-1", 1, Currency.getInstance("KWD"), List.of(dates), false);

        assertThat(request.lines()).extracting(l -> l.unitAmountMinor() + "x" + l.quantity())
                .containsExactly("1200x2", "1190x1");
        assertThat(sent(request)).isEqualTo(3590);
    }

    @Test
    void aHundredLinesThatAllNeedSplittingStayWithinStripesHundredItemsAndAddUp() {
        List<SaleLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(new SaleLine("L" + i, "Item " + i, 100, 3, 1, app.scantill.money.TaxRate.ZERO));
        }

        CheckoutRequest request = factory.build("S-1", 1, Currency.getInstance("USD"), lines, false);

        assertThat(request.lines()).hasSize(100);
        assertThat(sent(request)).isEqualTo(100 * 299);
        assertThat(request.lines()).allSatisfy(l -> assertThat(l.unitAmountMinor()).isNotNegative());
        assertThat(request.lines().get(99).name()).contains("3 × ");
    }

    @Test
    void anUndiscountedCartKeepsTheFingerprintItHadBeforeDiscountsExisted() {
        List<SaleLine> plain = List.of(new SaleLine("A", "Apple", 100, 2));
        List<SaleLine> discounted = List.of(new SaleLine("A", "Apple", 100, 2, 10, app.scantill.money.TaxRate.ZERO));

        // SHA-256 of "scantill-cart-v1|USD|1:A|5:Apple|100|2", the form every earlier sale was hashed in
        assertThat(CheckoutRequestFactory.cartHash(Currency.getInstance("USD"), plain)).isEqualTo("432a2a39b575e887");
        assertThat(CheckoutRequestFactory.cartHash(Currency.getInstance("USD"), discounted))
                .isNotEqualTo("432a2a39b575e887");
    }

    @Test
    void yenIsChargedInWholeYenAndAboveTheFiftyYenMinimum() {
        Currency jpy = Currency.getInstance("JPY");
        assertThat(factory.validate(jpy, List.of(new SaleLine("A", "Onigiri", 500, 1)))).isEqualTo(Money.of(500, jpy));
        assertThatThrownBy(() -> factory.validate(jpy, List.of(new SaleLine("A", "Candy", 40, 1))))
                .hasMessageContaining("minimum charge of ¥50");
    }

    @Test
    void threeDecimalCurrencyPricesMustEndInZero() {
        Currency kwd = Currency.getInstance("KWD");
        assertThatThrownBy(() -> factory.validate(kwd, List.of(new SaleLine("A", "Dates", 1255, 1))))
                .isInstanceOf(CartNotChargeableException.class).hasMessageContaining("must end in 0");
        assertThat(factory.validate(kwd, List.of(new SaleLine("A", "Dates", 1250, 1))).minorUnits()).isEqualTo(1250);
    }

    @Test
    void emptyCartNamelessItemAndZeroTotalAreRefused() {
        Currency usd = Currency.getInstance("USD");
        assertThatThrownBy(() -> factory.validate(usd, List.of())).hasMessageContaining("empty");
        assertThatThrownBy(() -> factory.validate(usd, List.of(new SaleLine("A", " ", 100, 1))))
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> factory.validate(usd, List.of(new SaleLine("A", "Free bag", 0, 1))))
                .hasMessageContaining("zero");
    }

    @Test
    void currencyWithoutAKnownMinimumIsLeftToStripe() {
        Currency cad = Currency.getInstance("CAD");
        assertThat(factory.validate(cad, List.of(new SaleLine("A", "Gum", 1, 1))).minorUnits()).isEqualTo(1);
    }

    @Test
    void exactlyTheLimitsArePermitted() {
        Currency usd = Currency.getInstance("USD");
        List<SaleLine> hundred = java.util.Collections.nCopies(100, new SaleLine("A", "Apple", 1, 999));
        assertThat(factory.validate(usd, hundred).minorUnits()).isEqualTo(99_900);
        assertThat(factory.validate(usd, List.of(new SaleLine("A", "Car", 99_999_999, 1))).minorUnits())
                .isEqualTo(99_999_999);
    }

    @Test
    void expiryIsTheConfiguredLifetimeFromTheNextWholeSecond() {
        CheckoutRequest request = new CheckoutRequestFactory(settings.withSessionLifetime(Duration.ofHours(2)), clock)
                .build("S-1", 1, Currency.getInstance("EUR"), List.of(new SaleLine("A", "Book", 1200, 1)), false);
        // 04:27:13.618 rounds up: Stripe's minimum lifetime counts from its own clock, never shortened.
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-11-29T06:27:14Z"));
        assertThat(request.paymentMethods()).containsExactlyInAnyOrder(PaymentMethod.CARD, PaymentMethod.AMAZON_PAY);
        assertThat(request.cancelUrl()).isNull();
    }

    @Test
    void shortLifetimeLeavesStripeItsThirtyMinutesPlusAReplayWindow() {
        CheckoutRequestFactory factory = new CheckoutRequestFactory(settings, clock);
        Instant start = Instant.parse("2026-11-29T04:27:13Z");

        assertThat(factory.expiresAtFor(start)).isEqualTo(Instant.parse("2026-11-29T05:02:13Z"));
        assertThat(factory.stillAcceptable(factory.expiresAtFor(start))).isTrue();
        assertThat(factory.stillAcceptable(factory.expiresAtFor(start.minus(Duration.ofMinutes(4))))).isFalse();
    }

    @Test
    void dayLongLifetimeIsKeptFiveMinutesInsideStripesTwentyFourHours() {
        CheckoutRequestFactory dayLong = new CheckoutRequestFactory(settings.withSessionLifetime(Duration.ofHours(24)),
                clock);
        Instant start = Instant.parse("2026-11-29T04:27:13Z");
        assertThat(dayLong.expiresAtFor(start)).as("a create in the same second is still inside the window")
                .isEqualTo(start.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(5)));
    }

    @Test
    void expiryIsOnStripesClockOnceTheSkewIsNoticeable() {
        Instant start = Instant.parse("2026-11-29T04:27:13Z");
        assertThat(factory.expiresAtFor(start, ClockSkew.of(Duration.ofSeconds(59)))).isEqualTo(factory.expiresAtFor(start));
        assertThat(factory.expiresAtFor(start, ClockSkew.of(Duration.ofMinutes(7).plusSeconds(20))))
                .isEqualTo(factory.expiresAtFor(start).plus(Duration.ofMinutes(7)));
        assertThat(factory.expiresAtFor(start, ClockSkew.of(Duration.ofMinutes(-15).minusSeconds(2))))
                .isEqualTo(factory.expiresAtFor(start).minus(Duration.ofMinutes(15)));
    }

    @Test
    void minimumIsLeftToStripeWhenTheAccountSettlesInAnotherCurrency() {
        Currency usd = Currency.getInstance("USD");
        List<SaleLine> tea = List.of(new SaleLine("A", "Tea", 45, 1));
        assertThatThrownBy(() -> factory.validate(usd, tea)).isInstanceOf(CartNotChargeableException.class);
        CheckoutRequestFactory hkAccount = new CheckoutRequestFactory(
                settings.withSettlementCurrency(Optional.of(Currency.getInstance("HKD"))), clock);
        assertThat(hkAccount.validate(usd, tea)).isEqualTo(Money.of(45, usd));
        CheckoutRequestFactory usAccount = new CheckoutRequestFactory(
                settings.withSettlementCurrency(Optional.of(usd)), clock);
        assertThatThrownBy(() -> usAccount.validate(usd, tea)).isInstanceOf(CartNotChargeableException.class);
    }

    @Test
    void ugxTotalIsLimitedToStripesEightDigitsOfHundredths() {
        Currency ugx = Currency.getInstance("UGX");
        assertThat(factory.validate(ugx, List.of(new SaleLine("A", "Goat", 999_999, 1))).minorUnits())
                .isEqualTo(999_999);
        assertThatThrownBy(() -> factory.validate(ugx, List.of(new SaleLine("A", "Cow", 1_000_000, 1))))
                .isInstanceOf(CartNotChargeableException.class).hasMessageContaining("maximum");
    }

    @Test
    void requestIsDerivedFromTheJournaledAttemptAloneSoAReplayIsIdentical() {
        List<SaleLine> cart = List.of(new SaleLine("A", "Book", 1200, 1), new SaleLine("B", "Pen", 150, 3));
        Instant journaledStart = Instant.parse("2026-11-29T04:20:00.250Z");
        CheckoutRequest first = new CheckoutRequestFactory(settings, clock)
                .build("S-1", 2, "scantill-S-1-a2", Currency.getInstance("USD"), cart, false, journaledStart);
        CheckoutRequest afterRestart = new CheckoutRequestFactory(settings,
                Clock.offset(clock, Duration.ofMinutes(3)))
                .build("S-1", 2, "scantill-S-1-a2", Currency.getInstance("USD"), cart, false, journaledStart);

        assertThat(afterRestart).isEqualTo(first);
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2026-11-29T04:55:01Z"));
    }

    @Test
    void cardOnlyByChoiceTravelsInTheJournaledKey() {
        String key = IdempotencyKeys.forAttempt("S-1", 1,
                CheckoutRequestFactory.cardOnlyByChoice(Currency.getInstance("USD"), true));

        assertThat(key).isEqualTo("scantill-S-1-a1-card");
        assertThat(IdempotencyKeys.isCardOnlyChoice(key)).isTrue();
        assertThat(IdempotencyKeys.isCardOnlyChoice(IdempotencyKeys.forAttempt("S-1", 1))).isFalse();
        assertThat(CheckoutRequestFactory.cardOnlyByChoice(Currency.getInstance("CAD"), true))
                .as("card alone is CAD's only offer, not a choice").isFalse();
    }

    @Test
    void thePaymentPagesLanguageTravelsInTheJournaledKeyAndNotInTheSettings() {
        List<SaleLine> cart = List.of(new SaleLine("A", "Book", 1200, 1));
        Instant start = Instant.parse("2026-11-29T04:20:00Z");
        String key = IdempotencyKeys.forAttempt("S-1", 1, true, "ja");
        CheckoutRequestFactory german = new CheckoutRequestFactory(settings.withCheckoutLocale("de"), clock);

        assertThat(key).isEqualTo("scantill-S-1-a1-card-lang-ja");
        assertThat(IdempotencyKeys.isCardOnlyChoice(key)).isTrue();
        assertThat(IdempotencyKeys.checkoutLocale(key)).contains("ja");
        assertThat(german.build("S-1", 1, key, Currency.getInstance("EUR"), cart, true, start).locale())
                .as("the language the attempt was journaled with, whatever the settings say now").isEqualTo("ja");
        assertThat(german.build("S-1", 1, Currency.getInstance("EUR"), cart, false).locale()).isEqualTo("de");
    }

    @Test
    void anAttemptJournaledWithoutALanguageIsReplayedWithoutOne() {
        List<SaleLine> cart = List.of(new SaleLine("A", "Book", 1200, 1));
        Instant start = Instant.parse("2026-11-29T04:20:00Z");
        CheckoutRequest before = factory.build("S-1", 1, "scantill-S-1-a1", Currency.getInstance("EUR"), cart, false,
                start);
        CheckoutRequest replayed = new CheckoutRequestFactory(settings.withCheckoutLocale("fr"), clock)
                .build("S-1", 1, "scantill-S-1-a1", Currency.getInstance("EUR"), cart, false, start);

        assertThat(replayed).isEqualTo(before);
        assertThat(replayed.locale()).isNull();
        assertThat(IdempotencyKeys.checkoutLocale("scantill-S-lang-x-a1")).as("not a Checkout locale").isEmpty();
    }

    @Test
    void theCustomersLanguageBecomesStripesCheckoutLocale() {
        assertThat(CheckoutLocale.of(app.scantill.config.CustomerLanguage.AUTO)).isEqualTo("auto");
        assertThat(CheckoutLocale.of(java.util.Locale.JAPANESE)).isEqualTo("ja");
        assertThat(CheckoutLocale.of(java.util.Locale.forLanguageTag("de-CH"))).isEqualTo("de");
        assertThat(CheckoutLocale.of(java.util.Locale.forLanguageTag("fr-CA"))).isEqualTo("fr-CA");
        assertThat(CheckoutLocale.of(java.util.Locale.forLanguageTag("es-MX"))).isEqualTo("es-419");
        assertThat(CheckoutLocale.of(java.util.Locale.forLanguageTag("en-GB"))).isEqualTo("en-GB");
        assertThatThrownBy(() -> settings.withCheckoutLocale("klingon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cartHashChangesWithAnyLineAndNotWithTheAttempt() {
        Currency usd = Currency.getInstance("USD");
        List<SaleLine> cart = List.of(new SaleLine("A", "Apple", 100, 2));
        String hash = CheckoutRequestFactory.cartHash(usd, cart);
        assertThat(CheckoutRequestFactory.cartHash(usd, List.of(new SaleLine("A", "Apple", 100, 3)))).isNotEqualTo(hash);
        assertThat(CheckoutRequestFactory.cartHash(Currency.getInstance("EUR"), cart)).isNotEqualTo(hash);
        assertThat(CheckoutRequestFactory.cartHash(usd, List.of(new SaleLine("A|", "Apple", 100, 2))))
                .isNotEqualTo(CheckoutRequestFactory.cartHash(usd, List.of(new SaleLine("A", "|Apple", 100, 2))));
        assertThat(factory.build("S-1", 2, usd, cart, false).metadata().get("cart_hash")).isEqualTo(hash);
    }

    @Test
    void idempotencyKeyNamesSaleAndAttempt() {
        assertThat(IdempotencyKeys.forAttempt("S-20261129-0427-7KQ2XM", 3)).isEqualTo("scantill-S-20261129-0427-7KQ2XM-a3");
        assertThatThrownBy(() -> IdempotencyKeys.forAttempt("S-1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesToTheCapAndHonoursRetryAfter() {
        Duration base = Duration.ofSeconds(1);
        Duration cap = Duration.ofSeconds(30);
        assertThat(Backoff.delay(base, cap, 1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.delay(base, cap, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.delay(base, cap, 40, Optional.empty())).isEqualTo(cap);
        assertThat(Backoff.delay(base, cap, 1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(Backoff.delay(base, cap, 5, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void settingsRefuseALifetimeStripeWouldReject() {
        assertThatThrownBy(() -> settings.withSessionLifetime(Duration.ofMinutes(10)))
                .hasMessageContaining("30 minutes");
        assertThatThrownBy(() -> settings.withSessionLifetime(Duration.ofHours(25)))
                .hasMessageContaining("24 hours");
    }
}
