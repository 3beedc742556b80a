package app.scantill.ui.history;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.journal.EndOfDayReport;
import app.scantill.journal.JournalException;
import app.scantill.journal.ReportCsv;
import app.scantill.journal.SaleFilter;
import app.scantill.journal.SalesHistory;
import app.scantill.money.Money;
import app.scantill.receipt.DiscountWords;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import app.scantill.ui.receipt.AfterSale;
import app.scantill.ui.support.UiExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the sales history screen: the sales of a day with a state filter, the detail
 * of the selected sale, and the end-of-day report for a range of days with its CSV export.
 *
 * <p>Every journal read and every file write runs through the {@link UiExecutor}: in the background,
 * with the result handed back on the JavaFX thread (the calling thread in unit tests). Answers to an older
 * request that arrive after a newer one are dropped, so quickly clicking through days never shows
 * the wrong day.
 */
public final class HistoryViewModel {

    /**
     * One row of the sales table, formatted for display.
     *
     * @param register the register that made the sale
     * @param ledger what the store ledger holds of it: empty, or that it is not there yet
     */
    public record SaleRow(String saleId, String time, String total, String state, String method, String sessionId,
            boolean needsAttention, String register, String ledger) {
    }

    /** One line of the selected sale. */
    public record LineRow(String sku, String name, int quantity, String unitAmount, String lineTotal) {
    }

    /** One entry of the selected sale's state history. */
    public record ChangeRow(String time, String change, String note) {
    }

    /** One refund of the selected sale. */
    public record RefundRow(String refundId, String time, String amount, String status, String reason) {
    }

    /** One line of the report's totals: a currency, what is counted, how many and how much. */
    public record ReportRow(String currency, String what, long count, String total) {
    }

    private final SalesHistory history;
    private final Translator words;
    /** Times and dates the reader's way: 3:04:05 PM, 15:04:05, 15時04分05秒 ... */
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;
    private final UiExecutor executor;
    /** This till's sales the store ledger does not hold yet (none without a ledger); read in the background. */
    private final Supplier<Set<String>> notYetInLedger;
    private final ObservableList<String> registers = FXCollections.observableArrayList();
    private final ObjectProperty<String> register = new SimpleObjectProperty<>(this, "register");

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ObjectProperty<SaleFilter> filter = new SimpleObjectProperty<>(this, "filter", SaleFilter.ALL);
    private final ObservableList<SaleRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SaleRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle", "");
    private final ObservableList<LineRow> detailLines = FXCollections.observableArrayList();
    private final ObservableList<ChangeRow> detailChanges = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper attentionCount = new ReadOnlyIntegerWrapper(this, "attentionCount");
    private final ObjectProperty<LocalDate> reportFrom = new SimpleObjectProperty<>(this, "reportFrom");
    private final ObjectProperty<LocalDate> reportThrough = new SimpleObjectProperty<>(this, "reportThrough");
    private final ReadOnlyObjectWrapper<EndOfDayReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<ReportRow> reportRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Sale> detailSale = new ReadOnlyObjectWrapper<>(this, "detailSale");
    private final ReadOnlyStringWrapper detailBalance = new ReadOnlyStringWrapper(this, "detailBalance", "");
    /** Cash about the selected sale (docs/cash.md): paid twice, taken over by cash, refunded from the drawer; or "". */
    private final ReadOnlyStringWrapper detailCash = new ReadOnlyStringWrapper(this, "detailCash", "");
    /** The selected sale's discounts: what they took off in all and the cart's discount with its reason; "" for none. */
    private final ReadOnlyStringWrapper detailDiscounts = new ReadOnlyStringWrapper(this, "detailDiscounts", "");
    private final ObservableList<RefundRow> detailRefunds = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canRefund = new ReadOnlyBooleanWrapper(this, "canRefund");
    private final RefundFigures figures;
    private final TaxFigures taxFigures;
    private AfterSale afterSale;

    private int running;
    private long salesRequest;
    private long detailRequest;
    private long reportRequest;

    /** @param words the reader's language: texts, money, times and dates */
    public HistoryViewModel(SalesHistory history, Translator words, UiExecutor executor) {
        this(history, words, executor, Set::of);
    }

    /**
     * A history over a store's ledger (all registers) or a till's journal.
     *
     * @param words the reader's language: texts, money, times and dates
     * @param notYetInLedger this till's sales the store ledger does not hold yet; called off the JavaFX thread
     */
    public HistoryViewModel(SalesHistory history, Translator words, UiExecutor executor,
            Supplier<Set<String>> notYetInLedger) {
        this.history = Objects.requireNonNull(history, "history");
        this.words = Objects.requireNonNull(words, "words");
        this.figures = new RefundFigures(words, history.zone());
        this.taxFigures = new TaxFigures(words);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(words.locale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(words.locale());
        this.executor = Objects.requireNonNull(executor, "executor");
        this.notYetInLedger = Objects.requireNonNull(notYetInLedger, "notYetInLedger");
        registers.setAll(allRegisters());
        register.set(allRegisters());
        LocalDate today = history.today();
        day.set(today);
        reportFrom.set(today);
        reportThrough.set(today);
        day.addListener((o, was, now) -> refresh());
        filter.addListener((o, was, now) -> refresh());
        register.addListener((o, was, now) -> refresh());
        selected.addListener((o, was, now) -> loadDetail(now));
    }

    // ---------------------------------------------------------------- commands

    /** Reloads the day's sales and the count of sales needing attention. */
    public void refresh() {
        LocalDate d = day.get();
        SaleFilter f = filter.get() == null ? SaleFilter.ALL : filter.get();
        if (d == null) {
            return;
        }
        long request = ++salesRequest;
        String only = registerChoice();
        run(() -> {
            List<Sale> sales = history.day(d, f);
            return new DayResult(sales, history.needingAttention().size(), history.now(), notYetInLedger.get(),
                    history.balances(sales));
        }, result -> {
            if (request != salesRequest) {
                return;
            }
            String keep = selected.get() == null ? null : selected.get().saleId();
            showRegisters(result.sales());
            rows.setAll(result.sales().stream().filter(s -> only == null || only.equals(s.registerId()))
                    .map(s -> row(s, result.now(), result.notInLedger(), result.balances().get(s.id()))).toList());
            attentionCount.set(result.attention());
            selected.set(rows.stream().filter(r -> r.saleId().equals(keep)).findFirst().orElse(null));
        }, Message.of("history.failed.day", d));
    }

    /** Builds the report for {@link #reportFromProperty()} through {@link #reportThroughProperty()}, both included. */
    public void loadReport() {
        LocalDate from = reportFrom.get();
        LocalDate through = reportThrough.get();
        if (from == null || through == null) {
            message.set(words.text("history.report.choose_days"));
            return;
        }
        if (through.isBefore(from)) {
            message.set(words.text("history.report.days_reversed", through, from));
            return;
        }
        long request = ++reportRequest;
        String only = registerChoice();
        run(() -> history.report(from, through.plusDays(1), only), r -> {
            if (request != reportRequest) {
                return;
            }
            report.set(r);
            reportRows.setAll(reportRows(r));
        }, Message.of("history.failed.report"));
    }

    /** Writes the report on screen to {@code target} as CSV; the outcome appears in {@link #messageProperty()}. */
    public void exportCsv(Path target) {
        EndOfDayReport r = report.get();
        if (r == null) {
            message.set(words.text("history.report.show_first"));
            return;
        }
        run(() -> {
            ReportCsv.write(r, target);
            return target;
        }, saved -> message.set(words.text("history.report.saved", saved.toString())),
                Message.of("history.failed.save", target.toString()));
    }

    /** A file name for the export, naming the period, e.g. {@code scantill-report-2025-03-14.csv}. */
    public String suggestedFileName() {
        EndOfDayReport r = report.get();
        if (r == null) {
            return "scantill-report.csv";
        }
        LocalDate last = r.to().minusDays(1);
        return "scantill-report-" + r.from() + (last.equals(r.from()) ? "" : "_" + last) + ".csv";
    }

    public List<SaleFilter> filters() {
        return SaleFilter.choices();
    }

    /** "All registers", then every register with a sale on the day shown (a store's ledger has several). */
    public ObservableList<String> registers() {
        return FXCollections.unmodifiableObservableList(registers);
    }

    /** The register whose sales and report are shown, or "All registers". */
    public ObjectProperty<String> registerProperty() {
        return register;
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObjectProperty<SaleFilter> filterProperty() {
        return filter;
    }

    public ObservableList<SaleRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<SaleRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ObservableList<LineRow> detailLines() {
        return FXCollections.unmodifiableObservableList(detailLines);
    }

    public ObservableList<ChangeRow> detailChanges() {
        return FXCollections.unmodifiableObservableList(detailChanges);
    }

    public ReadOnlyIntegerProperty attentionCountProperty() {
        return attentionCount.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> reportFromProperty() {
        return reportFrom;
    }

    public ObjectProperty<LocalDate> reportThroughProperty() {
        return reportThrough;
    }

    public ReadOnlyObjectProperty<EndOfDayReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<ReportRow> reportRows() {
        return FXCollections.unmodifiableObservableList(reportRows);
    }

    /** The last outcome or problem, written for the cashier; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The reader's language, for the screen's own words. */
    public Translator words() {
        return words;
    }

    /** Gives the screen its Refund and Receipt actions (the window does once the payment services are up). */
    public void attachAfterSale(AfterSale desk) {
        this.afterSale = Objects.requireNonNull(desk, "desk");
        updateCanRefund();
    }

    public Optional<AfterSale> afterSale() {
        return Optional.ofNullable(afterSale);
    }

    /** The executor the screen's windows (refund, receipt) run their work on. */
    public UiExecutor executor() {
        return executor;
    }

    /** Reloads the day and the selected sale, e.g. after a refund. */
    public void reload() {
        refresh();
        loadDetail(selected.get());
        loadReport();
    }

    /** The selected sale as the records hold it; null when none is selected. */
    public ReadOnlyObjectProperty<Sale> detailSaleProperty() {
        return detailSale.getReadOnlyProperty();
    }

    /** "Paid … · Refunded … · Refundable …" of the selected paid sale; empty otherwise. */
    public ReadOnlyStringProperty detailDiscountsProperty() {
        return detailDiscounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailBalanceProperty() {
        return detailBalance.getReadOnlyProperty();
    }

    public ObservableList<RefundRow> detailRefunds() {
        return FXCollections.unmodifiableObservableList(detailRefunds);
    }

    /**
     * Whether the selected sale can take a refund here: paid, something left, refunds allowed, and a sale of this
     * register or, in a store, of any register (docs/adr/0122).
     */
    public ReadOnlyBooleanProperty canRefundProperty() {
        return canRefund.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- internals

    private record DayResult(List<Sale> sales, int attention, Instant now, Set<String> notInLedger,
            Map<String, RefundBalance> balances) {
    }

    private record Detail(Optional<SalesHistory.SaleDetail> detail, List<Refund> refunds) {
    }

    private String allRegisters() {
        return words.text("history.store.all_registers");
    }

    /** The chosen register, or null for all. */
    private String registerChoice() {
        String r = register.get();
        return r == null || r.equals(allRegisters()) ? null : r;
    }

    private void showRegisters(List<Sale> sales) {
        TreeSet<String> seen = new TreeSet<>();
        sales.forEach(s -> seen.add(s.registerId()));
        String chosen = registerChoice();
        if (chosen != null) {
            seen.add(chosen);
        }
        List<String> choices = new ArrayList<>(List.of(allRegisters()));
        choices.addAll(seen);
        if (!choices.equals(registers)) {
            registers.setAll(choices);
        }
    }

    private void loadDetail(SaleRow row) {
        long request = ++detailRequest;
        if (row == null) {
            detailTitle.set("");
            detailLines.clear();
            detailDiscounts.set("");
            detailChanges.clear();
            showRefunds(null, List.of());
            return;
        }
        run(() -> new Detail(history.detail(row.saleId()), history.refunds(row.saleId())), loaded -> {
            if (request != detailRequest) {
                return;
            }
            Optional<SalesHistory.SaleDetail> found = loaded.detail();
            showRefunds(found.map(SalesHistory.SaleDetail::sale).orElse(null), loaded.refunds());
            if (found.isEmpty()) {
                detailTitle.set(words.text("history.detail.gone", row.saleId()));
                detailCash.set("");
                detailLines.clear();
                detailDiscounts.set("");
                detailChanges.clear();
                return;
            }
            SalesHistory.SaleDetail d = found.get();
            Sale s = d.sale();
            detailTitle.set(s.attempt() > 1
                    ? words.text("history.detail.title_attempt", s.id(), s.total(), s.state().label(), s.attempt())
                    : words.text("history.detail.title", s.id(), s.total(), s.state().label()));
            List<LineRow> rows = new java.util.ArrayList<>();
            for (int i = 0; i < s.lines().size(); i++) {
                SaleLine l = s.lines().get(i);
                String name = s.discounts().line(i + 1).map(given -> l.name() + " \u2014 "
                        + DiscountWords.describe(words, given.discount(), s.currency())).orElse(l.name());
                String total = money(Money.of(l.chargedMinor(), s.currency()));
                if (l.discountMinor() > 0) {
                    total += "  " + words.text("discount.was", money(Money.of(l.lineTotalMinor(), s.currency())));
                }
                rows.add(new LineRow(l.sku(), name, l.quantity(), money(Money.of(l.unitAmountMinor(), s.currency())),
                        total));
            }
            detailLines.setAll(rows);
            detailDiscounts.set(discountsText(s));
            detailChanges.setAll(d.history().stream().map(this::changeRow).toList());
            detailCash.set(cashNote(d));
        }, Message.of("history.failed.sale", row.saleId()));
    }

    private String cashNote(SalesHistory.SaleDetail d) {
        if (d.paidTwice()) {
            return words.text("history.flag.paid_twice", d.takenOverBy().get().saleId());
        }
        if (d.takenOverBy().isPresent()) {
            return words.text("history.flag.taken_over", d.takenOverBy().get().saleId());
        }
        if (d.cash().isPresent()) {
            String refund = words.text("refund.cash_refused");
            return d.cash().get().replacesSaleId() == null ? refund
                    : words.text("history.flag.took_over", d.cash().get().replacesSaleId()) + " " + refund;
        }
        return "";
    }

    /** Cash about the selected sale: paid twice, taken over by a cash sale, or how a cash sale is refunded; or "". */
    public ReadOnlyStringProperty detailCashProperty() {
        return detailCash.getReadOnlyProperty();
    }

    private String discountsText(Sale s) {
        if (s.discountMinor() == 0) {
            return "";
        }
        String all = words.text("discount.total.discounts") + ": " + words.text("discount.label.amount",
                money(Money.of(s.discountMinor(), s.currency())));
        return s.discounts().cart().map(d -> all + "  \u00b7  " + words.text("discount.cart.row",
                DiscountWords.describe(words, d.discount(), s.currency()))).orElse(all);
    }

    private void showRefunds(Sale sale, List<Refund> refunds) {
        detailSale.set(sale);
        boolean paid = sale != null && sale.state() == SaleState.PAID;
        detailBalance.set(paid ? figures.balance(sale, refunds) : "");
        detailRefunds.setAll(paid ? figures.rows(refunds) : List.of());
        updateCanRefund();
    }

    /** A paid sale this till may refund (its own, or any register's in a store), with something left to refund. */
    private void updateCanRefund() {
        Sale s = detailSale.get();
        canRefund.set(afterSale != null && afterSale.refundsAllowed() && s != null && s.state() == SaleState.PAID
                && s.paymentIntentId() != null && !detailBalance.get().isEmpty()
                && afterSale.refunds().map(r -> r.mayRefund(s)).orElse(false));
    }

    private ChangeRow changeRow(StateChange c) {
        String when = LocalDateTime.ofInstant(c.at(), history.zone()).format(dateTime);
        String change = c.from() == null ? words.text("history.change.created", c.to().label())
                : words.text("history.change.moved", c.from().label(), c.to().label());
        // Notes are the journal's record, written in English when they happened (like the log).
        return new ChangeRow(when, change, c.note() == null ? "" : c.note());
    }

    private SaleRow row(Sale s, Instant now, Set<String> notInLedger, RefundBalance balance) {
        return new SaleRow(s.id(), LocalDateTime.ofInstant(s.createdAt(), history.zone()).format(time),
                money(s.total()), figures.stateLabel(s, balance),
                s.paymentMethod() == null ? "" : words.text(PaymentMethod.labelOf(s.paymentMethod())),
                s.sessionId() == null ? "" : s.sessionId(), SaleFilter.needsAttention(s, now), s.registerId(),
                notInLedger.contains(s.id()) ? words.text("history.store.not_in_ledger") : "");
    }

    private List<ReportRow> reportRows(EndOfDayReport r) {
        return r.currencies().stream().flatMap(c -> {
            String code = c.currency().getCurrencyCode();
            java.util.stream.Stream.Builder<ReportRow> b = java.util.stream.Stream.builder();
            b.add(new ReportRow(code, words.text("history.report.all_sales"), c.all().count(),
                    money(c.all().total())));
            for (Map.Entry<SaleState, EndOfDayReport.Tally> e : c.byState().entrySet()) {
                b.add(new ReportRow(code, words.text(e.getKey().label()), e.getValue().count(),
                        money(e.getValue().total())));
            }
            for (Map.Entry<String, EndOfDayReport.Tally> e : c.paidByMethod().entrySet()) {
                b.add(new ReportRow(code, words.text("history.report.paid_by", methodLabel(e.getKey())),
                        e.getValue().count(), money(e.getValue().total())));
            }
            figures.reportRows(b, code, c);
            taxFigures.reportRows(b, code, c);
            r.drawerFor(c.currency()).ifPresent(d -> {
                b.add(new ReportRow(code, words.text("history.report.drawer_expected"), 0, money(d.expected())));
                d.lastCount().ifPresent(count -> {
                    b.add(new ReportRow(code, words.text("history.report.drawer_counted"), 0,
                            money(Money.of(count.amountMinor(), d.currency()))));
                    b.add(new ReportRow(code, words.text("history.report.drawer_difference"), 0,
                            money(Money.of(count.differenceMinor(), d.currency()))));
                });
            });
            EndOfDayReport.Tally discounts = r.discountsFor(c.currency());
            if (discounts.count() > 0) {
                b.add(new ReportRow(code, words.text("report.discounts"), discounts.count(),
                        words.text("discount.label.amount", money(discounts.total()))));
            }
            return b.build();
        }).toList();
    }

    private static Message methodLabel(String bucket) {
        return bucket.equals(EndOfDayReport.UNKNOWN) ? Message.of("payment.method.unknown")
                : PaymentMethod.labelOf(bucket);
    }

    private String money(Money amount) {
        return words.moneyFormat().format(amount);
    }

    /** Runs {@code work} through the executor, keeping {@link #busyProperty()} true until it is answered. */
    private <T> void run(Callable<T> work, Consumer<T> onSuccess, Message action) {
        running++;
        busy.set(true);
        executor.submit(work, result -> {
            finished();
            onSuccess.accept(result);
        }, failure -> {
            finished();
            message.set(describe(action, failure));
        });
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    private String describe(Message action, Throwable failure) {
        // The failure's own words come from the journal or the file system, in English: the detail for support.
        String detail = failure instanceof IOException ? failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                : failure instanceof JournalException ? String.valueOf(failure.getMessage()) : String.valueOf(failure);
        return words.text("history.failed", action, detail);
    }
}
