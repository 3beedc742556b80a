package app.scantill.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.MutableClock;
import app.scantill.journal.SalesHistory;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The report on the History screen shows net, tax and gross per rate, rounded as tax.rounding says. */
@ExtendWith(ApplicationExtension.class)
class HistoryTaxReportViewTest {

    static final MoneyFormat US = new MoneyFormat(Locale.US);
    static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    static Path dir;

    JdbcSalesJournal journal;
    FxUiExecutor executor;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal-tax.db"), clock);
        journal.begin("s-1", "till-1", EUR, List.of(
                new SaleLine("COFFEE", "Coffee beans", 299, 3, 0, new TaxRate(1900)),
                new SaleLine("BREAD", "Bread", 349, 1, 0, new TaxRate(700)),
                new SaleLine("MILK", "Milk", 119, 1, 0, new TaxRate(700)),
                new SaleLine("BOOK", "Book", 1295, 1, 0, new TaxRate(700))), "k-1");
        journal.recordSession("s-1", "cs_1", null);
        journal.markPaid("s-1", "pi_1", "card", null);
        executor = new FxUiExecutor(1);
        HistoryViewModel model = new HistoryViewModel(new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock)
                .withTaxRounding(TaxRounding.PER_RECEIPT), app.scantill.i18n.English.words(), executor);
        HistoryView view = new HistoryView(model, (owner, name) -> Optional.empty());
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
    void theReportShowsNetTaxAndGrossPerRate(FxRobot robot) throws Exception {
        robot.clickOn("#history-report-show");

        TableView<HistoryViewModel.ReportRow> totals = robot.lookup("#history-report-table").queryTableView();
        HistoryViewTest.waitUntil(() -> !totals.getItems().isEmpty());
        // per receipt: 7 % of 17.63 is 1.15 (the lines alone would round to 1.16)
        assertThat(totals.getItems()).containsSubsequence(
                new HistoryViewModel.ReportRow("EUR", "Net at 7 %", 1, US.format(Money.of(1648, EUR))),
                new HistoryViewModel.ReportRow("EUR", "Tax at 7 %", 1, US.format(Money.of(115, EUR))),
                new HistoryViewModel.ReportRow("EUR", "Gross at 7 % (paid − refunded)", 1,
                        US.format(Money.of(1763, EUR))),
                new HistoryViewModel.ReportRow("EUR", "Net at 19 %", 1, US.format(Money.of(754, EUR))),
                new HistoryViewModel.ReportRow("EUR", "Tax at 19 %", 1, US.format(Money.of(143, EUR))),
                new HistoryViewModel.ReportRow("EUR", "Gross at 19 % (paid − refunded)", 1,
                        US.format(Money.of(897, EUR))));
        robot.interact(() -> totals.scrollTo(totals.getItems().size() - 1));
        HistoryViewTest.waitUntil(() -> true);
        assertThat(HistoryViewTest.shownTexts(robot)).contains("Tax at 19 %", US.format(Money.of(143, EUR)));
    }
}
