package app.scantill.ui.cashier;

import app.scantill.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The left side of the cashier screen: the search field, the {@link CategoryBar}, a grid of
 * {@link ProductTile}s that fill their rows, the catalog's status line, and the catalog problems
 * when there are any. Tapping a tile adds one unit.
 */
final class ProductGrid extends VBox {

    private static final double MIN_TILE_WIDTH = 160;

    private final CashierViewModel model;
    private final ScanField scanField;
    private final TextField searchField = new TextField();
    private final TilePane tiles = new TilePane();
    /**
     * A fixed set of product tiles, one per visible slot, made once and given a new product on every
     * key stroke. Search-as-you-type then only changes texts: building and styling fresh tiles per key
     * was most of a key stroke's time on a 10,000-product catalog.
     */
    private final List<ProductTile> tilePool = new ArrayList<>();

    ProductGrid(CashierViewModel model, ScanField scanField) {
        this.model = model;
        this.scanField = scanField;
        searchField.setId("searchField");
        searchField.setPromptText(model.words().text("cashier.search.prompt"));
        searchField.setAccessibleText(searchField.getPromptText());
        searchField.getStyleClass().add("search-field");
        searchField.textProperty().bindBidirectional(model.searchTextProperty());
        searchField.setOnAction(event -> scanField.focus());

        tiles.setId("productTiles");
        tiles.getStyleClass().add("product-tiles");
        model.visibleProducts().addListener((ListChangeListener<Product>) change -> showProducts());
        model.cartLockedProperty().addListener((obs, old, locked) -> showProducts());
        showProducts();
        ScrollPane scroller = new ScrollPane(tiles);
        scroller.setFitToWidth(true);
        scroller.setFocusTraversable(false);
        scroller.getStyleClass().add("product-scroller");
        VBox.setVgrow(scroller, Priority.ALWAYS);
        scroller.viewportBoundsProperty().addListener((obs, old, bounds) -> fitTiles(bounds.getWidth()));

        getChildren().addAll(searchField, new CategoryBar(model), scroller, statusLine());
        CatalogProblemsPanel.addWhenNeeded(this, model.catalogProblems(), model.words());
        getStyleClass().add("product-area");
        HBox.setHgrow(this, Priority.ALWAYS);
    }

    /**
     * ↓ from the search: the keyboard goes into the products. The tiles take the focus (arrows move
     * between them, Enter adds one) until it goes elsewhere; otherwise they stay out of Tab's way.
     */
    void focusFirstTile() {
        tilePool.stream().filter(ProductTile::isVisible).findFirst().ifPresent(first -> {
            tilePool.forEach(tile -> tile.setFocusTraversable(true));
            first.requestFocus();
        });
    }

    /** Whether a product tile has the keyboard's focus. */
    boolean tileFocused() {
        return tilePool.stream().anyMatch(ProductTile::isFocused);
    }

    private void leaveTilesWhenFocusGoes(ProductTile tile) {
        tile.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !tileFocused()) {
                tilePool.forEach(t -> t.setFocusTraversable(false));
            }
        });
    }

    /** F2 puts the focus here; the keys read whether the cashier is searching. */
    TextField searchField() {
        return searchField;
    }

    private Label statusLine() {
        Label status = new Label();
        status.getStyleClass().addAll("catalog-status", "muted-text");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            int matching = model.matchingProductCountProperty().get();
            int shown = model.visibleProducts().size();
            String base = model.catalogStatusProperty().get();
            return matching > shown ? model.words().text("cashier.catalog.showing", shown, matching, base) : base;
        }, model.matchingProductCountProperty(), model.visibleProducts(), model.catalogStatusProperty()));
        return status;
    }

    /** Stretches the tiles so each row is filled edge to edge, whatever the window width. */
    private void fitTiles(double viewportWidth) {
        Insets padding = tiles.getInsets();
        double width = viewportWidth - padding.getLeft() - padding.getRight();
        double gap = tiles.getHgap();
        int columns = Math.max(1, (int) Math.floor((width + gap) / (MIN_TILE_WIDTH + gap)));
        double tile = Math.floor((width - gap * (columns - 1)) / columns);
        tiles.setPrefTileWidth(Math.max(MIN_TILE_WIDTH / 2, tile));
        tiles.setPrefColumns(columns);
    }

    private void showProducts() {
        boolean locked = model.cartLockedProperty().get();
        List<Product> products = model.visibleProducts();
        while (tilePool.size() < products.size()) {
            ProductTile tile = new ProductTile(model, scanField);
            leaveTilesWhenFocusGoes(tile);
            tilePool.add(tile);
            tiles.getChildren().add(tile);
        }
        for (int i = 0; i < tilePool.size(); i++) {
            tilePool.get(i).show(i < products.size() ? products.get(i) : null, locked);
        }
    }
}
