/**
 * The product editor (F3): a manager adds, edits, retires, imports and exports products in a window of its
 * own; the catalog file's rules, writes and watch are in {@code app.scantill.catalog} (docs/catalog-editor.md).
 */
package app.scantill.ui.editor;
