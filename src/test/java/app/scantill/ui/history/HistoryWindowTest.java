package app.scantill.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.Translator;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalFixtures;
import app.scantill.journal.MutableClock;
import app.scantill.journal.SalesHistory;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The history window as a German-speaking cashier sees it, at the till's window size. */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {

    static final AtomicInteger RUN = new AtomicInteger();

    @TempDir
    static Path dir;

    JdbcSalesJournal journal;
    FxUiExecutor executor;
    HistoryViewModel model;
    Stage window;
    HistoryView view;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal-" + RUN.incrementAndGet() + ".db"), clock);
        JournalFixtures.seedDay(journal, clock);
        clock.set(Instant.parse("2025-03-14T18:00:00Z"));
        executor = new FxUiExecutor(1);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        model = new HistoryViewModel(new SalesHistory(journal, berlin, clock),
                Translator.forLocale(Locale.GERMANY, berlin), executor);
        view = new HistoryView(model);
        view.closeOnEscape(stage);
        stage.setScene(new Scene(view.root(), 1280, 800));
        window = stage;
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() {
        executor.close();
        journal.close();
    }

    @Test
    void datesTimesMoneyAndMethodsAreWrittenTheGermanWay(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> table = robot.lookup("#history-sales").queryTableView();
        HistoryViewTest.waitUntil(() -> table.getItems().size() == 7);

        DatePicker day = robot.lookup("#history-day").query();
        assertThat(day.getEditor().getText()).isEqualTo("14.03.2025");
        assertThat(day.getConverter().fromString("15.03.2025")).isEqualTo(LocalDate.of(2025, 3, 15));
        HistoryViewModel.SaleRow first = table.getItems().get(0);
        assertThat(first.time()).isEqualTo("00:00:00");
        assertThat(first.total()).isEqualTo("9,75\u00a0$");
        assertThat(first.state()).isEqualTo("Bezahlt");
        assertThat(first.method()).isEqualTo("Amazon Pay");
        assertThat(HistoryViewTest.shownTexts(robot)).contains("Uhrzeit", "Zahlungsart", "Alle Verkäufe",
                "Tagesabschluss", "Bezahlt", "Abgelaufen").doesNotContain("amazon_pay", "Time", "Method");
    }

    @Test
    void longerGermanHeadersAreWholeAndNoTableScrollsSideways(FxRobot robot) throws Exception {
        TableView<HistoryViewModel.SaleRow> table = robot.lookup("#history-sales").queryTableView();
        HistoryViewTest.waitUntil(() -> table.getItems().size() == 7);
        robot.clickOn("#history-report-show");
        HistoryViewTest.waitUntil(() -> !robot.lookup("#history-report-table").queryTableView().getItems().isEmpty());

        HistoryLayout.assertHeadersWholeAndNoSidewaysScrolling(robot);
    }

    @Test
    void looksLikeTheTillThemesColoursAndBrandHeader(FxRobot robot) {
        Region root = (Region) view.root();
        Region header = robot.lookup(".history-header").query();

        assertThat(root.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#eef1f4"));
        assertThat(header.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#12343b"));
        assertThat(robot.lookup("#history-title").queryLabeled().getText()).isEqualTo("Verkaufsverlauf");
        assertThat(robot.lookup("#history-title").queryLabeled().getFont().getFamily()).isEqualTo("DejaVu Sans");
    }

    @Test
    void escapeClosesTheWindow(FxRobot robot) {
        robot.clickOn("#history-refresh");
        assertThat(window.isShowing()).isTrue();

        robot.type(KeyCode.ESCAPE);

        assertThat(window.isShowing()).isFalse();
    }
}
