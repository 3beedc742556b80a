package app.scantill.ui.cashier;

import app.scantill.cart.Chargeability;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under the cart: item count and currency, while anything is discounted the total before discounts and the
 * discounts (with the cart's discount and its reason), the total, whether the cart can be charged (and why
 * not), and the Charge button, enabled only when it can.
 */
final class TotalPanel extends VBox {

    private final Label chargeability = new Label();

    TotalPanel(CashierViewModel model, ScanField scanField) {
        Label items = new Label();
        items.getStyleClass().addAll("item-count", "muted-text");
        items.textProperty().bind(model.itemCountTextProperty());
        Label currency = new Label();
        currency.setId("currencyLabel");
        currency.getStyleClass().add("currency-badge");
        currency.textProperty().bind(model.currencyTextProperty());
        currency.visibleProperty().bind(model.currencyTextProperty().isNotEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox topRow = new HBox(items, gap, currency);
        topRow.setAlignment(Pos.CENTER_LEFT);

        Label totalCaption = new Label(model.words().text("cashier.total"));
        totalCaption.getStyleClass().addAll("total-caption", "muted-text");
        Label total = new Label();
        total.setId("totalLabel");
        total.getStyleClass().addAll("total-amount", "strong-text");
        total.textProperty().bind(model.totalTextProperty());
        total.setMaxWidth(Double.MAX_VALUE);
        total.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(total, Priority.ALWAYS);
        HBox totalRow = new HBox(totalCaption, total);
        totalRow.setAlignment(Pos.BASELINE_LEFT);

        HBox listTotal = discountRow(model.words().text("discount.total.before"), model.listTotalTextProperty(),
                "listTotalLabel");
        HBox discount = discountRow(model.words().text("discount.total.discounts"), model.discountTextProperty(),
                "discountLabel");

        chargeability.setId("chargeabilityLabel");
        chargeability.getStyleClass().add("chargeability");
        chargeability.setWrapText(true);
        chargeability.setMaxWidth(Double.MAX_VALUE);
        model.chargeabilityProperty().addListener((obs, old, now) -> showChargeability(model, now));
        showChargeability(model, model.chargeabilityProperty().get());

        Button charge = scanField.button(model.words().text("cashier.button.charge"), "charge-button", model::charge);
        charge.setId("chargeButton");
        charge.setMaxWidth(Double.MAX_VALUE);
        charge.disableProperty().bind(model.canChargeProperty().not());

        Button cash = scanField.button(model.words().text("cashier.button.cash"), "cash-button", model::cash);
        cash.setId("cashButton");
        cash.disableProperty().bind(model.canCashProperty().not());
        HBox.setHgrow(charge, Priority.ALWAYS);
        HBox tenders = new HBox(charge, cash);
        tenders.getStyleClass().add("tender-row");

        getChildren().addAll(topRow, listTotal, discount, totalRow, chargeability, tenders);
        getStyleClass().add("total-box");
    }

    /** A row shown only while something in the cart is discounted. */
    private static HBox discountRow(String caption, javafx.beans.value.ObservableStringValue text, String id) {
        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("muted-text");
        Label value = new Label();
        value.setId(id);
        value.getStyleClass().add("discount-figure");
        value.textProperty().bind(text);
        value.setWrapText(true);
        value.setMaxWidth(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox row = new HBox(captionLabel, value);
        row.setAlignment(Pos.BASELINE_LEFT);
        row.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void showChargeability(CashierViewModel model, Chargeability now) {
        chargeability.getStyleClass().removeAll("ok", "warn", "muted");
        if (now == null) {
            return;
        }
        chargeability.setText(model.words().text(now.summary()));
        chargeability.getStyleClass().add(switch (now.status()) {
            case CHARGEABLE -> "ok";
            case BELOW_MINIMUM, ZERO_TOTAL -> "warn";
            case EMPTY -> "muted";
        });
    }
}
