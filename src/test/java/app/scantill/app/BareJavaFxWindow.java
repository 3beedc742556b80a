package app.scantill.app;

import app.scantill.ui.support.FirstFrame;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up and memory baseline of the benchmark: an empty JavaFX window of the till's size,
 * started the same way as ScanTill (a launcher that does not extend Application, same JVM flags)
 * and reporting its first frame through the same {@link FirstFrame} hook. It ships in the app image's
 * training jar, so the benchmark can give it a class-data archive of its own (ADR 0190).
 */
public final class BareJavaFxWindow extends Application {

    /**
     * System property: quit after the first frame. The benchmark's training run of the bare window's own
     * class-data archive uses it (the archive is written when the JVM exits normally).
     */
    static final String EXIT_AFTER_FIRST_FRAME = "bench.exitAfterFirstFrame";

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Bare JavaFX")), 1280, 800);
        stage.setTitle("Bare JavaFX");
        stage.setScene(scene);
        stage.show();
        FirstFrame.afterFirstPulse(scene, () -> {
            if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME)) {
                Platform.exit();
            }
        });
    }

    /** Launcher, as {@link Main} is for ScanTill. */
    public static final class Launcher {

        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BareJavaFxWindow.class, args);
        }
    }
}
