package app.scantill.ui.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Background work waits in a queue until the test runs it; results are delivered at once on the
 * thread that runs it. Lets a test see a view model between a command and its answer, or answer two
 * requests in the other order.
 */
public final class QueuedUiExecutor implements UiExecutor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public Executor background() {
        return queued::add;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    /** The work not run yet, oldest first; the test may take items out and run them itself. */
    public Deque<Runnable> queued() {
        return queued;
    }

    /** Runs queued work, and whatever that work queues, until nothing is left. */
    public void runAll() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }
}
