package app.scantill.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An immutable set of products with the look-ups a till needs: by SKU (any letter case) or barcode
 * for the scanner, and search-as-you-type by name or SKU for the product area.
 *
 * <p>Search runs on every key stroke, so each product's lower-cased search text is computed once
 * here rather than on every query; a query is a plain scan over those strings, which stays well
 * below a frame's time for tens of thousands of products.
 */
public final class Catalog {

    private static final Catalog EMPTY = new Catalog(List.of());

    private final List<Product> products;
    private final String[] searchKeys;
    private final String[] categoryKeys;
    private final Map<String, Product> bySku;
    private final Map<String, Product> byBarcode;
    private final List<String> categories;

    /**
     * @throws IllegalArgumentException when two products share a SKU (ignoring case) or a barcode;
     *     {@link CatalogLoader} reports such rows instead of passing them here
     */
    public Catalog(List<Product> products) {
        this.products = List.copyOf(products);
        this.searchKeys = new String[this.products.size()];
        this.categoryKeys = new String[this.products.size()];
        this.bySku = new HashMap<>();
        this.byBarcode = new HashMap<>();
        TreeSet<String> categoryNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < this.products.size(); i++) {
            Product p = this.products.get(i);
            if (bySku.putIfAbsent(skuKey(p.sku()), p) != null) {
                throw new IllegalArgumentException("duplicate SKU " + p.sku());
            }
            if (byBarcode.putIfAbsent(p.barcode(), p) != null) {
                throw new IllegalArgumentException("duplicate barcode " + p.barcode());
            }
            searchKeys[i] = lower(p.name()) + '\n' + lower(p.sku());
            categoryKeys[i] = p.category().map(Catalog::lower).orElse("");
            p.category().ifPresent(categoryNames::add);
        }
        this.categories = List.copyOf(categoryNames);
    }

    public static Catalog empty() {
        return EMPTY;
    }

    public List<Product> products() {
        return products;
    }

    public int size() {
        return products.size();
    }

    public boolean isEmpty() {
        return products.isEmpty();
    }

    /** Category names in alphabetical order, each once (letter case as first seen). */
    public List<String> categories() {
        return categories;
    }

    public Optional<Product> bySku(String sku) {
        return sku == null ? Optional.empty() : Optional.ofNullable(bySku.get(skuKey(sku.strip())));
    }

    public Optional<Product> byBarcode(String barcode) {
        return barcode == null ? Optional.empty() : Optional.ofNullable(byBarcode.get(barcode.strip()));
    }

    /** What a scanner or the cashier typed: a barcode or a SKU. */
    public Optional<Product> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Product> byCode = byBarcode(code);
        return byCode.isPresent() ? byCode : bySku(code);
    }

    /**
     * Products whose name or SKU contains every word of {@code query} (ignoring case), in catalog
     * order, limited to {@code category} when it is not null or blank.
     */
    public List<Product> search(String query, String category) {
        String[] words = query == null ? new String[0] : lower(query).strip().split("\\s+");
        String categoryKey = category == null || category.isBlank() ? null : lower(category.strip());
        List<Product> matches = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            if (categoryKey != null && !categoryKeys[i].equals(categoryKey)) {
                continue;
            }
            if (containsAll(searchKeys[i], words)) {
                matches.add(products.get(i));
            }
        }
        return Collections.unmodifiableList(matches);
    }

    private static boolean containsAll(String key, String[] words) {
        for (String word : words) {
            if (!word.isEmpty() && !key.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String skuKey(String sku) {
        return lower(sku);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
