package app.scantill.ui.drawer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The cash drawer screen over the cart (F7): currency, amount and reason; Opening float, Cash in, Cash out and
 * Count; what the drawer should hold and, after a count, the difference. Esc closes it. Styles in drawer.css.
 */
public final class DrawerView extends VBox {

    private final DrawerViewModel model;
    private final TextField amount = new TextField();

    public DrawerView(DrawerViewModel model) {
        this.model = model;
        setId("drawerView");
        getStyleClass().add("drawer-view");
        getStylesheets().add(DrawerView.class.getResource("/app/scantill/ui/drawer/drawer.css").toExternalForm());

        Label title = new Label(model.words().text("drawer.title"));
        title.getStyleClass().add("drawer-title");
        TextField currency = field("drawerCurrency", "drawer.currency");
        currency.textProperty().bindBidirectional(model.currencyCodeProperty());
        currency.setOnAction(e -> model.refresh());
        amount.setId("drawerAmount");
        amount.setAccessibleText(model.words().text("drawer.amount"));
        amount.textProperty().bindBidirectional(model.amountTextProperty());
        TextField reason = field("drawerReason", "drawer.reason");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        GridPane form = new GridPane();
        form.getStyleClass().add("drawer-form");
        form.addRow(0, caption("drawer.currency"), currency);
        form.addRow(1, caption("drawer.amount"), amount);
        form.addRow(2, caption("drawer.reason"), reason);

        HBox actions = new HBox(button("drawerFloat", "drawer.float", model::openingFloat),
                button("drawerIn", "drawer.in", model::cashIn), button("drawerOut", "drawer.out", model::cashOut),
                button("drawerCount", "drawer.count", model::count));
        actions.getStyleClass().add("drawer-actions");

        Label summary = bound("drawerSummary", "drawer-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label expected = bound("drawerExpected", "drawer-expected");
        expected.textProperty().bind(model.expectedTextProperty());
        Label difference = bound("drawerDifference", "drawer-difference");
        difference.textProperty().bind(model.differenceTextProperty());
        Label message = bound("drawerMessage", "drawer-message");
        message.textProperty().bind(model.messageProperty());
        Button close = button("drawerClose", "drawer.close", model::close);
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(title, form, actions, caption("drawer.expected"), expected, summary, difference, message,
                bottom);
        card.getStyleClass().add("drawer-card");
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.close();
                e.consume();
            }
        });
        model.shownProperty().addListener((obs, was, now) -> {
            if (now) {
                amount.requestFocus();
            }
        });
    }

    private TextField field(String id, String key) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(model.words().text(key));
        return f;
    }

    private Label caption(String key) {
        Label l = new Label(model.words().text(key));
        l.getStyleClass().add("drawer-caption");
        return l;
    }

    private static Label bound(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(model.words().text(key));
        b.setId(id);
        b.getStyleClass().add("drawer-button");
        b.setOnAction(e -> action.run());
        return b;
    }
}
