package app.scantill.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscountAllocationTest {

    private static SaleLine line(String sku, long unit, int quantity) {
        return new SaleLine(sku, sku, unit, quantity);
    }

    private static long[] discounts(DiscountAllocation.Result r) {
        return r.lines().stream().mapToLong(SaleLine::discountMinor).toArray();
    }

    @Test
    void tenPercentOffOneLineRoundsHalfUpToTheCent() {
        // 3 x 2.45 = 7.35; 10 % = 0.735 -> 0.74
        DiscountAllocation.Result r = DiscountAllocation.apply(List.of(line("A", 245, 3), line("B", 100, 1)),
                Map.of(0, Discount.percent(1000, DiscountReason.LOYALTY, "")), Optional.empty(), 1);

        assertThat(discounts(r)).containsExactly(74, 0);
        assertThat(r.chargedMinor()).isEqualTo(735 - 74 + 100);
        assertThat(r.discounts().line(1)).hasValueSatisfying(d -> assertThat(d.amountMinor()).isEqualTo(74));
        assertThat(r.discounts().cart()).isEmpty();
    }

    @Test
    void cartDiscountIsSpreadInProportionAndAddsUpExactly() {
        // three equal lines, 1.00 off: 0.33 each and the cent left over goes to the first line
        DiscountAllocation.Result r = DiscountAllocation.apply(
                List.of(line("A", 100, 1), line("B", 100, 1), line("C", 100, 1)), Map.of(),
                Optional.of(Discount.amount(100, DiscountReason.STAFF, "")), 1);

        assertThat(discounts(r)).containsExactly(34, 33, 33);
        assertThat(r.chargedMinor()).isEqualTo(200);
    }

    @Test
    void largestRemainderGoesToTheLargestFractionNotTheFirstLine() {
        // 0.10 over 1.00 / 2.00 / 4.00: exact 1.428.., 2.857.., 5.714.. cents -> 1, 2, 5 = 8, two cents left;
        // the fractions .857 and .714 are the largest: the cents go to the second and third lines
        long[] shares = DiscountAllocation.spread(10, new long[] {100, 200, 400}, 1);

        assertThat(shares).containsExactly(1, 3, 6);
    }

    @Test
    void cartDiscountComesOffWhatIsLeftAfterLineDiscounts() {
        // line A 10.00 less 2.00 = 8.00, line B 2.00; 50 % of 10.00 = 5.00 spread 4.00 / 1.00
        DiscountAllocation.Result r = DiscountAllocation.apply(List.of(line("A", 500, 2), line("B", 200, 1)),
                Map.of(0, Discount.amount(200, DiscountReason.DAMAGED, "dented")),
                Optional.of(Discount.percent(5000, DiscountReason.PRICE_MATCH, "")), 1);

        assertThat(discounts(r)).containsExactly(600, 100);
        assertThat(r.chargedMinor()).isEqualTo(500);
        assertThat(r.discounts().cart()).hasValueSatisfying(d -> assertThat(d.amountMinor()).isEqualTo(500));
        assertThat(r.discounts().line(1)).hasValueSatisfying(d -> assertThat(d.discount().note()).isEqualTo("dented"));
    }

    @Test
    void japaneseYenHasNoMinorUnitToRoundInto() {
        // 7 % of 850 + 3 x 333 = 1849 yen -> 129.43 -> 129 yen spread over 850 and 999
        DiscountAllocation.Result r = DiscountAllocation.apply(List.of(line("MOCHI", 850, 1), line("TEA", 333, 3)),
                Map.of(), Optional.of(Discount.percent(700, DiscountReason.LOYALTY, "")), 1);

        assertThat(r.discountMinor()).isEqualTo(129);
        assertThat(discounts(r)).containsExactly(59, 70);
        assertThat(r.chargedMinor()).isEqualTo(1849 - 129);
    }

    @Test
    void aHundredPercentTakesEveryLineToZeroAndNeverBelow() {
        DiscountAllocation.Result r = DiscountAllocation.apply(
                List.of(line("A", 999, 3), line("B", 1, 1), line("C", 0, 2)),
                Map.of(1, Discount.percent(10_000, DiscountReason.STAFF, "")),
                Optional.of(Discount.percent(10_000, DiscountReason.OTHER, "party")), 1);

        assertThat(r.lines()).allSatisfy(l -> assertThat(l.chargedMinor()).isZero());
        assertThat(r.chargedMinor()).isZero();
    }

    @Test
    void anAmountAboveTheLineTakesTheLineAndNoMore() {
        DiscountAllocation.Result r = DiscountAllocation.apply(List.of(line("A", 150, 1)),
                Map.of(0, Discount.amount(500, DiscountReason.DAMAGED, "")), Optional.empty(), 1);

        assertThat(discounts(r)).containsExactly(150);
    }

    @Test
    void threeDecimalCurrenciesTakeDiscountsInTens() {
        // KWD amounts end in 0: 15 % of 1.230 = 0.1845 -> 0.180, spread in tens over 0.990 and 0.240
        DiscountAllocation.Result r = DiscountAllocation.apply(List.of(line("A", 990, 1), line("B", 120, 2)),
                Map.of(), Optional.of(Discount.percent(1500, DiscountReason.LOYALTY, "")), 10);

        assertThat(r.discountMinor()).isEqualTo(180);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.discountMinor() % 10).isZero());
        assertThat(discounts(r)).containsExactly(140, 40);
    }

    @Test
    void aCentOverManyLinesLandsOnExactlyOneLine() {
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(line("L" + i, 199, 1 + i % 3));
        }
        DiscountAllocation.Result r = DiscountAllocation.apply(lines, Map.of(),
                Optional.of(Discount.amount(1, DiscountReason.OTHER, "")), 1);

        assertThat(r.discountMinor()).isEqualTo(1);
        assertThat(r.lines()).filteredOn(l -> l.discountMinor() == 1).hasSize(1);
        // the largest lines (quantity 3) have the largest fraction; the first of them is line 3
        assertThat(r.lines().get(2).discountMinor()).isEqualTo(1);
    }

    @Test
    void randomCartsAlwaysAddUpAndStayWithinEveryLine() {
        Random random = new Random(15);
        for (int run = 0; run < 2000; run++) {
            List<SaleLine> lines = new ArrayList<>();
            int n = 1 + random.nextInt(100);
            for (int i = 0; i < n; i++) {
                lines.add(line("L" + i, random.nextInt(1000), 1 + random.nextInt(999)));
            }
            Discount cart = random.nextBoolean()
                    ? Discount.percent(1 + random.nextInt(10_000), DiscountReason.OTHER, "")
                    : Discount.amount(1 + random.nextInt(500_000), DiscountReason.OTHER, "");
            Map<Integer, Discount> own = Map.of(0, Discount.percent(1 + random.nextInt(10_000),
                    DiscountReason.STAFF, ""));
            DiscountAllocation.Result r = DiscountAllocation.apply(lines, own, Optional.of(cart), 1);

            long list = lines.stream().mapToLong(SaleLine::lineTotalMinor).sum();
            assertThat(r.chargedMinor() + r.discountMinor()).isEqualTo(list);
            long given = r.discounts().entries().stream().mapToLong(AppliedDiscount::amountMinor).sum();
            assertThat(given).isEqualTo(r.discountMinor());
            assertThat(r.lines()).allSatisfy(l -> assertThat(l.chargedMinor()).isBetween(0L, l.lineTotalMinor()));
            // the same cart always gives the same shares
            assertThat(DiscountAllocation.apply(lines, own, Optional.of(cart), 1)).isEqualTo(r);
        }
    }

    @Test
    void aSpreadLargerThanItsWeightsIsRefused() {
        assertThatThrownBy(() -> DiscountAllocation.spread(301, new long[] {100, 200}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDiscountOfNothingOrMoreThanAllIsNotADiscount() {
        assertThatThrownBy(() -> Discount.percent(0, DiscountReason.OTHER, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.percent(10_001, DiscountReason.OTHER, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.amount(0, DiscountReason.OTHER, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManagerLimitComparesAmountsAsTheirShareOfTheBase() {
        assertThat(Discount.percent(2000, DiscountReason.OTHER, "").exceeds(2000, 1000)).isFalse();
        assertThat(Discount.percent(2001, DiscountReason.OTHER, "").exceeds(2000, 1000)).isTrue();
        assertThat(Discount.amount(200, DiscountReason.OTHER, "").exceeds(2000, 1000)).isFalse();
        assertThat(Discount.amount(201, DiscountReason.OTHER, "").exceeds(2000, 1000)).isTrue();
    }
}
