package app.scantill.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One change to the catalog file, applied to the file as it is on disk at the moment of saving (so a hand
 * edit of other rows made meanwhile is kept), by {@link CatalogStore#save}.
 */
public sealed interface CatalogEdit {

    void applyTo(CatalogDocument document);

    /** The products that must read back exactly so from the written file. */
    List<Product> written();

    /** SKUs that must be gone from the written file. */
    default List<String> retired() {
        return List.of();
    }

    /** A new product ({@code replacedSku} null) or a changed one, in place of the row of {@code replacedSku}. */
    record Put(String replacedSku, Product product) implements CatalogEdit {
        public Put {
            Objects.requireNonNull(product, "product");
        }

        @Override
        public void applyTo(CatalogDocument document) {
            document.put(replacedSku, product);
        }

        @Override
        public List<Product> written() {
            return List.of(product);
        }

        @Override
        public List<String> retired() {
            return replacedSku == null || Catalog.skuKey(replacedSku).equals(Catalog.skuKey(product.sku()))
                    ? List.of() : List.of(replacedSku);
        }
    }

    /** A product leaves the catalog: its row is removed from the file. */
    record Retire(String sku) implements CatalogEdit {
        public Retire {
            Objects.requireNonNull(sku, "sku");
        }

        @Override
        public void applyTo(CatalogDocument document) {
            document.retire(sku);
        }

        @Override
        public List<Product> written() {
            return List.of();
        }

        @Override
        public List<String> retired() {
            return List.of(sku);
        }
    }

    /** An import merged: new SKUs added at the end, existing ones updated in place, the rest untouched. */
    record Merge(List<Product> products) implements CatalogEdit {
        public Merge {
            products = List.copyOf(products);
        }

        @Override
        public void applyTo(CatalogDocument document) {
            products.forEach(document::put);
        }

        @Override
        public List<Product> written() {
            return products;
        }
    }

    /** An import replacing the catalog: the file holds exactly these products. */
    record Replace(List<Product> products) implements CatalogEdit {
        public Replace {
            products = List.copyOf(products);
        }

        @Override
        public void applyTo(CatalogDocument document) {
            document.replaceAll(products);
        }

        @Override
        public List<Product> written() {
            return products;
        }
    }
}
