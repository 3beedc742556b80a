package app.scantill.cart;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.catalog.Ean13;
import app.scantill.catalog.Product;
import app.scantill.money.Money;
import app.scantill.sale.SaleLine;
import org.junit.jupiter.api.Test;

class CartTest {

    private static int nextBarcode = 1;

    private static Product product(String sku, String name, long minor, String currency) {
        String twelve = String.format("20%010d", nextBarcode++);
        return Product.of(sku, twelve + Ean13.checkDigit(twelve), name, Money.of(minor, currency), "Test");
    }

    private final Cart cart = new Cart();
    private final Product espresso = product("COF-ESP", "Espresso", 300, "USD");
    private final Product latte = product("COF-LAT", "Caffe Latte", 475, "USD");
    private final Product stroopwafel = product("EU-STRW", "Stroopwafel Tin", 690, "EUR");
    private final Product mochi = product("JP-MOCH", "Mochi Assortment", 850, "JPY");
    private final Product maple = product("CA-MAPL", "Maple Syrup", 1299, "CAD");

    @Test
    void aLineDiscountLowersTheTotalAndTheSnapshotCarriesItAndItsReason() {
        cart.add(espresso, 3);
        cart.add(latte);

        CartOutcome given = cart.discountLine("COF-ESP", app.scantill.sale.Discount.percent(1000,
                app.scantill.sale.DiscountReason.LOYALTY, ""));

        assertThat(English.text(given.message())).isEqualTo("Discount given on Espresso");
        assertThat(cart.total()).contains(Money.of(900 - 90 + 475, "USD"));
        assertThat(cart.listTotal()).contains(Money.of(1375, "USD"));
        CartSnapshot snapshot = cart.snapshot().orElseThrow();
        assertThat(snapshot.lines()).extracting(SaleLine::discountMinor).containsExactly(90L, 0L);
        assertThat(snapshot.total()).isEqualTo(Money.of(1285, "USD"));
        assertThat(snapshot.discounts().line(1)).isPresent();
    }

    @Test
    void anAmountAboveTheLineOrTheCartIsRefusedAndChangesNothing() {
        cart.add(espresso);

        CartOutcome line = cart.discountLine("COF-ESP", app.scantill.sale.Discount.amount(301,
                app.scantill.sale.DiscountReason.OTHER, ""));
        CartOutcome whole = cart.discountCart(app.scantill.sale.Discount.amount(301,
                app.scantill.sale.DiscountReason.OTHER, ""));

        assertThat(line.refused()).isTrue();
        assertThat(English.text(whole.message())).isEqualTo("A discount of $3.01 is more than the $3.00 it would come off.");
        assertThat(cart.total()).contains(Money.of(300, "USD"));
    }

    @Test
    void aLineKeepsItsAmountOffWhenItShrinksButNeverGoesBelowZeroAndRemovingItForgetsTheDiscount() {
        cart.add(espresso, 2);
        cart.discountLine("COF-ESP", app.scantill.sale.Discount.amount(500, app.scantill.sale.DiscountReason.STAFF, ""));
        cart.setQuantity("COF-ESP", 1);

        assertThat(cart.total()).as("the 5.00 off takes the 3.00 line and no more").contains(Money.of(0, "USD"));
        assertThat(cart.chargeability().status()).isEqualTo(Chargeability.Status.ZERO_TOTAL);

        cart.remove("COF-ESP");
        cart.add(espresso);
        assertThat(cart.lineDiscount("COF-ESP")).isEmpty();
        assertThat(cart.total()).contains(Money.of(300, "USD"));
    }

    @Test
    void threeDecimalCurrenciesTakeDiscountAmountsEndingInZeroOnly() {
        Product dates = product("KW-DATE", "Dates", 1230, "KWD");
        cart.add(dates);

        CartOutcome odd = cart.discountCart(app.scantill.sale.Discount.amount(105, app.scantill.sale.DiscountReason.OTHER,
                ""));

        assertThat(English.text(odd.message())).isEqualTo("Discounts in KWD must end in 0, like every amount in KWD.");
        assertThat(cart.discountCart(app.scantill.sale.Discount.amount(110, app.scantill.sale.DiscountReason.OTHER, ""))
                .accepted()).isTrue();
        assertThat(cart.total()).contains(Money.of(1120, "KWD"));
    }

    @Test
    void firstItemFixesTheCurrency() {
        assertThat(cart.currency()).isEmpty();

        CartOutcome outcome = cart.add(stroopwafel);

        assertThat(outcome.accepted()).isTrue();
        assertThat(cart.currency()).hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("EUR"));
        assertThat(cart.total()).contains(Money.of(690, "EUR"));
    }

    @Test
    void addingTheSameItemAgainRaisesItsQuantity() {
        cart.add(espresso);
        CartOutcome outcome = cart.add(espresso);

        assertThat(English.text(outcome.message())).isEqualTo("Added Espresso (quantity 2)");
        assertThat(cart.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(cart.total()).contains(Money.of(600, "USD"));
    }

    @Test
    void itemInAnotherCurrencyIsRefusedWithBothCurrenciesNamedAndCartUnchanged() {
        cart.add(espresso);

        CartOutcome outcome = cart.add(stroopwafel);

        assertThat(outcome.refused()).isTrue();
        assertThat(English.text(outcome.message())).startsWith("Cart is in USD; EUR items need a separate sale")
                .contains("Stroopwafel Tin");
        assertThat(cart.lines()).extracting(CartLine::sku).containsExactly("COF-ESP");
        assertThat(cart.total()).contains(Money.of(300, "USD"));
    }

    @Test
    void emptyingTheCartFreesTheCurrency() {
        cart.add(espresso);
        cart.clear();

        assertThat(cart.currency()).isEmpty();
        assertThat(cart.add(stroopwafel).accepted()).isTrue();
    }

    @Test
    void removingTheLastLineFreesTheCurrency() {
        cart.add(espresso);
        assertThat(English.text(cart.remove("cof-esp").message())).isEqualTo("Removed Espresso");

        assertThat(cart.currency()).isEmpty();
        assertThat(cart.add(mochi).accepted()).isTrue();
    }

    @Test
    void atMostOneHundredDistinctLines() {
        for (int i = 0; i < SaleLine.MAX_PER_SALE; i++) {
            assertThat(cart.add(product("L" + i, "Item " + i, 1, "USD")).accepted()).isTrue();
        }

        CartOutcome outcome = cart.add(product("L100", "One too many", 1, "USD"));

        assertThat(outcome.refused()).isTrue();
        assertThat(English.text(outcome.message())).contains("at most 100 different items").contains("One too many");
        assertThat(cart.lineCount()).isEqualTo(100);
        assertThat(cart.add(cart.lines().get(0).product()).accepted()).as("existing line may still grow").isTrue();
    }

    @Test
    void quantityCannotGoAbove999() {
        cart.add(espresso, 998);
        assertThat(cart.increase("COF-ESP").accepted()).isTrue();

        CartOutcome outcome = cart.increase("COF-ESP");

        assertThat(outcome.refused()).isTrue();
        assertThat(English.text(outcome.message())).isEqualTo("Quantity of Espresso cannot go above 999 in one sale");
        assertThat(cart.line("COF-ESP")).map(CartLine::quantity).contains(999);
        assertThat(English.text(cart.add(espresso).message())).contains("cannot go above 999");
    }

    @Test
    void quantityOutsideOneTo999IsRefusedWhenSet() {
        cart.add(espresso);

        assertThat(English.text(cart.setQuantity("COF-ESP", 0).message()))
                .isEqualTo("Quantity must be between 1 and 999 (Espresso stays at 1)");
        assertThat(cart.setQuantity("COF-ESP", 1000).refused()).isTrue();
        assertThat(English.text(cart.add(latte, 0).message())).contains("between 1 and 999");
        assertThat(cart.line("COF-ESP")).map(CartLine::quantity).contains(1);
    }

    @Test
    void quantityCannotBeLoweredBelowOne() {
        cart.add(espresso, 2);
        assertThat(cart.decrease("COF-ESP").accepted()).isTrue();

        CartOutcome outcome = cart.decrease("COF-ESP");

        assertThat(English.text(outcome.message())).isEqualTo(
                "Espresso is already at quantity 1; remove the line to take it out of the sale");
        assertThat(cart.line("COF-ESP")).map(CartLine::quantity).contains(1);
    }

    @Test
    void totalCannotExceedStripesMaximum() {
        Product watch = product("W1", "Watch", 999_999, "USD");
        assertThat(cart.add(watch, 99).accepted()).isTrue(); // 98,999,901
        Product ring = product("R1", "Ring", 1_000_100, "USD");

        CartOutcome outcome = cart.add(ring);

        assertThat(outcome.refused()).isTrue();
        assertThat(English.text(outcome.message())).isEqualTo(
                "The total would be $1,000,000.01, above the $999,999.99 one sale may have; Ring was not added");
        assertThat(cart.total()).contains(Money.of(98_999_901, "USD"));
    }

    @Test
    void raisingAQuantityPastTheMaximumTotalIsRefused() {
        Product watch = product("W1", "Watch", 50_000_000, "USD");
        cart.add(watch);

        CartOutcome outcome = cart.increase("W1");

        assertThat(English.text(outcome.message())).contains("above the $999,999.99").contains("Watch stays at 1");
        assertThat(cart.total()).contains(Money.of(50_000_000, "USD"));
    }

    @Test
    void ugxTotalStopsAtStripesEightDigitsOfHundredths() {
        Product goat = product("UG-GOAT", "Goat", 600_000, "UGX");
        assertThat(cart.add(goat).accepted()).isTrue();
        CartOutcome second = cart.add(goat);
        assertThat(second.accepted()).isFalse();
        assertThat(English.text(second.message())).contains("UGX").contains("999,999");
        assertThat(cart.total()).contains(Money.of(600_000, "UGX"));
    }

    @Test
    void belowTheCartCurrencysMinimumIsChargeableWhenTheAccountSettlesInAnother() {
        Product sweet = product("COF-SWT", "Sweetener", 45, "USD");
        cart.add(sweet);
        assertThat(cart.chargeability().status()).isEqualTo(Chargeability.Status.BELOW_MINIMUM);

        Cart hkAccount = new Cart(java.util.Optional.of(java.util.Currency.getInstance("HKD")));
        hkAccount.add(sweet);
        assertThat(hkAccount.chargeability().status()).as("Stripe decides after converting to HKD")
                .isEqualTo(Chargeability.Status.CHARGEABLE);
    }

    @Test
    void exactlyTheMaximumTotalIsAllowed() {
        assertThat(cart.add(product("X", "Max", 99_999_999, "USD")).accepted()).isTrue();
        assertThat(cart.chargeability().chargeable()).isTrue();
    }

    @Test
    void hugePricesAndQuantitiesNeverOverflowIntoASmallTotal() {
        Product absurd = product("Z", "Absurd", Long.MAX_VALUE / 2, "USD");

        CartOutcome outcome = cart.add(absurd, 999);

        assertThat(outcome.refused()).isTrue();
        assertThat(cart.isEmpty()).isTrue();
    }

    @Test
    void emptyCartIsNotChargeable() {
        Chargeability c = cart.chargeability();

        assertThat(c.status()).isEqualTo(Chargeability.Status.EMPTY);
        assertThat(c.chargeable()).isFalse();
        assertThat(cart.snapshot()).isEmpty();
    }

    @Test
    void totalBelowStripesMinimumShowsTheMinimum() {
        cart.add(product("STK", "Sticker", 40, "USD"));

        Chargeability c = cart.chargeability();

        assertThat(c.status()).isEqualTo(Chargeability.Status.BELOW_MINIMUM);
        assertThat(c.minimum()).contains(Money.of(50, "USD"));
        assertThat(English.text(c.summary())).isEqualTo("Below Stripe's minimum charge of $0.50");
    }

    @Test
    void yenMinimumIsFiftyYen() {
        cart.add(product("JP-CANDY", "Candy", 30, "JPY"));

        assertThat(English.text(cart.chargeability().summary())).isEqualTo("Below Stripe's minimum charge of ¥50");
        cart.add(mochi);
        assertThat(cart.chargeability().chargeable()).isTrue();
    }

    @Test
    void onlyFreeItemsAreNothingToCharge() {
        cart.add(product("FREE", "Tap water", 0, "CAD"));

        assertThat(cart.chargeability().status()).isEqualTo(Chargeability.Status.ZERO_TOTAL);
        assertThat(cart.chargeability().chargeable()).isFalse();
    }

    @Test
    void amazonPayIsOfferedForSupportedCurrencies() {
        cart.add(espresso);

        Chargeability c = cart.chargeability();

        assertThat(c.chargeable()).isTrue();
        assertThat(c.amazonPayAvailable()).isTrue();
        assertThat(English.text(c.summary())).isEqualTo("Card or Amazon Pay");
    }

    @Test
    void cadSalesAreCardOnly() {
        cart.add(maple);

        Chargeability c = cart.chargeability();

        assertThat(c.chargeable()).isTrue();
        assertThat(c.amazonPayAvailable()).isFalse();
        assertThat(English.text(c.summary())).isEqualTo("Card only: Amazon Pay does not accept CAD");
    }

    @Test
    void saleLinesAndSnapshotCarryWhatStripeWillCharge() {
        cart.add(espresso, 2);
        cart.add(latte);

        assertThat(cart.toSaleLines()).containsExactly(
                new SaleLine("COF-ESP", "Espresso", 300, 2),
                new SaleLine("COF-LAT", "Caffe Latte", 475, 1));
        CartSnapshot snapshot = cart.snapshot().orElseThrow();
        assertThat(snapshot.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(snapshot.total()).isEqualTo(Money.of(1075, "USD"));
        cart.clear();
        assertThat(snapshot.lines()).hasSize(2);
    }

    @Test
    void eachLineTakesItsProductsTaxRateOrTheTillsDefault() {
        Cart taxed = new Cart(java.util.Optional.empty(), new app.scantill.money.TaxRate(1900));
        Product book = Product.of("BOOK", "4006381333931", "Book", Money.of(1295, "EUR"), "Books",
                new app.scantill.money.TaxRate(700));
        Product pen = Product.of("PEN", "4006381333948", "Pen", Money.of(250, "EUR"), "Office");
        taxed.add(book);
        taxed.add(pen, 2);

        assertThat(taxed.snapshot().orElseThrow().lines()).containsExactly(
                new SaleLine("BOOK", "Book", 1295, 1, 0, new app.scantill.money.TaxRate(700)),
                new SaleLine("PEN", "Pen", 250, 2, 0, new app.scantill.money.TaxRate(1900)));
    }

    @Test
    void commandsOnItemsNotInTheCartAreRefused() {
        assertThat(English.text(cart.increase("NOPE").message())).isEqualTo("Item NOPE is not in the cart");
        assertThat(cart.remove("NOPE").refused()).isTrue();
        assertThat(English.text(cart.clear().message())).isEqualTo("The cart is already empty");
    }
}
