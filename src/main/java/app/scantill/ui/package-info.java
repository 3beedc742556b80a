/**
 * JavaFX screens, one sub-package per feature (XView builds nodes, XViewModel holds state and
 * commands), {@code support} for threading, and the shared {@link app.scantill.ui.Theme}.
 */
package app.scantill.ui;
