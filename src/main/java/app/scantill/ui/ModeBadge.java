package app.scantill.ui;

import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The SANDBOX / TEST / LIVE badge every screen shows: which money the till moves. Its words come
 * from the reader's language; its colour from the mode itself, through theme.css ({@code mode-sandbox},
 * {@code mode-test}, {@code mode-live}); an empty mode hides it.
 *
 * <p>It follows its own properties (bound to the model's) rather than the model, so the screen that
 * shows it holds no listener on the view model: bindings are all the model keeps, and bindings are weak.
 *
 * @param text the badge's words, e.g. SANDBOX or サンドボックス
 * @param mode which mode it is: sandbox, test, live, starting or off
 */
public final class ModeBadge extends Label {

    private final StringProperty mode = new SimpleStringProperty(this, "mode", "");

    public ModeBadge(ObservableStringValue text, ObservableStringValue mode) {
        getStyleClass().add("mode-badge");
        setMinWidth(Region.USE_PREF_SIZE);
        this.mode.addListener((obs, old, now) -> show(now));
        textProperty().bind(text);
        this.mode.bind(mode);
        show(this.mode.get());
    }

    private void show(String now) {
        getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-badge"));
        getStyleClass().add("mode-" + (now == null || now.isEmpty() ? "none" : now.toLowerCase(Locale.ROOT)));
        setVisible(now != null && !now.isEmpty());
        setManaged(isVisible());
    }
}
