package app.scantill.ui.kiosk;

import app.scantill.i18n.Translator;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The staff's PIN pad over the kiosk: ten digits, ⌫, OK and Close, big enough for a finger, and the same
 * from a keyboard (digits, Backspace, Enter, Esc). The PIN shows as dots.
 */
final class KioskPinPadView extends StackPane {

    KioskPinPadView(KioskPinPad pad, Translator words) {
        Label title = new Label(words.text("kiosk.pin.title"));
        title.getStyleClass().addAll("kiosk-title", "strong-text");
        Label dots = new Label();
        dots.setId("kiosk-pin-dots");
        dots.getStyleClass().add("kiosk-pin-dots");
        dots.textProperty().bind(pad.dotsProperty());
        dots.setAccessibleText(words.text("kiosk.pin.entered"));
        Label message = new Label();
        message.setId("kiosk-pin-message");
        message.getStyleClass().add("kiosk-pin-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(pad.messageProperty());
        message.visibleProperty().bind(pad.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        GridPane keys = new GridPane();
        keys.getStyleClass().add("kiosk-pin-keys");
        for (int d = 1; d <= 9; d++) {
            keys.add(digit(pad, (char) ('0' + d)), (d - 1) % 3, (d - 1) / 3);
        }
        Button back = key("\u232B", "kiosk-pin-back", pad::backspace);
        back.setAccessibleText(words.text("kiosk.pin.backspace"));
        keys.add(back, 0, 3);
        keys.add(digit(pad, '0'), 1, 3);
        Button ok = key(words.text("kiosk.pin.ok"), "kiosk-pin-ok", pad::enter);
        ok.getStyleClass().add("kiosk-primary");
        ok.disableProperty().bind(pad.checkingProperty());
        keys.add(ok, 2, 3);
        Button close = key(words.text("kiosk.pin.close"), "kiosk-pin-close", pad::close);
        close.getStyleClass().setAll("button", "kiosk-action"); // words, not a digit: as wide as they need

        VBox card = new VBox(16, title, dots, message, keys, close);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("kiosk-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(card);
        getStyleClass().add("kiosk-overlay");
        setId("kiosk-pin-pad");
        visibleProperty().bind(pad.shownProperty());
        // From a keyboard too: a staff member at a kiosk with one plugged in.
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case BACK_SPACE -> pad.backspace();
                case ENTER -> pad.enter();
                case ESCAPE -> pad.close();
                default -> {
                    String typed = event.getText();
                    if (typed.length() == 1 && Character.isDigit(typed.charAt(0))) {
                        pad.digit(typed.charAt(0));
                    } else {
                        return;
                    }
                }
            }
            event.consume();
        });
    }

    private static Button digit(KioskPinPad pad, char digit) {
        return key(String.valueOf(digit), "kiosk-pin-" + digit, () -> pad.digit(digit));
    }

    private static Button key(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("kiosk-pin-key");
        button.setOnAction(event -> action.run());
        return button;
    }
}
