package app.scantill.ui;

import java.util.Objects;
import javafx.scene.Scene;

/**
 * The app-wide stylesheet: named colours, fonts and the look of common controls. Each feature adds
 * its own sheet on top (e.g. {@code ui/cashier/cashier.css}) and refers to these colours by name.
 */
public final class Theme {

    public static final String STYLESHEET = "/app/scantill/ui/theme.css";

    private Theme() {
    }

    public static String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }

    public static void applyTo(Scene scene) {
        if (!scene.getStylesheets().contains(stylesheet())) {
            scene.getStylesheets().add(0, stylesheet());
        }
    }
}
