package app.scantill.ui.support;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work (file reads, Stripe calls, database writes) away from the JavaFX thread and hands
 * the result back on it, so a view model can update its properties without knowing about threads.
 */
public interface UiExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} with its result or
     * {@code onFailure} with what it threw, both on the UI thread.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread: now if already there, else as soon as possible. */
    void onUiThread(Runnable action);

    /** The background side alone, for view models that hand results back themselves. */
    Executor background();

    /** The UI side as an {@link Executor}. */
    default Executor ui() {
        return this::onUiThread;
    }
}
