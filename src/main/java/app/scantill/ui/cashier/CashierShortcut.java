package app.scantill.ui.cashier;

/**
 * Every keyboard shortcut of the cashier screen, in the order the help overlay lists them. The
 * view's key handling and the overlay both read this, so the overlay cannot drift from the keys.
 */
public enum CashierShortcut {
    SCAN("Enter", "Add one unit of the scanned or typed barcode / SKU"),
    SELECT("\u2191 / \u2193", "Select the previous / next cart line"),
    RAISE("+", "Raise the selected line's quantity (main or number pad)"),
    LOWER("\u2212", "Lower the selected line's quantity (scan field empty)"),
    REMOVE("Delete", "Remove the selected line (scan field empty)"),
    CLEAR("Ctrl+Delete", "Clear the whole cart"),
    SEARCH("F2", "Search products by name; Enter or Esc returns to the scan field"),
    ESCAPE("Esc", "Empty the scan field, leave search, close this help"),
    CHARGE("F12", "Charge the cart"),
    HISTORY("F9", "Sales history and end-of-day report"),
    HELP("F1", "Show or hide this help");

    private final String keys;
    private final String action;

    CashierShortcut(String keys, String action) {
        this.keys = keys;
        this.action = action;
    }

    public String keys() {
        return keys;
    }

    public String action() {
        return action;
    }
}
