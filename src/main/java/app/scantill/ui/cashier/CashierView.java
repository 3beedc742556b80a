package app.scantill.ui.cashier;

import app.scantill.ui.ModeBadge;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The cashier's screen, built in code (see docs/adr/0001-views-built-in-code.md) from its parts:
 * the header with the {@link ScanField}, the {@link MessageBar}, the {@link ProductGrid} and the
 * {@link CartPane} (with its {@link TotalPanel}), the {@link HelpOverlay} on top, and the keys
 * ({@link CashierKeys}). Each part only lays out nodes, binds them to {@link CashierViewModel} and
 * turns clicks into its commands.
 *
 * <p>The scan field keeps the keyboard focus: a USB scanner is a keyboard that types digits and
 * Enter, so whatever the cashier last touched, the next scan must land there.
 */
public final class CashierView {

    public static final String STYLESHEET = "/app/scantill/ui/cashier/cashier.css";

    private final StackPane root = new StackPane();
    /** The product area, with room on top of it for what replaces the products for a while (see {@link #coverProducts}). */
    private final StackPane productSlot = new StackPane();
    private final ScanField scanField;

    public CashierView(CashierViewModel model) {
        scanField = new ScanField(model);
        ProductGrid products = new ProductGrid(model, scanField);
        BorderPane main = new BorderPane();
        main.getStyleClass().add("cashier");
        main.setTop(new VBox(header(model), new MessageBar(model.noticeProperty())));
        productSlot.getChildren().add(products);
        HBox.setHgrow(productSlot, Priority.ALWAYS);
        HBox body = new HBox(productSlot, new CartPane(model, scanField));
        body.getStyleClass().add("cashier-body");
        main.setCenter(body);
        root.getChildren().addAll(main, new HelpOverlay(model, scanField), new DiscountPane(model.discounts(), model));
        model.discounts().shownProperty().addListener((o, was, shown) -> {
            if (!shown) {
                scanField.focus();
            }
        });
        root.getStylesheets().add(CashierView.class.getResource(STYLESHEET).toExternalForm());
        new CashierKeys(model, scanField, products).installOn(root);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scanField.focus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /**
     * Lays {@code cover} over the product area, leaving the cart and its total in sight (the charge screen,
     * small, while a customer display shows the customer the big code); null takes the cover away.
     */
    public void coverProducts(Node cover) {
        productSlot.getChildren().retainAll(productSlot.getChildren().get(0));
        if (cover != null) {
            productSlot.getChildren().add(cover);
        }
    }

    /** Puts the keyboard focus back in the scan field (after a dialog, for example). */
    public void focusScanField() {
        scanField.focus();
    }

    private Node header(CashierViewModel model) {
        Label brand = new Label(model.words().text("app.name"));
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Region.USE_PREF_SIZE);

        Button help = scanField.button(model.words().text("cashier.button.help"), "header-button", model::toggleHelp);
        help.setId("helpButton");
        help.setMinWidth(Region.USE_PREF_SIZE);

        Button history = scanField.button(model.words().text("cashier.button.history"), "header-button",
                model::openHistory);
        history.setId("historyButton");
        history.setMinWidth(Region.USE_PREF_SIZE);

        Button products = scanField.button(model.words().text("cashier.button.products"), "header-button",
                model::openProductEditor);
        products.setId("productsButton");
        products.setMinWidth(Region.USE_PREF_SIZE);

        ModeBadge mode = new ModeBadge(model.modeBadgeProperty(), model.modeStyleProperty());
        mode.setId("modeBadge");

        HBox header = new HBox(brand, mode, scanField.node(), products, history, help);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }
}
