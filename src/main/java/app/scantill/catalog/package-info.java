/**
 * The products a register sells: {@link app.scantill.catalog.Product}, the searchable
 * {@link app.scantill.catalog.Catalog}, the CSV loader that validates every row (with
 * {@link app.scantill.catalog.ProductRules}) and reports the ones it skips instead of failing, and the
 * catalog file's editing: {@link app.scantill.catalog.CatalogStore} (atomic saves that keep untouched rows),
 * {@link app.scantill.catalog.CatalogWatcher} (hand edits) and {@link app.scantill.catalog.CatalogImport}.
 */
package app.scantill.catalog;
