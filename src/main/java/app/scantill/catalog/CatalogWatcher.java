package app.scantill.catalog;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Picks up a change made to the catalog file while the till runs (an owner's text editor, a copy, a
 * {@code git pull}): a {@link WatchService} on the file's folder, events for other files ignored, a quiet
 * time ({@link #DEBOUNCE}) so an editor's several writes make one reload, then
 * {@link CatalogStore#reloadIfChanged()}, which skips the till's own saves by their content hash (ADR 0161).
 */
public final class CatalogWatcher implements AutoCloseable {

    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    private static final System.Logger LOG = System.getLogger(CatalogWatcher.class.getName());

    private final CatalogStore store;
    private final Duration quiet;
    private final Consumer<CatalogLoadResult> onReload;
    private final WatchService watch;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private ScheduledFuture<?> pending;

    private CatalogWatcher(CatalogStore store, Duration quiet, Consumer<CatalogLoadResult> onReload)
            throws IOException {
        this.store = store;
        this.quiet = quiet;
        this.onReload = onReload;
        Path folder = store.target().getParent();
        Files.createDirectories(folder);
        this.watch = FileSystems.getDefault().newWatchService();
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "catalog-reload"));
        this.thread = daemon(this::run, "catalog-watcher");
    }

    /**
     * Watches {@code store}'s file; {@code onReload} gets each catalog read after a change, on the watcher's
     * own thread (the caller hands it to the screen).
     *
     * @throws IOException when the folder cannot be watched (the till then works without reloading)
     */
    public static CatalogWatcher start(CatalogStore store, Duration quiet, Consumer<CatalogLoadResult> onReload)
            throws IOException {
        CatalogWatcher watcher = new CatalogWatcher(Objects.requireNonNull(store, "store"), quiet,
                Objects.requireNonNull(onReload, "onReload"));
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        Path name = store.target().getFileName();
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    ours |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
                }
                key.reset();
                if (ours) {
                    schedule();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the till is stopping
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::reload, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            store.reloadIfChanged().ifPresent(onReload);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The catalog could not be read again after a change", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Catalog watch closed with " + e);
        }
        timer.shutdownNow();
    }
}
