package app.scantill.ui.cashier;

import app.scantill.cart.Cart;
import app.scantill.cart.CartLine;
import app.scantill.cart.CartOutcome;
import app.scantill.config.ManagerPin;
import app.scantill.i18n.Message;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.money.TaxRate;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountReason;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The discount card of the cashier screen (F4 on the selected line, Shift+F4 on the whole cart): a percentage or an
 * amount, a reason and a note; over the configured limit the manager PIN, checked off the JavaFX thread as the
 * refund window checks it. Without a manager PIN nothing is asked (as for refunds); in kiosk mode there are no
 * discounts. The cart decides what is allowed ({@link Cart#discountLine}, {@link Cart#discountCart}).
 */
public final class DiscountViewModel {

    private final CashierViewModel cashier;
    private Optional<ManagerPin> managerPin = Optional.empty();
    private long pinAboveBasisPoints = 2000;
    private boolean allowed = true;
    /** The line being discounted, or null for the whole cart. */
    private String targetSku;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final BooleanProperty percent = new SimpleBooleanProperty(this, "percent", true);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ObjectProperty<DiscountReason> reason = new SimpleObjectProperty<>(this, "reason",
            DiscountReason.OTHER);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ReadOnlyBooleanWrapper pinNeeded = new ReadOnlyBooleanWrapper(this, "pinNeeded");
    private final ReadOnlyStringWrapper pinHint = new ReadOnlyStringWrapper(this, "pinHint", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper(this, "canRemove");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    DiscountViewModel(CashierViewModel cashier) {
        this.cashier = Objects.requireNonNull(cashier, "cashier");
        value.addListener((o, was, now) -> refreshPinNeeded());
        percent.addListener((o, was, now) -> refreshPinNeeded());
    }

    /**
     * @param pin the manager PIN asked above the limit; none: never asked
     * @param pinAbovePercent the setting {@code discount.pin_above_percent}
     * @param discountsAllowed false in kiosk mode
     */
    public void configure(Optional<ManagerPin> pin, int pinAbovePercent, boolean discountsAllowed) {
        this.managerPin = Objects.requireNonNull(pin, "pin");
        this.pinAboveBasisPoints = pinAbovePercent * 100L;
        this.allowed = discountsAllowed;
    }

    // ---- commands (JavaFX thread) ----

    /** F4: the selected line's discount. */
    public void openForSelectedLine() {
        Optional<CartLine> line = cashier.selectedLine();
        if (!allowed || cashier.refuseWhenLocked()) {
            return;
        }
        if (line.isEmpty()) {
            cashier.notify(CashierViewModel.NoticeLevel.WARNING, Message.of(cashier.cart().isEmpty()
                    ? "discount.refused.empty" : "discount.refused.no_line"));
            return;
        }
        targetSku = line.get().sku();
        open(Message.of("discount.dialog.title.line", line.get().product().name()),
                cashier.cart().lineDiscount(targetSku));
    }

    /** Shift+F4: the whole cart's discount. */
    public void openForCart() {
        if (!allowed || cashier.refuseWhenLocked()) {
            return;
        }
        if (cashier.cart().isEmpty()) {
            cashier.notify(CashierViewModel.NoticeLevel.WARNING, Message.of("discount.refused.empty"));
            return;
        }
        targetSku = null;
        open(Message.of("discount.dialog.title.cart"), cashier.cart().cartDiscount());
    }

    public void apply() {
        if (!shown.get() || busy.get()) {
            return;
        }
        Optional<Discount> discount = typed();
        if (discount.isEmpty()) {
            return;
        }
        if (!pinNeeded.get()) {
            give(discount.get());
            return;
        }
        char[] typedPin = pin.get().toCharArray();
        pin.set("");
        busy.set(true);
        ManagerPin expected = managerPin.orElseThrow();
        cashier.executor().submit(() -> expected.matches(typedPin), matches -> {
            busy.set(false);
            if (matches) {
                give(discount.get());
            } else {
                message.set(cashier.words().text("discount.dialog.wrong_pin"));
            }
        }, failure -> {
            busy.set(false);
            message.set(cashier.words().text("discount.dialog.wrong_pin"));
        });
    }

    /** Takes the discount off the line or the cart; removing one never needs the PIN. */
    public void remove() {
        if (!shown.get() || busy.get()) {
            return;
        }
        Cart cart = cashier.cart();
        CartOutcome outcome = targetSku == null ? cart.removeCartDiscount() : cart.removeLineDiscount(targetSku);
        close();
        cashier.report(outcome);
    }

    public void close() {
        shown.set(false);
        pin.set("");
        message.set("");
    }

    // ---- what the card shows ----

    private void open(Message heading, Optional<Discount> current) {
        title.set(cashier.words().text(heading));
        percent.set(current.map(d -> d.kind() == Discount.Kind.PERCENT).orElse(true));
        value.set(current.map(this::valueText).orElse(""));
        reason.set(current.map(Discount::reason).orElse(DiscountReason.OTHER));
        note.set(current.map(Discount::note).orElse(""));
        canRemove.set(current.isPresent());
        pin.set("");
        message.set("");
        pinHint.set(cashier.words().text("discount.dialog.pin_needed", pinAboveBasisPoints / 100));
        refreshPinNeeded();
        shown.set(true);
    }

    private String valueText(Discount d) {
        return d.kind() == Discount.Kind.PERCENT ? new TaxRate((int) d.value()).percentText()
                : MoneyFormat.plain(Money.of(d.value(), currency()));
    }

    private void refreshPinNeeded() {
        Optional<Discount> d = parse();
        pinNeeded.set(managerPin.isPresent() && d.isPresent() && d.get().exceeds(pinAboveBasisPoints, base()));
    }

    /** The typed discount, or empty with the reason in {@link #messageProperty()}. */
    private Optional<Discount> typed() {
        if (note.get().strip().length() > Discount.MAX_NOTE) {
            message.set(cashier.words().text("discount.dialog.note_too_long", Discount.MAX_NOTE));
            return Optional.empty();
        }
        Optional<Discount> d = parse();
        if (d.isEmpty()) {
            message.set(percent.get() ? cashier.words().text("discount.dialog.bad_percent")
                    : cashier.words().text("discount.dialog.bad_amount", currency().getCurrencyCode(),
                            MoneyFormat.plain(Money.of(Math.max(1, base() / 10), currency()))));
        } else if (d.get().kind() == Discount.Kind.AMOUNT && d.get().value() > base()) {
            // Said before any PIN is asked: no manager can make it fit.
            message.set(cashier.words().text(Message.of("discount.refused.above_base",
                    Money.of(d.get().value(), currency()), Money.of(base(), currency()))));
            return Optional.empty();
        }
        return d;
    }

    private Optional<Discount> parse() {
        String text = value.get() == null ? "" : value.get().strip();
        String typedNote = note.get() == null ? "" : note.get().strip();
        // Too long a note is said by typed(); here it is only cut, so the PIN hint can follow the value.
        String noteText = typedNote.length() > Discount.MAX_NOTE ? typedNote.substring(0, Discount.MAX_NOTE) : typedNote;
        try {
            if (percent.get()) {
                // A percentage as exactly as a tax rate: basis points, at most two decimals, 0.01 to 100.
                return TaxRate.parsePercent(text).filter(r -> !r.isZero())
                        .map(r -> Discount.percent(r.basisPoints(), reason.get(), noteText));
            }
            long minor = MoneyFormat.parseMinorUnits(text.replace(',', '.'), currency());
            return minor < 1 ? Optional.empty() : Optional.of(Discount.amount(minor, reason.get(), noteText));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }


    private void give(Discount discount) {
        Discount chosen = new Discount(discount.kind(), discount.value(), reason.get(), discount.note());
        Cart cart = cashier.cart();
        CartOutcome outcome = targetSku == null ? cart.discountCart(chosen) : cart.discountLine(targetSku, chosen);
        if (outcome.refused()) {
            message.set(cashier.words().text(outcome.message()));
            return;
        }
        close();
        cashier.report(outcome);
    }

    /** What the discount would come off: the line's list amount, or the cart after its lines' discounts. */
    private long base() {
        Cart cart = cashier.cart();
        if (targetSku == null) {
            return cart.beforeCartDiscountMinor();
        }
        return cart.line(targetSku).map(l -> l.lineTotal().minorUnits()).orElse(0L);
    }

    private Currency currency() {
        return cashier.cart().currency().orElse(Currency.getInstance("USD"));
    }

    // ---- properties ----

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True: the value is a percentage; false: an amount in the cart's currency. */
    public BooleanProperty percentProperty() {
        return percent;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ObjectProperty<DiscountReason> reasonProperty() {
        return reason;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyBooleanProperty pinNeededProperty() {
        return pinNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinHintProperty() {
        return pinHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The words of a reason, in the cashier's language. */
    public String reasonText(DiscountReason r) {
        return cashier.words().text(r.messageKey());
    }
}
