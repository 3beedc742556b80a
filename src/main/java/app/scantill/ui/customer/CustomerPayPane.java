package app.scantill.ui.customer;

import app.scantill.ui.charge.QrCodeView;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The code to pay with, as large as the screen allows, and beside it (landscape) or under it (portrait)
 * the amount, how to pay and the time left. The code is the very matrix the cashier's screen shows.
 */
final class CustomerPayPane extends BorderPane {

    private final VBox info;
    private boolean portrait;

    CustomerPayPane(CustomerDisplayModel model, QrCodeView qrCode) {
        qrCode.setId("customer-qr");
        qrCode.matrixProperty().bind(model.qrProperty());
        qrCode.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        qrCode.setAccessibleText(model.words().text("customer.qr.accessible"));
        qrCode.setPrefSize(2000, 2000); // as large as the pane lets it be

        Label title = new Label(model.words().text("customer.title.pay"));
        title.getStyleClass().addAll("customer-title", "strong-text");
        title.setWrapText(true);
        Label amount = new Label();
        amount.setId("customer-amount");
        amount.getStyleClass().addAll("customer-amount", "strong-text");
        amount.textProperty().bind(model.amountTextProperty());
        Label hint = new Label();
        hint.setId("customer-hint");
        hint.getStyleClass().add("customer-detail");
        hint.textProperty().bind(model.hintTextProperty());
        hint.setWrapText(true);
        Label countdown = new Label();
        countdown.setId("customer-countdown");
        countdown.getStyleClass().addAll("customer-countdown", "muted-text");
        countdown.textProperty().bind(model.countdownTextProperty());
        info = new VBox(20, title, amount, hint, countdown);
        info.getStyleClass().add("customer-pay-info");
        info.setMinWidth(0);

        setCenter(qrCode);
        getStyleClass().add("customer-pay");
        arrange(false);
        // Portrait screens (a tall till screen turned on its side) put the words under the code.
        widthProperty().addListener((obs, old, now) -> arrange(getHeight() > getWidth()));
        heightProperty().addListener((obs, old, now) -> arrange(getHeight() > getWidth()));
    }

    private void arrange(boolean tall) {
        if (tall == portrait && (getRight() != null || getBottom() != null)) {
            return;
        }
        portrait = tall;
        setRight(null);
        setBottom(null);
        if (tall) {
            info.setAlignment(Pos.TOP_CENTER);
            info.setMaxWidth(Double.MAX_VALUE);
            info.prefWidthProperty().unbind();
            setBottom(info);
        } else {
            info.setAlignment(Pos.CENTER_LEFT);
            info.prefWidthProperty().bind(widthProperty().multiply(0.34));
            setRight(info);
        }
    }
}
