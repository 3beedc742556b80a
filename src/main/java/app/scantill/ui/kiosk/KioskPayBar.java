package app.scantill.ui.kiosk;

import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.i18n.Translator;
import app.scantill.ui.charge.ChargeViewModel;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Under the payment's screen, what the customer can do at each step: Cancel while the code is up, a new
 * code or Cancel once it expired, Try again or Pay by card after a refusal, Back to my items, Done after
 * paying. Also the note that a phone cannot open the code's link while the sandbox listens on this
 * computer only.
 */
final class KioskPayBar extends VBox {

    private final KioskViewModel model;
    private final Label phoneNote = new Label();
    private final Button cancel;
    private final Button newCode;
    private final Button retry;
    private final Button byCard;
    private final Button back;
    private final Button done;
    private final InvalidationListener changed = obs -> refresh();
    private ChargeViewModel following;

    KioskPayBar(KioskViewModel model, Function<Runnable, Runnable> touch) {
        this.model = model;
        Translator words = model.cashier().words();
        cancel = button(words.text("kiosk.button.cancel"), "kiosk-cancel", model::cancelPayment, touch);
        newCode = button(words.text("kiosk.button.new_code"), "kiosk-new-code", model::newCode, touch);
        retry = button(words.text("kiosk.button.retry"), "kiosk-retry", model::retryPayment, touch);
        byCard = button(words.text("kiosk.button.card"), "kiosk-card", model::payByCard, touch);
        back = button(words.text("kiosk.button.back"), "kiosk-back", model::backToItems, touch);
        done = button(words.text("kiosk.button.done"), "kiosk-done", model::done, touch);
        done.getStyleClass().add("kiosk-primary");
        newCode.getStyleClass().add("kiosk-primary");
        retry.getStyleClass().add("kiosk-primary");
        byCard.getStyleClass().add("kiosk-primary");
        phoneNote.setId("kiosk-phone-note");
        phoneNote.getStyleClass().add("phone-note");
        phoneNote.setWrapText(true);
        phoneNote.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(16, newCode, retry, byCard, done, cancel, back);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(phoneNote, buttons);
        getStyleClass().add("kiosk-pay-bar");
        model.till().chargeModelProperty().addListener((obs, old, now) -> follow(now));
        follow(model.till().chargeModelProperty().get());
    }

    private void follow(ChargeViewModel charge) {
        if (following != null) {
            following.statusProperty().removeListener(changed);
            following.phaseProperty().removeListener(changed);
            following.phoneNoteProperty().removeListener(changed);
        }
        following = charge;
        if (charge != null) {
            charge.statusProperty().addListener(changed);
            charge.phaseProperty().addListener(changed);
            charge.phoneNoteProperty().addListener(changed);
        }
        refresh();
    }

    private void refresh() {
        Phase phase = following == null ? Phase.IDLE : following.phaseProperty().get();
        ChargeStatus status = following == null ? ChargeStatus.idle() : following.statusProperty().get();
        String note = following == null ? "" : following.phoneNoteProperty().get();
        boolean codeUp = phase == Phase.AWAITING_PAYMENT || phase == Phase.CONNECTION_LOST;
        show(phoneNote, codeUp && !note.isEmpty());
        phoneNote.setText(note);
        show(cancel, codeUp || phase == Phase.CREATING || phase == Phase.EXPIRED
                || (phase == Phase.FAILED && (status.retryable() || status.cardOnlyOffered())));
        show(newCode, phase == Phase.EXPIRED);
        show(retry, phase == Phase.FAILED && status.retryable());
        show(byCard, phase == Phase.FAILED && status.cardOnlyOffered());
        show(back, phase == Phase.CANCELLED || phase == Phase.NEEDS_ATTENTION
                || (phase == Phase.FAILED && !status.retryable() && !status.cardOnlyOffered()));
        show(done, phase == Phase.PAID);
        // Cancel after an expiry or a refusal closes the sale as cancelled: the flow's back to the cart.
        cancel.setOnAction(event -> {
            if (phase == Phase.EXPIRED || status.cardOnlyOffered()) {
                model.backToItems();
            } else {
                model.cancelPayment();
            }
        });
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static Button button(String text, String id, Runnable action, Function<Runnable, Runnable> touch) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("kiosk-action");
        button.setFocusTraversable(false);
        Runnable run = touch.apply(action);
        button.setOnAction(event -> run.run());
        return button;
    }

    /** Stops following the payment (the kiosk's window is closing). */
    void dispose() {
        follow(null);
    }
}
