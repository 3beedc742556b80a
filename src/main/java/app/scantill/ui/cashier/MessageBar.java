package app.scantill.ui.cashier;

import app.scantill.ui.cashier.CashierViewModel.Notice;
import java.util.Locale;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Label;

/** The line under the scan field that says what just happened; coloured by the notice's level, hidden when there is none. */
final class MessageBar extends Label {

    MessageBar(ObservableObjectValue<Notice> notice) {
        setId("messageBar");
        getStyleClass().add("message-bar");
        setMaxWidth(Double.MAX_VALUE);
        setWrapText(true);
        notice.addListener((obs, old, now) -> show(now));
        show(notice.get());
    }

    private void show(Notice notice) {
        getStyleClass().removeAll("info", "warning", "error");
        boolean present = notice != null;
        setVisible(present);
        setManaged(present);
        if (present) {
            setText(notice.text());
            getStyleClass().add(notice.level().name().toLowerCase(Locale.ROOT));
        }
    }
}
