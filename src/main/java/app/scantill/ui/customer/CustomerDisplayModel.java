package app.scantill.ui.customer;

import app.scantill.cart.CartLine;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.SettingValues;
import app.scantill.config.Settings;
import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.qr.QrEncoder;
import app.scantill.receipt.DiscountWords;
import app.scantill.qr.QrMatrix;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.SaleLine;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.charge.ChargeViewModel;
import app.scantill.ui.till.TillViewModel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the customer sees, derived from the till's own view models and nothing else: the cart's lines
 * and total from the {@link CashierViewModel}, the charge from the {@link ChargeViewModel} (its status, its
 * QR code, its time left). There is no second copy of the sale: every property here is recomputed from
 * theirs whenever one of theirs changes, and written in the customer's language.
 *
 * <p>JavaFX thread only. {@link #dispose()} removes every listener it put on the till's models.
 */
public final class CustomerDisplayModel {

    /** Which screen the customer sees. */
    public enum Screen {
        /** Between sales: the shop's name and logo. */
        WELCOME,
        /** Items as they are scanned, with the running total. */
        CART,
        /** Charge was pressed; the payment is being prepared. */
        PREPARING,
        /** The QR code, the amount and the time left. */
        PAY,
        /** Paid: thank you (and the receipt's code, once known). */
        PAID,
        /** The code expired before the customer paid. */
        EXPIRED,
        /** Cancelled: nothing was charged. */
        CANCELLED,
        /** One moment: the till is cancelling and checking with Stripe. */
        WAIT,
        /** The payment could not be started or needs a person: the customer waits for help. */
        PROBLEM
    }

    /** One cart line as the customer reads it. */
    public record Line(String name, String quantity, String total) {
    }

    private final TillViewModel till;
    private final Translator words;
    private final String shopName;
    private final String logoUrl;
    private final boolean selfService;

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.WELCOME);
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Line> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper totalText = new ReadOnlyStringWrapper(this, "totalText", "");
    private final ReadOnlyStringWrapper itemCountText = new ReadOnlyStringWrapper(this, "itemCountText", "");
    private final ReadOnlyStringWrapper amountText = new ReadOnlyStringWrapper(this, "amountText", "");
    private final ReadOnlyStringWrapper hintText = new ReadOnlyStringWrapper(this, "hintText", "");
    private final ReadOnlyStringWrapper countdownText = new ReadOnlyStringWrapper(this, "countdownText", "");
    private final ReadOnlyStringWrapper paidText = new ReadOnlyStringWrapper(this, "paidText", "");
    private final ReadOnlyStringWrapper modeBadge = new ReadOnlyStringWrapper(this, "modeBadge", "");
    private final ReadOnlyStringWrapper modeStyle = new ReadOnlyStringWrapper(this, "modeStyle", "");
    private final ReadOnlyObjectWrapper<QrMatrix> qr = new ReadOnlyObjectWrapper<>(this, "qr");
    private final ReadOnlyObjectWrapper<QrMatrix> receiptQr = new ReadOnlyObjectWrapper<>(this, "receiptQr");
    private final ChangeListener<String> receiptChanged = (obs, old, now) -> showReceipt(now);
    private final QrEncoder encoder = new QrEncoder();

    private final InvalidationListener cartChanged = this::showCart;
    private final InvalidationListener chargeChanged = this::showCharge;
    private final ChangeListener<ChargeViewModel> chargeModelListener = (obs, old, now) -> follow(old, now);

    /**
     * Starts following {@code till}.
     *
     * @param words the customer's language ({@code locale.customer})
     * @param shopName the shop's name for the welcome screen ({@code merchant.name})
     * @param logoUrl the shop's logo as a URL an image can load, or null for none ({@code shop.logo})
     */
    public CustomerDisplayModel(TillViewModel till, Translator words, String shopName, String logoUrl) {
        this(till, words, shopName, logoUrl, false);
    }

    /**
     * As above; {@code selfService} words the screens for a kiosk, where the customer acts alone (a new
     * code, help) rather than waiting for the cashier.
     */
    public CustomerDisplayModel(TillViewModel till, Translator words, String shopName, String logoUrl,
            boolean selfService) {
        this.selfService = selfService;
        this.till = Objects.requireNonNull(till, "till");
        this.words = Objects.requireNonNull(words, "words");
        this.shopName = Objects.requireNonNull(shopName, "shopName");
        this.logoUrl = logoUrl;
        CashierViewModel cashier = till.cashier();
        cashier.cartLines().addListener(cartChanged);
        cashier.totalProperty().addListener(cartChanged);
        cashier.modeStyleProperty().addListener(cartChanged);
        till.chargeShownProperty().addListener(chargeChanged);
        till.chargeModelProperty().addListener(chargeModelListener);
        till.receiptUrlProperty().addListener(receiptChanged);
        showCart(null);
        follow(null, till.chargeModelProperty().get());
    }

    /**
     * A model as the settings say: the customer's language ({@code locale.customer}, else the cashier's), the
     * shop's name ({@code merchant.name}) and logo ({@code shop.logo}).
     */
    public static CustomerDisplayModel forSettings(TillViewModel till, SettingValues settings, ZoneId zone) {
        Locale customer = settings.get(Settings.CUSTOMER_LOCALE).forScreens(settings.get(Settings.LOCALE));
        String logo = settings.get(Settings.SHOP_LOGO).map(path -> path.toUri().toString()).orElse(null);
        return new CustomerDisplayModel(till, Translator.forLocale(customer, zone), settings.get(Settings.MERCHANT_NAME),
                logo);
    }

    /** Stops following the till, for good (the customer's window is closing). */
    public void dispose() {
        CashierViewModel cashier = till.cashier();
        cashier.cartLines().removeListener(cartChanged);
        cashier.totalProperty().removeListener(cartChanged);
        cashier.modeStyleProperty().removeListener(cartChanged);
        till.chargeShownProperty().removeListener(chargeChanged);
        till.chargeModelProperty().removeListener(chargeModelListener);
        till.receiptUrlProperty().removeListener(receiptChanged);
        follow(till.chargeModelProperty().get(), null);
    }

    /** Recomputes the countdown from the clock; the view calls it every second while the code is up. */
    public void tick() {
        ChargeViewModel charge = till.chargeModelProperty().get();
        if (charge != null) {
            charge.tick();
        }
    }

    private void follow(ChargeViewModel old, ChargeViewModel now) {
        if (old != null) {
            old.statusProperty().removeListener(chargeChanged);
            old.phaseProperty().removeListener(chargeChanged);
            old.qrProperty().removeListener(chargeChanged);
            old.timeLeftProperty().removeListener(chargeChanged);
        }
        if (now != null) {
            now.statusProperty().addListener(chargeChanged);
            now.phaseProperty().addListener(chargeChanged);
            now.qrProperty().addListener(chargeChanged);
            now.timeLeftProperty().addListener(chargeChanged);
        }
        showCharge(null);
    }

    /** The cart changed (a scan, a quantity, the total) or the till's mode did. */
    private void showCart(Observable changed) {
        CashierViewModel cashier = till.cashier();
        List<CartLine> cart = cashier.cartLines();
        List<Line> shown = new java.util.ArrayList<>(cart.stream().map(this::line).toList());
        cashier.cartDiscount().ifPresent(d -> cashier.cartLines().stream().findFirst().ifPresent(first -> {
            java.util.Currency c = first.unitPrice().currency();
            shown.add(new Line(words.text("discount.cart.row", DiscountWords.describe(words, d.discount(), c)), "",
                    words.text("discount.label.amount", words.moneyFormat().format(Money.of(d.amountMinor(), c)))));
        }));
        lines.setAll(shown);
        Money total = cashier.totalProperty().get();
        totalText.set(total == null ? "" : words.moneyFormat().format(total));
        int units = cart.stream().mapToInt(CartLine::quantity).sum();
        itemCountText.set(units == 0 ? "" : words.text("customer.item_count", units));
        String mode = cashier.modeStyleProperty().get();
        modeStyle.set(mode);
        modeBadge.set(mode.isEmpty() ? "" : words.text("mode." + mode));
        showCharge(null);
    }

    /** The charge changed (its phase, its code, its time left), or the charge screen came or went. */
    private void showCharge(Observable changed) {
        boolean cartEmpty = till.cashier().cartLines().isEmpty();
        ChargeViewModel charge = till.chargeModelProperty().get();
        ChargeStatus status = charge == null ? ChargeStatus.idle() : charge.statusProperty().get();
        Phase phase = charge == null ? Phase.IDLE : charge.phaseProperty().get();
        boolean charging = till.chargeShownProperty().get() && charge != null;
        screen.set(charging ? chargeScreen(phase, cartEmpty) : cartEmpty ? Screen.WELCOME : Screen.CART);

        amountText.set(status.amount() == null ? "" : words.moneyFormat().format(status.amount()));
        hintText.set(status.amount() == null ? "" : words.text(status.cardOnly() ? "customer.hint.card_only"
                : "customer.hint.scan"));
        QrMatrix code = charge == null ? null : charge.qrProperty().get();
        qr.set(charging ? code : null);
        Duration left = charge == null ? null : charge.timeLeftProperty().get();
        countdownText.set(left == null ? "" : ChargeViewModel.countdownText(words, left));
        paidText.set(status.paymentMethod() == null ? ""
                : words.text("charge.paid_with", words.text(PaymentMethod.labelOf(status.paymentMethod()))));
    }

    /** The hosted receipt became known (or went with the sale): its code, encoded off the JavaFX thread. */
    private void showReceipt(String url) {
        receiptQr.set(null);
        if (url == null || url.isEmpty()) {
            return;
        }
        till.executor().submit(() -> encoder.encode(url), matrix -> {
            if (url.equals(till.receiptUrlProperty().get())) {
                receiptQr.set(matrix);
            }
        }, failure -> receiptQr.set(null));
    }

    private static Screen chargeScreen(Phase phase, boolean cartEmpty) {
        return switch (phase) {
            case IDLE -> cartEmpty ? Screen.WELCOME : Screen.CART;
            case CREATING -> Screen.PREPARING;
            case AWAITING_PAYMENT, CONNECTION_LOST -> Screen.PAY;
            case CANCELLING -> Screen.WAIT;
            case PAID -> Screen.PAID;
            case EXPIRED -> Screen.EXPIRED;
            case CANCELLED -> Screen.CANCELLED;
            case FAILED, NEEDS_ATTENTION -> Screen.PROBLEM;
        };
    }

    /** A line as the customer reads it: with its own discount and reason, and what it was, when discounted. */
    private Line line(CartLine line) {
        CashierViewModel cashier = till.cashier();
        String name = cashier.lineDiscount(line).map(d -> line.product().name() + "\n"
                + DiscountWords.describe(words, d, line.unitPrice().currency())).orElse(line.product().name());
        String total = words.moneyFormat().format(line.lineTotal());
        Optional<SaleLine> priced = cashier.pricedLine(line);
        if (priced.isPresent() && priced.get().discountMinor() > 0) {
            total = words.moneyFormat().format(Money.of(priced.get().chargedMinor(), line.unitPrice().currency()))
                    + "  " + words.text("discount.was", total);
        }
        return new Line(name,
                words.text("customer.line.quantity", line.quantity(), words.moneyFormat().format(line.unitPrice())),
                total);
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** The cart's lines in the customer's language, in the order they were scanned. */
    public ObservableList<Line> lines() {
        return readOnlyLines;
    }

    public ReadOnlyStringProperty totalTextProperty() {
        return totalText.getReadOnlyProperty();
    }

    /** "3 items"; empty while the cart is. */
    public ReadOnlyStringProperty itemCountTextProperty() {
        return itemCountText.getReadOnlyProperty();
    }

    /** The amount being charged. */
    public ReadOnlyStringProperty amountTextProperty() {
        return amountText.getReadOnlyProperty();
    }

    /** How to pay: with Amazon Pay or card, or by card alone. */
    public ReadOnlyStringProperty hintTextProperty() {
        return hintText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownTextProperty() {
        return countdownText.getReadOnlyProperty();
    }

    /** "Paid with Amazon Pay" once paid, if Stripe said how. */
    public ReadOnlyStringProperty paidTextProperty() {
        return paidText.getReadOnlyProperty();
    }

    /** SANDBOX, TEST or LIVE in the customer's language: the customer sees which money moves too. */
    public ReadOnlyStringProperty modeBadgeProperty() {
        return modeBadge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modeStyleProperty() {
        return modeStyle.getReadOnlyProperty();
    }

    /** The payment link's code, the very matrix the cashier's screen shows; null while there is none. */
    public ReadOnlyObjectProperty<QrMatrix> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    /** The code of the customer's receipt on the Paid screen (Stripe's hosted receipt); null until known. */
    public ReadOnlyObjectProperty<QrMatrix> receiptQrProperty() {
        return receiptQr.getReadOnlyProperty();
    }

    public String shopName() {
        return shopName;
    }

    /** Whether the customer serves themselves (a kiosk): no cashier to wait for. */
    public boolean selfService() {
        return selfService;
    }

    /** The logo's URL, or null when the shop has none. */
    public String logoUrl() {
        return logoUrl;
    }

    /** The customer's language, for the screen's own words. */
    public Translator words() {
        return words;
    }
}
