package app.scantill.ui.editor;

import app.scantill.catalog.Catalog;
import app.scantill.catalog.Product;
import app.scantill.catalog.ProductDraft;
import app.scantill.catalog.ProductField;
import app.scantill.catalog.ProductRules;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The product form: one text per field as typed, and under each field what is wrong with it, in the
 * cashier's language, from {@link ProductRules} (the loader's own rules). Messages appear once the manager
 * tried to save (or scanned a barcode), then follow every key stroke until the field is right.
 */
public final class ProductForm {

    private final Translator words;
    private final Map<ProductField, StringProperty> texts = new EnumMap<>(ProductField.class);
    private final Map<ProductField, ReadOnlyStringWrapper> problems = new EnumMap<>(ProductField.class);
    /** The SKU of the product being edited, as it is in the catalog; null while adding a new one. */
    private String editedSku;
    private Catalog catalog = Catalog.empty();
    private boolean checking;

    ProductForm(Translator words) {
        this.words = words;
        for (ProductField field : ProductField.values()) {
            StringProperty text = new SimpleStringProperty(this, field.name(), "");
            text.addListener((obs, was, now) -> {
                if (checking) {
                    check();
                }
            });
            texts.put(field, text);
            problems.put(field, new ReadOnlyStringWrapper(this, field.name() + "Problem", ""));
        }
    }

    /** The text of a field, bound both ways by the view. */
    public StringProperty text(ProductField field) {
        return texts.get(field);
    }

    /** What is wrong with a field, "" when nothing (or nothing yet). */
    public ReadOnlyStringProperty problem(ProductField field) {
        return problems.get(field).getReadOnlyProperty();
    }

    /** The catalog the SKU and barcode must be unique in. */
    void useCatalog(Catalog catalog) {
        this.catalog = catalog;
        if (checking) {
            check();
        }
    }

    /** Fills the form with {@code product} to edit it; null empties it for a new one in {@code currency}. */
    void show(Product product, String currency) {
        checking = false;
        editedSku = product == null ? null : product.sku();
        ProductDraft draft = product == null ? ProductDraft.blank() : ProductDraft.of(product);
        for (ProductField field : ProductField.values()) {
            texts.get(field).set(draft.get(field));
        }
        if (product == null) {
            texts.get(ProductField.CURRENCY).set(currency);
        }
        problems.values().forEach(p -> p.set(""));
    }

    Optional<String> editedSku() {
        return Optional.ofNullable(editedSku);
    }

    /** A scanned (or typed) barcode followed by Enter: checked at once, the rest of the form left alone. */
    void barcodeEntered() {
        ProductRules.Check check = ProductRules.check(draft(), taken());
        problems.get(ProductField.BARCODE).set(check.problems().containsKey(ProductField.BARCODE)
                ? words.text(check.problems().get(ProductField.BARCODE)) : "");
    }

    /** Checks every field, shows what is wrong at each, and returns the product when all are right. */
    Optional<Product> check() {
        checking = true;
        ProductRules.Check check = ProductRules.check(draft(), taken());
        for (ProductField field : ProductField.values()) {
            Message problem = check.problems().get(field);
            problems.get(field).set(problem == null ? "" : words.text(problem));
        }
        return check.product();
    }

    private ProductDraft draft() {
        return new ProductDraft(get(ProductField.SKU), get(ProductField.BARCODE), get(ProductField.NAME),
                get(ProductField.PRICE), get(ProductField.CURRENCY), get(ProductField.CATEGORY),
                get(ProductField.TAX_RATE));
    }

    private String get(ProductField field) {
        return texts.get(field).get();
    }

    /** Taken by another product than the one being edited. */
    private ProductRules.Taken taken() {
        Optional<Product> self = editedSku().flatMap(catalog::bySku);
        return new ProductRules.Taken() {
            @Override
            public Optional<Message> sku(String sku) {
                return catalog.bySku(sku).filter(other -> !self.map(other::equals).orElse(false))
                        .map(other -> Message.of("catalog.editor.sku_taken", sku, other.name()));
            }

            @Override
            public Optional<Message> barcode(String barcode) {
                return catalog.byBarcode(barcode).filter(other -> !self.map(other::equals).orElse(false))
                        .map(other -> Message.of("catalog.editor.barcode_taken", barcode,
                                other.name() + " (" + other.sku() + ")"));
            }
        };
    }
}
