package app.scantill.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.Translator;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalFixtures;
import app.scantill.journal.MutableClock;
import app.scantill.journal.SalesHistory;
import app.scantill.ui.ScreenAccessibility;
import app.scantill.ui.ScreenFit;
import app.scantill.ui.Theme;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History window of a day's sales, in German (long words): on every screen a till has, and for a
 * person with a screen reader or weaker eyes.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryOnTillScreensTest {

    @TempDir
    Path dir;

    private JdbcSalesJournal journal;
    private FxUiExecutor executor;
    private HistoryViewModel model;
    private Stage window;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T06:00:00Z"));
        journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock);
        JournalFixtures.seedDay(journal, clock);
        clock.set(Instant.parse("2025-03-14T18:00:00Z"));
        executor = new FxUiExecutor(1);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        model = new HistoryViewModel(new SalesHistory(journal, berlin, clock),
                Translator.forLocale(Locale.GERMANY, berlin), executor);
        HistoryView view = new HistoryView(model);
        Scene scene = new Scene(view.root(), 1100, 720);
        Theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        window = stage;
        model.refresh();
        model.loadReport();
    }

    @AfterEach
    void stop() {
        executor.close();
        journal.close();
    }

    @Test
    void theHistoryWindowFitsEveryTillScreen() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> ScreenFit.problemsAtEverySize(window.getScene()))
                .get(30, TimeUnit.SECONDS);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyControlHasANameAndEveryTextMeetsWcagAa() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.rows().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> model.selectedProperty().set(model.rows().get(0))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> unnamed = WaitForAsyncUtils.asyncFx(() -> ScreenAccessibility.unnamed(window.getScene()))
                .get(5, TimeUnit.SECONDS);
        List<String> faint = WaitForAsyncUtils.asyncFx(() -> ScreenAccessibility.lowContrast(window.getScene()))
                .get(5, TimeUnit.SECONDS);
        assertThat(unnamed).as("controls a screen reader cannot name").isEmpty();
        assertThat(faint).as("texts under WCAG AA").isEmpty();
    }
}
