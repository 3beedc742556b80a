package app.scantill.ui.cashier;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The cashier screen's keyboard (the table in {@link CashierShortcut}), as event filters on the
 * screen's root: a key acts wherever the focus is, before the focused control sees it. While the
 * help is open, keys only close it.
 */
final class CashierKeys {

    private final CashierViewModel model;
    private final ScanField scanField;
    private final TextField searchField;
    private final ProductGrid products;
    /** A key that already acted (+, −) must not also type its character into a field. */
    private boolean swallowTyped;

    CashierKeys(CashierViewModel model, ScanField scanField, ProductGrid products) {
        this.model = model;
        this.scanField = scanField;
        this.products = products;
        this.searchField = products.searchField();
    }

    void installOn(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        root.addEventFilter(KeyEvent.KEY_TYPED, this::onKeyTyped);
        root.addEventFilter(KeyEvent.KEY_RELEASED, event -> swallowTyped = false);
    }

    private void onKeyPressed(KeyEvent event) {
        if (handledByHelp(event)) {
            event.consume();
            return;
        }
        if (model.discounts().shownProperty().get()) {
            return; // the discount card's fields take every key; Enter and Esc are its own
        }
        boolean inSearch = searchField.isFocused();
        if (products.tileFocused() && onTile(event)) {
            return;
        }
        switch (event.getCode()) {
            case F2 -> {
                searchField.requestFocus();
                searchField.selectAll();
            }
            case F12 -> model.charge();
            case F4 -> {
                if (event.isShiftDown()) {
                    model.discounts().openForCart();
                } else {
                    model.discounts().openForSelectedLine();
                }
            }
            case F8 -> model.cash();
            case F7 -> model.openDrawer();
            case F3 -> model.openProductEditor();
            case F9 -> model.openHistory();
            case ESCAPE -> {
                if (inSearch) {
                    scanField.focus();
                } else {
                    scanField.clear();
                }
            }
            case UP -> model.selectPrevious();
            case DOWN -> {
                if (inSearch) {
                    products.focusFirstTile();
                } else {
                    model.selectNext();
                }
            }
            case PAGE_DOWN -> model.nextCategory();
            case PAGE_UP -> model.previousCategory();
            case ADD, PLUS -> raise(event, inSearch);
            case EQUALS -> {
                if (event.isShiftDown() && !inSearch) {
                    raise(event, false);
                }
                return;
            }
            case SUBTRACT, MINUS -> {
                if (inSearch || !scanField.isEmpty()) {
                    return; // a '-' that is part of a SKU or a search word
                }
                model.decreaseSelected();
                swallowTyped = true;
            }
            case DELETE -> {
                if (event.isShortcutDown()) {
                    model.clearCart();
                } else if (!inSearch && scanField.isEmpty()) {
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

    /**
     * On a product tile the arrows move between tiles (the scene's own traversal), Enter adds the product
     * and Esc goes back to the scan field; every other key acts as anywhere. Returns whether it was the tile's.
     */
    private boolean onTile(KeyEvent event) {
        switch (event.getCode()) {
            case UP, DOWN, LEFT, RIGHT, SPACE -> {
                return true;
            }
            case ENTER -> {
                if (event.getTarget() instanceof ProductTile tile) {
                    tile.fire();
                }
            }
            case ESCAPE -> scanField.focus();
            default -> {
                return false;
            }
        }
        event.consume();
        return true;
    }

    /** F1 toggles the help; while it is open every key is its own (Esc closes it). */
    private boolean handledByHelp(KeyEvent event) {
        if (event.getCode() == KeyCode.F1) {
            model.toggleHelp();
            return true;
        }
        if (!model.helpShownProperty().get()) {
            return false;
        }
        if (event.getCode() == KeyCode.ESCAPE) {
            model.closeHelp();
        }
        return true;
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
        if (model.discounts().shownProperty().get()) {
            return;
        }
        if (model.helpShownProperty().get()) {
            event.consume();
        } else if (swallowTyped && ("+".equals(typed) || "-".equals(typed) || "=".equals(typed))) {
            event.consume();
        } else if ("+".equals(typed) && !searchField.isFocused()) {
            event.consume();
        }
    }
}
