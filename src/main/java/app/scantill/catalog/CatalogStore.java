package app.scantill.catalog;

import app.scantill.i18n.Message;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The till's catalog file: read at start-up, saved by the product editor, read again when someone edits it
 * by hand. Every read and write of the file goes through here, one at a time, off the JavaFX thread.
 *
 * <p>Where: the editor writes {@code target}; until that file exists the till reads {@code source} (the
 * sample catalog shipped with the app, in a folder the till may not write), and the first save writes the
 * edited copy to {@code target} in the data folder (docs/catalog-editor.md).
 *
 * <p>The store remembers a hash of the bytes it last read or wrote, so the file watcher's event for the
 * editor's own write does not load the catalog a second time, and a hand edit that breaks the whole file
 * (no header, emptied, deleted) keeps the last good catalog on the till with the problems listed (ADR 0161).
 */
public final class CatalogStore {

    /** What a save did: the catalog as written and read back, or why nothing was written. */
    public record SaveOutcome(Optional<CatalogLoadResult> saved, Optional<Message> refusal) {

        static SaveOutcome saved(CatalogLoadResult result) {
            return new SaveOutcome(Optional.of(result), Optional.empty());
        }

        static SaveOutcome refused(Message why) {
            return new SaveOutcome(Optional.empty(), Optional.of(why));
        }
    }

    private static final System.Logger LOG = System.getLogger(CatalogStore.class.getName());

    private final Path source;
    private final Path target;
    private final CatalogLoader loader;
    private final AtomicFileWriter writer;
    private byte[] lastHash = new byte[0];
    private Catalog lastGood = Catalog.empty();

    public CatalogStore(Path source, Path target, CatalogLoader loader, AtomicFileWriter writer) {
        this.source = Objects.requireNonNull(source, "source").toAbsolutePath();
        this.target = Objects.requireNonNull(target, "target").toAbsolutePath();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** A catalog file the till both reads and writes. */
    public static CatalogStore at(Path file) {
        return new CatalogStore(file, file, new CatalogLoader(), new AtomicFileWriter());
    }

    /** The file the till reads now: the target once it exists, else the source. */
    public synchronized Path path() {
        return Files.exists(target) ? target : source;
    }

    /** The file the editor writes and the watcher watches. */
    public Path target() {
        return target;
    }

    /** Reads the catalog (start-up, or the editor opening). Never throws: problems come back in the result. */
    public synchronized CatalogLoadResult load() {
        Path path = path();
        lastHash = hash(readOrEmpty(path));
        CatalogLoadResult result = loader.load(path);
        if (!result.catalog().isEmpty()) {
            lastGood = result.catalog();
        }
        return result;
    }

    /**
     * Reads the catalog again when the file's bytes differ from what this store last read or wrote (the
     * watcher's check); empty when they do not. A file that now yields no product at all while the till had
     * some keeps the last good catalog, with the file's problems and a line saying so.
     */
    public synchronized Optional<CatalogLoadResult> reloadIfChanged() {
        Path path = path();
        byte[] hash = hash(readOrEmpty(path));
        if (Arrays.equals(hash, lastHash)) {
            return Optional.empty();
        }
        lastHash = hash;
        CatalogLoadResult result = loader.load(path);
        if (result.catalog().isEmpty() && !lastGood.isEmpty()) {
            List<CatalogProblem> problems = new ArrayList<>(result.problems());
            problems.add(0, CatalogProblem.ofFile(Message.of("catalog.reload.kept_previous", lastGood.size())));
            return Optional.of(new CatalogLoadResult(lastGood, problems, result.source()));
        }
        lastGood = result.catalog();
        return Optional.of(result);
    }

    /**
     * Applies {@code edit} to the file as it is on disk now and writes it atomically, keeping the previous
     * version as {@code NAME.bak}. Refused, with nothing written, when the file cannot be edited without losing
     * what it holds, or when the result would not read back as the edit meant (a duplicate made meanwhile).
     */
    public synchronized SaveOutcome save(CatalogEdit edit) {
        Path path = path();
        byte[] before;
        try {
            before = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
        } catch (IOException | RuntimeException e) {
            return SaveOutcome.refused(Message.of("catalog.editor.unreadable", path.toString(), describe(e)));
        }
        Optional<CatalogDocument> document = CatalogDocument.read(before);
        if (document.isEmpty()) {
            return SaveOutcome.refused(Message.of("catalog.editor.not_editable", path.toString()));
        }
        edit.applyTo(document.get());
        byte[] after = document.get().bytes();
        CatalogLoadResult readBack = loader.parse(after, target.toString());
        Optional<Message> mismatch = mismatch(edit, readBack.catalog());
        if (mismatch.isPresent()) {
            return SaveOutcome.refused(mismatch.get());
        }
        if (Arrays.equals(after, before) && path.equals(target)) {
            return SaveOutcome.saved(readBack);
        }
        try {
            writer.write(target, after, true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Catalog " + target + " was not saved; the file is as it was", e);
            return SaveOutcome.refused(Message.of("catalog.editor.save_failed", target.toString(), describe(e)));
        }
        lastHash = hash(after);
        if (!readBack.catalog().isEmpty()) {
            lastGood = readBack.catalog();
        }
        LOG.log(Level.INFO, "Catalog " + target + " saved: " + readBack.catalog().size() + " products");
        return SaveOutcome.saved(readBack);
    }

    /** Writes {@code products} to {@code file} (an export), in the editor's format, atomically. */
    public void export(List<Product> products, Path file) throws IOException {
        writer.write(file, CatalogDocument.of(products).bytes(), false);
    }

    private static Optional<Message> mismatch(CatalogEdit edit, Catalog written) {
        for (Product product : edit.written()) {
            if (!written.bySku(product.sku()).map(product::equals).orElse(false)) {
                return Optional.of(Message.of("catalog.editor.conflict", product.sku()));
            }
        }
        for (String sku : edit.retired()) {
            if (written.bySku(sku).isPresent()) {
                return Optional.of(Message.of("catalog.editor.conflict", sku));
            }
        }
        return Optional.empty();
    }

    private static byte[] readOrEmpty(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new byte[0];
        }
    }

    private static byte[] hash(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
