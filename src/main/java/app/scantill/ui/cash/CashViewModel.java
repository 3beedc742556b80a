package app.scantill.ui.cash;

import app.scantill.cart.CartSnapshot;
import app.scantill.checkout.CashDesk;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.CashNotes;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.ui.support.UiExecutor;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The cash screen (F8, docs/cash.md): the cart's total, the amount tendered (typed, or a quick key for a common
 * note, or exact), the change due as it is typed, and Confirm, which journals the sale PAID in cash off the JavaFX
 * thread. Too little tendered is refused with the amount missing; nothing is written then.
 */
public final class CashViewModel {

    /** Where the cash screen stands. */
    public enum Phase {
        /** Not shown. */
        CLOSED,
        /** The cashier types or picks what the customer handed over. */
        ENTERING,
        /** The sale is being journaled. */
        RECORDING,
        /** Journaled PAID: the change is handed back. */
        PAID
    }

    /** A quick key: a note of the cart's currency. */
    public record QuickNote(String label, Money amount) {
    }

    private static final System.Logger LOG = System.getLogger(CashViewModel.class.getName());

    private final CashDesk desk;
    private final UiExecutor executor;
    private final Translator words;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.CLOSED);
    private final ReadOnlyStringWrapper totalText = new ReadOnlyStringWrapper(this, "totalText", "");
    private final StringProperty tenderedText = new SimpleStringProperty(this, "tenderedText", "");
    private final ReadOnlyStringWrapper changeText = new ReadOnlyStringWrapper(this, "changeText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper takesOverText = new ReadOnlyStringWrapper(this, "takesOverText", "");
    private final ReadOnlyBooleanWrapper tooLittle = new ReadOnlyBooleanWrapper(this, "tooLittle", false);
    private final ReadOnlyObjectWrapper<List<QuickNote>> notes =
            new ReadOnlyObjectWrapper<>(this, "notes", List.of());
    private final ReadOnlyObjectWrapper<Sale> paidSale = new ReadOnlyObjectWrapper<>(this, "paidSale");
    private CartSnapshot cart;
    private String replacesSaleId;
    private Runnable onBack = () -> { };
    private Runnable onNewSale = () -> { };
    private Consumer<Sale> onPaid = sale -> { };

    public CashViewModel(CashDesk desk, UiExecutor executor, Translator words) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.words = Objects.requireNonNull(words, "words");
        tenderedText.addListener((obs, old, now) -> showChange());
    }

    /**
     * Opens the screen for {@code cart}.
     *
     * @param replaces the card attempt of the same cart that could not reach Stripe (its sale id), or null
     */
    public void open(CartSnapshot snapshot, String replaces) {
        this.cart = Objects.requireNonNull(snapshot, "snapshot");
        this.replacesSaleId = replaces;
        totalText.set(format(snapshot.total()));
        notes.set(CashNotes.of(snapshot.currency()).stream().map(n -> new QuickNote(format(n), n)).toList());
        takesOverText.set(replaces == null ? "" : words.text("cash.takes_over", replaces));
        paidSale.set(null);
        message.set("");
        tenderedText.set("");
        showChange();
        phase.set(Phase.ENTERING);
    }

    /** A quick key: the customer handed over this note. */
    public void quickNote(Money note) {
        if (phase.get() == Phase.ENTERING) {
            tenderedText.set(MoneyFormat.plain(note));
        }
    }

    /** The customer handed over the total exactly. */
    public void exact() {
        if (phase.get() == Phase.ENTERING) {
            tenderedText.set(MoneyFormat.plain(cart.total()));
        }
    }

    /** Enter: journals the sale when enough was tendered; says what is missing otherwise. */
    public void confirm() {
        if (phase.get() == Phase.PAID) {
            newSale();
            return;
        }
        if (phase.get() != Phase.ENTERING) {
            return;
        }
        Optional<Money> tendered = tendered();
        if (tendered.isEmpty()) {
            message.set(words.text("cash.not_an_amount", MoneyFormat.plain(cart.total())));
            return;
        }
        if (tendered.get().compareTo(cart.total()) < 0) {
            message.set(words.text("cash.too_little", cart.total().minus(tendered.get()), cart.total()));
            return;
        }
        phase.set(Phase.RECORDING);
        message.set(words.text("cash.recording"));
        long minor = tendered.get().minorUnits();
        CartSnapshot paying = cart;
        executor.submit(() -> desk.pay(paying.currency(), paying.lines(), minor, replacesSaleId), this::paid,
                this::notRecorded);
    }

    /** Esc: back to the cart while nothing is journaled. */
    public void back() {
        if (phase.get() == Phase.ENTERING) {
            phase.set(Phase.CLOSED);
            onBack.run();
        }
    }

    /** After Paid: the cart is emptied for the next customer. */
    public void newSale() {
        if (phase.get() == Phase.PAID) {
            phase.set(Phase.CLOSED);
            onNewSale.run();
        }
    }

    private void paid(Sale sale) {
        Money change = tendered().map(t -> t.minus(cart.total())).orElse(Money.zero(cart.currency()));
        changeText.set(format(change));
        message.set(words.text("cash.paid", change));
        paidSale.set(sale);
        phase.set(Phase.PAID);
        onPaid.accept(sale);
    }

    private void notRecorded(Throwable failure) {
        LOG.log(Level.ERROR, "A cash sale could not be journaled", failure);
        phase.set(Phase.ENTERING);
        String why = failure instanceof CashTender.TooLittleTenderedException
                ? words.text("cash.too_little", cart.total().minus(tendered().orElse(cart.total())), cart.total())
                : words.text(Message.of("charge.detail", String.valueOf(failure.getMessage())));
        message.set(words.text("cash.not_recorded", why));
    }

    private void showChange() {
        if (cart == null) {
            return;
        }
        Optional<Money> tendered = tendered();
        boolean enough = tendered.isPresent() && tendered.get().compareTo(cart.total()) >= 0;
        tooLittle.set(tendered.isPresent() && !enough);
        changeText.set(enough ? format(tendered.get().minus(cart.total())) : "\u2014");
        if (phase.get() == Phase.ENTERING) {
            message.set("");
        }
    }

    /** What was typed, as an amount of the cart's currency (a decimal comma is read as a point). */
    private Optional<Money> tendered() {
        String typed = tenderedText.get() == null ? "" : tenderedText.get().strip().replace(',', '.');
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(MoneyFormat.parseMinorUnits(typed, cart.currency()), cart.currency()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String format(Money money) {
        return words.moneyFormat().format(money);
    }

    public void setOnBack(Runnable action) {
        this.onBack = Objects.requireNonNull(action, "action");
    }

    public void setOnNewSale(Runnable action) {
        this.onNewSale = Objects.requireNonNull(action, "action");
    }

    /** Called on the JavaFX thread once the sale is journaled PAID (receipt printing, the customer display). */
    public void setOnPaid(Consumer<Sale> action) {
        this.onPaid = Objects.requireNonNull(action, "action");
    }

    public Translator words() {
        return words;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalTextProperty() {
        return totalText.getReadOnlyProperty();
    }

    /** What the customer handed over, as typed; the view binds its field to it both ways. */
    public StringProperty tenderedTextProperty() {
        return tenderedText;
    }

    public ReadOnlyStringProperty changeTextProperty() {
        return changeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty takesOverTextProperty() {
        return takesOverText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tooLittleProperty() {
        return tooLittle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<QuickNote>> notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sale> paidSaleProperty() {
        return paidSale.getReadOnlyProperty();
    }
}
