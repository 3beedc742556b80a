package app.scantill.ui.cashier;

import app.scantill.i18n.Message;
import java.util.Locale;

/**
 * Every keyboard shortcut of the cashier screen, in the order the help overlay lists them. The
 * view's key handling and the overlay both read this, so the overlay cannot drift from the keys. The
 * words are the bundles' {@code help.keys.*} and {@code help.action.*} keys; docs/cashier.md lists the
 * same keys in the same order (CashierShortcutDocTest).
 */
public enum CashierShortcut {
    SCAN, SELECT, RAISE, LOWER, REMOVE, CLEAR, SEARCH, PRODUCTS, CATEGORY, ESCAPE, CHARGE, DISCOUNT, CASH, DRAWER,
    PRODUCTS_EDIT, HISTORY, HELP;

    /** The keys, as the keyboard's labels read in the reader's language ("Entf" on a German keyboard). */
    public Message keys() {
        return Message.of("help.keys." + name().toLowerCase(Locale.ROOT));
    }

    /** What the keys do. */
    public Message action() {
        return Message.of("help.action." + name().toLowerCase(Locale.ROOT));
    }
}
