package app.scantill.catalog;

/** The fields of a product, in the catalog file's column order. */
public enum ProductField {
    SKU, BARCODE, NAME, PRICE, CURRENCY, CATEGORY, TAX_RATE
}
