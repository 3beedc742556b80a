package app.scantill.ui.editor;

import app.scantill.ui.HeaderWidth;
import app.scantill.catalog.Product;
import app.scantill.i18n.Translator;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The product editor's window content, built in code (ADR 0001): the PIN first when one is set, then the
 * search and the table of the catalog on the left, the {@link ProductFormPane} on the right, the
 * {@link ImportPane} over the table while an import is previewed, and one message line at the bottom.
 *
 * <p>A scanner is a keyboard: digits typed while no text field has the focus go to the barcode field, so
 * a scan in this window fills the form (the cashier screen, in its own window, never sees it).
 */
public final class ProductEditorView {

    public static final String STYLESHEET = "/app/scantill/ui/editor/editor.css";

    private final ProductEditorViewModel model;
    private final FilePicker files;
    private final StackPane root = new StackPane();
    private final ProductFormPane form;
    private final TextField search = new TextField();

    public ProductEditorView(ProductEditorViewModel model, FilePicker files) {
        this.model = Objects.requireNonNull(model, "model");
        this.files = Objects.requireNonNull(files, "files");
        this.form = new ProductFormPane(model);
        BorderPane editor = new BorderPane();
        editor.getStyleClass().add("product-editor");
        editor.setTop(toolbar());
        StackPane center = new StackPane(table(), new ImportPane(model));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("editor-form-scroll");
        HBox body = new HBox(center, formScroll);
        HBox.setHgrow(center, Priority.ALWAYS);
        body.getStyleClass().add("editor-body");
        editor.setCenter(body);
        Label message = new Label();
        message.setId("editor-message");
        message.getStyleClass().add("editor-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        editor.setBottom(message);
        editor.visibleProperty().bind(model.lockedProperty().not());
        Parent pin = pinPane();
        pin.visibleProperty().bind(model.lockedProperty());
        root.getChildren().addAll(editor, pin);
        root.getStylesheets().add(ProductEditorView.class.getResource(STYLESHEET).toExternalForm());
        root.addEventFilter(KeyEvent.KEY_TYPED, this::scanElsewhere);
        model.lockedProperty().addListener((obs, was, now) -> {
            if (!now) {
                search.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private void scanElsewhere(KeyEvent event) {
        boolean typing = root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
        String c = event.getCharacter();
        if (!typing && !model.lockedProperty().get() && c.length() == 1 && Character.isDigit(c.charAt(0))) {
            form.takeScan(c);
            event.consume();
        }
    }

    private Parent toolbar() {
        Translator words = model.words();
        search.setId("editor-search");
        search.setPromptText(words.text("catalog.editor.search.prompt"));
        search.setAccessibleText(search.getPromptText());
        search.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.setId("editor-count");
        count.getStyleClass().add("muted-text");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(model.countProperty());
        Button add = button("catalog.editor.new", "editor-new", () -> {
            model.newProduct();
            form.focusFirstField();
        });
        Button importButton = button("catalog.editor.import", "editor-import",
                () -> files.fileToImport(root.getScene().getWindow()).ifPresent(model::previewImport));
        Button export = button("catalog.editor.export", "editor-export",
                () -> files.fileToExport(root.getScene().getWindow()).ifPresent(model::exportTo));
        HBox bar = new HBox(search, count, add, importButton, export);
        bar.getStyleClass().add("editor-toolbar");
        return bar;
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(model.words().text(key));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private TableView<Product> table() {
        Translator words = model.words();
        TableView<Product> table = new TableView<>(model.products());
        table.setId("editor-table");
        // Codes are read whole (a barcode cut in the middle is no use); the name takes the rest.
        table.getColumns().add(column("catalog.editor.field.sku", Product::sku, 85));
        table.getColumns().add(column("catalog.editor.field.barcode", Product::barcode, 150));
        table.getColumns().add(column("catalog.editor.field.name", Product::name, 120));
        table.getColumns().add(column("catalog.editor.field.price", p -> words.moneyFormat().format(p.price()), 85));
        table.getColumns().add(column("catalog.editor.field.currency", p -> p.price().currency().getCurrencyCode(),
                55));
        table.getColumns().add(column("catalog.editor.field.category", p -> p.category().orElse(""), 80));
        table.getColumns().add(column("catalog.editor.field.tax_rate", p -> p.taxRate().map(Object::toString)
                .orElse(words.text("catalog.editor.tax_default")), 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        HeaderWidth.keepWhole(table); // "Currency", "Tax rate (%)", "Steuersatz": whole in every language
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.select(now));
        return table;
    }

    private TableColumn<Product, String> column(String key, Function<Product, String> value, double minWidth) {
        TableColumn<Product, String> column = new TableColumn<>(model.words().text(key));
        column.setMinWidth(minWidth);
        column.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> text(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    private Parent pinPane() {
        Translator words = model.words();
        Label prompt = new Label(words.text("catalog.editor.pin.prompt"));
        prompt.setWrapText(true);
        Label label = new Label(words.text("catalog.editor.pin.label"));
        PasswordField pin = new PasswordField();
        pin.setId("editor-pin");
        pin.textProperty().bindBidirectional(model.pinProperty());
        label.setLabelFor(pin);
        pin.setOnAction(e -> model.unlock());
        Button open = new Button(words.text("catalog.editor.pin.open"));
        open.setId("editor-pin-open");
        open.setOnAction(e -> model.unlock());
        open.disableProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("editor-pin-message");
        message.getStyleClass().add("field-problem");
        message.textProperty().bind(model.pinMessageProperty());
        VBox card = new VBox(prompt, label, pin, open, message);
        card.getStyleClass().add("editor-pin-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane pane = new StackPane(card);
        pane.getStyleClass().add("editor-pin");
        pane.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && model.lockedProperty().get()) {
                pin.requestFocus();
            }
        });
        return pane;
    }

    /** Esc: closes the import preview when it is up, else runs {@code close}. */
    public void closeOnEscape(Runnable close) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ESCAPE) {
                return;
            }
            if (model.importer().shownProperty().get()) {
                model.cancelImport();
            } else {
                close.run();
            }
            event.consume();
        });
    }
}
