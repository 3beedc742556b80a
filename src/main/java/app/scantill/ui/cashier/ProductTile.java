package app.scantill.ui.cashier;

import app.scantill.catalog.Product;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One slot of the product grid: a button showing whichever product is put in it (name, price), or
 * nothing at all. Slots are made once and reused as the search changes; see {@link ProductGrid}.
 */
final class ProductTile extends Button {

    private final CashierViewModel model;
    private final Label name = new Label();
    private final Label price = new Label();
    private Product product;

    ProductTile(CashierViewModel model, ScanField scanField) {
        this.model = model;
        name.getStyleClass().addAll("product-name", "strong-text");
        name.setWrapText(true);
        price.getStyleClass().add("product-price");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox content = new VBox(name, spacer, price);
        content.getStyleClass().add("product-tile-content");
        setGraphic(content);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setMaxWidth(Double.MAX_VALUE);
        content.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> getWidth() - getPadding().getLeft() - getPadding().getRight(),
                widthProperty(), paddingProperty()));
        getStyleClass().add("product-tile");
        setFocusTraversable(false);
        setOnAction(event -> {
            if (product != null) {
                model.add(product);
            }
            scanField.focus();
        });
    }

    /** Shows {@code shown}, or hides the slot (and takes it out of the layout) when null. */
    void show(Product shown, boolean locked) {
        if (shown != product) {
            product = shown;
            if (shown != null) {
                name.setText(shown.name());
                price.setText(model.format(shown.price()));
                // The tile shows its words as a graphic: a screen reader reads them from here.
                setAccessibleText(model.words().text("screen.product", shown.name(), price.getText()));
                setUserData(shown.sku());
            }
        }
        setVisible(shown != null);
        setManaged(shown != null);
        setDisable(locked);
    }
}
