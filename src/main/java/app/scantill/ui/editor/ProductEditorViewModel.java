package app.scantill.ui.editor;

import app.scantill.catalog.AtomicFileWriter;
import app.scantill.catalog.Catalog;
import app.scantill.catalog.CatalogEdit;
import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.CatalogStore;
import app.scantill.catalog.Product;
import app.scantill.config.ManagerPin;
import app.scantill.i18n.Translator;
import app.scantill.ui.support.UiExecutor;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The product editor's state and commands: the manager PIN first (when one is set), the till's catalog as a
 * filtered table, the {@link ProductForm}, and save, retire, import and export. Every file read and write
 * runs through {@link CatalogStore} on the executor's background thread; a saved catalog goes to the till
 * ({@code publish}: the cashier screen shows it) and comes back here through the till's catalog property, so
 * the editor always shows what the till sells.
 */
public final class ProductEditorViewModel {

    private static final System.Logger LOG = System.getLogger(ProductEditorViewModel.class.getName());

    private final ProductEditing editing;
    private final ReadOnlyObjectProperty<Catalog> tillCatalog;
    private final Consumer<CatalogLoadResult> publish;
    private final Translator words;
    private final UiExecutor executor;
    private final ChangeListener<Catalog> onTillCatalog = (obs, was, now) -> useCatalog(now);

    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ReadOnlyStringWrapper pinMessage = new ReadOnlyStringWrapper(this, "pinMessage", "");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Product> products = FXCollections.observableArrayList();
    private final ObservableList<Product> readOnlyProducts = FXCollections.unmodifiableObservableList(products);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyBooleanWrapper editingExisting = new ReadOnlyBooleanWrapper(this, "editingExisting");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ProductForm form;
    private final ImportModel importer;
    private Catalog catalog;
    /** The SKU whose Retire was pressed once: a second press retires it. */
    private String retireAsked;

    /**
     * @param tillCatalog the catalog the till sells from; followed while the editor is open
     * @param publish shows a catalog just saved on the till (the cashier screen)
     */
    public ProductEditorViewModel(ProductEditing editing, ReadOnlyObjectProperty<Catalog> tillCatalog,
            Consumer<CatalogLoadResult> publish, Translator words, UiExecutor executor) {
        this.editing = Objects.requireNonNull(editing, "editing");
        this.tillCatalog = Objects.requireNonNull(tillCatalog, "tillCatalog");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.words = Objects.requireNonNull(words, "words");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.form = new ProductForm(words);
        this.importer = new ImportModel(words);
        locked.set(editing.managerPin().isPresent());
        filter.addListener((obs, was, now) -> refreshTable());
        tillCatalog.addListener(onTillCatalog);
        useCatalog(tillCatalog.get());
        newProduct();
    }

    // ---- the PIN ---------------------------------------------------------------------------

    /** Checks the typed PIN off the JavaFX thread (the hash is slow on purpose) and opens the editor when right. */
    public void unlock() {
        Optional<ManagerPin> managerPin = editing.managerPin();
        if (managerPin.isEmpty() || busy.get()) {
            return;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        pinMessage.set(words.text("catalog.editor.pin.checking"));
        run(() -> {
            boolean right = managerPin.get().matches(typed);
            Arrays.fill(typed, '\0');
            return right;
        }, right -> {
            locked.set(!right);
            pinMessage.set(right ? "" : words.text("catalog.editor.pin.wrong"));
        });
    }

    // ---- the table and the form ------------------------------------------------------------

    private void useCatalog(Catalog now) {
        catalog = now;
        form.useCatalog(now);
        importer.useCatalog(now);
        refreshTable();
    }

    private void refreshTable() {
        String[] words = filter.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        products.setAll(catalog.products().stream().filter(p -> matches(p, words)).toList());
        count.set(this.words.text("catalog.editor.count", products.size(), catalog.size()));
    }

    private static boolean matches(Product p, String[] words) {
        String text = (p.sku() + ' ' + p.barcode() + ' ' + p.name() + ' ' + p.category().orElse(""))
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(words).allMatch(text::contains);
    }

    /** Edits {@code product} in the form. */
    public void select(Product product) {
        if (product == null) {
            return;
        }
        retireAsked = null;
        form.show(product, null);
        formTitle.set(words.text("catalog.editor.editing", product.sku()));
        editingExisting.set(true);
    }

    /** An empty form for a new product, in the currency most of the catalog is in. */
    public void newProduct() {
        String currency = catalog.products().stream()
                .collect(Collectors.groupingBy(p -> p.price().currency().getCurrencyCode(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("");
        retireAsked = null;
        form.show(null, currency);
        formTitle.set(words.text("catalog.editor.adding"));
        editingExisting.set(false);
    }

    /** A barcode was scanned (or typed) into its field and Enter pressed: checked at once. */
    public void barcodeEntered() {
        form.barcodeEntered();
    }

    /** Saves the form: refused at the fields when a rule is broken, else written to the catalog file. */
    public void save() {
        if (busy.get() || locked.get()) {
            return;
        }
        Optional<Product> product = form.check();
        if (product.isEmpty()) {
            message.set(words.text("catalog.editor.fix_fields"));
            return;
        }
        Optional<String> edited = form.editedSku();
        if (edited.flatMap(catalog::bySku).map(product.get()::equals).orElse(false)) {
            message.set(words.text("catalog.editor.unchanged", product.get().sku()));
            return;
        }
        change(new CatalogEdit.Put(edited.orElse(null), product.get()), saved -> {
            message.set(words.text("catalog.editor.saved", product.get().sku()));
            saved.catalog().bySku(product.get().sku()).ifPresent(this::select);
        });
    }

    /**
     * Retires the product in the form: its row leaves the catalog file. The first press asks, the second
     * (with the same product still in the form) retires.
     */
    public void retire() {
        Optional<String> sku = form.editedSku();
        if (sku.isEmpty() || busy.get() || locked.get()) {
            return;
        }
        if (!sku.get().equals(retireAsked)) {
            retireAsked = sku.get();
            message.set(words.text("catalog.editor.retire_confirm", sku.get()));
            return;
        }
        retireAsked = null;
        change(new CatalogEdit.Retire(sku.get()), saved -> {
            message.set(words.text("catalog.editor.retired", sku.get()));
            newProduct();
        });
    }

    // ---- import and export -----------------------------------------------------------------

    /** Reads {@code file} in the background and shows what importing it would change; nothing is written yet. */
    public void previewImport(Path file) {
        run(() -> new CatalogLoader().load(file), result -> importer.show(file, result, catalog));
    }

    /** Writes what the import preview shows. */
    public void applyImport() {
        Optional<CatalogEdit> edit = importer.edit();
        if (edit.isEmpty() || busy.get()) {
            return;
        }
        String summary = importer.summaryText();
        change(edit.get(), saved -> {
            message.set(words.text("catalog.import.applied", summary));
            importer.close();
            newProduct();
        });
    }

    public void cancelImport() {
        importer.close();
    }

    /** Writes the till's catalog to {@code file}. */
    public void exportTo(Path file) {
        List<Product> all = catalog.products();
        executor.submit(() -> {
            editing.store().export(all, file);
            return all.size();
        }, n -> message.set(words.text("catalog.editor.exported", n, file.toString())), failure -> {
            LOG.log(Level.WARNING, "Catalog export to " + file + " failed", failure);
            message.set(words.text("catalog.editor.export_failed", file.toString(), String.valueOf(failure.getMessage())));
        });
    }

    // ---- running changes -------------------------------------------------------------------

    private void change(CatalogEdit edit, Consumer<CatalogLoadResult> then) {
        message.set(words.text("catalog.editor.saving"));
        run(() -> editing.store().save(edit), outcome -> {
            if (outcome.saved().isPresent()) {
                publish.accept(outcome.saved().get());
                then.accept(outcome.saved().get());
            } else {
                message.set(outcome.refusal().map(words::text).orElse(""));
            }
        });
    }

    /** Runs {@code work} in the background, {@link #busyProperty()} true until it is answered. */
    private <T> void run(Callable<T> work, Consumer<T> then) {
        busy.set(true);
        executor.submit(work, result -> {
            busy.set(false);
            then.accept(result);
        }, failure -> {
            busy.set(false);
            LOG.log(Level.ERROR, "Product editor task failed", failure);
            message.set(words.text("catalog.editor.failed", String.valueOf(failure.getMessage())));
        });
    }

    /** Stops following the till's catalog (the window closed). */
    public void dispose() {
        tillCatalog.removeListener(onTillCatalog);
    }

    // ---- properties ------------------------------------------------------------------------

    public ProductForm form() {
        return form;
    }

    public ImportModel importer() {
        return importer;
    }

    public Translator words() {
        return words;
    }

    /** Where saves go and where the previous version stays, said under the form. */
    public String fileNote() {
        Path target = editing.store().target();
        return words.text("catalog.editor.file_note", target.toString(),
                String.valueOf(AtomicFileWriter.backupOf(target).getFileName()));
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty pinMessageProperty() {
        return pinMessage.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<Product> products() {
        return readOnlyProducts;
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    /** Whether the form holds a product of the catalog (Retire applies), rather than a new one. */
    public ReadOnlyBooleanProperty editingExistingProperty() {
        return editingExisting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
