package app.scantill.ui.history;

import app.scantill.i18n.Translator;
import app.scantill.journal.SaleFilter;
import app.scantill.sale.SaleState;
import app.scantill.ui.ValueColumn;
import app.scantill.ui.receipt.ReceiptWindow;
import app.scantill.ui.refund.RefundWindow;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The sales history screen: a day picker and state filter over a table of the day's sales, the
 * selected sale's lines and state history beside it, and the end-of-day report below with its CSV
 * export. Only builds nodes and binds them to {@link HistoryViewModel}.
 */
public final class HistoryView {

    /** Asks the person where to save the report; empty when they cancel. */
    @FunctionalInterface
    public interface ExportTargetChooser {
        Optional<Path> choose(Window owner, String suggestedFileName);
    }

    private final HistoryViewModel model;
    private final Translator words;
    private final ExportTargetChooser chooser;
    private final BorderPane root = new BorderPane();

    public HistoryView(HistoryViewModel model) {
        this(model, HistoryView::chooseWithFileChooser);
    }

    public HistoryView(HistoryViewModel model, ExportTargetChooser chooser) {
        this.model = Objects.requireNonNull(model, "model");
        this.words = model.words();
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        root.getStyleClass().add("history-view");
        root.getStylesheets().add(Objects.requireNonNull(HistoryView.class.getResource("history.css")).toExternalForm());
        root.setTop(toolbar());
        root.setCenter(salesAndDetail());
        root.setBottom(reportPane());
    }

    public Parent root() {
        return root;
    }

    private HBox toolbar() {
        DatePicker day = new DatePicker();
        day.setId("history-day");
        day.valueProperty().bindBidirectional(model.dayProperty());

        ComboBox<SaleFilter> filter = new ComboBox<>(FXCollections.observableArrayList(model.filters()));
        filter.setId("history-filter");
        filter.valueProperty().bindBidirectional(model.filterProperty());

        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.refresh());

        Label attention = new Label();
        attention.setId("history-attention");
        attention.getStyleClass().add("attention-badge");
        attention.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.attentionCountProperty().get();
            return n == 0 ? "" : n == 1 ? "1 sale needs attention" : n + " sales need attention";
        }, model.attentionCountProperty()));
        attention.visibleProperty().bind(model.attentionCountProperty().greaterThan(0));
        attention.setOnMouseClicked(e -> model.filterProperty().set(SaleFilter.NEEDS_ATTENTION));

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("busy");
        busy.visibleProperty().bind(model.busyProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ComboBox<String> register = new ComboBox<>(model.registers());
        register.setId("history-register");
        register.valueProperty().bindBidirectional(model.registerProperty());
        HBox bar = new HBox(new Label("Day"), day, new Label("Show"), filter,
                new Label(words.text("history.store.column.register")), register, refresh, attention, grow, busy);
        bar.getStyleClass().add("history-toolbar");
        return bar;
    }

    private SplitPane salesAndDetail() {
        TableView<HistoryViewModel.SaleRow> sales = new TableView<>(model.rows());
        sales.setId("history-sales");
        sales.getColumns().add(column("Time", HistoryViewModel.SaleRow::time, 90));
        sales.getColumns().add(column("Total", HistoryViewModel.SaleRow::total, 110));
        sales.getColumns().add(column("State", HistoryViewModel.SaleRow::state, 140));
        sales.getColumns().add(column("Method", HistoryViewModel.SaleRow::method, 110));
        sales.getColumns().add(column("Session", HistoryViewModel.SaleRow::sessionId, 260));
        sales.getColumns().add(column(words.text("history.store.column.register"), HistoryViewModel.SaleRow::register,
                110));
        sales.getColumns().add(column(words.text("history.store.column.ledger"), HistoryViewModel.SaleRow::ledger,
                200));
        sales.setPlaceholder(new Label("No sales on this day"));
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
        lines.getColumns().add(column("SKU", HistoryViewModel.LineRow::sku, 90));
        lines.getColumns().add(column("Item", HistoryViewModel.LineRow::name, 160));
        lines.getColumns().add(column("Qty", HistoryViewModel.LineRow::quantity, 50));
        lines.getColumns().add(column("Unit", HistoryViewModel.LineRow::unitAmount, 90));
        lines.getColumns().add(column("Line total", HistoryViewModel.LineRow::lineTotal, 100));
        lines.setPlaceholder(new Label("Select a sale"));

        TableView<HistoryViewModel.ChangeRow> changes = new TableView<>(model.detailChanges());
        changes.setId("history-detail-history");
        changes.getColumns().add(column("When", HistoryViewModel.ChangeRow::time, 150));
        changes.getColumns().add(column("Change", HistoryViewModel.ChangeRow::change, 200));
        changes.getColumns().add(column("Note", HistoryViewModel.ChangeRow::note, 200));
        changes.setPlaceholder(new Label(""));

        VBox detail = new VBox(title, afterSaleBar(), new Label("Lines"), lines, refundsTable(),
                new Label("State history"), changes);
        detail.getStyleClass().add("history-detail");
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox.setVgrow(changes, Priority.ALWAYS);

        SplitPane split = new SplitPane(sales, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
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
        VBox bar = new VBox(balance, buttons);
        bar.setMinWidth(0);
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
        DatePicker from = new DatePicker();
        from.setId("history-report-from");
        from.valueProperty().bindBidirectional(model.reportFromProperty());
        DatePicker through = new DatePicker();
        through.setId("history-report-through");
        through.valueProperty().bindBidirectional(model.reportThroughProperty());

        Button show = new Button("Show report");
        show.setId("history-report-show");
        show.setOnAction(e -> model.loadReport());

        Button export = new Button("Export CSV…");
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
        totals.getColumns().add(column("Currency", HistoryViewModel.ReportRow::currency, 80));
        totals.getColumns().add(column("Totals of", HistoryViewModel.ReportRow::what, 200));
        totals.getColumns().add(column("Count", HistoryViewModel.ReportRow::count, 80));
        totals.getColumns().add(column("Total", HistoryViewModel.ReportRow::total, 140));
        totals.setPlaceholder(new Label("Choose the days and press Show report"));
        totals.setPrefHeight(220);

        HBox controls = new HBox(new Label("From"), from, new Label("through"), through, show, export);
        controls.getStyleClass().add("history-toolbar");
        VBox box = new VBox(controls, totals, message);
        box.getStyleClass().add("history-report");
        TitledPane pane = new TitledPane("End-of-day report", box);
        pane.setId("history-report");
        return pane;
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new ValueColumn<>(title, value);
        c.setPrefWidth(width);
        return c;
    }

    private static Optional<Path> chooseWithFileChooser(Window owner, String suggestedFileName) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export end-of-day report");
        fc.setInitialFileName(suggestedFileName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File chosen = fc.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
