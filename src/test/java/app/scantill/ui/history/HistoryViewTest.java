package app.scantill.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalFixtures;
import app.scantill.journal.MutableClock;
import app.scantill.journal.ReportCsv;
import app.scantill.journal.SalesHistory;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final MoneyFormat US = new MoneyFormat(Locale.US);
    static final AtomicInteger RUN = new AtomicInteger();

    @TempDir
    static Path dir;

    JdbcSalesJournal journal;
    FxUiExecutor executor;
    HistoryViewModel model;
    Path exportTarget;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal-" + RUN.incrementAndGet() + ".db"), clock);
        JournalFixtures.seedDay(journal, clock);
        clock.set(Instant.parse("2025-03-14T15:00:00Z"));
        journal.begin("flagged", "till-1", JournalFixtures.USD, List.of(new SaleLine("SKU-9", "Tea", 300, 1)), "k-f");
        journal.transition("flagged", SaleState.NEEDS_ATTENTION, "create refused: amount_too_small");
        clock.set(Instant.parse("2025-03-14T18:00:00Z"));

        executor = new FxUiExecutor(1);
        model = new HistoryViewModel(new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock), app.scantill.i18n.English.words(),
                executor);
        exportTarget = dir.resolve("report-" + RUN.get() + ".csv");
        HistoryView view = new HistoryView(model, (owner, name) -> Optional.of(exportTarget));
        stage.setScene(new Scene(view.root(), 1200, 780));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() {
        executor.close();
        journal.close();
    }

    @Test
    void showsTheSalesOfTheDayWithTimeTotalStateMethodAndSession(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> table = robot.lookup("#history-sales").queryTableView();
        waitUntil(() -> table.getItems().size() == 8);

        // 23:00 UTC the day before is midnight in Berlin, written the reader's (US) way.
        assertThat(table.getItems().get(0)).isEqualTo(new HistoryViewModel.SaleRow("usd-1", "12:00:00 AM",
                US.format(Money.of(975, "USD")), "Paid", "Amazon Pay", "cs_usd-1", false, "till-1", ""));
        assertThat(table.getItems()).extracting(HistoryViewModel.SaleRow::saleId)
                .containsExactly("usd-1", "jpy-1", "usd-2", "usd-3", "jpy-2", "eur-1", "odd,\"id\"", "flagged");
        assertThat(shownTexts(robot)).contains("cs_jpy-1", US.format(Money.of(1500, "JPY")), "Expired", "Amazon Pay")
                .as("Stripe's ids stay off the screen").doesNotContain("amazon_pay", "card");
    }

    @Test
    void atTheTillsWindowSizeEveryHeaderIsWholeAndNoTableScrollsSideways(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> table = robot.lookup("#history-sales").queryTableView();
        waitUntil(() -> table.getItems().size() == 8);
        robot.clickOn("#history-report-show");
        robot.interact(() -> table.getScene().getWindow().setWidth(1280));
        robot.interact(() -> table.getScene().getWindow().setHeight(800));
        waitUntil(() -> !robot.lookup("#history-report-table").queryTableView().getItems().isEmpty());
        robot.clickOn("cs_usd-3");
        WaitForAsyncUtils.waitForFxEvents();

        HistoryLayout.assertHeadersWholeAndNoSidewaysScrolling(robot);
    }

    @Test
    void needsAttentionFilterShowsOnlyFlaggedAndLostSales(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> table = robot.lookup("#history-sales").queryTableView();
        waitUntil(() -> table.getItems().size() == 8);
        assertThat(robot.lookup("#history-attention").queryLabeled().getText()).isEqualTo("2 sales need attention");

        robot.clickOn("#history-filter");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((Labeled cell) -> "Needs attention".equals(cell.getText())).queryLabeled());

        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(HistoryViewModel.SaleRow::saleId).containsExactly("odd,\"id\"", "flagged");
        assertThat(table.getItems()).allMatch(HistoryViewModel.SaleRow::needsAttention);
        assertThat(robot.lookup(".needs-attention").queryAll()).hasSize(2);
    }

    @Test
    void selectingASaleShowsItsLinesAndStateHistory(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> table = robot.lookup("#history-sales").queryTableView();
        waitUntil(() -> table.getItems().size() == 8);

        robot.clickOn("cs_usd-3");

        TableView<HistoryViewModel.ChangeRow> changes = robot.lookup("#history-detail-history").queryTableView();
        waitUntil(() -> changes.getItems().size() == 4);
        assertThat(changes.getItems()).extracting(HistoryViewModel.ChangeRow::change).containsExactly(
                "Created · Charging", "Charging → Awaiting payment", "Awaiting payment → Cancelling",
                "Cancelling → Cancelled");
        assertThat(changes.getItems().get(2).note()).isEqualTo("cashier cancelled");
        TableView<HistoryViewModel.LineRow> lines = robot.lookup("#history-detail-lines").queryTableView();
        assertThat(lines.getItems()).containsExactly(new HistoryViewModel.LineRow("SKU-350", "Item 350", 1,
                US.format(Money.of(350, "USD")), US.format(Money.of(350, "USD"))));
        assertThat(robot.lookup("#history-detail-title").queryLabeled().getText()).startsWith("Sale usd-3");
        assertThat(shownTexts(robot)).contains("Cancelling → Cancelled");
    }

    @Test
    void reportShowsTotalsPerCurrencyStateAndMethodOnScreen(FxRobot robot) throws Exception {
        robot.clickOn("#history-report-show");

        TableView<HistoryViewModel.ReportRow> totals = robot.lookup("#history-report-table").queryTableView();
        waitUntil(() -> !totals.getItems().isEmpty());
        assertThat(totals.getItems()).contains(
                new HistoryViewModel.ReportRow("USD", "Paid", 2, US.format(Money.of(1475, "USD"))),
                new HistoryViewModel.ReportRow("USD", "Paid by Amazon Pay", 1, US.format(Money.of(975, "USD"))),
                new HistoryViewModel.ReportRow("USD", "Needs attention", 1, US.format(Money.of(300, "USD"))),
                new HistoryViewModel.ReportRow("JPY", "Paid", 1, US.format(Money.of(1500, "JPY"))),
                new HistoryViewModel.ReportRow("EUR", "Paid by unknown method", 1, US.format(Money.of(250, "EUR"))));
        assertThat(US.format(Money.of(1500, "JPY"))).doesNotContain(".");
        // Each currency lists card, Amazon Pay, cash and unknown: bring the JPY block into the table's view first.
        int jpyAll = totals.getItems().indexOf(new HistoryViewModel.ReportRow("JPY", "All sales", 2,
                US.format(Money.of(2300, "JPY"))));
        robot.interact(() -> totals.scrollTo(Math.max(0, jpyAll - 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTexts(robot)).contains(US.format(Money.of(2300, "JPY")));
        robot.interact(() -> totals.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTexts(robot)).contains("Paid by unknown method");
        int usdPaid = totals.getItems().indexOf(new HistoryViewModel.ReportRow("USD", "Paid", 2,
                US.format(Money.of(1475, "USD"))));
        robot.interact(() -> totals.scrollTo(usdPaid));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTexts(robot)).contains(US.format(Money.of(1475, "USD")));
    }

    @Test
    void exportWritesTheReportOnScreenToTheChosenFile(FxRobot robot) throws Exception {
        robot.clickOn("#history-report-show");
        waitUntil(() -> model.reportProperty().get() != null);

        robot.clickOn("#history-export");

        waitUntil(() -> robot.lookup("#history-message").queryLabeled().getText().startsWith("Report saved"));
        assertThat(Files.readString(exportTarget, StandardCharsets.UTF_8))
                .isEqualTo(ReportCsv.toCsv(model.reportProperty().get()))
                .contains("\r\nJPY,state,PAID,1,1500\r\n");
    }

    static List<String> shownTexts(FxRobot robot) {
        return robot.lookup(n -> n instanceof Labeled l && l.isVisible() && l.getText() != null)
                .queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
