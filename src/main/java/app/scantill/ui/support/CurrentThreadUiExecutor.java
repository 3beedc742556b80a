package app.scantill.ui.support;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs everything immediately on the calling thread. For tests and for code paths already on the
 * UI thread that want deterministic, step-by-step behaviour; never for real network or disk work.
 */
public final class CurrentThreadUiExecutor implements UiExecutor {

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public Executor background() {
        return Runnable::run;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
