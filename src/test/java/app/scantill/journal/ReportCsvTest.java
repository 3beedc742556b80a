package app.scantill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCsvTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    @TempDir
    Path dir;

    static final String EXPECTED = String.join("\r\n",
            "sale_id,created_local,state,currency,total,payment_method,session_id,payment_intent",
            "usd-1,2025-03-14 00:00:00,PAID,USD,9.75,amazon_pay,cs_usd-1,pi_usd-1",
            "jpy-1,2025-03-14 08:15:00,PAID,JPY,1500,amazon_pay,cs_jpy-1,pi_jpy-1",
            "usd-2,2025-03-14 10:00:00,PAID,USD,5.00,card,cs_usd-2,pi_usd-2",
            "usd-3,2025-03-14 11:00:00,CANCELLED,USD,3.50,,cs_usd-3,",
            "jpy-2,2025-03-14 12:00:00,EXPIRED,JPY,800,,cs_jpy-2,",
            "eur-1,2025-03-14 13:00:00,PAID,EUR,2.50,,cs_eur-1,",
            "\"odd,\"\"id\"\"\",2025-03-14 14:00:00,AWAITING_PAYMENT,USD,1.00,,cs_odd,",
            "",
            "currency,totals_of,key,count,total",
            "EUR,all,,1,2.50",
            "EUR,state,PAID,1,2.50",
            "EUR,paid_by_method,amazon_pay,0,0.00",
            "EUR,paid_by_method,card,0,0.00",
            "EUR,paid_by_method,cash,0,0.00",
            "EUR,paid_by_method,unknown,1,2.50",
            "EUR,refunded_by_method,amazon_pay,0,0.00",
            "EUR,refunded_by_method,card,0,0.00",
            "EUR,refunded_by_method,cash,0,0.00",
            "EUR,refunded_by_method,unknown,0,0.00",
            "EUR,refunds_in_progress,,0,0.00",
            "EUR,discounts,,0,0.00",
            "EUR,net_takings,,,2.50",
            "EUR,net_at_rate,0,1,2.50",
            "EUR,tax_at_rate,0,1,0.00",
            "EUR,gross_at_rate,0,1,2.50",
            "JPY,all,,2,2300",
            "JPY,state,PAID,1,1500",
            "JPY,state,EXPIRED,1,800",
            "JPY,paid_by_method,amazon_pay,1,1500",
            "JPY,paid_by_method,card,0,0",
            "JPY,paid_by_method,cash,0,0",
            "JPY,paid_by_method,unknown,0,0",
            "JPY,refunded_by_method,amazon_pay,0,0",
            "JPY,refunded_by_method,card,0,0",
            "JPY,refunded_by_method,cash,0,0",
            "JPY,refunded_by_method,unknown,0,0",
            "JPY,refunds_in_progress,,0,0",
            "JPY,discounts,,0,0",
            "JPY,net_takings,,,1500",
            "JPY,net_at_rate,0,1,1500",
            "JPY,tax_at_rate,0,1,0",
            "JPY,gross_at_rate,0,1,1500",
            "USD,all,,4,19.25",
            "USD,state,AWAITING_PAYMENT,1,1.00",
            "USD,state,PAID,2,14.75",
            "USD,state,CANCELLED,1,3.50",
            "USD,paid_by_method,amazon_pay,1,9.75",
            "USD,paid_by_method,card,1,5.00",
            "USD,paid_by_method,cash,0,0.00",
            "USD,paid_by_method,unknown,0,0.00",
            "USD,refunded_by_method,amazon_pay,0,0.00",
            "USD,refunded_by_method,card,0,0.00",
            "USD,refunded_by_method,cash,0,0.00",
            "USD,refunded_by_method,unknown,0,0.00",
            "USD,refunds_in_progress,,0,0.00",
            "USD,discounts,,0,0.00",
            "USD,net_takings,,,14.75",
            "USD,net_at_rate,0,2,14.75",
            "USD,tax_at_rate,0,2,0.00",
            "USD,gross_at_rate,0,2,14.75",
            "");

    @Test
    void paidDiscountedSalesCarryTheirDiscountsPerCurrencyInTheTotals() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        EndOfDayReport report;
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(dir.resolve("discounts.db"), clock)) {
            var priced = SalesJournalContract.discounted();
            journal.begin("d-1", "till-1", SalesJournalContract.USD, priced.lines(), "k-d-1", priced.discounts());
            journal.recordSession("d-1", "cs_d-1", null);
            journal.markPaid("d-1", "pi_d-1", "card", null);
            journal.begin("d-2", "till-1", SalesJournalContract.USD, priced.lines(), "k-d-2", priced.discounts());
            report = new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock).report(DAY, DAY.plusDays(1));
        }

        assertThat(report.discountsFor(SalesJournalContract.USD)).as("the unpaid sale gave nothing away")
                .isEqualTo(new EndOfDayReport.Tally(1, app.scantill.money.Money.of(170, "USD")));
        assertThat(ReportCsv.toCsv(report)).contains("USD,discounts,,1,1.70\r\n", "USD,net_takings,,,8.05\r\n");
    }

    EndOfDayReport seededReport() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock)) {
            JournalFixtures.seedDay(journal, clock);
            return new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock).report(DAY, DAY.plusDays(1));
        }
    }

    @Test
    void csvHasOneRowPerSaleThenTotalsPerCurrencyWithJpyWithoutDecimals() {
        assertThat(ReportCsv.toCsv(seededReport())).isEqualTo(EXPECTED);
    }

    @Test
    void writtenFileIsUtf8WithoutByteOrderMarkAndHoldsExactlyTheCsv() throws Exception {
        Path target = dir.resolve("report-2025-03-14.csv");
        Files.writeString(target, "an older export");

        ReportCsv.write(seededReport(), target);

        byte[] bytes = Files.readAllBytes(target);
        assertThat(bytes[0]).isEqualTo((byte) 's');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void refundsOfTheDayAreTotalledPerMethodNetTakingsFollowAndEachRefundHasItsRow() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        EndOfDayReport report;
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock)) {
            JournalFixtures.seedDay(journal, clock);
            clock.set(Instant.parse("2025-03-14T15:00:00Z"));
            journal.beginRefund(new app.scantill.sale.RefundOrder("R-1", "usd-1", "till-1", 275,
                    app.scantill.sale.RefundReason.DUPLICATE, java.util.List.of(), "k-R-1"));
            journal.recordRefundStatus("R-1", "re_1", app.scantill.sale.RefundStatus.SUCCEEDED, null);
            journal.beginRefund(new app.scantill.sale.RefundOrder("R-2", "usd-2", "till-1", 100,
                    app.scantill.sale.RefundReason.REQUESTED_BY_CUSTOMER, java.util.List.of(), "k-R-2"));
            report = new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock).report(DAY, DAY.plusDays(1));
        }

        String csv = ReportCsv.toCsv(report);

        assertThat(csv).contains("USD,refunded_by_method,amazon_pay,1,2.75\r\n", "USD,refunded_by_method,card,0,0.00\r\n",
                "USD,refunded_by_method,cash,0,0.00\r\n", "USD,refunds_in_progress,,1,1.00\r\n", "USD,net_takings,,,12.00\r\n",
                "EUR,net_takings,,,2.50\r\n");
        assertThat(csv).endsWith(String.join("\r\n",
                "refund_id,sale_id,created_local,status,currency,amount,payment_method,reason,stripe_refund_id",
                "R-1,usd-1,2025-03-14 16:00:00,SUCCEEDED,USD,2.75,amazon_pay,duplicate,re_1",
                "R-2,usd-2,2025-03-14 16:00:00,REQUESTED,USD,1.00,card,requested_by_customer,", ""));
        assertThat(report.totalsFor(java.util.Currency.getInstance("USD")).orElseThrow().net())
                .isEqualTo(app.scantill.money.Money.of(1200, "USD"));
    }

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(ReportCsv.escape("plain")).isEqualTo("plain");
        assertThat(ReportCsv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ReportCsv.escape("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void emptyPeriodStillHasBothHeaders() {
        EndOfDayReport empty = EndOfDayReport.of(DAY, DAY.plusDays(1), ZoneId.of("UTC"), List.of());
        assertThat(ReportCsv.toCsv(empty)).isEqualTo(
                "sale_id,created_local,state,currency,total,payment_method,session_id,payment_intent\r\n"
                        + "\r\n"
                        + "currency,totals_of,key,count,total\r\n");
    }

    @Test
    void theDrawerOfEachCurrencyFollowsItsTakingsWithTheCountAndItsDifference() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        EndOfDayReport report;
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock)) {
            JournalFixtures.seedDay(journal, clock);
            clock.set(Instant.parse("2025-03-14T07:00:00Z"));
            java.util.Currency usd = java.util.Currency.getInstance("USD");
            app.scantill.checkout.CashDrawer drawer = new app.scantill.checkout.CashDrawer(journal, "till-1", clock,
                    ZoneId.of("Europe/Berlin"));
            drawer.record(app.scantill.sale.DrawerEntry.Kind.FLOAT, usd, 10000, null);
            journal.payInCash(new app.scantill.sale.CashOrder("cash-1", "till-1", usd,
                    java.util.List.of(JournalFixtures.line(725, 1)), 1000, null));
            drawer.record(app.scantill.sale.DrawerEntry.Kind.CASH_OUT, usd, 500, "refund in cash");
            drawer.record(app.scantill.sale.DrawerEntry.Kind.COUNT, usd, 10200, null);
            report = new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock).report(DAY, DAY.plusDays(1));
        }

        String csv = ReportCsv.toCsv(report);

        assertThat(csv).contains("USD,paid_by_method,cash,1,7.25\r\n", "USD,drawer,float,,100.00\r\n",
                "USD,drawer,cash_sales,,7.25\r\n", "USD,drawer,cash_out,,5.00\r\n",
                "USD,drawer,expected,,102.25\r\n", "USD,drawer,counted,,102.00\r\n",
                "USD,drawer,difference,,-0.25\r\n");
        assertThat(csv).doesNotContain("EUR,drawer").doesNotContain("JPY,drawer");
    }
}
