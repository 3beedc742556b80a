package app.scantill.ui.editor;

import app.scantill.catalog.CatalogImport;
import app.scantill.i18n.Translator;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The import preview over the table: merge or replace, the counts, every line that would change, Apply or Cancel. */
final class ImportPane extends VBox {

    ImportPane(ProductEditorViewModel model) {
        Translator words = model.words();
        ImportModel importer = model.importer();
        setId("editor-import-pane");
        getStyleClass().add("import-pane");
        Label title = new Label();
        title.getStyleClass().add("editor-form-title");
        title.textProperty().bind(importer.titleProperty());
        ToggleGroup group = new ToggleGroup();
        RadioButton merge = new RadioButton(words.text("catalog.import.merge"));
        merge.setId("import-merge");
        merge.setToggleGroup(group);
        merge.setUserData(CatalogImport.Mode.MERGE);
        RadioButton replace = new RadioButton(words.text("catalog.import.replace"));
        replace.setId("import-replace");
        replace.setToggleGroup(group);
        replace.setUserData(CatalogImport.Mode.REPLACE);
        group.selectToggle(importer.modeProperty().get() == CatalogImport.Mode.MERGE ? merge : replace);
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                importer.modeProperty().set((CatalogImport.Mode) now.getUserData());
            }
        });
        Label summary = new Label();
        summary.setId("import-summary");
        summary.getStyleClass().add("strong-text");
        summary.textProperty().bind(importer.summaryProperty());
        ListView<String> lines = new ListView<>(importer.lines());
        lines.setId("import-lines");
        VBox.setVgrow(lines, Priority.ALWAYS);
        Button apply = new Button(words.text("catalog.import.apply"));
        apply.setId("import-apply");
        apply.setOnAction(e -> model.applyImport());
        apply.disableProperty().bind(importer.applicableProperty().not().or(model.busyProperty()));
        Button cancel = new Button(words.text("catalog.import.cancel"));
        cancel.setId("import-cancel");
        cancel.setOnAction(e -> model.cancelImport());
        HBox buttons = new HBox(apply, cancel);
        buttons.getStyleClass().add("editor-buttons");
        getChildren().addAll(title, new HBox(merge, replace), summary, lines, buttons);
        visibleProperty().bind(importer.shownProperty());
        managedProperty().bind(visibleProperty());
    }
}
