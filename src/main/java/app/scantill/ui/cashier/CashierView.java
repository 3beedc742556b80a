package app.scantill.ui.cashier;

import app.scantill.cart.CartLine;
import app.scantill.cart.Chargeability;
import app.scantill.catalog.CatalogProblem;
import app.scantill.catalog.Product;
import app.scantill.ui.cashier.CashierViewModel.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The cashier's screen, built in code (see docs/adr/0001-views-built-in-code.md). It only lays out
 * nodes, binds them to {@link CashierViewModel} and turns keys and clicks into its commands.
 *
 * <p>The scan field keeps the keyboard focus: a USB scanner is a keyboard that types digits and
 * Enter, so whatever the cashier last touched, the next scan must land there. Every other control
 * is left out of focus traversal for that reason.
 */
public final class CashierView {

    public static final String STYLESHEET = "/app/scantill/ui/cashier/cashier.css";
    private static final double MIN_TILE_WIDTH = 160;

    private final CashierViewModel model;
    private final StackPane root = new StackPane();
    private final TextField scanField = new TextField();
    private final TextField searchField = new TextField();
    private final TableView<CartLine> cartTable = new TableView<>();
    private final ToggleGroup categoryGroup = new ToggleGroup();
    private final FlowPane categoryBar = new FlowPane();
    private final TilePane productTiles = new TilePane();
    /**
     * A fixed set of product tiles, one per visible slot, made once and given a new product on every
     * key stroke. Search-as-you-type then only changes texts: building and styling fresh tiles per key
     * was most of a key stroke's time on a 10,000-product catalog.
     */
    private final List<ProductTile> tilePool = new ArrayList<>();
    private boolean swallowTyped;
    private boolean syncingSelection;

    public CashierView(CashierViewModel model) {
        this.model = model;
        BorderPane main = new BorderPane();
        main.getStyleClass().add("cashier");
        main.setTop(new VBox(header(), messageBar()));
        HBox body = new HBox(productArea(), cartArea());
        body.getStyleClass().add("cashier-body");
        main.setCenter(body);
        root.getChildren().addAll(main, helpOverlay());
        root.getStylesheets().add(stylesheet(STYLESHEET));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        root.addEventFilter(KeyEvent.KEY_TYPED, this::onKeyTyped);
        root.addEventFilter(KeyEvent.KEY_RELEASED, event -> swallowTyped = false);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scanField.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus back in the scan field (after a dialog, for example). */
    public void focusScanField() {
        scanField.requestFocus();
    }

    private static String stylesheet(String resource) {
        return CashierView.class.getResource(resource).toExternalForm();
    }

    // ---- header and message bar --------------------------------------------------------------

    private Node header() {
        Label brand = new Label("ScanTill");
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Region.USE_PREF_SIZE);

        scanField.setId("scanField");
        scanField.setPromptText("Scan a barcode or type a SKU, then Enter");
        scanField.getStyleClass().add("scan-field");
        scanField.setOnAction(event -> {
            if (model.scan(scanField.getText())) {
                scanField.clear();
            }
        });
        HBox.setHgrow(scanField, Priority.ALWAYS);

        Button help = button("Help  F1", "header-button", model::toggleHelp);
        help.setId("helpButton");
        help.setMinWidth(Region.USE_PREF_SIZE);

        Button history = button("History  F9", "header-button", model::openHistory);
        history.setId("historyButton");
        history.setMinWidth(Region.USE_PREF_SIZE);

        Label mode = new Label();
        mode.setId("modeBadge");
        mode.setMinWidth(Region.USE_PREF_SIZE);
        mode.textProperty().bind(model.modeBadgeProperty());
        mode.getStyleClass().add("mode-badge");
        model.modeBadgeProperty().addListener((obs, old, now) -> styleModeBadge(mode, now));
        styleModeBadge(mode, model.modeBadgeProperty().get());

        HBox header = new HBox(brand, mode, scanField, history, help);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static void styleModeBadge(Label badge, String mode) {
        badge.getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-badge"));
        badge.getStyleClass().add("mode-" + (mode == null ? "none" : mode.toLowerCase(java.util.Locale.ROOT)));
        badge.setVisible(mode != null && !mode.isEmpty());
        badge.setManaged(badge.isVisible());
    }

    private Node messageBar() {
        Label message = new Label();
        message.setId("messageBar");
        message.getStyleClass().add("message-bar");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        model.noticeProperty().addListener((obs, old, notice) -> showNotice(message, notice));
        showNotice(message, model.noticeProperty().get());
        return message;
    }

    private static void showNotice(Label message, Notice notice) {
        message.getStyleClass().removeAll("info", "warning", "error");
        boolean present = notice != null;
        message.setVisible(present);
        message.setManaged(present);
        if (present) {
            message.setText(notice.text());
            message.getStyleClass().add(notice.level().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    // ---- product area ---------------------------------------------------------------------

    private Node productArea() {
        searchField.setId("searchField");
        searchField.setPromptText("Search products  (F2)");
        searchField.getStyleClass().add("search-field");
        searchField.textProperty().bindBidirectional(model.searchTextProperty());
        searchField.setOnAction(event -> scanField.requestFocus());

        categoryBar.getStyleClass().add("category-bar");
        model.categories().addListener((ListChangeListener<String>) change -> rebuildCategories());
        categoryGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one category toggle is always on; "All" included
                return;
            }
            model.categoryProperty().set((String) toggle.getUserData());
        });
        rebuildCategories();

        productTiles.setId("productTiles");
        productTiles.getStyleClass().add("product-tiles");
        model.visibleProducts().addListener((ListChangeListener<Product>) change -> rebuildTiles());
        model.cartLockedProperty().addListener((obs, old, locked) -> rebuildTiles());
        rebuildTiles();
        ScrollPane scroller = new ScrollPane(productTiles);
        scroller.setFitToWidth(true);
        scroller.setFocusTraversable(false);
        scroller.getStyleClass().add("product-scroller");
        VBox.setVgrow(scroller, Priority.ALWAYS);
        scroller.viewportBoundsProperty().addListener((obs, old, bounds) -> fitTiles(bounds.getWidth()));

        Label status = new Label();
        status.getStyleClass().add("catalog-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            int matching = model.matchingProductCountProperty().get();
            int shown = model.visibleProducts().size();
            String base = model.catalogStatusProperty().get();
            return matching > shown ? "Showing " + shown + " of " + matching + " matches; type to narrow \u00b7 " + base
                    : base;
        }, model.matchingProductCountProperty(), model.visibleProducts(), model.catalogStatusProperty()));

        VBox area = new VBox(searchField, categoryBar, scroller, status);
        addProblemsPanelWhenNeeded(area);
        area.getStyleClass().add("product-area");
        HBox.setHgrow(area, Priority.ALWAYS);
        return area;
    }

    /** Stretches the tiles so each row is filled edge to edge, whatever the window width. */
    private void fitTiles(double viewportWidth) {
        Insets padding = productTiles.getInsets();
        double width = viewportWidth - padding.getLeft() - padding.getRight();
        double gap = productTiles.getHgap();
        int columns = Math.max(1, (int) Math.floor((width + gap) / (MIN_TILE_WIDTH + gap)));
        double tile = Math.floor((width - gap * (columns - 1)) / columns);
        productTiles.setPrefTileWidth(Math.max(MIN_TILE_WIDTH / 2, tile));
        productTiles.setPrefColumns(columns);
    }

    private void rebuildCategories() {
        String current = model.categoryProperty().get();
        categoryGroup.getToggles().clear();
        categoryBar.getChildren().clear();
        ToggleButton all = categoryToggle("All", null);
        categoryBar.getChildren().add(all);
        for (String name : model.categories()) {
            categoryBar.getChildren().add(categoryToggle(name, name));
        }
        categoryGroup.getToggles().stream()
                .filter(t -> java.util.Objects.equals(t.getUserData(), current))
                .findFirst().orElse(all).setSelected(true);
    }

    private ToggleButton categoryToggle(String text, String category) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setUserData(category);
        toggle.setToggleGroup(categoryGroup);
        toggle.setFocusTraversable(false);
        toggle.getStyleClass().add("category-toggle");
        return toggle;
    }

    private void rebuildTiles() {
        boolean locked = model.cartLockedProperty().get();
        List<Product> products = model.visibleProducts();
        while (tilePool.size() < products.size()) {
            ProductTile tile = new ProductTile();
            tilePool.add(tile);
            productTiles.getChildren().add(tile.button);
        }
        for (int i = 0; i < tilePool.size(); i++) {
            tilePool.get(i).show(i < products.size() ? products.get(i) : null, locked);
        }
    }

    /** One slot of the product grid: a button showing whichever product is put in it. */
    private final class ProductTile {
        private final Label name = new Label();
        private final Label price = new Label();
        private final Button button = new Button();
        private Product product;

        ProductTile() {
            name.getStyleClass().add("product-name");
            name.setWrapText(true);
            price.getStyleClass().add("product-price");
            Region spacer = new Region();
            VBox.setVgrow(spacer, Priority.ALWAYS);
            VBox content = new VBox(name, spacer, price);
            content.getStyleClass().add("product-tile-content");
            button.setGraphic(content);
            button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            button.setMaxWidth(Double.MAX_VALUE);
            content.prefWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> button.getWidth() - button.getPadding().getLeft() - button.getPadding().getRight(),
                    button.widthProperty(), button.paddingProperty()));
            button.getStyleClass().add("product-tile");
            button.setFocusTraversable(false);
            button.setOnAction(event -> {
                if (product != null) {
                    model.add(product);
                }
                scanField.requestFocus();
            });
        }

        /** Shows {@code shown}, or hides the slot (and takes it out of the layout) when null. */
        void show(Product shown, boolean locked) {
            if (shown != product) {
                product = shown;
                if (shown != null) {
                    name.setText(shown.name());
                    price.setText(model.format(shown.price()));
                    button.setUserData(shown.sku());
                }
            }
            button.setVisible(shown != null);
            button.setManaged(shown != null);
            button.setDisable(locked);
        }
    }

    /**
     * The problems panel (a TitledPane around a ListView, with their skins and CSS) is built the first
     * time the catalog reports a problem, not for the first frame: the catalog loads after that frame
     * (ADR 0071) and most catalogs have no problems at all (ADR 0080).
     */
    private void addProblemsPanelWhenNeeded(VBox area) {
        if (!model.catalogProblems().isEmpty()) {
            area.getChildren().add(problemsPanel());
            return;
        }
        ListChangeListener<CatalogProblem> firstProblem = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends CatalogProblem> change) {
                if (!model.catalogProblems().isEmpty()) {
                    model.catalogProblems().removeListener(this);
                    area.getChildren().add(problemsPanel());
                }
            }
        };
        model.catalogProblems().addListener(firstProblem);
    }

    private Node problemsPanel() {
        ListView<CatalogProblem> list = new ListView<>(model.catalogProblems());
        list.setFocusTraversable(false);
        list.getStyleClass().add("problem-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(CatalogProblem problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : problem.describe());
            }
        });
        TitledPane panel = new TitledPane();
        panel.setId("catalogProblems");
        panel.getStyleClass().add("problems-panel");
        panel.setContent(list);
        panel.setFocusTraversable(false);
        panel.textProperty().bind(Bindings.createStringBinding(() -> "Catalog problems (" + model.catalogProblems().size()
                + ")", model.catalogProblems()));
        panel.visibleProperty().bind(Bindings.isNotEmpty(model.catalogProblems()));
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    // ---- cart area ---------------------------------------------------------------------------

    private Node cartArea() {
        cartTable.setId("cartTable");
        cartTable.getStyleClass().add("cart-table");
        cartTable.setItems(model.cartLines());
        cartTable.setFocusTraversable(false);
        cartTable.setPlaceholder(new Label("Scan an item to start a sale"));
        cartTable.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        cartTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CartLine, String> name = column("Item", line -> line.product().name(), "name-column");
        TableColumn<CartLine, String> unit = column("Price", line -> model.format(line.unitPrice()), "money-column");
        TableColumn<CartLine, String> qty = column("Qty", line -> Integer.toString(line.quantity()), "qty-column");
        TableColumn<CartLine, String> total = column("Total", line -> model.format(line.lineTotal()), "money-column");
        name.setPrefWidth(210);
        unit.setPrefWidth(95);
        qty.setPrefWidth(55);
        total.setPrefWidth(105);
        cartTable.getColumns().setAll(List.of(name, unit, qty, total));
        VBox.setVgrow(cartTable, Priority.ALWAYS);
        syncSelection();

        Button minus = button("\u2212", "quantity-button", () -> model.decreaseSelected());
        minus.setId("decreaseButton");
        Button plus = button("+", "quantity-button", () -> model.increaseSelected());
        plus.setId("increaseButton");
        Button remove = button("Remove", "line-button", model::removeSelected);
        remove.setId("removeButton");
        Button clear = button("Clear cart", "line-button", model::clearCart);
        clear.setId("clearButton");
        clear.getStyleClass().add("danger");
        var noSelection = model.selectedSkuProperty().isNull().or(model.cartLockedProperty());
        minus.disableProperty().bind(noSelection);
        plus.disableProperty().bind(noSelection);
        remove.disableProperty().bind(noSelection);
        clear.disableProperty().bind(Bindings.isEmpty(model.cartLines()).or(model.cartLockedProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox lineButtons = new HBox(minus, plus, remove, gap, clear);
        lineButtons.getStyleClass().add("line-buttons");

        VBox area = new VBox(cartTable, lineButtons, totalBox());
        area.getStyleClass().add("cart-area");
        return area;
    }

    private void syncSelection() {
        cartTable.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (!syncingSelection && line != null) {
                model.select(line.sku());
                scanField.requestFocus();
            }
        });
        Runnable showSelection = () -> {
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
                    cartTable.getSelectionModel().clearSelection();
                } else {
                    cartTable.getSelectionModel().clearAndSelect(index);
                    cartTable.scrollTo(index);
                }
            } finally {
                syncingSelection = false;
            }
        };
        model.selectedSkuProperty().addListener((obs, old, sku) -> showSelection.run());
        model.cartLines().addListener((ListChangeListener<CartLine>) change -> showSelection.run());
    }

    private Node totalBox() {
        Label items = new Label();
        items.getStyleClass().add("item-count");
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

        Label totalCaption = new Label("Total");
        totalCaption.getStyleClass().add("total-caption");
        Label total = new Label();
        total.setId("totalLabel");
        total.getStyleClass().add("total-amount");
        total.textProperty().bind(model.totalTextProperty());
        total.setMaxWidth(Double.MAX_VALUE);
        total.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(total, Priority.ALWAYS);
        HBox totalRow = new HBox(totalCaption, total);
        totalRow.setAlignment(Pos.BASELINE_LEFT);

        Label chargeability = new Label();
        chargeability.setId("chargeabilityLabel");
        chargeability.getStyleClass().add("chargeability");
        chargeability.setWrapText(true);
        chargeability.setMaxWidth(Double.MAX_VALUE);
        model.chargeabilityProperty().addListener((obs, old, now) -> showChargeability(chargeability, now));
        showChargeability(chargeability, model.chargeabilityProperty().get());

        Button charge = button("Charge  F12", "charge-button", model::charge);
        charge.setId("chargeButton");
        charge.setMaxWidth(Double.MAX_VALUE);
        charge.disableProperty().bind(model.canChargeProperty().not());

        VBox box = new VBox(topRow, totalRow, chargeability, charge);
        box.getStyleClass().add("total-box");
        return box;
    }

    private static void showChargeability(Label label, Chargeability chargeability) {
        label.getStyleClass().removeAll("ok", "warn", "muted");
        if (chargeability == null) {
            return;
        }
        label.setText(chargeability.summary());
        label.getStyleClass().add(switch (chargeability.status()) {
            case CHARGEABLE -> "ok";
            case BELOW_MINIMUM, ZERO_TOTAL -> "warn";
            case EMPTY -> "muted";
        });
    }

    // ---- help overlay ----------------------------------------------------------------------

    private Node helpOverlay() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (CashierShortcut shortcut : CashierShortcut.values()) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("help-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label action = new Label(shortcut.action());
            action.getStyleClass().add("help-action");
            grid.addRow(row++, keys, action);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        Label footer = new Label("A barcode scanner types into the scan field and presses Enter by itself."
                + "  Press F1 or Esc to close.");
        footer.getStyleClass().add("help-footer");
        footer.setWrapText(true);
        Button close = button("Close", "help-close", model::closeHelp);
        VBox card = new VBox(title, grid, footer, close);
        card.getStyleClass().add("help-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        StackPane overlay = new StackPane(card);
        overlay.setId("helpOverlay");
        overlay.getStyleClass().add("help-overlay");
        overlay.visibleProperty().bind(model.helpShownProperty());
        overlay.setOnMouseClicked(event -> {
            if (event.getTarget() == overlay) {
                model.closeHelp();
            }
        });
        return overlay;
    }

    // ---- keys ------------------------------------------------------------------------------

    private void onKeyPressed(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.F1) {
            model.toggleHelp();
            event.consume();
            return;
        }
        if (model.helpShownProperty().get()) {
            if (code == KeyCode.ESCAPE) {
                model.closeHelp();
            }
            event.consume();
            return;
        }
        boolean inSearch = searchField.isFocused();
        boolean scanEmpty = scanField.getText() == null || scanField.getText().isEmpty();
        switch (code) {
            case F2 -> {
                searchField.requestFocus();
                searchField.selectAll();
            }
            case F12 -> model.charge();
            case F9 -> model.openHistory();
            case ESCAPE -> {
                if (inSearch) {
                    scanField.requestFocus();
                } else {
                    scanField.clear();
                }
            }
            case UP -> model.selectPrevious();
            case DOWN -> model.selectNext();
            case ADD, PLUS -> raise(event, inSearch);
            case EQUALS -> {
                if (event.isShiftDown() && !inSearch) {
                    raise(event, false);
                }
                return;
            }
            case SUBTRACT, MINUS -> {
                if (inSearch || !scanEmpty) {
                    return; // a '-' that is part of a SKU or a search word
                }
                model.decreaseSelected();
                swallowTyped = true;
            }
            case DELETE -> {
                if (event.isShortcutDown()) {
                    model.clearCart();
                } else if (!inSearch && scanEmpty) {
                    model.removeSelected();
                } else {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void raise(KeyEvent event, boolean inSearch) {
        if (inSearch) {
            return;
        }
        model.increaseSelected();
        swallowTyped = true;
        event.consume();
    }

    /** '+' never belongs to a SKU or barcode, and a key that already acted must not also type its character. */
    private void onKeyTyped(KeyEvent event) {
        String typed = event.getCharacter();
        if (model.helpShownProperty().get()) {
            event.consume();
        } else if (swallowTyped && ("+".equals(typed) || "-".equals(typed) || "=".equals(typed))) {
            event.consume();
        } else if ("+".equals(typed) && !searchField.isFocused()) {
            event.consume();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Button button(String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add(styleClass);
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            action.run();
            scanField.requestFocus();
        });
        return button;
    }

    private static TableColumn<CartLine, String> column(String title, Function<CartLine, String> value,
            String styleClass) {
        TableColumn<CartLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.getStyleClass().add(styleClass);
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }
}
