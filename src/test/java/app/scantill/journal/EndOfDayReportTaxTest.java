package app.scantill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.SaleLine;
import app.scantill.sale.TaxBreakdown.RateShare;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tax per rate and currency in the end-of-day report and its CSV: what was paid less what went back, each sale as its
 * receipt rounds it, a refund of an earlier day's sale at its lines' rates, and the grosses adding up to net takings.
 */
class EndOfDayReportTaxTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TaxRate SEVEN = new TaxRate(700);
    private static final TaxRate NINETEEN = new TaxRate(1900);

    @TempDir
    Path dir;

    private MutableClock clock;
    private JdbcSalesJournal journal;

    @BeforeEach
    void seed() {
        clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock);
        // The day before: the basket of docs/taxes.md, whose coffees come back today.
        paid("s-yesterday", EUR, basket());
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        paid("s-1", EUR, basket());
        paid("s-2", EUR, List.of(new SaleLine("BOOK", "Book", 1295, 1, 0, SEVEN)));
        paid("s-yen", Currency.getInstance("JPY"), List.of(new SaleLine("TEA", "Tea", 500, 1, 0, new TaxRate(1000)),
                new SaleLine("CUP", "Cup", 333, 1, 0, new TaxRate(1000))));
        journal.begin("s-open", "till-1", EUR, List.of(new SaleLine("BOOK", "Book", 1295, 1, 0, SEVEN)), "k-open");
        clock.set(Instant.parse("2026-12-01T15:00:00Z"));
        refund("R-1", "s-yesterday", 598, RefundStatus.SUCCEEDED, new RefundLine(1, 2));
        refund("R-2", "s-2", 100, RefundStatus.PENDING);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private static List<SaleLine> basket() {
        return List.of(new SaleLine("COFFEE", "Coffee beans", 299, 3, 0, NINETEEN),
                new SaleLine("BREAD", "Bread", 349, 1, 0, SEVEN), new SaleLine("MILK", "Milk", 119, 1, 0, SEVEN),
                new SaleLine("BOOK", "Book", 1295, 1, 0, SEVEN));
    }

    private void paid(String id, Currency currency, List<SaleLine> lines) {
        journal.begin(id, "till-1", currency, lines, "k-" + id);
        journal.recordSession(id, "cs_" + id, null);
        journal.markPaid(id, "pi_" + id, "card", null);
    }

    private void refund(String id, String saleId, long amount, RefundStatus status, RefundLine... lines) {
        journal.beginRefund(new RefundOrder(id, saleId, "till-1", amount, RefundReason.REQUESTED_BY_CUSTOMER,
                List.of(lines), "k-" + id));
        if (status != RefundStatus.REQUESTED) {
            journal.recordRefundStatus(id, "re_" + id, status, null);
        }
    }

    private EndOfDayReport report(TaxRounding rounding) {
        return new SalesHistory(journal, BERLIN, clock).withTaxRounding(rounding).report(DAY, DAY.plusDays(1));
    }

    @Test
    void perLineTheDaysTaxIsItsReceiptsLessTheRefundedCoffees() {
        EndOfDayReport.CurrencyTotals eur = report(TaxRounding.PER_LINE).totalsFor(EUR).orElseThrow();

        // paid: s-1 (7 %: 17.63 / 1.16, 19 %: 8.97 / 1.43) and s-2 (12.95 / 0.85); back: two coffees 5.98 / 0.95
        assertThat(eur.taxes().shares()).containsExactly(new RateShare(SEVEN, 1763 + 1295, 116 + 85),
                new RateShare(NINETEEN, 897 - 598, 143 - 95));
        assertThat(eur.paidAtRate()).containsEntry(SEVEN, 2L).containsEntry(NINETEEN, 1L);
        assertThat(eur.taxes().gross()).as("the grosses add up to net takings").isEqualTo(eur.net());
        assertThat(eur.net()).isEqualTo(Money.of(2660 + 1295 - 598, EUR));
    }

    @Test
    void perReceiptEachSalesRateIsRoundedOnceAndTheGrossesAreTheSame() {
        EndOfDayReport perReceipt = report(TaxRounding.PER_RECEIPT);
        EndOfDayReport.CurrencyTotals eur = perReceipt.totalsFor(EUR).orElseThrow();
        EndOfDayReport.CurrencyTotals yen = perReceipt.totalsFor(Currency.getInstance("JPY")).orElseThrow();

        assertThat(eur.taxes().shares()).containsExactly(new RateShare(SEVEN, 1763 + 1295, 115 + 85),
                new RateShare(NINETEEN, 897 - 598, 143 - 95));
        assertThat(eur.taxes().gross()).isEqualTo(eur.net());
        // 8.33 at 10 %: 75.7 -> 76 on the receipt; the lines alone round to 45 + 30
        assertThat(yen.taxes().shares()).containsExactly(new RateShare(new TaxRate(1000), 833, 76));
        assertThat(report(TaxRounding.PER_LINE).totalsFor(Currency.getInstance("JPY")).orElseThrow().taxes().shares())
                .containsExactly(new RateShare(new TaxRate(1000), 833, 75));
    }

    @Test
    void theCsvHasNetTaxAndGrossPerRateAndCurrency() {
        String csv = ReportCsv.toCsv(report(TaxRounding.PER_LINE));

        assertThat(csv).contains(String.join("\r\n",
                "EUR,net_takings,,,33.57",
                "EUR,net_at_rate,7,2,28.57",
                "EUR,tax_at_rate,7,2,2.01",
                "EUR,gross_at_rate,7,2,30.58",
                "EUR,net_at_rate,19,1,2.51",
                "EUR,tax_at_rate,19,1,0.48",
                "EUR,gross_at_rate,19,1,2.99",
                "JPY,all,,1,833"));
        assertThat(csv).contains(String.join("\r\n",
                "JPY,net_at_rate,10,1,758",
                "JPY,tax_at_rate,10,1,75",
                "JPY,gross_at_rate,10,1,833", ""));
    }
}
