package app.scantill.ui.cashier;

import app.scantill.cart.Cart;
import app.scantill.cart.CartLine;
import app.scantill.cart.CartOutcome;
import app.scantill.cart.CartSnapshot;
import app.scantill.cart.Chargeability;
import app.scantill.catalog.Catalog;
import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogProblem;
import app.scantill.catalog.Product;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.receipt.DiscountWords;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.Discount;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.UiExecutor;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the cashier screen. The view binds to the read-only properties and calls
 * the command methods; everything a cashier can do by mouse or key ends up here, so the tests of
 * this class and of the view exercise the same paths. The only writable properties are the two
 * inputs the view binds both ways (search text and category); the rest of the till (the charge
 * flow, start-up) changes this screen through commands too ({@link #lockCart()},
 * {@link #showMode}, {@link #notify}), never by writing its properties.
 *
 * <p>Runs on the JavaFX thread only. The catalog is read through the {@link UiExecutor} so a slow
 * disk never freezes the window.
 */
public final class CashierViewModel {

    /** Products shown at once in the product area; the rest are reached by typing a search. */
    public static final int MAX_VISIBLE_PRODUCTS = 60;

    public enum NoticeLevel { INFO, WARNING, ERROR }

    /**
     * A message for the message bar, in the cashier's language. {@code sequence} makes a repeated
     * identical message a new value.
     */
    public record Notice(NoticeLevel level, String text, long sequence) {
    }

    private static final System.Logger LOG = System.getLogger(CashierViewModel.class.getName());

    private final Cart cart;
    private final Translator words;
    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<Catalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog", Catalog.empty());
    private long noticeSequence;
    private Consumer<CartSnapshot> onCharge = snapshot -> { };
    private Consumer<CartSnapshot> onCash = snapshot -> { };
    private Consumer<java.util.Currency> onOpenDrawer = currency -> { };
    private Runnable onOpenHistory = () -> { };
    private Runnable onOpenProductEditor = () -> { };
    private final ReadOnlyStringWrapper modeBadge = new ReadOnlyStringWrapper(this, "modeBadge", "");
    private final ReadOnlyStringWrapper modeStyle = new ReadOnlyStringWrapper(this, "modeStyle", "");

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<Product> visibleProducts = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyCategories = FXCollections.unmodifiableObservableList(categories);
    private final ObservableList<Product> readOnlyVisibleProducts =
            FXCollections.unmodifiableObservableList(visibleProducts);
    private final ReadOnlyIntegerWrapper matchingProductCount = new ReadOnlyIntegerWrapper();
    private final ObservableList<CatalogProblem> catalogProblems = FXCollections.observableArrayList();
    private final ObservableList<CatalogProblem> readOnlyCatalogProblems =
            FXCollections.unmodifiableObservableList(catalogProblems);
    private final ReadOnlyStringWrapper catalogStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper catalogLoading = new ReadOnlyBooleanWrapper();

    private final ObservableList<CartLine> cartLines = FXCollections.observableArrayList();
    private final ObservableList<CartLine> readOnlyCartLines = FXCollections.unmodifiableObservableList(cartLines);
    private final ReadOnlyStringWrapper selectedSku = new ReadOnlyStringWrapper(this, "selectedSku");
    private final ReadOnlyStringWrapper totalText = new ReadOnlyStringWrapper();
    /** The cart's total as money (null while empty), for screens that write it in their own reader's language. */
    private final ReadOnlyObjectWrapper<Money> total = new ReadOnlyObjectWrapper<>(this, "total");
    private final ReadOnlyStringWrapper currencyText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper itemCountText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Chargeability> chargeability = new ReadOnlyObjectWrapper<>();
    /** Why Amazon Pay is not offered whatever the cart's currency (the account, or the settings); "" when it is. */
    private final ReadOnlyStringWrapper amazonPayNote = new ReadOnlyStringWrapper(this, "amazonPayNote", "");
    private final ReadOnlyBooleanWrapper canCharge = new ReadOnlyBooleanWrapper();
    /** Cash needs no Stripe: any cart with a total above zero, not locked, may be paid in cash. */
    private final ReadOnlyBooleanWrapper canCash = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cartLocked = new ReadOnlyBooleanWrapper(this, "cartLocked");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper helpShown = new ReadOnlyBooleanWrapper(this, "helpShown");
    /** "Before discounts" and "Discounts" under the cart; both "" while nothing is discounted. */
    private final ReadOnlyStringWrapper listTotalText = new ReadOnlyStringWrapper(this, "listTotalText", "");
    private final ReadOnlyStringWrapper discountText = new ReadOnlyStringWrapper(this, "discountText", "");
    private final DiscountViewModel discounts = new DiscountViewModel(this);

    /** @param words the cashier's language: every text this screen shows is rendered with it */
    public CashierViewModel(Cart cart, Translator words, UiExecutor executor) {
        this.cart = Objects.requireNonNull(cart, "cart");
        this.words = Objects.requireNonNull(words, "words");
        catalogStatus.set(words.text("cashier.catalog.loading"));
        this.executor = Objects.requireNonNull(executor, "executor");
        searchText.addListener((obs, old, now) -> refreshProducts());
        category.addListener((obs, old, now) -> refreshProducts());
        cartLocked.addListener((obs, old, now) -> refreshCart());
        refreshCart();
    }

    // ---- catalog ---------------------------------------------------------------------------

    /** Reads the catalog in the background and shows it (and its problems) when ready. */
    public void loadCatalog(Callable<CatalogLoadResult> load) {
        catalogLoading.set(true);
        catalogStatus.set(words.text("cashier.catalog.loading"));
        executor.submit(load, this::showCatalog, failure -> {
            LOG.log(Level.ERROR, "Catalog could not be loaded", failure);
            showCatalog(new CatalogLoadResult(Catalog.empty(),
                    List.of(CatalogProblem.ofFile(Message.of("catalog.problem.not_loaded", String.valueOf(failure)))),
                    "catalog"));
        });
    }

    /** Shows a loaded catalog. The cart keeps its lines: they hold their own product copies. */
    public void showCatalog(CatalogLoadResult result) {
        catalogLoading.set(false);
        catalog.set(result.catalog());
        catalogProblems.setAll(result.problems());
        categories.setAll(catalog.get().categories());
        if (category.get() != null && !categories.contains(category.get())) {
            category.set(null);
        }
        long skipped = result.problems().stream().filter(p -> !p.concernsWholeFile()).count();
        catalogStatus.set(words.text(skipped > 0 ? "cashier.catalog.status_skipped" : "cashier.catalog.status",
                catalog.get().size(), result.source(), skipped));
        refreshProducts();
        if (catalog.get().isEmpty() && result.hasProblems()) {
            notify(NoticeLevel.ERROR, result.problems().get(0).describe());
        } else if (result.hasProblems()) {
            notify(NoticeLevel.WARNING, Message.of("cashier.catalog.rows_skipped"));
        }
    }

    /**
     * Shows the catalog read again after its file changed while the till runs (a hand edit): the same problem
     * report as at start-up, or a line saying how many products it now has.
     */
    public void catalogReloaded(CatalogLoadResult result) {
        showCatalog(result);
        if (!result.hasProblems()) {
            notify(NoticeLevel.INFO, Message.of("catalog.reload.done", result.catalog().size()));
        }
    }

    /** The catalog the till sells from now (the product editor follows it). */
    public ReadOnlyObjectProperty<Catalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    private void refreshProducts() {
        List<Product> matches = catalog.get().search(searchText.get(), category.get());
        matchingProductCount.set(matches.size());
        visibleProducts.setAll(matches.subList(0, Math.min(matches.size(), MAX_VISIBLE_PRODUCTS)));
    }

    // ---- cart commands ---------------------------------------------------------------------

    /**
     * What the scan field sends on Enter: a barcode or SKU. Returns whether the field should be
     * emptied (always, except for a blank entry), so the next scan starts clean.
     */
    public boolean scan(String code) {
        String trimmed = code == null ? "" : code.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        if (refuseWhenLocked()) {
            return true;
        }
        Optional<Product> product = catalog.get().find(trimmed);
        if (product.isEmpty()) {
            notify(NoticeLevel.WARNING, Message.of("cashier.unknown_code", shorten(trimmed)));
            return true;
        }
        add(product.get());
        return true;
    }

    /** Adds one unit of {@code product} (a tap on its tile or a scan). */
    public void add(Product product) {
        if (refuseWhenLocked()) {
            return;
        }
        CartOutcome outcome = cart.add(product);
        if (outcome.accepted()) {
            selectedSku.set(product.sku());
        }
        report(outcome);
    }

    public void increaseSelected() {
        selected().ifPresent(line -> {
            if (!refuseWhenLocked()) {
                report(cart.increase(line.sku()));
            }
        });
    }

    public void decreaseSelected() {
        selected().ifPresent(line -> {
            if (!refuseWhenLocked()) {
                report(cart.decrease(line.sku()));
            }
        });
    }

    public void removeSelected() {
        Optional<CartLine> line = selected();
        if (line.isEmpty() || refuseWhenLocked()) {
            return;
        }
        int index = cartLines.indexOf(line.get());
        CartOutcome outcome = cart.remove(line.get().sku());
        List<CartLine> remaining = cart.lines();
        selectedSku.set(remaining.isEmpty() ? null : remaining.get(Math.min(index, remaining.size() - 1)).sku());
        report(outcome);
    }

    public void clearCart() {
        if (cart.isEmpty() || refuseWhenLocked()) {
            return;
        }
        CartOutcome outcome = cart.clear();
        selectedSku.set(null);
        report(outcome);
    }

    /** The cashier picked a line in the table; a SKU that is not in the cart is ignored. */
    public void select(String sku) {
        if (sku != null && cart.line(sku).isPresent()) {
            selectedSku.set(sku);
        }
    }

    public void selectNext() {
        moveSelection(1);
    }

    public void selectPrevious() {
        moveSelection(-1);
    }

    private void moveSelection(int step) {
        if (cartLines.isEmpty()) {
            return;
        }
        int index = selected().map(cartLines::indexOf).orElse(step > 0 ? -1 : cartLines.size());
        int next = Math.max(0, Math.min(cartLines.size() - 1, index + step));
        selectedSku.set(cartLines.get(next).sku());
    }

    /** The next category of the catalog (after the last: all of them again); PageDown. */
    public void nextCategory() {
        stepCategory(1);
    }

    /** The previous category (before the first: all of them); PageUp. */
    public void previousCategory() {
        stepCategory(-1);
    }

    /** Steps through "all", then each category, round and round. */
    private void stepCategory(int step) {
        int places = categories.size() + 1;
        int now = category.get() == null ? 0 : categories.indexOf(category.get()) + 1;
        int next = Math.floorMod(now + step, places);
        category.set(next == 0 ? null : categories.get(next - 1));
    }

    /** Hands a snapshot of the cart to the charge flow, when the cart is chargeable and not locked. */
    public void charge() {
        if (!canCharge.get()) {
            Chargeability c = chargeability.get();
            if (cartLocked.get()) {
                notify(NoticeLevel.WARNING, Message.of("cashier.payment_already_open"));
            } else if (c != null && !c.chargeable()) {
                notify(NoticeLevel.WARNING, Message.of("cashier.cannot_charge_yet", c.summary()));
            }
            return;
        }
        cart.snapshot().ifPresent(onCharge);
    }

    /** Hands a snapshot of the cart to the cash screen (F8), when it has a total to pay and is not locked. */
    public void cash() {
        if (!canCash.get()) {
            if (cartLocked.get()) {
                notify(NoticeLevel.WARNING, Message.of("cashier.payment_already_open"));
            }
            return;
        }
        cart.snapshot().ifPresent(onCash);
    }

    /** The cash screen's entry point; called with a frozen copy of the cart when Cash is pressed. */
    public void setOnCash(Consumer<CartSnapshot> onCash) {
        this.onCash = Objects.requireNonNull(onCash, "onCash");
    }

    /** The charge flow's entry point; called with a frozen copy of the cart when Charge is pressed. */
    public void setOnCharge(Consumer<CartSnapshot> onCharge) {
        this.onCharge = Objects.requireNonNull(onCharge, "onCharge");
    }

    /** Opens the cash drawer (F7) on the cart's currency, or the catalog's first; the till shows it. */
    public void openDrawer() {
        onOpenDrawer.accept(cart.currency().orElse(null));
    }

    /** The currency of the catalog's first product, for a drawer opened with an empty cart. */
    public Optional<java.util.Currency> firstCatalogCurrency() {
        return catalog.get().products().stream().findFirst().map(p -> p.price().currency());
    }

    public void setOnOpenDrawer(Consumer<java.util.Currency> action) {
        this.onOpenDrawer = Objects.requireNonNull(action, "action");
    }

    /** Opens the sales history (F9); the app decides where it is shown. */
    public void openHistory() {
        onOpenHistory.run();
    }

    public void setOnOpenHistory(Runnable onOpenHistory) {
        this.onOpenHistory = Objects.requireNonNull(onOpenHistory, "onOpenHistory");
    }

    /** Opens the product editor (F3); the app decides where, and whether this till may edit its catalog. */
    public void openProductEditor() {
        onOpenProductEditor.run();
    }

    public void setOnOpenProductEditor(Runnable onOpenProductEditor) {
        this.onOpenProductEditor = Objects.requireNonNull(onOpenProductEditor, "onOpenProductEditor");
    }

    /** Which money this till moves (SANDBOX, TEST, LIVE), or starting / payments off; always on screen. */
    public void showMode(Message mode) {
        modeBadge.set(mode == null ? "" : words.text(mode));
        modeStyle.set(mode == null ? "" : mode.key().substring(mode.key().lastIndexOf('.') + 1));
    }

    /** The badge's colour: sandbox, test, live, starting or off (the text is in the cashier's language). */
    public ReadOnlyStringProperty modeStyleProperty() {
        return modeStyle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modeBadgeProperty() {
        return modeBadge.getReadOnlyProperty();
    }

    /**
     * Says next to the total that Amazon Pay is not offered, whatever the cart's currency: Stripe refused it
     * for the account, or the settings switch it off. Empty text: Amazon Pay is offered where the currency allows.
     * The note is in the cashier's language already (the charge screen's model words it).
     */
    public void showAmazonPayNote(String note) {
        String now = note == null ? "" : note;
        if (!now.equals(amazonPayNote.get())) {
            amazonPayNote.set(now);
            refreshChargeability(); // the lines are unchanged: leave the table (and the focus) alone
        }
    }

    public ReadOnlyStringProperty amazonPayNoteProperty() {
        return amazonPayNote.getReadOnlyProperty();
    }

    /** A payment is open for this cart (or may be): every edit is refused until {@link #unlockCart()}. */
    public void lockCart() {
        cartLocked.set(true);
    }

    /** The payment is settled or abandoned: the cart takes edits again. */
    public void unlockCart() {
        cartLocked.set(false);
    }

    /**
     * Empties the cart after a paid sale, even while it is still locked. Meant for the charge flow;
     * the cashier's own clear goes through {@link #clearCart()}.
     */
    public void completeSale() {
        cart.clear();
        selectedSku.set(null);
        refreshCart();
    }

    public void toggleHelp() {
        helpShown.set(!helpShown.get());
    }

    public void closeHelp() {
        helpShown.set(false);
    }

    /** Shows a message in the message bar, in the cashier's language; for other parts of the app as well. */
    public void notify(NoticeLevel level, Message message) {
        notice.set(new Notice(level, words.text(message), ++noticeSequence));
    }

    public String format(Money money) {
        return words.moneyFormat().format(money);
    }

    /** The cashier's language, for the screen's own words. */
    public Translator words() {
        return words;
    }

    private Optional<CartLine> selected() {
        String sku = selectedSku.get();
        return sku == null ? Optional.empty() : cart.line(sku);
    }

    Optional<CartLine> selectedLine() {
        return selected();
    }

    Cart cart() {
        return cart;
    }

    UiExecutor executor() {
        return executor;
    }

    // ---- discounts (DiscountViewModel holds the card; these are what the cart shows) ----

    /** The discount card (F4, Shift+F4). */
    public DiscountViewModel discounts() {
        return discounts;
    }

    /**
     * What the line costs now: its discounted amount, with the list amount it was on a second line when
     * discounted (the cart's total column is narrow).
     */
    public String lineTotalText(CartLine line) {
        Money list = line.lineTotal();
        Optional<SaleLine> priced = pricedLine(line);
        if (priced.isEmpty() || priced.get().discountMinor() == 0) {
            return format(list);
        }
        return format(Money.of(priced.get().chargedMinor(), list.currency())) + "\n"
                + words.text("discount.was", format(list));
    }

    /** The line's own discount as the cart shows it under the name ("−10 % (Loyalty)"), or "" for none. */
    public String lineDiscountText(CartLine line) {
        return cart.lineDiscount(line.sku()).map(d -> describe(d, line.unitPrice().currency())).orElse("");
    }

    /** A discount in the cashier's words: "−10 % (Loyalty)", "−0,50 € (Damaged: dented)". */
    public String describe(Discount d, java.util.Currency currency) {
        return DiscountWords.describe(words, d, currency);
    }

    /** The line as it will be charged (its discount, its share of the cart's included), while it is in the cart. */
    public Optional<SaleLine> pricedLine(CartLine line) {
        List<CartLine> all = cart.lines();
        int index = all.indexOf(line);
        List<SaleLine> priced = cart.priced().lines();
        return index < 0 || index >= priced.size() ? Optional.empty() : Optional.of(priced.get(index));
    }

    public Optional<Discount> lineDiscount(CartLine line) {
        return cart.lineDiscount(line.sku());
    }

    /** The discount on the whole cart and what it takes off, if any. */
    public Optional<AppliedDiscount> cartDiscount() {
        return cart.priced().discounts().cart();
    }

    public ReadOnlyStringProperty listTotalTextProperty() {
        return listTotalText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty discountTextProperty() {
        return discountText.getReadOnlyProperty();
    }

    private void refreshDiscounts() {
        long off = cart.priced().discountMinor();
        if (off == 0 || cart.currency().isEmpty()) {
            listTotalText.set("");
            discountText.set("");
            return;
        }
        java.util.Currency c = cart.currency().get();
        listTotalText.set(cart.listTotal().map(this::format).orElse(""));
        String total = words.text("discount.label.amount", format(Money.of(off, c)));
        discountText.set(cart.cartDiscount().map(d -> total + "  " + words.text("discount.cart.row", describe(d, c)))
                .orElse(total));
    }

    boolean refuseWhenLocked() {
        if (cartLocked.get()) {
            notify(NoticeLevel.WARNING, Message.of("cashier.cart_locked"));
            return true;
        }
        return false;
    }

    void report(CartOutcome outcome) {
        refreshCart();
        notify(outcome.accepted() ? NoticeLevel.INFO : NoticeLevel.WARNING, outcome.message());
    }

    private void refreshCart() {
        cartLines.setAll(cart.lines());
        refreshDiscounts();
        if (selectedSku.get() != null && cart.line(selectedSku.get()).isEmpty()) {
            selectedSku.set(null);
        }
        refreshChargeability();
        total.set(cart.total().orElse(null));
        totalText.set(cart.total().map(this::format).orElse("\u2014"));
        currencyText.set(cart.currency().map(currency -> currency.getCurrencyCode()).orElse(""));
        int units = cartLines.stream().mapToInt(CartLine::quantity).sum();
        itemCountText.set(units == 0 ? words.text("cashier.cart.empty")
                : words.text("cashier.cart.count", units, cartLines.size()));
    }

    private void refreshChargeability() {
        Chargeability c = cart.chargeability();
        if (c.chargeable() && c.amazonPayAvailable() && !amazonPayNote.get().isEmpty()) {
            // The currency allows Amazon Pay but the account (or the settings) does not: card only, and why.
            c = new Chargeability(c.status(), c.minimum(), false,
                    Message.of("cashier.amazon_pay_note", amazonPayNote.get()));
        }
        chargeability.set(c);
        canCharge.set(c.chargeable() && !cartLocked.get());
        canCash.set(cart.total().map(t -> t.minorUnits() > 0).orElse(false) && !cartLocked.get());
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "\u2026";
    }

    // ---- properties ------------------------------------------------------------------------

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The category filter; null shows every category. */
    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public ObservableList<String> categories() {
        return readOnlyCategories;
    }

    /** The first {@link #MAX_VISIBLE_PRODUCTS} products matching the search and category. */
    public ObservableList<Product> visibleProducts() {
        return readOnlyVisibleProducts;
    }

    public ReadOnlyIntegerProperty matchingProductCountProperty() {
        return matchingProductCount.getReadOnlyProperty();
    }

    public ObservableList<CatalogProblem> catalogProblems() {
        return readOnlyCatalogProblems;
    }

    public ReadOnlyStringProperty catalogStatusProperty() {
        return catalogStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty catalogLoadingProperty() {
        return catalogLoading.getReadOnlyProperty();
    }

    public ObservableList<CartLine> cartLines() {
        return readOnlyCartLines;
    }

    /** The SKU of the line that +, - and Delete act on; the view keeps the table in step with it. */
    public ReadOnlyStringProperty selectedSkuProperty() {
        return selectedSku.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalTextProperty() {
        return totalText.getReadOnlyProperty();
    }

    /** The cart's total, or null while the cart is empty; {@link #totalTextProperty()} is its text for the cashier. */
    public ReadOnlyObjectProperty<Money> totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyTextProperty() {
        return currencyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty itemCountTextProperty() {
        return itemCountText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Chargeability> chargeabilityProperty() {
        return chargeability.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canChargeProperty() {
        return canCharge.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCashProperty() {
        return canCash.getReadOnlyProperty();
    }

    /** True while a payment session is open for this cart: every edit is refused. */
    public ReadOnlyBooleanProperty cartLockedProperty() {
        return cartLocked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty helpShownProperty() {
        return helpShown.getReadOnlyProperty();
    }
}
