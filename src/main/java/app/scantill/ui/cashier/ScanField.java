package app.scantill.ui.cashier;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The scan field, and the rule that it keeps the keyboard focus: a USB scanner is a keyboard that
 * types digits and Enter, so whatever the cashier last touched, the next scan must land here.
 * Every other control of the cashier screen is left out of focus traversal and hands the focus
 * back here after a click; the parts build their buttons with {@link #button} for that.
 */
final class ScanField {

    private final TextField field = new TextField();

    ScanField(CashierViewModel model) {
        field.setId("scanField");
        field.setPromptText(model.words().text("cashier.scan.prompt"));
        field.setAccessibleText(field.getPromptText());
        field.getStyleClass().add("scan-field");
        field.setOnAction(event -> {
            if (model.scan(field.getText())) {
                field.clear();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
    }

    TextField node() {
        return field;
    }

    void focus() {
        field.requestFocus();
    }

    boolean isEmpty() {
        return field.getText() == null || field.getText().isEmpty();
    }

    void clear() {
        field.clear();
    }

    /** A button out of focus traversal that runs {@code action} and gives the focus back to the scan field. */
    Button button(String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add(styleClass);
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            action.run();
            field.requestFocus();
        });
        return button;
    }
}
