/**
 * The one place that knows about the JavaFX application thread and background executors. View
 * models hand work to a {@link app.scantill.ui.support.UiExecutor}; tests give them one that runs
 * everything at once on the calling thread.
 */
package app.scantill.ui.support;
