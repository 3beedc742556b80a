package app.scantill.ui.cashier;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The F1 help: every {@link CashierShortcut} on a card over the dimmed screen. A click beside the
 * card, Close, F1 or Esc closes it (the keys are handled by {@link CashierKeys}).
 */
final class HelpOverlay extends StackPane {

    HelpOverlay(CashierViewModel model, ScanField scanField) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (CashierShortcut shortcut : CashierShortcut.values()) {
            Label keys = new Label(model.words().text(shortcut.keys()));
            keys.getStyleClass().add("help-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label action = new Label(model.words().text(shortcut.action()));
            action.getStyleClass().add("help-action");
            grid.addRow(row++, keys, action);
        }
        Label title = new Label(model.words().text("help.title"));
        title.getStyleClass().add("help-title");
        Label footer = new Label(model.words().text("help.footer"));
        footer.getStyleClass().addAll("help-footer", "muted-text");
        footer.setWrapText(true);
        Button close = scanField.button(model.words().text("help.close"), "help-close", model::closeHelp);
        VBox card = new VBox(title, grid, footer, close);
        card.getStyleClass().add("help-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        getChildren().add(card);
        setId("helpOverlay");
        getStyleClass().add("help-overlay");
        visibleProperty().bind(model.helpShownProperty());
        setOnMouseClicked(event -> {
            if (event.getTarget() == this) {
                model.closeHelp();
            }
        });
    }
}
