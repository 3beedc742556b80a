package app.scantill.ui;

import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The SANDBOX / TEST / LIVE badge every screen shows: which money the till moves. Its colour comes
 * from theme.css ({@code mode-sandbox}, {@code mode-test}, {@code mode-live}); an empty mode hides it.
 *
 * <p>It follows its own text (bound to the mode) rather than the mode itself, so the screen that
 * shows it holds no listener on the view model: a binding is all the model keeps, and bindings are weak.
 */
public final class ModeBadge extends Label {

    public ModeBadge(ObservableStringValue mode) {
        getStyleClass().add("mode-badge");
        setMinWidth(Region.USE_PREF_SIZE);
        textProperty().addListener((obs, old, now) -> show(now));
        textProperty().bind(mode);
        show(getText());
    }

    private void show(String mode) {
        getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-badge"));
        getStyleClass().add("mode-" + (mode == null || mode.isEmpty() ? "none" : mode.toLowerCase(Locale.ROOT)));
        setVisible(mode != null && !mode.isEmpty());
        setManaged(isVisible());
    }
}
