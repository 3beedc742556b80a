package app.scantill.ui.charge;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The charge screen while the customer can pay: the QR code as large as the pane allows, beside it the
 * amount, the hint, the countdown and Cancel (Esc), under it the exact link. Compact, beside the cart
 * while a customer display shows the big code, it stacks the same parts in a narrow column with a small
 * code. A banner says when the connection is lost; a note when a phone cannot open the link at all.
 */
final class AwaitingPane extends BorderPane {

    private final VBox side;
    private final TextField link = new TextField();

    AwaitingPane(ChargeViewModel model, QrCodeView qrCode, Label amount, Button cancel) {
        Label banner = new Label(model.words().text("charge.banner.connection_lost"));
        banner.setId("connection-banner");
        banner.getStyleClass().add("connection-banner");
        banner.visibleProperty().bind(model.connectionLostProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);

        Label phone = new Label();
        phone.setId("phone-note");
        phone.getStyleClass().add("phone-note");
        phone.textProperty().bind(model.phoneNoteProperty());
        phone.visibleProperty().bind(model.phoneNoteProperty().isNotEmpty());
        phone.managedProperty().bind(phone.visibleProperty());
        phone.setMaxWidth(Double.MAX_VALUE);
        phone.setWrapText(true);
        VBox top = new VBox(8, banner, phone);

        qrCode.setId("qr-code");
        qrCode.matrixProperty().bind(model.qrProperty());
        qrCode.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        qrCode.setAccessibleText(model.words().text("screen.payment_qr"));

        amount.setId("qr-amount");
        Label hint = new Label();
        hint.setId("scan-hint");
        hint.getStyleClass().add("scan-hint");
        hint.textProperty().bind(model.scanHintProperty());
        hint.setWrapText(true);
        Label countdown = new Label();
        countdown.setId("countdown");
        countdown.getStyleClass().addAll("countdown", "muted-text");
        countdown.textProperty().bind(model.countdownProperty());
        cancel.setId("cancel-button");
        cancel.getStyleClass().add("cancel-button");
        side = new VBox(16, amount, hint, countdown, cancel);
        side.getStyleClass().add("charge-side");
        side.setAlignment(Pos.CENTER_LEFT);

        link.setId("payment-url");
        link.setEditable(false);
        link.getStyleClass().add("payment-url");
        link.textProperty().bind(model.urlProperty());
        link.setAccessibleText(model.words().text("screen.payment_link"));

        setCenter(qrCode);
        setTop(top);
        setBottom(link);
        setRight(side);
        getStyleClass().add("awaiting-pane");
    }

    /** Compact: the parts in one column under a small code (beside the cart); otherwise side by side. */
    void setCompact(boolean compact) {
        getChildren().removeAll(side, link);
        if (compact) {
            setRight(null);
            side.setAlignment(Pos.TOP_LEFT);
            setBottom(new VBox(12, side, link));
        } else {
            side.setAlignment(Pos.CENTER_LEFT);
            setRight(side);
            setBottom(link);
        }
    }
}
