package app.scantill.ui.cashier;

import app.scantill.sale.DiscountReason;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The discount card over the dimmed cashier screen ({@link DiscountViewModel}): percent or amount, the value, a
 * reason from the list, a note, and the manager PIN when the discount is over the limit. Enter applies, Esc closes.
 */
final class DiscountPane extends StackPane {

    private final TextField value = new TextField();

    DiscountPane(DiscountViewModel model, CashierViewModel cashier) {
        Label title = new Label();
        title.getStyleClass().add("help-title");
        title.textProperty().bind(model.titleProperty());

        ToggleGroup kind = new ToggleGroup();
        RadioButton percent = new RadioButton(cashier.words().text("discount.dialog.percent"));
        percent.setId("discountPercent");
        percent.setToggleGroup(kind);
        RadioButton amount = new RadioButton(cashier.words().text("discount.dialog.amount"));
        amount.setId("discountAmount");
        amount.setToggleGroup(kind);
        percent.setSelected(model.percentProperty().get());
        amount.setSelected(!model.percentProperty().get());
        model.percentProperty().addListener((o, was, now) -> (now ? percent : amount).setSelected(true));
        kind.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.percentProperty().set(now == percent);
            }
        });

        value.setId("discountValue");
        value.textProperty().bindBidirectional(model.valueProperty());
        value.setAccessibleText(cashier.words().text("discount.dialog.value"));

        ComboBox<DiscountReason> reason = new ComboBox<>();
        reason.setId("discountReason");
        reason.getItems().setAll(DiscountReason.values());
        reason.valueProperty().bindBidirectional(model.reasonProperty());
        reason.setConverter(new StringConverter<>() {
            @Override
            public String toString(DiscountReason r) {
                return r == null ? "" : model.reasonText(r);
            }

            @Override
            public DiscountReason fromString(String s) {
                return null;
            }
        });
        reason.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(DiscountReason r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : model.reasonText(r));
            }
        });

        TextField note = new TextField();
        note.setId("discountNote");
        note.textProperty().bindBidirectional(model.noteProperty());

        PasswordField pin = new PasswordField();
        pin.setId("discountPin");
        pin.textProperty().bindBidirectional(model.pinProperty());
        Label pinLabel = new Label(cashier.words().text("discount.dialog.pin"));
        Label pinHint = new Label();
        pinHint.setId("discountPinHint");
        pinHint.getStyleClass().add("muted-text");
        pinHint.textProperty().bind(model.pinHintProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {pin, pinLabel, pinHint}) {
            n.visibleProperty().bind(model.pinNeededProperty());
            n.managedProperty().bind(model.pinNeededProperty());
        }

        GridPane form = new GridPane();
        form.getStyleClass().add("discount-form");
        form.addRow(0, new Label(cashier.words().text("discount.dialog.value")), new HBox(8, value, percent, amount));
        form.addRow(1, new Label(cashier.words().text("discount.dialog.reason")), reason);
        form.addRow(2, new Label(cashier.words().text("discount.dialog.note")), note);
        form.addRow(3, pinLabel, pin);

        Label message = new Label();
        message.setId("discountMessage");
        message.getStyleClass().add("discount-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());

        Button apply = new Button(cashier.words().text("discount.dialog.apply"));
        apply.setId("discountApply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(model.busyProperty());
        apply.setOnAction(e -> model.apply());
        Button remove = new Button(cashier.words().text("discount.dialog.remove"));
        remove.setId("discountRemove");
        remove.disableProperty().bind(Bindings.not(model.canRemoveProperty()).or(model.busyProperty()));
        remove.setOnAction(e -> model.remove());
        Button cancel = new Button(cashier.words().text("discount.dialog.cancel"));
        cancel.setId("discountCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.close());
        HBox buttons = new HBox(10, apply, remove, cancel);

        VBox card = new VBox(title, form, pinHint, message, buttons);
        card.getStyleClass().addAll("help-card", "discount-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(card);
        setId("discountOverlay");
        getStyleClass().add("help-overlay");
        visibleProperty().bind(model.shownProperty());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.apply();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.close();
                e.consume();
            }
        });
        model.shownProperty().addListener((o, was, now) -> {
            if (now) {
                value.requestFocus();
                value.selectAll();
            }
        });
    }
}
