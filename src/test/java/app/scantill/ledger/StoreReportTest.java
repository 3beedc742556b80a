package app.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.journal.EndOfDayReport;
import app.scantill.journal.MutableClock;
import app.scantill.journal.ReportCsv;
import app.scantill.journal.SalesHistory;
import app.scantill.money.Money;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * History and the end-of-day report of a whole store, read from the ledger alone: every register's refunds, also
 * those of another register's sale, stand beside the sales they belong to, and the report nets them out per
 * currency and method for the store, or for one register (the refunds that register made).
 */
class StoreReportTest {

    @RegisterExtension
    static final LedgerDatabase DB = new LedgerDatabase();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final LocalDate DAY = LocalDate.of(2026, 8, 3);
    private static StoreLedger ledger;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-03T09:00:00Z"));
    private SalesHistory store;
    private StoreTill front;
    private StoreTill back;

    @BeforeAll
    static void open() {
        ledger = StoreLedger.open(DB.address("store report test"));
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @BeforeEach
    void aDayOfTwoRegisters() throws SQLException {
        DB.emptyLedger();
        store = new SalesHistory(new LedgerSales(ledger), new LedgerRefunds(ledger), ZONE, clock);
        front = new StoreTill("front", dir, clock, ledger);
        back = new StoreTill("back", dir, clock, ledger);
        // front: 975 by card and 975 by Amazon Pay; back: 975 by Amazon Pay (USD).
        front.paid("f-card", "card");
        clock.advance(Duration.ofMinutes(1));
        front.paid("f-amazon", "amazon_pay");
        clock.advance(Duration.ofMinutes(1));
        back.paid("b-amazon", "amazon_pay");
        front.ship();
        back.ship();
        clock.advance(Duration.ofMinutes(10));
        // front refunds 200 of its card sale; back 300 of the same sale, through the store; back 500 of its own,
        // still pending at Stripe.
        front.journal.beginRefund(front.order("r-front", "f-card", 200));
        front.journal.recordRefundStatus("r-front", "re_1", RefundStatus.SUCCEEDED, null);
        front.journal.handRefundsToStore("f-card");
        front.ship();
        Sale fCard = new LedgerSales(ledger).find("f-card").orElseThrow();
        back.refundOf(fCard, "r-back-cross", 300);
        assertThat(new LedgerRefunds(ledger).reserve(back.journal.findRefund("r-back-cross").orElseThrow())
                .reserved()).isTrue();
        back.journal.recordRefundStatus("r-back-cross", "re_2", RefundStatus.SUCCEEDED, null);
        back.journal.beginRefund(back.order("r-back-own", "b-amazon", 500));
        back.journal.recordRefundStatus("r-back-own", "re_3", RefundStatus.PENDING, null);
        back.ship();
    }

    @org.junit.jupiter.api.AfterEach
    void closeTills() {
        front.close();
        back.close();
    }

    @Test
    void historyShowsEveryRegistersRefundsBesideTheSaleTheyBelongTo() {
        List<Sale> day = store.day(DAY, app.scantill.journal.SaleFilter.ALL);
        Map<String, RefundBalance> balances = store.balances(day);

        assertThat(store.refunds("f-card")).extracting(r -> r.id() + " by " + r.registerId() + " " + r.status())
                .containsExactly("r-front by front SUCCEEDED", "r-back-cross by back SUCCEEDED");
        assertThat(balances.get("f-card").refunded()).isEqualTo(Money.of(500, "USD"));
        assertThat(balances.get("f-card").standing()).isEqualTo(RefundBalance.Standing.PARTIALLY_REFUNDED);
        assertThat(balances.get("b-amazon").inProgress()).isEqualTo(Money.of(500, "USD"));
        assertThat(balances.get("f-amazon").standing()).isEqualTo(RefundBalance.Standing.NOT_REFUNDED);
    }

    @Test
    void theStoresReportNetsOutEveryRegistersRefundsPerCurrencyAndMethod() throws Exception {
        EndOfDayReport report = store.report(DAY, DAY.plusDays(1));

        EndOfDayReport.CurrencyTotals usd = report.totalsFor(StoreTill.USD).orElseThrow();
        assertThat(usd.paid().total()).isEqualTo(Money.of(2925, "USD"));
        assertThat(usd.refundedByMethod().get(EndOfDayReport.CARD).total()).isEqualTo(Money.of(500, "USD"));
        assertThat(usd.refundedByMethod().get(EndOfDayReport.AMAZON_PAY).total().isZero()).isTrue();
        assertThat(usd.refundsInProgress().total()).isEqualTo(Money.of(500, "USD"));
        assertThat(usd.net()).isEqualTo(Money.of(2425, "USD"));

        Path csv = dir.resolve("store.csv");
        ReportCsv.write(report, csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("USD,net_takings,,,24.25", "USD,refunded_by_method,card,2,5.00").contains("r-back-cross,f-card,");
    }

    @Test
    void theStoresReportHasEveryRegistersTaxPerRateLessARefundMadeAtAnotherRegister() {
        java.util.Currency eur = java.util.Currency.getInstance("EUR");
        app.scantill.money.TaxRate seven = new app.scantill.money.TaxRate(700);
        app.scantill.money.TaxRate nineteen = new app.scantill.money.TaxRate(1900);
        app.scantill.sale.SaleLine coffee = new app.scantill.sale.SaleLine("COFFEE", "Coffee beans", 299, 3, 0, nineteen);
        app.scantill.sale.SaleLine book = new app.scantill.sale.SaleLine("BOOK", "Book", 1295, 1, 0, seven);
        front.journal.begin("f-eur", "front", eur, List.of(coffee, book), "f-eur-k1");
        front.journal.recordSession("f-eur", "f-eur-cs1", null);
        front.journal.markPaid("f-eur", "pi_f-eur", "card", null);
        back.journal.begin("b-eur", "back", eur, List.of(book), "b-eur-k1");
        back.journal.recordSession("b-eur", "b-eur-cs1", null);
        back.journal.markPaid("b-eur", "pi_b-eur", "card", null);
        front.journal.handRefundsToStore("f-eur");
        front.ship();
        back.ship();
        // back gives one of front's coffees back: 2.99, of which 0.48 tax (2.99 x 19 / 119 = 0.4774)
        Sale fEur = new LedgerSales(ledger).find("f-eur").orElseThrow();
        assertThat(fEur.lines()).as("the rates reached the ledger").containsExactly(coffee, book);
        back.refundOf(fEur, "r-eur", 299, new app.scantill.sale.RefundLine(1, 1));
        assertThat(new LedgerRefunds(ledger).reserve(back.journal.findRefund("r-eur").orElseThrow()).reserved())
                .isTrue();
        back.journal.recordRefundStatus("r-eur", "re_eur", RefundStatus.SUCCEEDED, null);
        back.ship();

        EndOfDayReport.CurrencyTotals eurTotals = store.report(DAY, DAY.plusDays(1)).totalsFor(eur).orElseThrow();

        assertThat(eurTotals.taxes().shares()).containsExactly(
                new app.scantill.sale.TaxBreakdown.RateShare(seven, 1295 * 2, 85 * 2),
                new app.scantill.sale.TaxBreakdown.RateShare(nineteen, 897 - 299, 143 - 48));
        assertThat(eurTotals.taxes().gross()).isEqualTo(eurTotals.net());
        assertThat(store.report(DAY, DAY.plusDays(1)).totalsFor(StoreTill.USD).orElseThrow().taxes().isTaxFree())
                .isTrue();
    }

    @Test
    void aRegistersReportCountsTheRefundsThatRegisterMade() {
        EndOfDayReport.CurrencyTotals front = store.report(DAY, DAY.plusDays(1), "front")
                .totalsFor(StoreTill.USD).orElseThrow();
        EndOfDayReport.CurrencyTotals back = store.report(DAY, DAY.plusDays(1), "back")
                .totalsFor(StoreTill.USD).orElseThrow();

        assertThat(front.paid().total()).isEqualTo(Money.of(1950, "USD"));
        assertThat(front.refunded().total()).isEqualTo(Money.of(200, "USD"));
        assertThat(back.paid().total()).isEqualTo(Money.of(975, "USD"));
        assertThat(back.refunded().total()).as("back gave 300 back of front's sale").isEqualTo(Money.of(300, "USD"));
        assertThat(back.refundsInProgress().total()).isEqualTo(Money.of(500, "USD"));
    }
}
