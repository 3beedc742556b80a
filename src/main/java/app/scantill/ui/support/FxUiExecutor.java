package app.scantill.ui.support;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/** The application's {@link UiExecutor}: a small pool of daemon threads plus {@link Platform#runLater}. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FxUiExecutor.class.getName());

    private final ExecutorService background;

    public FxUiExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "scantill-worker-" + count.incrementAndGet());
            // Daemon: a stuck network call must not keep the till's process alive after the window closes.
            thread.setDaemon(true);
            return thread;
        };
        this.background = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public Executor background() {
        return background;
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            if (!background.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "Background work still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
