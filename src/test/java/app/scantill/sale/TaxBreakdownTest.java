package app.scantill.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.sale.TaxBreakdown.RateShare;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tax included in tax-inclusive prices, per rate, in both rounding modes (the example of docs/taxes.md). */
class TaxBreakdownTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final TaxRate SEVEN = new TaxRate(700);
    private static final TaxRate NINETEEN = new TaxRate(1900);

    /** The basket of docs/taxes.md: coffee at 19 %, bread, milk and a book at 7 %. */
    private static List<SaleLine> documentedBasket() {
        return List.of(
                new SaleLine("COFFEE", "Coffee beans", 299, 3, 0, NINETEEN),
                new SaleLine("BREAD", "Bread", 349, 1, 0, SEVEN),
                new SaleLine("MILK", "Milk", 119, 1, 0, SEVEN),
                new SaleLine("BOOK", "Book", 1295, 1, 0, SEVEN));
    }

    @Test
    void theDocumentedExampleRoundedPerLine() {
        TaxBreakdown t = TaxBreakdown.of(EUR, documentedBasket(), TaxRounding.PER_LINE);

        // 7 %: 3.49 -> 0.2283 -> 0.23, 1.19 -> 0.0778 -> 0.08, 12.95 -> 0.8472 -> 0.85; 19 %: 8.97 -> 1.4322 -> 1.43
        assertThat(t.shares()).containsExactly(
                new RateShare(SEVEN, 1763, 116),
                new RateShare(NINETEEN, 897, 143));
        assertThat(t.shares().get(0).netMinor()).isEqualTo(1647);
        assertThat(t.grossMinor()).isEqualTo(2660);
        assertThat(t.taxMinor()).isEqualTo(259);
        assertThat(t.netMinor()).isEqualTo(2401);
    }

    @Test
    void theDocumentedExampleRoundedPerReceipt() {
        TaxBreakdown t = TaxBreakdown.of(EUR, documentedBasket(), TaxRounding.PER_RECEIPT);

        // 7 %: 17.63 x 7 / 107 = 1.15336 -> 1.15, one cent less than the lines' own taxes
        assertThat(t.shares()).containsExactly(
                new RateShare(SEVEN, 1763, 115),
                new RateShare(NINETEEN, 897, 143));
        assertThat(t.grossMinor()).isEqualTo(2660);
    }

    @Test
    void yenHaveNoDecimalsToRoundTo() {
        TaxRate eight = new TaxRate(800);
        TaxRate ten = new TaxRate(1000);
        List<SaleLine> lines = List.of(new SaleLine("RICE", "Rice", 1080, 1, 0, eight),
                new SaleLine("TEA", "Tea", 500, 1, 0, ten), new SaleLine("CUP", "Cup", 333, 1, 0, ten));

        assertThat(TaxBreakdown.of(JPY, lines, TaxRounding.PER_LINE).shares()).containsExactly(
                new RateShare(eight, 1080, 80), new RateShare(ten, 833, 45 + 30));
        assertThat(TaxBreakdown.of(JPY, lines, TaxRounding.PER_RECEIPT).shares()).containsExactly(
                new RateShare(eight, 1080, 80), new RateShare(ten, 833, 76));
    }

    @Test
    void zeroPercentCarriesNoTaxAndOldSalesReadAsTaxFree() {
        TaxBreakdown t = TaxBreakdown.of(EUR, List.of(new SaleLine("OLD", "Before taxes were kept", 1234, 2)),
                TaxRounding.PER_RECEIPT);

        assertThat(t.shares()).containsExactly(new RateShare(TaxRate.ZERO, 2468, 0));
        assertThat(t.isTaxFree()).isTrue();
        assertThat(t.netMinor()).isEqualTo(2468);
    }

    @Test
    void halvesRoundUp() {
        TaxRate hundred = new TaxRate(10_000);
        assertThat(TaxBreakdown.taxIncluded(3, hundred)).isEqualTo(2); // 1.5 -> 2
        assertThat(TaxBreakdown.taxIncluded(1, hundred)).isEqualTo(1); // 0.5 -> 1
        assertThat(TaxBreakdown.taxIncluded(55, new TaxRate(1000))).isEqualTo(5); // exactly 5
        assertThat(TaxBreakdown.taxIncluded(0, NINETEEN)).isZero();
        assertThatThrownBy(() -> TaxBreakdown.taxIncluded(-1, NINETEEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHundredSmallLinesShowWhereTheModesDiffer() {
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < SaleLine.MAX_PER_SALE; i++) {
            lines.add(new SaleLine("S" + i, "Sticker " + i, 5, 1, 0, NINETEEN));
        }

        // each line: 0.05 x 19 / 119 = 0.798 -> 0.01; the receipt: 5.00 x 19 / 119 = 0.798 -> 0.80
        assertThat(TaxBreakdown.of(EUR, lines, TaxRounding.PER_LINE).shares())
                .containsExactly(new RateShare(NINETEEN, 500, 100));
        assertThat(TaxBreakdown.of(EUR, lines, TaxRounding.PER_RECEIPT).shares())
                .containsExactly(new RateShare(NINETEEN, 500, 80));
    }

    @ParameterizedTest
    @EnumSource(TaxRounding.class)
    void grossIsAlwaysWhatWasChargedAndNetPlusTaxIsGross(TaxRounding rounding) {
        Random random = new Random(15);
        TaxRate[] rates = {TaxRate.ZERO, new TaxRate(250), SEVEN, new TaxRate(770), NINETEEN, new TaxRate(2500)};
        for (int sale = 0; sale < 500; sale++) {
            List<SaleLine> lines = new ArrayList<>();
            int count = 1 + random.nextInt(SaleLine.MAX_PER_SALE);
            for (int i = 0; i < count; i++) {
                long unit = random.nextInt(100_000);
                int quantity = 1 + random.nextInt(20);
                long discount = random.nextBoolean() ? 0 : random.nextLong(unit * quantity + 1);
                lines.add(new SaleLine("S" + i, "Item", unit, quantity, discount, rates[random.nextInt(rates.length)]));
            }
            TaxBreakdown t = TaxBreakdown.of(EUR, lines, rounding);

            assertThat(t.grossMinor()).isEqualTo(lines.stream().mapToLong(SaleLine::chargedMinor).sum());
            for (RateShare s : t.shares()) {
                assertThat(s.netMinor() + s.taxMinor()).isEqualTo(s.grossMinor());
                assertThat(s.taxMinor()).isBetween(0L, s.grossMinor());
                assertThat(s.grossMinor()).isEqualTo(lines.stream().filter(l -> l.taxRate().equals(s.rate()))
                        .mapToLong(SaleLine::chargedMinor).sum());
            }
            assertThat(t.shares()).extracting(RateShare::rate).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void theModesNeverDifferByMoreThanHalfACentPerLine() {
        Random random = new Random(7);
        for (int sale = 0; sale < 200; sale++) {
            List<SaleLine> lines = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                lines.add(new SaleLine("S" + i, "Item", 1 + random.nextInt(5_000), 1, 0, NINETEEN));
            }
            long perLine = TaxBreakdown.of(EUR, lines, TaxRounding.PER_LINE).taxMinor();
            long perReceipt = TaxBreakdown.of(EUR, lines, TaxRounding.PER_RECEIPT).taxMinor();
            assertThat(Math.abs(perLine - perReceipt) * 2).isLessThanOrEqualTo(count);
        }
    }

    @Test
    void discountsLowerTheTaxWithTheGross() {
        SaleLine discounted = new SaleLine("BOOK", "Book", 2000, 1, 200, SEVEN);

        // 18.00 charged: 18.00 x 7 / 107 = 1.1776 -> 1.18
        assertThat(TaxBreakdown.of(EUR, List.of(discounted), TaxRounding.PER_LINE).shares())
                .containsExactly(new RateShare(SEVEN, 1800, 118));
    }

    @ParameterizedTest
    @EnumSource(TaxRounding.class)
    void aWholeRefundGivesBackExactlyTheSalesTax(TaxRounding rounding) {
        Sale sale = sale(documentedBasket());
        Refund whole = refund(sale, sale.totalMinor());

        assertThat(TaxBreakdown.ofRefund(sale, whole, rounding).shares())
                .isEqualTo(TaxBreakdown.ofSale(sale, rounding).shares());
    }

    @Test
    void aRefundOfLinesGivesBackTheirRatesOnly() {
        Sale sale = sale(documentedBasket());
        // two of the three coffees, 5.98
        Refund coffee = refund(sale, 598, new RefundLine(1, 2));

        assertThat(TaxBreakdown.ofRefund(sale, coffee, TaxRounding.PER_LINE).shares())
                .containsExactly(new RateShare(NINETEEN, 598, 95)); // 5.98 x 19 / 119 = 0.9548
    }

    @Test
    void aRefundOfAnAmountIsSharedOverTheRatesInProportion() {
        Sale sale = sale(documentedBasket());
        // 10.00 of 26.60: 7 % lines charged 17.63 -> 6.6278, 19 % 8.97 -> 3.3722; shared per line by largest remainder
        TaxBreakdown back = TaxBreakdown.ofRefund(sale, refund(sale, 1000), TaxRounding.PER_RECEIPT);

        assertThat(back.grossMinor()).isEqualTo(1000);
        assertThat(back.shares()).extracting(RateShare::rate).containsExactly(SEVEN, NINETEEN);
        assertThat(back.shares().get(0).grossMinor()).isBetween(662L, 663L);
        for (RateShare s : back.shares()) {
            assertThat(s.taxMinor()).isEqualTo(TaxBreakdown.taxIncluded(s.grossMinor(), s.rate()));
        }
    }

    @Test
    void aDaysSalesLessItsRefundsPerRate() {
        Sale sale = sale(documentedBasket());
        TaxBreakdown day = TaxBreakdown.ofSale(sale, TaxRounding.PER_LINE).plus(TaxBreakdown.ofSale(sale,
                TaxRounding.PER_LINE)).minus(TaxBreakdown.ofRefund(sale, refund(sale, 598, new RefundLine(1, 2)),
                TaxRounding.PER_LINE));

        assertThat(day.shares()).containsExactly(new RateShare(SEVEN, 3526, 232),
                new RateShare(NINETEEN, 1794 - 598, 286 - 95));
        assertThatThrownBy(() -> day.plus(TaxBreakdown.none(JPY))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Sale sale(List<SaleLine> lines) {
        long total = lines.stream().mapToLong(SaleLine::chargedMinor).sum();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new Sale("S-1", "till-1", at, EUR, lines, total, SaleState.PAID, 1, "key-1", "cs_1", null, "pi_1",
                "card", at, at);
    }

    private static Refund refund(Sale sale, long amount, RefundLine... lines) {
        Instant at = Instant.parse("2026-12-01T11:00:00Z");
        return new Refund("R-1", sale.id(), sale.registerId(), at, sale.currency(), amount,
                RefundReason.REQUESTED_BY_CUSTOMER, List.of(lines), "pi_1", "card", "rkey-1", RefundStatus.SUCCEEDED,
                "re_1", null, at, false);
    }
}
