package app.scantill.ui.drawer;

import app.scantill.checkout.CashDrawer;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.journal.DrawerTotals;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.DrawerEntry;
import app.scantill.ui.support.UiExecutor;
import java.lang.System.Logger.Level;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The cash drawer screen (F7, docs/cash.md): one currency at a time, its opening float, cash sales, cash in and out
 * and what is expected; Float, Cash in, Cash out (with a reason) and Count, each journaled off the JavaFX thread;
 * after a count, the difference.
 */
public final class DrawerViewModel {

    private static final System.Logger LOG = System.getLogger(DrawerViewModel.class.getName());

    private final CashDrawer drawer;
    private final UiExecutor executor;
    private final Translator words;
    private final StringProperty currencyCode = new SimpleStringProperty(this, "currencyCode", "");
    private final StringProperty amountText = new SimpleStringProperty(this, "amountText", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper expectedText = new ReadOnlyStringWrapper(this, "expectedText", "");
    private final ReadOnlyStringWrapper differenceText = new ReadOnlyStringWrapper(this, "differenceText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private Runnable onClose = () -> { };

    public DrawerViewModel(CashDrawer drawer, UiExecutor executor, Translator words) {
        this.drawer = Objects.requireNonNull(drawer, "drawer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.words = Objects.requireNonNull(words, "words");
    }

    /** Opens the drawer screen on {@code currency} (the cart's, or the catalog's first). */
    public void open(Currency currency) {
        currencyCode.set(currency.getCurrencyCode());
        amountText.set("");
        reason.set("");
        message.set("");
        differenceText.set("");
        shown.set(true);
        refresh();
    }

    public void close() {
        shown.set(false);
        onClose.run();
    }

    /** Reads the drawer of the chosen currency again. */
    public void refresh() {
        Optional<Currency> currency = currency();
        if (currency.isEmpty()) {
            message.set(words.text("drawer.bad_currency", currencyCode.get()));
            return;
        }
        executor.submit(() -> drawer.today(currency.get()), this::show, this::failed);
    }

    public void openingFloat() {
        record(DrawerEntry.Kind.FLOAT);
    }

    public void cashIn() {
        record(DrawerEntry.Kind.CASH_IN);
    }

    public void cashOut() {
        record(DrawerEntry.Kind.CASH_OUT);
    }

    public void count() {
        record(DrawerEntry.Kind.COUNT);
    }

    private void record(DrawerEntry.Kind kind) {
        Optional<Currency> currency = currency();
        if (currency.isEmpty()) {
            message.set(words.text("drawer.bad_currency", currencyCode.get()));
            return;
        }
        Optional<Long> amount = amount(currency.get());
        if (amount.isEmpty()) {
            message.set(words.text("drawer.not_an_amount"));
            return;
        }
        boolean moves = kind == DrawerEntry.Kind.CASH_IN || kind == DrawerEntry.Kind.CASH_OUT;
        if (moves && reason.get().isBlank()) {
            message.set(words.text("drawer.reason_needed"));
            return;
        }
        String why = reason.get();
        executor.submit(() -> drawer.record(kind, currency.get(), amount.get(), why), entry -> {
            amountText.set("");
            reason.set("");
            message.set(words.text("drawer.recorded." + kind.name().toLowerCase(Locale.ROOT),
                    Money.of(entry.amountMinor(), entry.currency())));
            refresh();
        }, this::failed);
    }

    private void show(DrawerTotals t) {
        summary.set(words.text("drawer.summary", t.opening(), t.cashSales(), t.in(), t.out()));
        expectedText.set(words.moneyFormat().format(t.expected()));
        differenceText.set(t.lastCount().map(c -> words.text(differenceKey(c.differenceMinor()),
                Money.of(c.amountMinor(), t.currency()), Money.of(c.expectedMinor(), t.currency()),
                Money.of(Math.abs(c.differenceMinor()), t.currency()))).orElse(""));
    }

    private static String differenceKey(long difference) {
        return difference == 0 ? "drawer.count.even" : difference > 0 ? "drawer.count.over" : "drawer.count.short";
    }

    private void failed(Throwable failure) {
        LOG.log(Level.ERROR, "The cash drawer could not be read or written", failure);
        message.set(words.text("drawer.failed", words.text(Message.of("charge.detail",
                String.valueOf(failure.getMessage())))));
    }

    private Optional<Currency> currency() {
        try {
            return Optional.of(Currency.getInstance(currencyCode.get().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private Optional<Long> amount(Currency currency) {
        try {
            return Optional.of(MoneyFormat.parseMinorUnits(amountText.get().strip().replace(',', '.'), currency));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    public Translator words() {
        return words;
    }

    public StringProperty currencyCodeProperty() {
        return currencyCode;
    }

    public StringProperty amountTextProperty() {
        return amountText;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expectedTextProperty() {
        return expectedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty differenceTextProperty() {
        return differenceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
