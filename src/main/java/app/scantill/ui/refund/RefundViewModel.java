package app.scantill.ui.refund;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.refund.RefundProgress;
import app.scantill.refund.RefundService;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.ui.receipt.AfterSale;
import app.scantill.ui.support.UiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the refund window of one paid sale: what was paid, refunded and can still be
 * refunded (always shown), the choice of everything left, chosen lines and quantities, or an amount; the
 * reason; the manager PIN when one is set. {@link #refund()} checks what it can here (the journal checks
 * again in the transaction that records the refund), then hands the order to the {@link RefundService} and
 * follows its progress. Journal reads, the PIN check and the service run off the JavaFX thread.
 */
public final class RefundViewModel {

    /** What the cashier refunds. */
    public enum Kind { WHOLE, LINES, AMOUNT }

    /** One sale line and how many of its units to give back. */
    public static final class LineChoice {
        private final int number;
        private final SaleLine line;
        private final int left;
        private final IntegerProperty chosen = new SimpleIntegerProperty(this, "chosen");

        LineChoice(int number, SaleLine line, int left) {
            this.number = number;
            this.line = line;
            this.left = left;
        }

        public String name() {
            return line.name();
        }

        public int sold() {
            return line.quantity();
        }

        public int left() {
            return left;
        }

        /** Units to give back, 0..{@link #left()}. */
        public IntegerProperty chosenProperty() {
            return chosen;
        }

        /** What the chosen units give back: what was paid for them (a discounted line's share, not its list price). */
        long refundMinor() {
            return RefundBalance.lineRefundMinor(line, left, Math.max(0, Math.min(chosen.get(), left)));
        }
    }

    private final AfterSale desk;
    private final UiExecutor executor;
    private final Translator words;
    private final MoneyFormat money;
    private final Consumer<RefundProgress> listener = this::heard;

    private final ReadOnlyObjectWrapper<Sale> sale = new ReadOnlyObjectWrapper<>(this, "sale");
    private final ReadOnlyObjectWrapper<RefundBalance> balance = new ReadOnlyObjectWrapper<>(this, "balance");
    private final ObservableList<LineChoice> lines = FXCollections.observableArrayList();
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.WHOLE);
    private final StringProperty amountText = new SimpleStringProperty(this, "amountText", "");
    private final ObjectProperty<RefundReason> reason =
            new SimpleObjectProperty<>(this, "reason", RefundReason.REQUESTED_BY_CUSTOMER);
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canCheckAgain = new ReadOnlyBooleanWrapper(this, "canCheckAgain");
    private final ReadOnlyStringWrapper lastRefund = new ReadOnlyStringWrapper(this, "lastRefund");
    private final ReadOnlyObjectWrapper<RefundProgress.Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyObjectWrapper<Money> chosenLinesTotal = new ReadOnlyObjectWrapper<>(this, "chosenLinesTotal");
    private Runnable onChanged = () -> { };

    public RefundViewModel(AfterSale desk, UiExecutor executor, Sale sale) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.words = desk.words();
        this.money = words.moneyFormat();
        this.sale.set(Objects.requireNonNull(sale, "sale"));
        desk.refunds().ifPresent(s -> s.addListener(listener));
        if (!desk.refundsAllowed() || desk.refunds().isEmpty()) {
            message.set(words.text(desk.refunds().isEmpty() ? "refund.dialog.unavailable" : "refund.dialog.kiosk"));
        }
    }

    // ------------------------------------------------------------ commands

    /** Reads the sale and its refunds again; the figures and the lines follow. */
    public void load() {
        load(() -> { });
    }

    /** As {@link #load()}, then {@code then} on the JavaFX thread, whatever the outcome. */
    private void load(Runnable then) {
        String id = sale.get().id();
        // This till's sale as its journal holds it now; another register's as History showed it (from the ledger).
        executor.submit(() -> new Loaded(desk.journal().find(id).orElse(sale.get()), desk.refundRecords().refunds(id)),
                loaded -> {
                    show(loaded.sale(), loaded.refunds());
                    then.run();
                }, failure -> {
                    message.set(String.valueOf(failure.getMessage()));
                    then.run();
                });
    }

    /** Refunds what is chosen, after the checks this screen can make (and the PIN, when one is set). */
    public void refund() {
        if (!refundsPossible() || busy.get()) {
            return;
        }
        Sale s = sale.get();
        RefundBalance b = balance.get();
        if (b == null) {
            return;
        }
        List<RefundLine> chosen = new ArrayList<>();
        long amount;
        switch (kind.get()) {
            case WHOLE -> amount = b.refundable().minorUnits();
            case LINES -> {
                amount = 0;
                for (LineChoice c : lines) {
                    if (c.chosen.get() > 0) {
                        chosen.add(new RefundLine(c.number, c.chosen.get()));
                        amount += c.refundMinor();
                    }
                }
                if (chosen.isEmpty()) {
                    message.set(words.text("refund.dialog.choose_units"));
                    return;
                }
            }
            default -> {
                try {
                    amount = MoneyFormat.parseMinorUnits(amountText.get().replace(',', '.'), s.currency());
                } catch (IllegalArgumentException e) {
                    amount = 0;
                }
                if (amount < 1) {
                    message.set(words.text(Message.of("refund.dialog.enter_amount", b.refundable())));
                    return;
                }
            }
        }
        if (amount < 1) {
            message.set(words.text("refund.refused.nothing_left"));
            return;
        }
        if (amount > b.refundable().minorUnits()) {
            message.set(words.text(Message.of("refund.refused.more_than_left", b.refundable())));
            return;
        }
        long total = amount;
        char[] typed = pin.get().toCharArray();
        pin.set("");
        busy.set(true);
        RefundService service = desk.refunds().orElseThrow();
        executor.submit(() -> {
            if (desk.managerPin().isPresent() && !desk.managerPin().get().matches(typed)) {
                return null;
            }
            RefundOrder order = service.order(s, total, reason.get(), chosen);
            service.start(order, s);
            return order;
        }, order -> {
            if (order == null) {
                busy.set(false);
                message.set(words.text("refund.dialog.wrong_pin"));
            } else {
                lastRefund.set(order.refundId());
            }
        }, failure -> {
            busy.set(false);
            message.set(String.valueOf(failure.getMessage()));
        });
    }

    /** Takes the last refund up again (Stripe was unreachable): sent again under its key, or read at Stripe. */
    public void checkAgain() {
        String id = lastRefund.get();
        if (id == null || desk.refunds().isEmpty()) {
            return;
        }
        busy.set(true);
        canCheckAgain.set(false);
        executor.submit(() -> desk.journal().findRefund(id).orElseThrow(), refund -> desk.refunds().get().resume(refund),
                failure -> {
                    busy.set(false);
                    message.set(String.valueOf(failure.getMessage()));
                });
    }

    /** Stops listening to the refund service; the refund goes on as journaled. */
    public void dispose() {
        desk.refunds().ifPresent(s -> s.removeListener(listener));
    }

    /** Runs after every refund that settled, e.g. to refresh the history. */
    public void setOnChanged(Runnable action) {
        this.onChanged = Objects.requireNonNull(action, "action");
    }

    // ------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Sale> saleProperty() {
        return sale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RefundBalance> balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    public ObservableList<LineChoice> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty amountTextProperty() {
        return amountText;
    }

    public ObjectProperty<RefundReason> reasonProperty() {
        return reason;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public boolean pinRequired() {
        return desk.managerPin().isPresent();
    }

    /** Whether this till may refund at all (not kiosk mode, payments available). */
    public boolean refundsPossible() {
        return desk.refundsAllowed() && desk.refunds().isPresent();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCheckAgainProperty() {
        return canCheckAgain.getReadOnlyProperty();
    }

    /** The id of the refund made last in this window (for its slip), or null. */
    public ReadOnlyStringProperty lastRefundProperty() {
        return lastRefund.getReadOnlyProperty();
    }

    /** What the chosen lines and quantities come to. */
    public ReadOnlyObjectProperty<Money> chosenLinesTotalProperty() {
        return chosenLinesTotal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RefundProgress.Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public String format(Money amount) {
        return money.format(amount);
    }

    public Translator words() {
        return words;
    }

    public AfterSale desk() {
        return desk;
    }

    // ------------------------------------------------------------ internals

    private record Loaded(Sale sale, List<Refund> refunds) {
    }

    private void show(Sale s, List<Refund> refunds) {
        sale.set(s);
        balance.set(RefundBalance.of(s, refunds));
        int[] left = RefundBalance.unitsLeft(s, refunds);
        List<LineChoice> choices = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            choices.add(new LineChoice(i + 1, s.lines().get(i), Math.max(0, left[i])));
        }
        lines.setAll(choices);
        choices.forEach(c -> c.chosen.addListener((o, was, now) -> sumChosenLines()));
        sumChosenLines();
    }

    private void sumChosenLines() {
        Sale s = sale.get();
        long sum = 0;
        for (LineChoice c : lines) {
            sum += c.refundMinor();
        }
        chosenLinesTotal.set(Money.of(sum, s.currency()));
    }

    /** A progress from the service's worker thread: handed to the JavaFX thread, kept if it is this window's. */
    private void heard(RefundProgress p) {
        executor.onUiThread(() -> {
            if (!p.refundId().equals(lastRefund.get())) {
                return;
            }
            phase.set(p.phase());
            message.set(words.text(p.message()));
            if (p.isSettled() || p.phase() == RefundProgress.Phase.PENDING
                    || p.phase() == RefundProgress.Phase.REQUIRES_ACTION) {
                canCheckAgain.set(p.canResume());
                amountText.set("");
                // Ready for the next refund only once the figures show this one.
                load(() -> busy.set(false));
                onChanged.run();
            }
        });
    }
}
