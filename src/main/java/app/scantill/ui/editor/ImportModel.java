package app.scantill.ui.editor;

import app.scantill.catalog.Catalog;
import app.scantill.catalog.CatalogEdit;
import app.scantill.catalog.CatalogImport;
import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogProblem;
import app.scantill.catalog.Product;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The preview of an import, before anything is written: merge or replace (the owner may switch and the
 * preview follows), a summary of the counts, and one line per product added, changed (old → new), removed
 * or refused (with the reason).
 */
public final class ImportModel {

    private final Translator words;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ObjectProperty<CatalogImport.Mode> mode = new SimpleObjectProperty<>(this, "mode",
            CatalogImport.Mode.MERGE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable", false);
    private CatalogLoadResult imported;
    private Catalog current = Catalog.empty();
    private CatalogImport preview;

    ImportModel(Translator words) {
        this.words = words;
        mode.addListener((obs, was, now) -> refresh());
    }

    /** Shows what importing {@code result} (read from {@code file}) into {@code catalog} would change. */
    void show(Path file, CatalogLoadResult result, Catalog catalog) {
        imported = result;
        current = catalog;
        title.set(words.text("catalog.import.title", String.valueOf(file.getFileName())));
        refresh();
        shown.set(true);
    }

    /** The till's catalog changed meanwhile: the preview is made again against it. */
    void useCatalog(Catalog catalog) {
        current = catalog;
        if (shown.get()) {
            refresh();
        }
    }

    private void refresh() {
        if (imported == null) {
            return;
        }
        preview = CatalogImport.preview(current, imported, mode.get());
        summary.set(summaryText());
        List<String> now = new ArrayList<>();
        preview.added().forEach(p -> now.add(words.text("catalog.import.added", describe(p))));
        preview.changed().forEach(c -> now.add(words.text("catalog.import.changed", describe(c.before()),
                describe(c.after()))));
        preview.removed().forEach(p -> now.add(words.text("catalog.import.removed", describe(p))));
        for (CatalogProblem problem : preview.refused()) {
            now.add(words.text("catalog.import.refused", words.text(problem.describe())));
        }
        if (!preview.changesAnything()) {
            now.add(0, words.text("catalog.import.nothing"));
        }
        lines.setAll(now);
        applicable.set(preview.changesAnything());
    }

    String summaryText() {
        return words.text(Message.of("catalog.import.summary", preview.added().size(), preview.changed().size(),
                preview.removed().size(), preview.refused().size(), preview.unchanged()));
    }

    /** A product in one line: SKU, name, price, category, tax rate. */
    private String describe(Product p) {
        StringBuilder text = new StringBuilder(p.sku()).append(" · ").append(p.name()).append(" · ")
                .append(words.moneyFormat().format(p.price()));
        p.category().ifPresent(c -> text.append(" · ").append(c));
        p.taxRate().ifPresent(rate -> text.append(" · ").append(rate));
        return text.toString();
    }

    /** The change to save, when the preview changes anything. */
    Optional<CatalogEdit> edit() {
        return preview == null || !preview.changesAnything() ? Optional.empty() : Optional.of(preview.edit(current));
    }

    void close() {
        shown.set(false);
        imported = null;
        preview = null;
        lines.clear();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Merge or replace, bound both ways by the view's two choices. */
    public ObjectProperty<CatalogImport.Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<String> lines() {
        return readOnlyLines;
    }

    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }
}
