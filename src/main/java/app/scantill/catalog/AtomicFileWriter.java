package app.scantill.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a file so that a reader (the till, the owner's editor, a crash) sees either the old content or the
 * new, never half of it: the bytes go to a temporary file in the same folder, are forced to the disk, the
 * old file is copied to {@code NAME.bak} (the one previous version), and the temporary file is renamed over
 * the old one, atomically where the file system can (ADR 0160).
 */
public final class AtomicFileWriter {

    /** The last step of a write: the new content takes the old one's place. */
    @FunctionalInterface
    public interface Replace {
        void replace(Path temporary, Path target) throws IOException;
    }

    /** A rename over the old file; where the file system refuses an atomic one, a plain replacing move. */
    public static final Replace RENAME = (temporary, target) -> {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private static final System.Logger LOG = System.getLogger(AtomicFileWriter.class.getName());

    private final Replace replace;

    public AtomicFileWriter() {
        this(RENAME);
    }

    /** @param replace how the new content takes the old one's place (tests make it fail, as a crash would) */
    public AtomicFileWriter(Replace replace) {
        this.replace = Objects.requireNonNull(replace, "replace");
    }

    /** The backup of {@code target}: its previous version, {@code catalog.csv.bak} beside {@code catalog.csv}. */
    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    /**
     * Writes {@code bytes} to {@code target}, keeping the previous version as {@link #backupOf} when asked.
     * On failure the target is as it was and no temporary file is left behind.
     */
    public void write(Path target, byte[] bytes, boolean keepBackup) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        boolean existed = Files.isRegularFile(absolute);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            writeAndForce(temporary, bytes);
            if (existed) {
                copyPermissions(absolute, temporary);
                if (keepBackup) {
                    backUp(absolute, folder);
                }
            }
            replace.replace(temporary, absolute);
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeAndForce(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** The backup is written the same way: a crash while copying leaves the previous backup whole. */
    private static void backUp(Path target, Path folder) throws IOException {
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".bak.", ".tmp");
        try {
            writeAndForce(temporary, Files.readAllBytes(target));
            copyPermissions(target, temporary);
            RENAME.replace(temporary, backupOf(target));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A temporary file is the owner's alone; the catalog keeps the permissions it had. */
    private static void copyPermissions(Path from, Path to) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, permissions);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the new file gets the folder's defaults.
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (Linux, macOS). */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Folder " + folder + " could not be synced: " + e);
        }
    }
}
