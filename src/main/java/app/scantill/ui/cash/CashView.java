package app.scantill.ui.cash;

import app.scantill.ui.cash.CashViewModel.Phase;
import app.scantill.ui.cash.CashViewModel.QuickNote;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The cash screen over the cart: total, amount tendered with a quick key per common note and Exact, the change
 * due in large type, Confirm (Enter) and Back to cart (Esc); once paid, New sale (Enter) and Receipt (Ctrl+P).
 * Styles in cash.css.
 */
public final class CashView extends VBox {

    private static final KeyCombination RECEIPT_KEY = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private final CashViewModel model;
    private final TextField tendered = new TextField();
    private final FlowPane notes = new FlowPane();
    private final Button confirm;
    private final Button back;
    private final Button newSale;
    private final Button receipt;
    private Runnable onReceipt = () -> { };
    private final ChangeListener<Phase> phaseListener = (obs, old, now) -> show(now);

    public CashView(CashViewModel model) {
        this.model = model;
        getStyleClass().add("cash-view");
        getStylesheets().add(CashView.class.getResource("/app/scantill/ui/cash/cash.css").toExternalForm());
        setId("cashView");

        Label title = new Label(model.words().text("cash.title"));
        title.getStyleClass().add("cash-title");
        Label totalCaption = new Label(model.words().text("cash.total"));
        totalCaption.getStyleClass().add("cash-caption");
        Label totalValue = new Label();
        totalValue.setId("cashTotal");
        totalValue.getStyleClass().add("cash-total");
        totalValue.textProperty().bind(model.totalTextProperty());
        HBox total = new HBox(totalCaption, totalValue);
        total.getStyleClass().add("cash-total-row");
        total.setAlignment(Pos.BASELINE_LEFT);
        Label takesOver = new Label();
        takesOver.setId("cashTakesOver");
        takesOver.getStyleClass().add("cash-takes-over");
        takesOver.setWrapText(true);
        takesOver.textProperty().bind(model.takesOverTextProperty());
        takesOver.visibleProperty().bind(model.takesOverTextProperty().isNotEmpty());
        takesOver.managedProperty().bind(takesOver.visibleProperty());

        Label tenderedCaption = new Label(model.words().text("cash.tendered"));
        tenderedCaption.getStyleClass().add("cash-caption");
        tenderedCaption.setLabelFor(tendered);
        tendered.setId("cashTendered");
        tendered.getStyleClass().add("cash-tendered");
        tendered.setAccessibleText(model.words().text("cash.tendered"));
        tendered.textProperty().bindBidirectional(model.tenderedTextProperty());
        tendered.editableProperty().bind(model.phaseProperty().isEqualTo(Phase.ENTERING));
        notes.getStyleClass().add("cash-notes");
        model.notesProperty().addListener((obs, old, now) -> showNotes(now));
        showNotes(model.notesProperty().get());

        Label changeCaption = new Label(model.words().text("cash.change"));
        changeCaption.getStyleClass().add("cash-caption");
        Label change = new Label();
        change.setId("cashChange");
        change.getStyleClass().add("cash-change");
        change.textProperty().bind(model.changeTextProperty());
        Label message = new Label();
        message.setId("cashMessage");
        message.getStyleClass().add("cash-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.tooLittleProperty().addListener((obs, old, now) -> tendered.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("short"), now));

        confirm = button("cashConfirm", "cash.confirm", model::confirm);
        confirm.setDefaultButton(false);
        back = button("cashBack", "cash.back", model::back);
        newSale = button("cashNewSale", "cash.new_sale", model::newSale);
        receipt = button("cashReceipt", "cash.receipt", () -> onReceipt.run());
        HBox buttons = new HBox(back, confirm, receipt, newSale);
        buttons.getStyleClass().add("cash-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(title, total, takesOver, tenderedCaption, tendered, notes, changeCaption, change, message,
                buttons);
        card.getStyleClass().add("cash-card");
        getChildren().add(card);
        setAlignment(Pos.CENTER);

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        model.phaseProperty().addListener(phaseListener);
        show(model.phaseProperty().get());
    }

    /** What Receipt (Ctrl+P) opens for the paid sale; the window owns the receipt window. */
    public void setOnReceipt(Runnable action) {
        this.onReceipt = action;
    }

    /** The screen is gone: stops following the model. */
    public void dispose() {
        model.phaseProperty().removeListener(phaseListener);
    }

    private void onKey(KeyEvent event) {
        Phase now = model.phaseProperty().get();
        if (event.getCode() == KeyCode.ENTER) {
            model.confirm();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            model.back();
            event.consume();
        } else if (RECEIPT_KEY.match(event) && now == Phase.PAID) {
            onReceipt.run();
            event.consume();
        }
    }

    private void show(Phase now) {
        boolean paid = now == Phase.PAID;
        confirm.setVisible(!paid);
        confirm.setManaged(!paid);
        confirm.setDisable(now != Phase.ENTERING);
        back.setVisible(!paid);
        back.setManaged(!paid);
        back.setDisable(now != Phase.ENTERING);
        newSale.setVisible(paid);
        newSale.setManaged(paid);
        receipt.setVisible(paid);
        receipt.setManaged(paid);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("paid"), paid);
        if (now == Phase.ENTERING) {
            tendered.requestFocus();
        }
    }

    private void showNotes(List<QuickNote> quick) {
        notes.getChildren().clear();
        for (QuickNote note : quick) {
            Button b = new Button(note.label());
            b.getStyleClass().add("cash-note");
            b.setFocusTraversable(false);
            b.setOnAction(e -> model.quickNote(note.amount()));
            notes.getChildren().add(b);
        }
        Button exact = new Button(model.words().text("cash.exact"));
        exact.setId("cashExact");
        exact.getStyleClass().add("cash-note");
        exact.setFocusTraversable(false);
        exact.setOnAction(e -> model.exact());
        notes.getChildren().add(exact);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(model.words().text(key));
        b.setId(id);
        b.getStyleClass().add("cash-button");
        b.setOnAction(e -> action.run());
        return b;
    }
}
