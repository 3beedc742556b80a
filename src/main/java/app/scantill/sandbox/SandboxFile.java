package app.scantill.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The sandbox's sessions on disk, so a restarted app finds its open sales where Stripe would keep
 * them. Written whole and atomically (temp file, fsync, atomic rename): a crash mid-write leaves
 * the previous version, never half a file.
 */
final class SandboxFile {

    private static final System.Logger LOG = System.getLogger(SandboxFile.class.getName());
    private static final Gson GSON = new Gson();

    private final Path path;

    SandboxFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /**
     * The stored state, or empty when there is no file yet. A file that cannot be read as sandbox
     * state is moved aside (kept for inspection) rather than stopping the app: it holds only test
     * payments, never real money.
     */
    Optional<SandboxState> load() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            String json = Files.readString(path, StandardCharsets.UTF_8);
            SandboxState state = GSON.fromJson(json, SandboxState.class);
            if (state == null || state.version != SandboxState.FORMAT_VERSION || state.sessions == null) {
                throw new JsonParseException("not a sandbox state file of version " + SandboxState.FORMAT_VERSION);
            }
            return Optional.of(state);
        } catch (IOException | JsonParseException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + Instant.now().getEpochSecond());
            LOG.log(Level.WARNING, "Sandbox file " + path + " is unreadable (" + e.getMessage()
                    + "); moved to " + aside + " and starting empty");
            try {
                Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new IllegalStateException("Sandbox file " + path + " is unreadable and cannot be moved aside",
                        moveFailed);
            }
            return Optional.empty();
        }
    }

    void save(SandboxState state) {
        byte[] bytes = GSON.toJson(state).getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write sandbox file " + path, e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, hence best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "directory fsync not available here: " + e.getMessage());
        }
    }
}
