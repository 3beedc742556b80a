package app.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The screen checks the layout and accessibility tests rely on find what they are meant to find. */
@ExtendWith(ApplicationExtension.class)
class ScreenChecksTest {

    private Scene scene;
    private Stage own;

    @Start
    void start(Stage stage) {
        Label faint = new Label("Faint words");
        faint.setId("faint");
        faint.setStyle("-fx-text-fill: #aaaaaa; -fx-background-color: white;");
        Label cut = new Label("Words far too long for their place");
        cut.setId("cut");
        cut.setMaxWidth(60);
        Label broken = new Label("Caffe Latte");
        broken.setId("broken");
        broken.setWrapText(true);
        broken.setMaxWidth(30);
        Button plus = new Button("+");
        plus.setId("plus");
        Button small = new Button("OK");
        small.setId("small");
        small.setStyle("-fx-min-height: 20; -fx-pref-height: 24; -fx-max-height: 24;");
        Button away = new Button("Away");
        away.setId("away");
        away.relocate(380, 10);
        Pane loose = new Pane(away);
        scene = new Scene(new VBox(faint, cut, broken, plus, small, loose), 400, 300);
        // A window of its own: the shared stage keeps whatever size the tests before gave it.
        own = new Stage();
        own.setScene(scene);
        own.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(own::hide).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theChecksFindFaintWordsNamelessButtonsCutAndBrokenWordsSmallButtonsAndControlsOutside() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> contrast = WaitForAsyncUtils.asyncFx(() -> ScreenAccessibility.lowContrast(scene))
                .get(5, TimeUnit.SECONDS);
        List<String> unnamed = WaitForAsyncUtils.asyncFx(() -> ScreenAccessibility.unnamed(scene)).get(5, TimeUnit.SECONDS);
        List<String> fit = WaitForAsyncUtils.asyncFx(() -> ScreenFit.problems(scene)).get(5, TimeUnit.SECONDS);

        assertThat(contrast).singleElement().asString().contains("#faint");
        assertThat(unnamed).singleElement().asString().contains("#plus");
        assertThat(fit).anyMatch(p -> p.startsWith("cut:") && p.contains("#cut"))
                .anyMatch(p -> p.startsWith("cut: a word of") && p.contains("#broken"))
                .anyMatch(p -> p.startsWith("smaller than 44 px") && p.contains("#small"))
                .anyMatch(p -> p.startsWith("outside") && p.contains("#away"));
    }
}
