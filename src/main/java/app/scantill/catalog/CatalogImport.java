package app.scantill.catalog;

import app.scantill.i18n.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What importing another catalog file would change, before anything is written: the products added, the
 * ones changed (old and new), the ones removed (replace only), and the rows refused with their reasons (the
 * imported file's own problems, and products whose barcode another product keeps). {@link #edit()} is the
 * change to save once the owner agrees.
 */
public record CatalogImport(Mode mode, List<Product> added, List<Change> changed, List<Product> removed,
        List<CatalogProblem> refused, int unchanged) {

    /** Merge: new SKUs are added and existing ones updated, the rest stays. Replace: the file becomes the import. */
    public enum Mode { MERGE, REPLACE }

    /** A product the import changes. */
    public record Change(Product before, Product after) {
    }

    public CatalogImport {
        Objects.requireNonNull(mode, "mode");
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        refused = List.copyOf(refused);
    }

    /** The preview of importing {@code imported} (read by {@link CatalogLoader}) into {@code current}. */
    public static CatalogImport preview(Catalog current, CatalogLoadResult imported, Mode mode) {
        List<CatalogProblem> refused = new ArrayList<>(imported.problems());
        List<Product> incoming = new ArrayList<>(imported.catalog().products());
        if (mode == Mode.MERGE) {
            refuseBarcodesKeptByOthers(current, incoming, refused);
        }
        List<Product> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        for (Product product : incoming) {
            Product before = current.bySku(product.sku()).orElse(null);
            if (before == null) {
                added.add(product);
            } else if (before.equals(product)) {
                unchanged++;
            } else {
                changed.add(new Change(before, product));
            }
        }
        List<Product> removed = new ArrayList<>();
        if (mode == Mode.REPLACE) {
            Catalog replacement = new Catalog(incoming);
            current.products().stream().filter(p -> replacement.bySku(p.sku()).isEmpty()).forEach(removed::add);
        }
        return new CatalogImport(mode, added, changed, removed, refused, unchanged);
    }

    /**
     * Merging keeps every product the import does not name: an imported product whose barcode such a product
     * (or one imported before it) holds is refused, so the merged catalog has each barcode once.
     */
    private static void refuseBarcodesKeptByOthers(Catalog current, List<Product> incoming,
            List<CatalogProblem> refused) {
        Map<String, Product> merged = new LinkedHashMap<>();
        current.products().forEach(p -> merged.put(Catalog.skuKey(p.sku()), p));
        incoming.forEach(p -> merged.put(Catalog.skuKey(p.sku()), p));
        boolean changedAny = true;
        while (changedAny) {
            changedAny = false;
            Map<String, Product> byBarcode = new HashMap<>();
            for (Product p : merged.values()) {
                Product holder = byBarcode.putIfAbsent(p.barcode(), p);
                Product loser = holder == null ? null : incoming.contains(p) ? p : incoming.contains(holder) ? holder
                        : null;
                if (loser != null) {
                    Product keeper = loser == p ? holder : p;
                    incoming.remove(loser);
                    refused.add(CatalogProblem.ofFile(Message.of("catalog.import.barcode_taken", loser.sku(),
                            loser.barcode(), keeper.sku())));
                    current.bySku(loser.sku()).ifPresentOrElse(
                            old -> merged.put(Catalog.skuKey(old.sku()), old),
                            () -> merged.remove(Catalog.skuKey(loser.sku())));
                    changedAny = true;
                    break;
                }
            }
        }
    }

    /** Whether applying would change anything. */
    public boolean changesAnything() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    /** The change to save: the added and changed products merged, or the whole catalog replaced. */
    public CatalogEdit edit(Catalog current) {
        if (mode == Mode.MERGE) {
            List<Product> products = new ArrayList<>();
            changed.forEach(change -> products.add(change.after()));
            products.addAll(added);
            return new CatalogEdit.Merge(products);
        }
        List<Product> products = new ArrayList<>();
        current.products().stream().filter(p -> !removed.contains(p)).forEach(p -> products.add(
                changed.stream().filter(c -> c.before().equals(p)).map(Change::after).findFirst().orElse(p)));
        products.addAll(added);
        return new CatalogEdit.Replace(products);
    }
}
