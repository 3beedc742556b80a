package app.scantill.ui.cashier;

import app.scantill.cart.CartLine;
import app.scantill.ui.HeaderWidth;
import app.scantill.ui.ValueColumn;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The right side of the cashier screen: the cart table, the buttons that act on the selected line
 * (−, +, Remove) and Clear cart, and the {@link TotalPanel} under them. The table's selection and
 * the view model's selected line are kept in step both ways.
 */
final class CartPane extends VBox {

    private final CashierViewModel model;
    private final ScanField scanField;
    private final TableView<CartLine> table = new TableView<>();
    /** True while the table is being made to show the model's selection, so that change is not sent back. */
    private boolean syncingSelection;

    CartPane(CashierViewModel model, ScanField scanField) {
        this.model = model;
        this.scanField = scanField;
        buildTable();
        syncSelection();
        getChildren().addAll(table, lineButtons(), new TotalPanel(model, scanField));
        getStyleClass().add("cart-area");
    }

    private void buildTable() {
        table.setId("cartTable");
        table.getStyleClass().add("cart-table");
        table.setItems(model.cartLines());
        table.setFocusTraversable(false);
        table.setPlaceholder(new Label(model.words().text("cashier.cart.placeholder")));
        table.setAccessibleText(model.words().text("screen.cart"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CartLine, String> name = column(model.words().text("cashier.column.item"),
                line -> model.lineDiscountText(line).isEmpty() ? line.product().name()
                        : line.product().name() + "\n" + model.lineDiscountText(line), "name-column", 195);
        TableColumn<CartLine, String> unit = column(model.words().text("cashier.column.price"),
                line -> model.format(line.unitPrice()), "money-column", 85);
        TableColumn<CartLine, String> qty = column(model.words().text("cashier.column.quantity"),
                line -> Integer.toString(line.quantity()), "qty-column", 50);
        TableColumn<CartLine, String> total = column(model.words().text("cashier.column.total"),
                model::lineTotalText, "money-column", 105);
        table.getColumns().setAll(List.of(name, unit, qty, total));
        HeaderWidth.keepWhole(table); // "Qty", "Menge", "数量": whole in every language
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private static TableColumn<CartLine, String> column(String title, Function<CartLine, String> value,
            String styleClass, double width) {
        TableColumn<CartLine, String> column = new ValueColumn<>(title, value);
        column.getStyleClass().add(styleClass);
        column.setSortable(false);
        column.setReorderable(false);
        column.setPrefWidth(width);
        return column;
    }

    private void syncSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (!syncingSelection && line != null) {
                model.select(line.sku());
                scanField.focus();
            }
        });
        model.selectedSkuProperty().addListener((obs, old, sku) -> showSelection());
        model.cartLines().addListener((ListChangeListener<CartLine>) change -> showSelection());
    }

    private void showSelection() {
        syncingSelection = true;
        try {
            String sku = model.selectedSkuProperty().get();
            int index = -1;
            for (int i = 0; i < model.cartLines().size(); i++) {
                if (model.cartLines().get(i).sku().equals(sku)) {
                    index = i;
                }
            }
            if (index < 0) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(index);
            }
        } finally {
            syncingSelection = false;
        }
    }

    private HBox lineButtons() {
        Button minus = scanField.button("\u2212", "quantity-button", model::decreaseSelected);
        minus.setId("decreaseButton");
        minus.setAccessibleText(model.words().text("screen.lower"));
        Button plus = scanField.button("+", "quantity-button", model::increaseSelected);
        plus.setId("increaseButton");
        plus.setAccessibleText(model.words().text("screen.raise"));
        Button remove = scanField.button(model.words().text("cashier.button.remove"), "line-button",
                model::removeSelected);
        remove.setId("removeButton");
        Button clear = scanField.button(model.words().text("cashier.button.clear"), "line-button", model::clearCart);
        clear.setId("clearButton");
        clear.getStyleClass().add("danger");
        BooleanBinding noSelection = model.selectedSkuProperty().isNull().or(model.cartLockedProperty());
        minus.disableProperty().bind(noSelection);
        plus.disableProperty().bind(noSelection);
        remove.disableProperty().bind(noSelection);
        clear.disableProperty().bind(Bindings.isEmpty(model.cartLines()).or(model.cartLockedProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(minus, plus, remove, gap, clear);
        buttons.getStyleClass().add("line-buttons");
        return buttons;
    }
}
