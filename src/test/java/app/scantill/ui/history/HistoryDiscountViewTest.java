package app.scantill.ui.history;

import static app.scantill.ui.history.HistoryViewTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.MutableClock;
import app.scantill.journal.SalesHistory;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountAllocation;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A discounted sale in History: each line's discount and reason, what it was, and the day's discounts. */
@ExtendWith(ApplicationExtension.class)
class HistoryDiscountViewTest {

    @TempDir
    static Path dir;

    JdbcSalesJournal journal;
    FxUiExecutor executor;
    HistoryViewModel model;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal-discounts.db"), clock);
        DiscountAllocation.Result priced = DiscountAllocation.apply(
                List.of(new SaleLine("SKU-1", "Coffee", 350, 2), new SaleLine("SKU-2", "Bagel", 275, 1)),
                Map.of(0, Discount.percent(1000, DiscountReason.LOYALTY, "")),
                Optional.of(Discount.amount(100, DiscountReason.PRICE_MATCH, "")), 1);
        journal.begin("disc-1", "till-1", Currency.getInstance("USD"), priced.lines(), "k-disc-1", priced.discounts());
        journal.recordSession("disc-1", "cs_disc-1", null);
        journal.markPaid("disc-1", "pi_disc-1", "card", null);
        executor = new FxUiExecutor(1);
        model = new HistoryViewModel(new SalesHistory(journal, ZoneId.of("Europe/Berlin"), clock),
                app.scantill.i18n.English.words(), executor);
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
    void theSalesDetailShowsEachDiscountWithItsReasonAndTheReportTheDaysDiscounts(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> sales = robot.lookup("#history-sales").queryTableView();
        waitUntil(() -> sales.getItems().size() == 1);
        robot.clickOn("cs_disc-1");
        TableView<HistoryViewModel.LineRow> lines = robot.lookup("#history-detail-lines").queryTableView();
        waitUntil(() -> lines.getItems().size() == 2);

        // coffee 7.00 less 10 % = 6.30, then its 0.70 share of the cart's 1.00; bagel 2.75 less 0.30
        assertThat(lines.getItems().get(0).name()).isEqualTo("Coffee \u2014 −10 % (Loyalty)");
        assertThat(lines.getItems().get(0).lineTotal()).isEqualTo("$5.60  was $7.00");
        assertThat(lines.getItems().get(1).lineTotal()).isEqualTo("$2.45  was $2.75");
        assertThat(robot.lookup("#history-detail-discounts").queryAs(Label.class).getText())
                .isEqualTo("Discounts: −$1.70  ·  Cart discount −$1.00 (Price match)");

        robot.clickOn("#history-report-show");
        TableView<HistoryViewModel.ReportRow> totals = robot.lookup("#history-report-table").queryTableView();
        waitUntil(() -> !totals.getItems().isEmpty());
        assertThat(totals.getItems()).filteredOn(r -> r.toString().contains("Discounts")).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains("−$1.70"));
    }
}
