package app.scantill.ui.support;

import java.util.concurrent.Executor;

/**
 * Runs everything at once on the calling thread, so a view model test reads its results right
 * after the command, with no waiting. Never for real network or disk work on the JavaFX thread.
 */
public final class CurrentThreadUiExecutor implements UiExecutor {

    @Override
    public Executor background() {
        return Runnable::run;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
