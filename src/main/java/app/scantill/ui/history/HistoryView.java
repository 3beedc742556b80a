package app.scantill.ui.history;

import app.scantill.journal.SaleFilter;
import app.scantill.sale.SaleState;
import app.scantill.ui.HeaderWidth;
import app.scantill.ui.Theme;
import app.scantill.ui.ValueColumn;
import app.scantill.ui.receipt.ReceiptWindow;
import app.scantill.ui.refund.RefundWindow;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;
import javafx.stage.Window;

/**
 * The sales history screen: a day picker and state filter over a table of the day's sales, the
 * selected sale's lines and state history beside it, and the end-of-day report below with its CSV
 * export. Only builds nodes and binds them to {@link HistoryViewModel}.
 *
 * <p>It looks like the rest of the till (theme.css, history.css), speaks the reader's language
 * (dates typed and shown the reader's way), its tables share out their width so no column header is
 * cut and no sideways scroll bar appears, and Esc closes the window it is in.
 */
public final class HistoryView {

    /** Asks the person where to save the report; empty when they cancel. */
    @FunctionalInterface
    public interface ExportTargetChooser {
        Optional<Path> choose(Window owner, String suggestedFileName);
    }

    /** The least width, in pixels, at which the sales and the selected sale's detail sit side by side. */
    private static final double SIDE_BY_SIDE = 1200;

    private final HistoryViewModel model;
    private final ExportTargetChooser chooser;
    private final BorderPane root = new BorderPane();

    public HistoryView(HistoryViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.chooser = this::chooseWithFileChooser;
        build();
    }

    public HistoryView(HistoryViewModel model, ExportTargetChooser chooser) {
        this.model = Objects.requireNonNull(model, "model");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        build();
    }

    private void build() {
        root.getStyleClass().add("history-view");
        // The theme travels with the screen, so the history looks like the till wherever it is shown.
        root.getStylesheets().addAll(Theme.stylesheet(),
                Objects.requireNonNull(HistoryView.class.getResource("history.css")).toExternalForm());
        root.setTop(new VBox(header(), toolbar()));
        root.setCenter(salesAndDetail());
        root.setBottom(reportPane());
    }

    public Parent root() {
        return root;
    }

    /**
     * Esc closes the window the screen is shown in. A handler, not a filter: an open date picker or
     * filter list takes its Esc first and closes itself.
     */
    public void closeOnEscape(Stage stage) {
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                stage.hide();
            }
        });
    }

    private String words(String key, Object... args) {
        return model.words().text(key, args);
    }

    private HBox header() {
        Label title = new Label(words("history.title"));
        title.setId("history-title");
        title.getStyleClass().addAll("history-title", "strong-text");
        Label hint = new Label(words("history.close_hint"));
        hint.getStyleClass().add("muted-text");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(title, grow, hint);
        header.getStyleClass().add("history-header");
        return header;
    }

    /** A date picker that reads and writes dates the reader's way (not the computer's). */
    private DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        DateTimeFormatter format = DateInput.formatFor(model.words().locale());
        picker.setConverter(new LocalDateStringConverter(format, format));
        picker.setPromptText(format.format(LocalDate.of(2026, 12, 31)));
        picker.setPrefWidth(150);
        return picker;
    }

    private FlowPane toolbar() {
        DatePicker day = datePicker("history-day");
        day.valueProperty().bindBidirectional(model.dayProperty());

        ComboBox<SaleFilter> filter = new ComboBox<>(FXCollections.observableArrayList(model.filters()));
        filter.setId("history-filter");
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(SaleFilter f) {
                return f == null ? "" : model.words().text(f.label());
            }

            @Override
            public SaleFilter fromString(String text) {
                return model.filterProperty().get();
            }
        });
        filter.valueProperty().bindBidirectional(model.filterProperty());

        Button refresh = new Button(words("history.button.refresh"));
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.refresh());

        Label attention = new Label();
        attention.setId("history-attention");
        attention.getStyleClass().add("attention-badge");
        attention.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.attentionCountProperty().get();
            return n == 0 ? "" : words("history.attention", n);
        }, model.attentionCountProperty()));
        attention.visibleProperty().bind(model.attentionCountProperty().greaterThan(0));
        attention.setOnMouseClicked(e -> model.filterProperty().set(SaleFilter.NEEDS_ATTENTION));

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("busy");
        busy.visibleProperty().bind(model.busyProperty());

        ComboBox<String> register = new ComboBox<>(model.registers());
        register.setId("history-register");
        register.valueProperty().bindBidirectional(model.registerProperty());
        return Toolbar.wrapping(labelFor(day, "history.day"), day, labelFor(filter, "history.show"), filter,
                labelFor(register, "history.store.column.register"), register, refresh, attention, busy);
    }

    /** The words before a control, which a screen reader reads as its name. */
    private Label labelFor(Node control, String key) {
        Label label = new Label(words(key));
        label.setLabelFor(control);
        return label;
    }

    private SplitPane salesAndDetail() {
        TableView<HistoryViewModel.SaleRow> sales = new TableView<>(model.rows());
        sales.setId("history-sales");
        fitColumns(sales);
        sales.getColumns().add(column("history.column.time", HistoryViewModel.SaleRow::time, 1));
        sales.getColumns().add(column("history.column.total", HistoryViewModel.SaleRow::total, 1));
        sales.getColumns().add(column("history.column.state", HistoryViewModel.SaleRow::state, 1.3));
        sales.getColumns().add(column("history.column.method", HistoryViewModel.SaleRow::method, 1.1));
        sales.getColumns().add(column("history.column.session", HistoryViewModel.SaleRow::sessionId, 1.4));
        sales.getColumns().add(column("history.store.column.register", HistoryViewModel.SaleRow::register, 1));
        sales.getColumns().add(column("history.store.column.ledger", HistoryViewModel.SaleRow::ledger, 1.2));
        sales.setPlaceholder(new Label(words("history.sales.placeholder")));
        sales.setAccessibleText(words("history.title"));
        sales.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HistoryViewModel.SaleRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("needs-attention");
                if (!empty && item != null && item.needsAttention()) {
                    getStyleClass().add("needs-attention");
                }
            }
        });
        sales.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != sales.getSelectionModel().getSelectedItem()) {
                sales.getSelectionModel().select(now);
            }
        });

        Label title = new Label();
        title.setId("history-detail-title");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(model.detailTitleProperty());

        TableView<HistoryViewModel.LineRow> lines = new TableView<>(model.detailLines());
        lines.setId("history-detail-lines");
        fitColumns(lines);
        lines.getColumns().add(column("history.column.sku", HistoryViewModel.LineRow::sku, 1));
        lines.getColumns().add(column("history.column.item", HistoryViewModel.LineRow::name, 1.6));
        lines.getColumns().add(column("history.column.quantity", HistoryViewModel.LineRow::quantity, 0.6));
        lines.getColumns().add(column("history.column.unit", HistoryViewModel.LineRow::unitAmount, 1));
        lines.getColumns().add(column("history.column.line_total", HistoryViewModel.LineRow::lineTotal, 1.1));
        lines.setPlaceholder(new Label(words("history.lines.placeholder")));

        TableView<HistoryViewModel.ChangeRow> changes = new TableView<>(model.detailChanges());
        changes.setId("history-detail-history");
        fitColumns(changes);
        changes.getColumns().add(column("history.column.when", HistoryViewModel.ChangeRow::time, 1.2));
        changes.getColumns().add(column("history.column.change", HistoryViewModel.ChangeRow::change, 1.4));
        changes.getColumns().add(column("history.column.note", HistoryViewModel.ChangeRow::note, 1.4));
        changes.setPlaceholder(new Label(""));

        Label discounts = new Label();
        discounts.setId("history-detail-discounts");
        discounts.setWrapText(true);
        discounts.setMinWidth(0);
        discounts.textProperty().bind(model.detailDiscountsProperty());
        discounts.visibleProperty().bind(model.detailDiscountsProperty().isNotEmpty());
        discounts.managedProperty().bind(discounts.visibleProperty());

        VBox detail = new VBox(title, afterSaleBar(), caption("history.lines", lines), lines, discounts, refundsTable(),
                caption("history.state_history", changes), changes);
        detail.getStyleClass().add("history-detail");
        // A sale has a few lines and a longer story: the state history gets the height to spare.
        lines.setPrefHeight(150);
        VBox.setVgrow(lines, Priority.SOMETIMES);
        VBox.setVgrow(changes, Priority.ALWAYS);

        SplitPane split = new SplitPane(sales, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        // Side by side where there is room for both tables' columns; one above the other on a narrow screen.
        split.widthProperty().addListener((o, was, now) -> split.setOrientation(
                now.doubleValue() < SIDE_BY_SIDE ? Orientation.VERTICAL : Orientation.HORIZONTAL));
        return split;
    }

    /** The selected sale's paid / refunded / refundable line, and its Refund and Receipt buttons below it. */
    private VBox afterSaleBar() {
        Label balance = new Label();
        balance.setId("history-refund-balance");
        balance.getStyleClass().add("refund-balance");
        balance.textProperty().bind(model.detailBalanceProperty());
        // Wraps rather than widening the detail pane: the sales table keeps its width.
        balance.setWrapText(true);
        balance.setMinWidth(0);

        Button refund = new Button(model.words().text("history.refund"));
        refund.setId("history-refund");
        refund.setMinWidth(Region.USE_PREF_SIZE);
        refund.disableProperty().bind(model.canRefundProperty().not());
        refund.setOnAction(e -> model.afterSale().ifPresent(desk -> RefundWindow.open(window(), desk, model.executor(),
                model.detailSaleProperty().get(), model::reload)));

        Button receipt = new Button(model.words().text("history.receipt"));
        receipt.setId("history-receipt");
        receipt.setMinWidth(Region.USE_PREF_SIZE);
        receipt.disableProperty().bind(Bindings.createBooleanBinding(() -> model.afterSale().isEmpty()
                || model.detailSaleProperty().get() == null
                || model.detailSaleProperty().get().state() != SaleState.PAID, model.detailSaleProperty()));
        receipt.setOnAction(e -> model.afterSale().ifPresent(desk -> ReceiptWindow.open(window(), desk,
                model.executor(), model.detailSaleProperty().get(), null)));

        HBox buttons = new HBox(refund, receipt);
        buttons.getStyleClass().add("history-toolbar");
        buttons.setMinWidth(0);
        Label cash = new Label();
        cash.setId("history-cash");
        cash.getStyleClass().add("history-cash-note");
        cash.textProperty().bind(model.detailCashProperty());
        cash.setWrapText(true);
        cash.setMinWidth(0);
        cash.visibleProperty().bind(model.detailCashProperty().isNotEmpty());
        cash.managedProperty().bind(cash.visibleProperty());
        VBox bar = new VBox(cash, balance, buttons);
        bar.setMinWidth(0);
        // Only a paid sale has money to give back or a receipt: otherwise the bar takes no room.
        bar.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.detailSaleProperty().get() != null
                && model.detailSaleProperty().get().state() == SaleState.PAID, model.detailSaleProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private TableView<HistoryViewModel.RefundRow> refundsTable() {
        TableView<HistoryViewModel.RefundRow> refunds = new TableView<>(model.detailRefunds());
        refunds.setId("history-detail-refunds");
        refunds.getColumns().add(column(model.words().text("history.refunds.column.time"),
                HistoryViewModel.RefundRow::time, 150));
        refunds.getColumns().add(column(model.words().text("history.refunds.column.amount"),
                HistoryViewModel.RefundRow::amount, 100));
        refunds.getColumns().add(column(model.words().text("history.refunds.column.status"),
                HistoryViewModel.RefundRow::status, 120));
        refunds.getColumns().add(column(model.words().text("history.refunds.column.reason"),
                HistoryViewModel.RefundRow::reason, 170));
        refunds.setPlaceholder(new Label(""));
        refunds.setPrefHeight(110);
        refunds.visibleProperty().bind(Bindings.isNotEmpty(model.detailRefunds()));
        refunds.managedProperty().bind(refunds.visibleProperty());
        return refunds;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private TitledPane reportPane() {
        DatePicker from = datePicker("history-report-from");
        from.valueProperty().bindBidirectional(model.reportFromProperty());
        DatePicker through = datePicker("history-report-through");
        through.valueProperty().bindBidirectional(model.reportThroughProperty());

        Button show = new Button(words("history.button.show_report"));
        show.setId("history-report-show");
        show.setOnAction(e -> model.loadReport());

        Button export = new Button(words("history.button.export"));
        export.setId("history-export");
        export.disableProperty().bind(model.reportProperty().isNull());
        export.setOnAction(e -> chooser.choose(root.getScene() == null ? null : root.getScene().getWindow(),
                model.suggestedFileName()).ifPresent(model::exportCsv));

        Label message = new Label();
        message.setId("history-message");
        message.getStyleClass().add("history-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);

        TableView<HistoryViewModel.ReportRow> totals = new TableView<>(model.reportRows());
        totals.setId("history-report-table");
        fitColumns(totals);
        totals.getColumns().add(column("history.column.currency", HistoryViewModel.ReportRow::currency, 0.8));
        totals.getColumns().add(column("history.column.totals_of", HistoryViewModel.ReportRow::what, 2));
        totals.getColumns().add(column("history.column.count", HistoryViewModel.ReportRow::count, 0.7));
        totals.getColumns().add(column("history.column.total", HistoryViewModel.ReportRow::total, 1.2));
        totals.setPlaceholder(new Label(words("history.report.placeholder")));
        totals.setAccessibleText(words("history.report.title"));
        totals.setPrefHeight(220);

        FlowPane controls = Toolbar.wrapping(labelFor(from, "history.report.from"), from,
                labelFor(through, "history.report.through"), through, show, export);
        VBox box = new VBox(controls, totals, message);
        box.getStyleClass().add("history-report");
        TitledPane pane = new TitledPane(words("history.report.title"), box);
        pane.setId("history-report");
        return pane;
    }

    /** A caption over {@code table}, which a screen reader reads as the table's name. */
    private Label caption(String key, Node table) {
        Label label = new Label(words(key));
        label.setLabelFor(table);
        label.getStyleClass().addAll("history-caption", "muted-text");
        return label;
    }

    /**
     * The table's columns share its width (no sideways scroll bar), each at least as wide as its
     * header, so no header is cut in any language.
     */
    private static void fitColumns(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().add("history-table");
        HeaderWidth.keepWhole(table);
    }

    /** A column whose {@code share} weighs its part of the table's width (its header is kept whole). */
    private <S, T> TableColumn<S, T> column(String key, Function<S, T> value, double share) {
        TableColumn<S, T> c = new ValueColumn<>(words(key), value);
        c.setPrefWidth(90 * share);
        c.setReorderable(false);
        return c;
    }

    private Optional<Path> chooseWithFileChooser(Window owner, String suggestedFileName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(words("history.export.title"));
        fc.setInitialFileName(suggestedFileName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(words("history.export.csv_files"), "*.csv"));
        File chosen = fc.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
