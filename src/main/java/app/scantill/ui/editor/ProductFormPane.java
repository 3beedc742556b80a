package app.scantill.ui.editor;

import app.scantill.catalog.ProductField;
import app.scantill.i18n.Translator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The form: for each field its label, the field, a hint where one helps, and the message that says what is
 * wrong with it, right under it. The barcode field takes a scanner's digits and Enter.
 */
final class ProductFormPane extends VBox {

    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final Map<ProductField, TextField> fields = new EnumMap<>(ProductField.class);

    ProductFormPane(ProductEditorViewModel model) {
        Translator words = model.words();
        ProductForm form = model.form();
        getStyleClass().add("editor-form");
        setId("editor-form");
        Label title = new Label();
        title.getStyleClass().add("editor-form-title");
        title.textProperty().bind(model.formTitleProperty());
        getChildren().add(title);
        for (ProductField field : ProductField.values()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            String labelKey = "catalog.editor.field." + name;
            Label label = new Label(words.text(labelKey));
            TextField input = new TextField();
            input.setId("editor-field-" + name);
            input.textProperty().bindBidirectional(form.text(field));
            label.setLabelFor(input);
            fields.put(field, input);
            Label problem = new Label();
            problem.setId("editor-problem-" + name);
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
            problem.textProperty().bind(form.problem(field));
            problem.visibleProperty().bind(Bindings.isNotEmpty(form.problem(field)));
            problem.managedProperty().bind(problem.visibleProperty());
            problem.visibleProperty().addListener((obs, was, now) -> input.pseudoClassStateChanged(REFUSED, now));
            VBox box = new VBox(label, input);
            hint(field, words).ifPresent(box.getChildren()::add);
            box.getChildren().add(problem);
            box.getStyleClass().add("editor-field");
            getChildren().add(box);
        }
        TextField barcode = fields.get(ProductField.BARCODE);
        barcode.setOnAction(event -> {
            model.barcodeEntered();
            fields.get(ProductField.NAME).requestFocus();
            event.consume();
        });

        Button save = new Button(words.text("catalog.editor.save"));
        save.setId("editor-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.busyProperty());
        Button retire = new Button(words.text("catalog.editor.retire"));
        retire.setId("editor-retire");
        retire.setOnAction(e -> model.retire());
        retire.disableProperty().bind(model.busyProperty().or(model.editingExistingProperty().not()));
        HBox buttons = new HBox(save, retire);
        buttons.getStyleClass().add("editor-buttons");
        Label retireNote = new Label(words.text("catalog.editor.retire_note"));
        retireNote.getStyleClass().add("muted-text");
        retireNote.setWrapText(true);
        Label fileNote = new Label(model.fileNote());
        fileNote.setId("editor-file-note");
        fileNote.getStyleClass().add("muted-text");
        fileNote.setWrapText(true);
        getChildren().addAll(buttons, retireNote, fileNote);
    }

    private static Optional<Label> hint(ProductField field, Translator words) {
        String key = switch (field) {
            case BARCODE -> "catalog.editor.barcode.hint";
            case PRICE -> "catalog.editor.price.hint";
            case TAX_RATE -> "catalog.editor.tax_rate.hint";
            default -> null;
        };
        if (key == null) {
            return Optional.empty();
        }
        Label hint = new Label(words.text(key));
        hint.getStyleClass().addAll("muted-text", "field-hint");
        hint.setWrapText(true);
        return Optional.of(hint);
    }

    /** A scanner typed while the focus was elsewhere in the window: the digits go to the barcode field. */
    void takeScan(String firstCharacter) {
        TextField barcode = fields.get(ProductField.BARCODE);
        barcode.requestFocus();
        barcode.setText(firstCharacter);
        barcode.positionCaret(barcode.getLength());
    }

    void focusFirstField() {
        fields.get(ProductField.SKU).requestFocus();
    }
}
