package app.scantill.ui.support;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way between the JavaFX thread and the rest: slow work (file reads, journal reads, QR
 * encoding) runs on {@link #background()}, and whatever comes back (a result, a failure, a status
 * from a service's own thread) reaches the view model through {@link #onUiThread}. Every view model
 * takes one of these and nothing else, so they all hand results back the same way and a test can
 * give them one that runs on its own thread (see the test sources).
 */
public interface UiExecutor {

    /** Where slow work runs; never the JavaFX thread. */
    Executor background();

    /** Runs {@code action} on the UI thread: now if already there, else as soon as possible. */
    void onUiThread(Runnable action);

    /**
     * Runs {@code work} on {@link #background()}, then {@code onSuccess} with its result or
     * {@code onFailure} with what it threw, both through {@link #onUiThread}. Nothing thrown by the
     * work escapes to the background thread: bad input ends in {@code onFailure}, never in a crash.
     */
    default <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        background().execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                onUiThread(() -> onFailure.accept(failure));
                return;
            }
            onUiThread(() -> onSuccess.accept(result));
        });
    }
}
