package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesHistoryTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path dir;

    MutableClock clock;
    JdbcSalesJournal journal;
    SalesHistory history;

    @BeforeEach
    void open() {
        clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock);
        history = new SalesHistory(journal, BERLIN, clock);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void dayShowsSalesFromLocalMidnightToMidnightOldestFirst() {
        JournalFixtures.seedDay(journal, clock);

        assertThat(history.day(DAY, SaleFilter.ALL)).extracting(Sale::id)
                .containsExactly("usd-1", "jpy-1", "usd-2", "usd-3", "jpy-2", "eur-1", "odd,\"id\"");
    }

    @Test
    void dayCanBeFilteredByState() {
        JournalFixtures.seedDay(journal, clock);

        assertThat(history.day(DAY, SaleFilter.inState(SaleState.PAID))).extracting(Sale::id)
                .containsExactly("usd-1", "jpy-1", "usd-2", "eur-1");
        assertThat(history.day(DAY, SaleFilter.inState(SaleState.EXPIRED))).extracting(Sale::id)
                .containsExactly("jpy-2");
    }

    @Test
    void salesNeedingAttentionAreTheFlaggedOnesAndTheOnesTheTillLostTrackOf() {
        clock.set(Instant.parse("2025-03-14T08:00:00Z"));
        journal.begin("flagged", "till-1", USD, List.of(JournalFixtures.line(100, 1)), "k-flagged");
        journal.transition("flagged", SaleState.NEEDS_ATTENTION, "create refused");
        journal.begin("stuck-charging", "till-1", USD, List.of(JournalFixtures.line(100, 1)), "k-stuck");
        journal.begin("expired-session", "till-1", USD, List.of(JournalFixtures.line(100, 1)), "k-exp");
        journal.recordSession("expired-session", "cs_exp", clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(50));
        journal.begin("fresh", "till-1", USD, List.of(JournalFixtures.line(100, 1)), "k-fresh");
        journal.recordSession("fresh", "cs_fresh", clock.instant().plus(Duration.ofMinutes(30)));
        journal.begin("done", "till-1", USD, List.of(JournalFixtures.line(100, 1)), "k-done");
        journal.transition("done", SaleState.CANCELLED, "cancelled before create");
        clock.advance(Duration.ofMinutes(15));

        assertThat(history.needingAttention()).extracting(Sale::id)
                .containsExactly("flagged", "stuck-charging", "expired-session");
        assertThat(history.day(DAY, SaleFilter.NEEDS_ATTENTION)).extracting(Sale::id)
                .containsExactly("flagged", "stuck-charging", "expired-session");
    }

    @Test
    void detailHasLinesStateHistoryAndAttemptKeys() {
        JournalFixtures.seedDay(journal, clock);

        SalesHistory.SaleDetail detail = history.detail("usd-3").orElseThrow();

        assertThat(detail.sale().lines()).containsExactly(JournalFixtures.line(350, 1));
        assertThat(detail.history()).extracting(StateChange::to).containsExactly(SaleState.CHARGING,
                SaleState.AWAITING_PAYMENT, SaleState.CANCELLING, SaleState.CANCELLED);
        assertThat(detail.history()).extracting(StateChange::note).endsWith("cashier cancelled", "session expired");
        assertThat(detail.attemptKeys()).containsExactly("usd-3-key");
        assertThat(history.detail("nope")).isEmpty();
    }

    @Test
    void reportKeepsCurrenciesApartWithCountsAndTotalsPerStateAndMethod() {
        JournalFixtures.seedDay(journal, clock);

        EndOfDayReport report = history.report(DAY, DAY.plusDays(1));

        assertThat(report.currencies()).extracting(c -> c.currency().getCurrencyCode())
                .containsExactly("EUR", "JPY", "USD");
        EndOfDayReport.CurrencyTotals usd = report.totalsFor(USD).orElseThrow();
        assertThat(usd.all()).isEqualTo(new EndOfDayReport.Tally(4, Money.of(1925, USD)));
        assertThat(usd.paid()).isEqualTo(new EndOfDayReport.Tally(2, Money.of(1475, USD)));
        assertThat(usd.byState()).containsOnlyKeys(SaleState.AWAITING_PAYMENT, SaleState.PAID, SaleState.CANCELLED);
        assertThat(usd.byState().get(SaleState.CANCELLED)).isEqualTo(new EndOfDayReport.Tally(1, Money.of(350, USD)));
        assertThat(usd.paidByMethod()).containsExactly(
                entry("amazon_pay", 1, 975, USD), entry("card", 1, 500, USD), entry("cash", 0, 0, USD),
                entry("unknown", 0, 0, USD));
        EndOfDayReport.CurrencyTotals jpy = report.totalsFor(JPY).orElseThrow();
        assertThat(jpy.paid()).isEqualTo(new EndOfDayReport.Tally(1, Money.of(1500, JPY)));
        assertThat(jpy.all().total()).isEqualTo(Money.of(2300, JPY));
        assertThat(report.totalsFor(EUR).orElseThrow().paidByMethod().get("unknown"))
                .isEqualTo(new EndOfDayReport.Tally(1, Money.of(250, EUR)));
    }

    @Test
    void reportBalancesCardAmazonPayAndCashToTheCentAndCountsATakenOverAttemptOnlyWhenPaid() {
        JournalFixtures.seedDay(journal, clock);
        clock.set(java.time.Instant.parse("2025-03-14T14:00:00Z"));
        List<app.scantill.sale.SaleLine> lines = List.of(JournalFixtures.line(333, 3));
        journal.payInCash(new app.scantill.sale.CashOrder("cash-1", "till-1", USD, lines, 1000, null));
        journal.begin("card-2", "till-1", USD, lines, "card-2-key");
        journal.payInCash(new app.scantill.sale.CashOrder("cash-2", "till-1", USD, lines, 2000, "card-2"));
        journal.begin("card-3", "till-1", USD, lines, "card-3-key");
        journal.recordSession("card-3", "cs_card_3", clock.instant().plusSeconds(1800));
        journal.payInCash(new app.scantill.sale.CashOrder("cash-3", "till-1", USD, lines, 999, "card-3"));
        journal.markPaid("card-3", "pi_card_3", "card", "paid by card after cash");
        journal.transition("card-2", SaleState.CANCELLED, "expired once Stripe answered");

        EndOfDayReport.CurrencyTotals usd = history.report(DAY, DAY.plusDays(1)).totalsFor(USD).orElseThrow();

        assertThat(usd.paidByMethod()).containsExactly(entry("amazon_pay", 1, 975, USD),
                entry("card", 2, 500 + 999, USD), entry("cash", 3, 3 * 999, USD), entry("unknown", 0, 0, USD));
        long byMethod = usd.paidByMethod().values().stream().mapToLong(t -> t.total().minorUnits()).sum();
        assertThat(usd.paid().total().minorUnits()).isEqualTo(byMethod).isEqualTo(975 + 500 + 999 + 3 * 999);
        assertThat(history.detail("card-3").orElseThrow().paidTwice()).isTrue();
        assertThat(history.detail("card-2").orElseThrow().paidTwice()).isFalse();
        assertThat(history.detail("card-2").orElseThrow().takenOverBy()).map(t -> t.saleId()).contains("cash-2");
    }

    @Test
    void reportOverSeveralDaysIncludesEveryDayInTheRange() {
        JournalFixtures.seedDay(journal, clock);

        EndOfDayReport report = history.report(DAY.minusDays(1), DAY.plusDays(2));

        assertThat(report.sales()).extracting(Sale::id).startsWith("prev").endsWith("next").hasSize(9);
    }

    @Test
    void reportPeriodMustNotBeEmpty() {
        assertThatThrownBy(() -> history.report(DAY, DAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end after it starts");
    }

    @Test
    void dayOfTheSpringClockChangeHasTwentyThreeHours() {
        clock.set(Instant.parse("2025-03-30T21:30:00Z")); // 23:30 local, after the switch to summer time
        journal.begin("late", "till-1", EUR, List.of(JournalFixtures.line(100, 1)), "k-late");
        clock.set(Instant.parse("2025-03-30T22:00:00Z")); // 00:00 local on the 31st
        journal.begin("midnight", "till-1", EUR, List.of(JournalFixtures.line(100, 1)), "k-midnight");

        assertThat(history.day(LocalDate.of(2025, 3, 30), SaleFilter.ALL)).extracting(Sale::id).containsExactly("late");
        assertThat(history.day(LocalDate.of(2025, 3, 31), SaleFilter.ALL)).extracting(Sale::id)
                .containsExactly("midnight");
    }

    static java.util.Map.Entry<String, EndOfDayReport.Tally> entry(String method, long count, long minor,
            Currency currency) {
        return java.util.Map.entry(method, new EndOfDayReport.Tally(count, Money.of(minor, currency)));
    }
}
