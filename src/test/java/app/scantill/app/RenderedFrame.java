package app.scantill.app;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Times what the eye sees: the moment the first frame that shows a change has been painted, not the
 * layout pulse before painting (ADR 0190).
 *
 * <p>How: a post-layout pulse listener finds the first pulse in which {@code condition} holds on the
 * laid-out scene and arms the watch; JavaFX's own per-scene {@link PerformanceTracker} runs its
 * "rendered frame" task on the render thread once a frame of that scene has been painted and handed to
 * the screen ({@code PaintCollector.done}). The frame of pulse N is rendered after that pulse's
 * post-layout listeners (the scene graph is synchronised after them) and before pulse N+1 starts
 * ({@code PaintCollector.renderAll} waits for it), so the first rendered frame after arming is the
 * one that carries the change.
 *
 * <p>JavaFX is on the class path (unnamed module): {@code com.sun.javafx.perf} is reachable without
 * flags. One instance per scene; one watch at a time.
 */
final class RenderedFrame {

    private final Scene scene;
    private final AtomicReference<CompletableFuture<Long>> armed = new AtomicReference<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong laidOutAt = new AtomicLong();

    private RenderedFrame(Scene scene) {
        this.scene = scene;
    }

    /** Hooks into {@code scene}'s rendering; call on the JavaFX thread once. */
    static RenderedFrame of(Scene scene) {
        RenderedFrame frames = new RenderedFrame(scene);
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(frames::frameRendered);
        return frames;
    }

    /**
     * Completes with the {@link System#nanoTime()} at which the first frame showing {@code condition}
     * had been painted. Call on the JavaFX thread, before causing the change.
     */
    CompletableFuture<Long> whenPainted(Predicate<Parent> condition) {
        CompletableFuture<Long> painted = new CompletableFuture<>();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (condition.test(scene.getRoot())) {
                laidOutAt.set(System.nanoTime());
                scene.removePostLayoutPulseListener(listener[0]);
                if (!armed.compareAndSet(null, painted)) {
                    painted.completeExceptionally(new IllegalStateException("another frame is being watched"));
                }
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        return painted;
    }

    /** When the last watch was armed: the {@link System#nanoTime()} of the layout pulse that first showed its change. */
    long laidOutAt() {
        return laidOutAt.get();
    }

    /** How many frames of the scene have been painted since {@link #of}. */
    long framesPainted() {
        return frames.get();
    }

    /** Render thread: a frame of the scene has been painted. */
    private void frameRendered() {
        long at = System.nanoTime();
        frames.incrementAndGet();
        CompletableFuture<Long> painted = armed.getAndSet(null);
        if (painted != null) {
            painted.complete(at);
        }
    }
}
