package app.scantill.ui.kiosk;

import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.ManagerPin;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.charge.ChargeViewModel;
import app.scantill.ui.till.TillViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The kiosk's state above the till's own models: whether it shows the attract screen between customers,
 * the customer's items, or the payment; when an idle customer is asked "Still there?" and when the kiosk
 * resets; and the staff's PIN pad ({@link KioskPinPad}) for leaving it.
 *
 * <p>A reset never loses money: it cancels an open payment through the charge flow's own cancel, which
 * expires the session on Stripe and then reads it again, so a payment that arrived a moment earlier ends
 * Paid (and the kiosk thanks the customer) instead of cancelled. Only then is the cart cleared.
 *
 * <p>Time is read from {@code clock} whenever the view calls {@link #tick()} (every second) or the
 * customer does something ({@link #touched()}); JavaFX thread only.
 */
public final class KioskViewModel {

    /** What fills the kiosk's window. */
    public enum Screen {
        /** Between customers: the shop's name and logo, "touch or scan to start". */
        ATTRACT,
        /** The products and the customer's items with their total and Pay. */
        SHOPPING,
        /** The payment: the code, then Paid, Expired, Cancelled or a problem. */
        PAYING
    }

    /** How long "Still there?" waits for an answer before the kiosk resets. */
    public static final Duration ANSWER_TIME = Duration.ofSeconds(20);
    /** How long Thank you (with the receipt's code) stays before the next customer's attract screen. */
    public static final Duration THANKS_TIME = Duration.ofSeconds(30);

    private final TillViewModel till;
    private final Clock clock;
    private final Duration idleLimit;
    private final KioskPinPad pinPad;

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.ATTRACT);
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper(this, "asking");
    private final ReadOnlyIntegerWrapper answerSecondsLeft = new ReadOnlyIntegerWrapper(this, "answerSecondsLeft");
    private final ReadOnlyBooleanWrapper resetting = new ReadOnlyBooleanWrapper(this, "resetting");
    private boolean attract = true;
    private Instant lastInput;
    private Instant askedAt;
    /** While resetting: the open payment was asked to cancel (once; the flow keeps trying by itself). */
    private boolean cancelAsked;

    private final InvalidationListener chargeChanged = obs -> onChargeChanged();
    private final ChangeListener<ChargeViewModel> chargeModelChanged = (obs, old, now) -> follow(old, now);

    /**
     * @param idleLimit how long without input before "Still there?" ({@code kiosk.idle_seconds})
     * @param pin the kiosk PIN's hash ({@code kiosk.pin_hash}); without one the kiosk cannot be left on screen
     * @param leave closes the kiosk once the PIN was entered (the app cancels an open payment first)
     */
    public KioskViewModel(TillViewModel till, Clock clock, Duration idleLimit, Optional<ManagerPin> pin,
            Runnable leave) {
        this.till = Objects.requireNonNull(till, "till");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleLimit = Objects.requireNonNull(idleLimit, "idleLimit");
        this.pinPad = new KioskPinPad(pin, till.executor(), till.cashier().words(), clock, leave);
        this.lastInput = clock.instant();
        till.chargeShownProperty().addListener(chargeChanged);
        till.chargeModelProperty().addListener(chargeModelChanged);
        follow(null, till.chargeModelProperty().get());
    }

    // ---------------------------------------------------------------- what the customer does

    /** Any touch, key or scan: the customer is here. It answers "Still there?" and leaves the attract screen. */
    public void touched() {
        lastInput = clock.instant();
        asking.set(false);
        if (attract && !resetting.get()) {
            attract = false;
            showScreen();
        }
    }

    /** "Yes, I'm still here." */
    public void stillHere() {
        touched();
    }

    /** Pay for the items: the till's Charge. */
    public void pay() {
        touched();
        till.cashier().charge();
    }

    /** Cancel the payment (the code on screen is expired at Stripe first). */
    public void cancelPayment() {
        touched();
        charge().ifPresent(ChargeViewModel::cancel);
    }

    /** The code expired: a new one for the same items. */
    public void newCode() {
        touched();
        charge().ifPresent(ChargeViewModel::newQrCode);
    }

    /** Back to the items after a cancelled, expired or failed payment. */
    public void backToItems() {
        touched();
        charge().ifPresent(ChargeViewModel::backToCart);
    }

    /** The payment could not be started: try again with the same attempt. */
    public void retryPayment() {
        touched();
        charge().ifPresent(ChargeViewModel::retry);
    }

    /** Stripe refused Amazon Pay: the same items by card. */
    public void payByCard() {
        touched();
        charge().ifPresent(ChargeViewModel::chargeCardOnly);
    }

    /** Paid: done, the next customer's attract screen. */
    public void done() {
        charge().filter(c -> c.phaseProperty().get() == Phase.PAID).ifPresent(ChargeViewModel::newSale);
        attract = true;
        asking.set(false);
        lastInput = clock.instant();
        showScreen();
    }

    /** The staff want to leave the kiosk: the PIN pad. */
    public void staffExit() {
        touched();
        pinPad.open();
    }

    // ---------------------------------------------------------------- time

    /** The view calls this every second: asks an idle customer, resets when no answer comes, ends Thank you. */
    public void tick() {
        Instant now = clock.instant();
        Duration idle = Duration.between(lastInput, now);
        pinPad.tick();
        if (resetting.get()) {
            return;
        }
        if (pinPad.shownProperty().get()) {
            if (idle.compareTo(idleLimit) >= 0) {
                pinPad.close(); // a PIN pad left open by staff goes away like an idle customer
            }
            return;
        }
        Screen shown = screen.get();
        if (shown == Screen.ATTRACT) {
            return;
        }
        if (shown == Screen.PAYING && phase() == Phase.PAID) {
            if (idle.compareTo(THANKS_TIME) >= 0) {
                done();
            }
            return;
        }
        if (shown == Screen.SHOPPING && till.cashier().cartLines().isEmpty()) {
            if (idle.compareTo(idleLimit) >= 0) {
                done(); // nothing to lose: straight back to the attract screen
            }
            return;
        }
        if (!asking.get()) {
            if (idle.compareTo(idleLimit) >= 0) {
                asking.set(true);
                askedAt = now;
                answerSecondsLeft.set((int) ANSWER_TIME.toSeconds());
            }
            return;
        }
        Duration waited = Duration.between(askedAt, now);
        answerSecondsLeft.set((int) Math.max(0, ANSWER_TIME.minus(waited).toSeconds()));
        if (waited.compareTo(ANSWER_TIME) >= 0) {
            reset();
        }
    }

    /**
     * Nobody answered: the items go and an open payment is cancelled, step by step as the charge flow
     * answers ({@link #resetStep()}). Public for the staff's sake too: the same as walking away.
     */
    public void reset() {
        asking.set(false);
        resetting.set(true);
        cancelAsked = false;
        resetStep();
    }

    /** One step of a reset, taken again whenever the payment's phase changes, until the cart is empty. */
    private void resetStep() {
        Optional<ChargeViewModel> charge = charge();
        if (!till.chargeShownProperty().get() || charge.isEmpty()) {
            finishReset();
            return;
        }
        ChargeViewModel c = charge.get();
        ChargeStatus status = c.statusProperty().get();
        switch (c.phaseProperty().get()) {
            case PAID -> {
                // The customer paid a moment before the reset: thank them; Thank you ends on its own.
                resetting.set(false);
                lastInput = clock.instant();
                showScreen();
            }
            case CREATING, AWAITING_PAYMENT, CONNECTION_LOST -> {
                if (!cancelAsked) {
                    cancelAsked = true;
                    c.cancel();
                }
            }
            case CANCELLING -> {
                // The flow expires the session and reads it again; its answer comes as the next phase.
            }
            case FAILED -> {
                if (status.retryable() && !cancelAsked) {
                    cancelAsked = true;
                    c.cancel();
                } else if (!status.retryable()) {
                    c.backToCart(); // card only offered: closed as cancelled first; otherwise straight back
                    finishIfBack();
                }
            }
            case EXPIRED -> c.backToCart(); // closed as cancelled first, then back
            case CANCELLED, NEEDS_ATTENTION, IDLE -> {
                c.backToCart();
                finishIfBack();
            }
        }
    }

    /** Back at the cart (the listener may have finished the reset already, as the charge screen went). */
    private void finishIfBack() {
        if (resetting.get() && !till.chargeShownProperty().get()) {
            finishReset();
        }
    }

    private void finishReset() {
        if (!till.chargeShownProperty().get()) {
            till.cashier().clearCart();
        }
        resetting.set(false);
        cancelAsked = false;
        attract = true;
        lastInput = clock.instant();
        showScreen();
    }

    // ---------------------------------------------------------------- following the till

    private void follow(ChargeViewModel old, ChargeViewModel now) {
        if (old != null) {
            old.phaseProperty().removeListener(chargeChanged);
        }
        if (now != null) {
            now.phaseProperty().addListener(chargeChanged);
        }
        onChargeChanged();
    }

    private void onChargeChanged() {
        till.chargeShownProperty().get(); // read: an invalidation listener hears of the next change only then
        charge().ifPresent(c -> c.phaseProperty().get());
        if (till.chargeShownProperty().get()) {
            attract = false;
        }
        showScreen();
        if (resetting.get()) {
            resetStep();
        }
    }

    private void showScreen() {
        screen.set(till.chargeShownProperty().get() ? Screen.PAYING : attract ? Screen.ATTRACT : Screen.SHOPPING);
    }

    private Optional<ChargeViewModel> charge() {
        return Optional.ofNullable(till.chargeModelProperty().get());
    }

    private Phase phase() {
        return charge().map(c -> c.phaseProperty().get()).orElse(Phase.IDLE);
    }

    /** Stops following the till (the kiosk's window is closing). */
    public void dispose() {
        till.chargeShownProperty().removeListener(chargeChanged);
        till.chargeModelProperty().removeListener(chargeModelChanged);
        follow(till.chargeModelProperty().get(), null);
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** "Still there?" is up. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /** Seconds until the reset while "Still there?" is up. */
    public ReadOnlyIntegerProperty answerSecondsLeftProperty() {
        return answerSecondsLeft.getReadOnlyProperty();
    }

    /** A reset is under way (an open payment is being cancelled): "One moment…". */
    public ReadOnlyBooleanProperty resettingProperty() {
        return resetting.getReadOnlyProperty();
    }

    public KioskPinPad pinPad() {
        return pinPad;
    }

    public TillViewModel till() {
        return till;
    }

    public CashierViewModel cashier() {
        return till.cashier();
    }
}
