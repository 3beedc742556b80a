package app.scantill.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalFixtures;
import app.scantill.journal.MutableClock;
import app.scantill.journal.SaleFilter;
import app.scantill.journal.SalesHistory;
import app.scantill.sale.SaleState;
import app.scantill.ui.support.QueuedUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model with a hand-run executor: background work runs only when the test says so. */
class HistoryViewModelTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    @TempDir
    Path dir;

    JdbcSalesJournal journal;
    final QueuedUiExecutor executor = new QueuedUiExecutor();
    final Deque<Runnable> backgroundQueue = executor.queued();
    HistoryViewModel model;

    @BeforeEach
    void open() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock);
        JournalFixtures.seedDay(journal, clock);
        clock.set(Instant.parse("2025-03-14T18:00:00Z"));
        model = new HistoryViewModel(new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock), app.scantill.i18n.English.words(),
                executor);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    void runBackground() {
        executor.runAll();
    }

    @Test
    void journalIsNotReadOnTheCallingThread() {
        model.refresh();

        assertThat(model.rows()).isEmpty();
        assertThat(model.busyProperty().get()).isTrue();
        runBackground();
        assertThat(model.rows()).hasSize(7);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void anAnswerForAnOlderDayArrivingLateIsDropped() {
        model.dayProperty().set(DAY);
        model.refresh();
        Runnable first = backgroundQueue.poll();
        model.dayProperty().set(DAY.plusDays(1));
        runBackground();
        first.run();

        assertThat(model.rows()).extracting(HistoryViewModel.SaleRow::saleId).containsExactly("next");
    }

    @Test
    void filterChangeReloadsTheDay() {
        model.filterProperty().set(SaleFilter.inState(SaleState.CANCELLED));
        runBackground();

        assertThat(model.rows()).extracting(HistoryViewModel.SaleRow::saleId).containsExactly("usd-3");
    }

    @Test
    void reportThroughABeforeFromIsRefusedWithAMessage() {
        model.reportFromProperty().set(DAY);
        model.reportThroughProperty().set(DAY.minusDays(1));

        model.loadReport();

        assertThat(backgroundQueue).isEmpty();
        assertThat(model.messageProperty().get()).contains("before its first day");
    }

    @Test
    void exportToAnUnwritablePlaceSaysWhyAndLeavesNoFile() {
        model.loadReport();
        runBackground();
        Path target = dir.resolve("no-such-folder").resolve("report.csv");

        model.exportCsv(target);
        runBackground();

        assertThat(model.messageProperty().get()).startsWith("Could not save the report to " + target);
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void suggestedFileNameNamesTheReportedDays() {
        model.reportThroughProperty().set(DAY.plusDays(2));
        model.loadReport();
        runBackground();

        assertThat(model.suggestedFileName()).isEqualTo("scantill-report-2025-03-14_2025-03-16.csv");
    }

    @Test
    void aStoresHistoryShowsEachRegisterAndTheSalesNotYetInTheLedgerAndReportsOneRegister() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));
        try (JdbcSalesJournal store = JdbcSalesJournal.open(dir.resolve("store.db"), clock)) {
            java.util.List<app.scantill.sale.SaleLine> lines = java.util.List.of(
                    new app.scantill.sale.SaleLine("T", "Tea", 450, 1));
            java.util.Currency usd = java.util.Currency.getInstance("USD");
            store.begin("front-1", "front", usd, lines, "k1");
            store.markPaid("front-1", "pi_1", "card", null);
            clock.advance(java.time.Duration.ofMinutes(1));
            store.begin("back-1", "back", usd, lines, "k2");
            store.markPaid("back-1", "pi_2", "amazon_pay", null);
            HistoryViewModel storeWide = new HistoryViewModel(new SalesHistory(store, ZoneId.of("UTC"), clock),
                    app.scantill.i18n.English.words(), executor, () -> java.util.Set.of("back-1"));

            storeWide.refresh();
            runBackground();

            assertThat(storeWide.registers()).containsExactly("All registers", "back", "front");
            assertThat(storeWide.rows()).extracting(HistoryViewModel.SaleRow::register).containsExactly("front", "back");
            assertThat(storeWide.rows()).extracting(HistoryViewModel.SaleRow::ledger)
                    .containsExactly("", "Not yet in the store ledger");

            storeWide.registerProperty().set("back");
            runBackground();
            assertThat(storeWide.rows()).extracting(HistoryViewModel.SaleRow::saleId).containsExactly("back-1");
            storeWide.loadReport();
            runBackground();
            assertThat(storeWide.reportProperty().get().sales()).extracting(app.scantill.sale.Sale::id)
                    .containsExactly("back-1");
            assertThat(storeWide.reportRows()).anySatisfy(r -> assertThat(r.what()).isEqualTo("Paid by Amazon Pay"));
        }
    }

    @Test
    void anotherRegistersPaidSaleCanBeRefundedHereOnlyInAStore() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));
        try (JdbcSalesJournal store = JdbcSalesJournal.open(dir.resolve("store.db"), clock)) {
            java.util.List<app.scantill.sale.SaleLine> lines = java.util.List.of(
                    new app.scantill.sale.SaleLine("T", "Tea", 450, 1));
            store.begin("back-1", "back", java.util.Currency.getInstance("USD"), lines, "k1");
            store.markPaid("back-1", "pi_1", "card", null);

            assertThat(canRefundAtFront(store, clock, null)).as("a till alone refunds its own sales only").isFalse();
            assertThat(canRefundAtFront(store, clock, refund -> app.scantill.refund.RefundReservations.Reservation.done()))
                    .as("in a store the ledger decides a refund of another register's sale").isTrue();
        }
    }

    /** Whether History at register "front" offers Refund for the day's one sale, made by register "back". */
    private boolean canRefundAtFront(JdbcSalesJournal records, MutableClock clock,
            app.scantill.refund.RefundReservations store) {
        app.scantill.refund.RefundService refunds = new app.scantill.refund.RefundService(new NoStripe(), journal, store,
                app.scantill.refund.RefundSettings.defaults("front"), clock, new app.scantill.sale.SaleIdGenerator(clock));
        try {
            HistoryViewModel history = new HistoryViewModel(new SalesHistory(records, ZoneId.of("UTC"), clock),
                    app.scantill.i18n.English.words(), executor);
            history.attachAfterSale(new app.scantill.ui.receipt.AfterSale(journal, records, java.util.Optional.of(refunds),
                    true, java.util.Optional.empty(), app.scantill.receipt.Shop.of("Shop", null, null),
                    app.scantill.receipt.Paper.ROLL_80, false, app.scantill.i18n.English.words()));
            history.refresh();
            runBackground();
            history.selectedProperty().set(history.rows().get(0));
            runBackground();
            assertThat(history.detailSaleProperty().get().registerId()).isEqualTo("back");
            return history.canRefundProperty().get();
        } finally {
            refunds.shutdown();
        }
    }

    /** Stripe is never asked in these tests. */
    private static final class NoStripe implements app.scantill.refund.RefundGateway {
        @Override
        public app.scantill.refund.RefundSnapshot create(app.scantill.refund.RefundRequest request) {
            throw new AssertionError("no refund is sent");
        }

        @Override
        public app.scantill.refund.RefundSnapshot retrieve(String stripeRefundId) {
            throw new AssertionError("no refund is read");
        }

        @Override
        public java.util.List<app.scantill.refund.RefundSnapshot> findByPaymentIntent(String paymentIntentId) {
            throw new AssertionError("no refund is looked up");
        }

        @Override
        public java.util.Optional<String> receiptUrl(String paymentIntentId) {
            return java.util.Optional.empty();
        }
    }
}
