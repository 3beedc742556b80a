/**
 * The products a register sells: {@link app.scantill.catalog.Product}, the searchable
 * {@link app.scantill.catalog.Catalog}, and the CSV loader that validates every row and reports the
 * ones it skips instead of failing.
 */
package app.scantill.catalog;
