package app.scantill.ui.kiosk;

import app.scantill.cart.CartLine;
import app.scantill.catalog.Product;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.cashier.CashierViewModel.Notice;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The kiosk while the customer shops: big product tiles by category on the left; on the right the
 * customer's items, each with −, + and ✕, the total and Pay. Everything is a finger's size; every touch
 * goes through the till's own cashier model ({@link CashierViewModel}), as a cashier's would.
 */
final class KioskShop extends HBox {

    private final CashierViewModel cashier;
    private final Function<Runnable, Runnable> touch;
    private final TilePane tiles = new TilePane();
    private final VBox lines = new VBox();
    private final FlowPane categories = new FlowPane();
    private final ToggleGroup group = new ToggleGroup();

    /**
     * @param touch wraps each action: the kiosk hears of the touch (idle time) and gives the scanner its
     *     focus back afterwards
     */
    KioskShop(KioskViewModel model, Function<Runnable, Runnable> touch) {
        this.cashier = model.cashier();
        this.touch = Objects.requireNonNull(touch, "touch");
        getStyleClass().add("kiosk-shop");

        categories.getStyleClass().add("kiosk-categories");
        cashier.categories().addListener((ListChangeListener<String>) change -> showCategories());
        cashier.categoryProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> Objects.equals(t.getUserData(), now)).findFirst().ifPresent(t -> t.setSelected(true)));
        showCategories();
        tiles.getStyleClass().add("kiosk-tiles");
        tiles.setId("kiosk-tiles");
        cashier.visibleProducts().addListener((ListChangeListener<Product>) change -> showProducts());
        showProducts();
        ScrollPane scroller = new ScrollPane(tiles);
        scroller.setFitToWidth(true);
        scroller.setFocusTraversable(false);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        VBox products = new VBox(16, categories, scroller);
        products.getStyleClass().add("kiosk-products");
        HBox.setHgrow(products, Priority.ALWAYS);

        getChildren().addAll(products, basket(model));
    }

    private Node basket(KioskViewModel model) {
        Label title = new Label(cashier.words().text("customer.title.cart"));
        title.getStyleClass().addAll("kiosk-title", "strong-text");
        lines.getStyleClass().add("kiosk-lines");
        cashier.cartLines().addListener((ListChangeListener<CartLine>) change -> showLines());
        showLines();
        ScrollPane scroller = new ScrollPane(lines);
        scroller.setFitToWidth(true);
        scroller.setFocusTraversable(false);
        VBox.setVgrow(scroller, Priority.ALWAYS);

        Label notice = new Label();
        notice.setId("kiosk-notice");
        notice.getStyleClass().add("kiosk-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        cashier.noticeProperty().addListener((obs, old, now) -> showNotice(notice, now));
        showNotice(notice, cashier.noticeProperty().get());

        Label caption = new Label(cashier.words().text("customer.total"));
        caption.getStyleClass().add("kiosk-total-caption");
        Label total = new Label();
        total.setId("kiosk-total");
        total.getStyleClass().addAll("kiosk-total", "strong-text");
        total.textProperty().bind(Bindings.createStringBinding(() -> cashier.totalProperty().get() == null ? ""
                : cashier.format(cashier.totalProperty().get()), cashier.totalProperty()));
        total.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox totalRow = new HBox(12, caption, gap, total);
        totalRow.setAlignment(Pos.BASELINE_LEFT);

        Button pay = button(cashier.words().text("kiosk.button.pay"), "kiosk-pay", model::pay);
        pay.setId("kiosk-pay");
        pay.setMaxWidth(Double.MAX_VALUE);
        pay.disableProperty().bind(cashier.canChargeProperty().not());

        VBox basket = new VBox(14, title, scroller, notice, totalRow, pay);
        basket.getStyleClass().add("kiosk-basket");
        return basket;
    }

    private void showNotice(Label notice, Notice now) {
        notice.getStyleClass().removeAll("info", "warning", "error");
        boolean present = now != null;
        notice.setVisible(present);
        notice.setManaged(present);
        if (present) {
            notice.setText(now.text());
            notice.getStyleClass().add(now.level().name().toLowerCase(Locale.ROOT));
        }
    }

    private void showCategories() {
        group.getToggles().clear();
        categories.getChildren().clear();
        categories.getChildren().add(category(cashier.words().text("cashier.category.all"), null));
        cashier.categories().forEach(name -> categories.getChildren().add(category(name, name)));
        group.getToggles().stream().filter(t -> Objects.equals(t.getUserData(), cashier.categoryProperty().get()))
                .findFirst().ifPresent(t -> t.setSelected(true));
    }

    private ToggleButton category(String text, String name) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setUserData(name);
        toggle.setToggleGroup(group);
        toggle.setFocusTraversable(false);
        toggle.getStyleClass().add("kiosk-category");
        Runnable choose = touch.apply(() -> {
            if (!toggle.isSelected()) {
                toggle.setSelected(true); // one is always on
            }
            cashier.categoryProperty().set(name);
        });
        toggle.setOnAction(event -> choose.run());
        return toggle;
    }

    /** One big tile per product in sight (the first {@link CashierViewModel#MAX_VISIBLE_PRODUCTS}). */
    private void showProducts() {
        tiles.getChildren().setAll(cashier.visibleProducts().stream().map(this::tile).toList());
    }

    private Button tile(Product product) {
        Label name = new Label(product.name());
        name.getStyleClass().addAll("kiosk-tile-name", "strong-text");
        name.setWrapText(true);
        Label price = new Label(cashier.format(product.price()));
        price.getStyleClass().add("kiosk-tile-price");
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox content = new VBox(name, gap, price);
        Button tile = button("", "kiosk-tile", () -> cashier.add(product));
        tile.setGraphic(content);
        tile.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        tile.setUserData(product.sku());
        tile.setAccessibleText(cashier.words().text("screen.product", product.name(), price.getText()));
        content.prefWidthProperty().bind(tile.widthProperty().subtract(28));
        return tile;
    }

    private void showLines() {
        lines.getChildren().setAll(cashier.cartLines().stream().map(this::line).toList());
    }

    /** A line of the basket: its name above; quantity with − and +, its total and ✕ to take it out below. */
    private Node line(CartLine line) {
        Label name = new Label(line.product().name());
        name.getStyleClass().add("kiosk-line-name");
        name.setWrapText(true);
        name.setMaxWidth(Double.MAX_VALUE);
        Button less = button("\u2212", "kiosk-step", () -> {
            cashier.select(line.sku());
            if (line.quantity() > 1) {
                cashier.decreaseSelected();
            } else {
                cashier.removeSelected();
            }
        });
        less.setAccessibleText(cashier.words().text("kiosk.line.less", line.product().name()));
        Label quantity = new Label(Integer.toString(line.quantity()));
        quantity.getStyleClass().addAll("kiosk-quantity", "strong-text");
        quantity.setMinWidth(Region.USE_PREF_SIZE);
        Button more = button("+", "kiosk-step", () -> {
            cashier.select(line.sku());
            cashier.increaseSelected();
        });
        more.setAccessibleText(cashier.words().text("kiosk.line.more", line.product().name()));
        Label total = new Label(cashier.format(line.lineTotal()));
        total.getStyleClass().addAll("kiosk-line-total", "strong-text");
        total.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = button("\u2715", "kiosk-step", () -> {
            cashier.select(line.sku());
            cashier.removeSelected();
        });
        remove.setAccessibleText(cashier.words().text("kiosk.line.remove", line.product().name()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(10, less, quantity, more, gap, total, remove);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(6, name, controls);
        row.getStyleClass().add("kiosk-line");
        return row;
    }

    private Button button(String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add(styleClass);
        button.setFocusTraversable(false);
        button.setOnAction(event -> touch.apply(action).run());
        return button;
    }
}
