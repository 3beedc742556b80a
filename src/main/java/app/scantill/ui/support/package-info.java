/**
 * The one place that knows about the JavaFX application thread and background executors. Every
 * view model takes a {@link app.scantill.ui.support.UiExecutor} and hands work and results through
 * it; the app gives them {@link app.scantill.ui.support.FxUiExecutor}, tests one that runs
 * everything on the calling thread.
 */
package app.scantill.ui.support;
