package app.scantill.ui;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;

/**
 * The key that does what a button does, shown on the button as a small key cap beside its words
 * ("Cancel [Esc]"): every action of the till can be done from the keyboard, and the screen says how.
 * The button's own text stays the action alone; its accessible text names both, for a screen reader.
 */
public final class KeyCap {

    private KeyCap() {
    }

    /**
     * Puts {@code key} (as the keyboard's label reads in the reader's language, e.g. "Esc") on {@code button}.
     * The accessible text follows the button's text, so a later change of the words keeps both in step.
     */
    public static void show(Labeled button, String key) {
        Label cap = new Label(key);
        cap.getStyleClass().add("key-cap");
        button.setGraphic(cap);
        button.setContentDisplay(ContentDisplay.RIGHT);
        button.setGraphicTextGap(10);
        button.accessibleTextProperty().bind(button.textProperty().concat(", ").concat(key));
    }
}
