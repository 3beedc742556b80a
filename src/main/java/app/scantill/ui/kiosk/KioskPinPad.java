package app.scantill.ui.kiosk;

import app.scantill.config.ManagerPin;
import app.scantill.i18n.Translator;
import app.scantill.ui.support.UiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The staff's way out of the kiosk: a PIN pad checked against the kiosk PIN's salted hash. The digits are
 * never shown (dots) and never kept after a check; the check (a slow hash on purpose) runs off the JavaFX
 * thread. Five wrong PINs in a row lock the pad for a minute. Without a kiosk PIN there is no way out on
 * screen at all, and the pad says so.
 */
public final class KioskPinPad {

    /** Wrong PINs in a row before the pad locks. */
    static final int TRIES = 5;
    /** How long the pad stays locked after {@link #TRIES} wrong PINs. */
    static final Duration LOCKED_FOR = Duration.ofMinutes(1);
    private static final int MOST_DIGITS = 12;

    private final Optional<ManagerPin> pin;
    private final UiExecutor executor;
    private final Translator words;
    private final Clock clock;
    private final Runnable leave;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper dots = new ReadOnlyStringWrapper(this, "dots", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private char[] entered = new char[0];
    private int wrongInARow;
    private Instant lockedUntil = Instant.MIN;

    KioskPinPad(Optional<ManagerPin> pin, UiExecutor executor, Translator words, Clock clock, Runnable leave) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leave = Objects.requireNonNull(leave, "leave");
    }

    /** Shows the pad, empty; says at once when no kiosk PIN is set. */
    public void open() {
        clear();
        message.set(pin.isPresent() ? lockedMessage() : words.text("kiosk.pin.none", "--set-kiosk-pin"));
        shown.set(true);
    }

    /** Hides the pad and forgets what was typed. */
    public void close() {
        clear();
        message.set("");
        shown.set(false);
    }

    public void digit(char digit) {
        if (digit < '0' || digit > '9' || entered.length >= MOST_DIGITS || checking.get()) {
            return;
        }
        char[] longer = Arrays.copyOf(entered, entered.length + 1);
        longer[entered.length] = digit;
        Arrays.fill(entered, '\0');
        entered = longer;
        dots.set("\u2022".repeat(entered.length));
    }

    public void backspace() {
        if (entered.length > 0 && !checking.get()) {
            char[] shorter = Arrays.copyOf(entered, entered.length - 1);
            Arrays.fill(entered, '\0');
            entered = shorter;
            dots.set("\u2022".repeat(entered.length));
        }
    }

    /** Checks the PIN typed (in the background); the right one leaves the kiosk. */
    public void enter() {
        if (pin.isEmpty() || checking.get() || entered.length == 0) {
            return;
        }
        if (clock.instant().isBefore(lockedUntil)) {
            message.set(lockedMessage());
            clear();
            return;
        }
        char[] attempt = entered;
        entered = new char[0];
        dots.set("");
        checking.set(true);
        executor.submit(() -> {
            try {
                return pin.get().matches(attempt);
            } finally {
                Arrays.fill(attempt, '\0');
            }
        }, right -> {
            checking.set(false);
            if (right) {
                wrongInARow = 0;
                close();
                leave.run();
            } else {
                wrong();
            }
        }, failure -> {
            checking.set(false);
            wrong();
        });
    }

    private void wrong() {
        wrongInARow++;
        if (wrongInARow >= TRIES) {
            wrongInARow = 0;
            lockedUntil = clock.instant().plus(LOCKED_FOR);
            message.set(lockedMessage());
        } else {
            message.set(words.text("kiosk.pin.wrong"));
        }
    }

    /** Every second: a lock that ran out says so no more. */
    void tick() {
        if (shown.get() && !lockedUntil.equals(Instant.MIN) && !clock.instant().isBefore(lockedUntil)) {
            lockedUntil = Instant.MIN;
            message.set("");
        } else if (shown.get() && clock.instant().isBefore(lockedUntil)) {
            message.set(lockedMessage());
        }
    }

    private String lockedMessage() {
        Duration left = Duration.between(clock.instant(), lockedUntil);
        return left.isNegative() || left.isZero() ? "" : words.text("kiosk.pin.locked", Math.max(1, left.toSeconds()));
    }

    private void clear() {
        Arrays.fill(entered, '\0');
        entered = new char[0];
        dots.set("");
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** One dot per digit typed. */
    public ReadOnlyStringProperty dotsProperty() {
        return dots.getReadOnlyProperty();
    }

    /** Wrong PIN, locked, or no PIN set; "" otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The PIN is being checked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Whether a kiosk PIN is set at all. */
    public boolean hasPin() {
        return pin.isPresent();
    }
}
