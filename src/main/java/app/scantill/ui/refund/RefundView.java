package app.scantill.ui.refund;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.Money;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundReason;
import app.scantill.ui.ValueColumn;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The refund window: paid, refunded, on its way back and refundable always at the top; then what to refund
 * (everything left, chosen lines and quantities, or an amount), the reason, the manager PIN when one is set,
 * and Refund. Only builds nodes and binds them to {@link RefundViewModel}.
 */
public final class RefundView {

    private final RefundViewModel model;
    private final Translator words;
    private final VBox root = new VBox();
    private Runnable onClose = () -> { };
    private Consumer<String> onSlip = id -> { };

    public RefundView(RefundViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.words = model.words();
        root.getStyleClass().add("refund-view");
        root.getStylesheets().add(Objects.requireNonNull(RefundView.class.getResource("refund.css")).toExternalForm());
        root.getChildren().addAll(figures(), choice(), lineTable(), details(), buttons(), message());
        VBox.setVgrow(root.getChildren().get(2), Priority.ALWAYS);
    }

    public Parent root() {
        return root;
    }

    public void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    /** Opens the slip of a refund (its id). */
    public void setOnSlip(Consumer<String> action) {
        this.onSlip = Objects.requireNonNull(action, "action");
    }

    private GridPane figures() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("refund-figures");
        String[] keys = {"refund.dialog.paid", "refund.dialog.refunded", "refund.dialog.in_progress",
            "refund.dialog.refundable"};
        String[] ids = {"refund-paid", "refund-refunded", "refund-in-progress", "refund-refundable"};
        for (int i = 0; i < keys.length; i++) {
            int which = i;
            Label name = new Label(words.text(keys[i]));
            Label value = new Label();
            value.setId(ids[i]);
            value.getStyleClass().add(i == 3 ? "refund-figure-strong" : "refund-figure");
            value.textProperty().bind(Bindings.createStringBinding(() -> {
                RefundBalance b = model.balanceProperty().get();
                if (b == null) {
                    return "…";
                }
                Money m = switch (which) {
                    case 0 -> b.paid();
                    case 1 -> b.refunded();
                    case 2 -> b.inProgress();
                    default -> b.refundable();
                };
                return model.format(m);
            }, model.balanceProperty()));
            grid.add(name, i, 0);
            grid.add(value, i, 1);
        }
        return grid;
    }

    private HBox choice() {
        ToggleGroup group = new ToggleGroup();
        RadioButton whole = radio("refund.dialog.kind.whole", "refund-kind-whole", RefundViewModel.Kind.WHOLE, group);
        RadioButton lines = radio("refund.dialog.kind.lines", "refund-kind-lines", RefundViewModel.Kind.LINES, group);
        RadioButton amount = radio("refund.dialog.kind.amount", "refund-kind-amount", RefundViewModel.Kind.AMOUNT, group);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.kindProperty().set((RefundViewModel.Kind) now.getUserData());
            }
        });
        model.kindProperty().addListener((o, was, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        HBox box = new HBox(whole, lines, amount);
        box.getStyleClass().add("refund-choice");
        return box;
    }

    private RadioButton radio(String key, String id, RefundViewModel.Kind kind, ToggleGroup group) {
        RadioButton b = new RadioButton(words.text(key));
        b.setId(id);
        b.setUserData(kind);
        b.setToggleGroup(group);
        b.setSelected(model.kindProperty().get() == kind);
        return b;
    }

    private TableView<RefundViewModel.LineChoice> lineTable() {
        TableView<RefundViewModel.LineChoice> table = new TableView<>(model.lines());
        table.setId("refund-lines");
        table.getColumns().add(column("refund.dialog.column.item", RefundViewModel.LineChoice::name, 220));
        table.getColumns().add(column("refund.dialog.column.sold", RefundViewModel.LineChoice::sold, 70));
        table.getColumns().add(column("refund.dialog.column.left", RefundViewModel.LineChoice::left, 70));
        TableColumn<RefundViewModel.LineChoice, Integer> refund = new TableColumn<>(words.text("refund.dialog.column.refund"));
        refund.setPrefWidth(110);
        refund.setCellFactory(c -> new QuantityCell());
        table.getColumns().add(refund);
        table.disableProperty().bind(model.kindProperty().isNotEqualTo(RefundViewModel.Kind.LINES));
        table.setPrefHeight(200);
        return table;
    }

    private GridPane details() {
        TextField amount = new TextField();
        amount.setId("refund-amount");
        amount.textProperty().bindBidirectional(model.amountTextProperty());
        amount.disableProperty().bind(model.kindProperty().isNotEqualTo(RefundViewModel.Kind.AMOUNT));
        Label amountLabel = new Label(words.text(Message.of("refund.dialog.amount",
                model.saleProperty().get().currency().getCurrencyCode())));

        ComboBox<RefundReason> reason = new ComboBox<>(FXCollections.observableArrayList(RefundReason.values()));
        reason.setId("refund-reason");
        reason.setCellFactory(l -> new ReasonCell());
        reason.setButtonCell(new ReasonCell());
        reason.valueProperty().bindBidirectional(model.reasonProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("refund-details");
        grid.addRow(0, amountLabel, amount);
        grid.addRow(1, new Label(words.text("refund.dialog.reason")), reason);
        if (model.pinRequired()) {
            PasswordField pin = new PasswordField();
            pin.setId("refund-pin");
            pin.textProperty().bindBidirectional(model.pinProperty());
            grid.addRow(2, new Label(words.text("refund.dialog.pin")), pin);
        }
        return grid;
    }

    private HBox buttons() {
        Button submit = new Button();
        submit.setId("refund-submit");
        submit.setDefaultButton(true);
        submit.textProperty().bind(Bindings.createStringBinding(() -> words.text(Message.of("refund.dialog.submit",
                submitAmount())), model.kindProperty(), model.amountTextProperty(), model.balanceProperty(),
                model.chosenLinesTotalProperty()));
        submit.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(
                () -> !model.refundsPossible() || model.balanceProperty().get() == null
                        || model.balanceProperty().get().refundable().isZero(), model.balanceProperty())));
        submit.setOnAction(e -> model.refund());

        Button again = new Button(words.text("refund.dialog.check_again"));
        again.setId("refund-check-again");
        again.visibleProperty().bind(model.canCheckAgainProperty());
        again.managedProperty().bind(again.visibleProperty());
        again.setOnAction(e -> model.checkAgain());

        Button slip = new Button(words.text("refund.dialog.slip"));
        slip.setId("refund-slip");
        slip.disableProperty().bind(model.lastRefundProperty().isNull().or(model.busyProperty()));
        slip.setOnAction(e -> onSlip.accept(model.lastRefundProperty().get()));

        Button close = new Button(words.text("refund.dialog.close"));
        close.setId("refund-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(submit, again, slip, grow, close);
        box.getStyleClass().add("refund-buttons");
        return box;
    }

    private Label message() {
        Label message = new Label();
        message.setId("refund-message");
        message.getStyleClass().add("refund-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        return message;
    }

    /** The amount the button names: what is left, the chosen lines' sum, or what was typed. */
    private String submitAmount() {
        RefundBalance b = model.balanceProperty().get();
        if (b == null) {
            return "";
        }
        return switch (model.kindProperty().get()) {
            case WHOLE -> model.format(b.refundable());
            case LINES -> model.chosenLinesTotalProperty().get() == null ? ""
                    : model.format(model.chosenLinesTotalProperty().get());
            case AMOUNT -> model.amountTextProperty().get().isBlank() ? "" : model.amountTextProperty().get().strip()
                    + " " + b.paid().currencyCode();
        };
    }

    private <T> TableColumn<RefundViewModel.LineChoice, T> column(String key,
            java.util.function.Function<RefundViewModel.LineChoice, T> value, double width) {
        TableColumn<RefundViewModel.LineChoice, T> c = new ValueColumn<>(words.text(key), value);
        c.setPrefWidth(width);
        return c;
    }

    /** A spinner of 0..units left, bound to the line's choice. */
    private static final class QuantityCell extends TableCell<RefundViewModel.LineChoice, Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            RefundViewModel.LineChoice choice = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (choice == null) {
                setGraphic(null);
                return;
            }
            Spinner<Integer> spinner = new Spinner<>(0, choice.left(), Math.min(choice.chosenProperty().get(), choice.left()));
            spinner.getStyleClass().add("refund-quantity");
            spinner.setId("refund-quantity-" + getIndex());
            spinner.valueProperty().addListener((o, was, now) -> choice.chosenProperty().set(now == null ? 0 : now));
            setGraphic(spinner);
        }
    }

    private final class ReasonCell extends ListCell<RefundReason> {
        @Override
        protected void updateItem(RefundReason item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : words.text("refund.reason." + item.wireName()));
        }
    }
}
