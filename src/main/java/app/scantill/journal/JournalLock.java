package app.scantill.journal;

import app.scantill.config.MachineName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock a till holds on its journal for as long as it runs, so two ScanTill processes never work on
 * one journal (both would run recovery and charge the same open sales). It is an operating-system lock
 * on a file beside the journal ({@code journal.db.lock}), never on the database itself, whose locks
 * belong to SQLite; the system drops it when the process ends, however it ends. The file names the
 * register, machine and process holding it, for the message the second till shows.
 */
public final class JournalLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the journal at {@code journal} for {@code registerId}.
     *
     * @throws RegisterInUseException when another process (or this one) holds it
     * @throws JournalOpenException when the lock file cannot be created
     */
    public static JournalLock acquire(Path journal, String registerId) {
        Path file = lockFile(journal);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                OwnerOnlyFiles.create(file);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = read(channel);
                channel.close();
                throw held(journal, registerId, holder);
            }
            String me = "register=" + registerId + "\nhost=" + MachineName.current() + "\npid="
                    + ProcessHandle.current().pid() + "\nsince=" + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new JournalLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalOpenException(JournalOpenException.Reason.NOT_WRITABLE, journal, "The lock file " + file
                    + " of the sales journal cannot be used (" + e.getMessage() + "). Check the folder's permissions.",
                    e);
        }
    }

    static Path lockFile(Path journal) {
        Path f = journal.toAbsolutePath().normalize();
        return f.resolveSibling(f.getFileName() + ".lock");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel's close below releases it too.
        }
        closeQuietly(channel);
    }

    private static RegisterInUseException held(Path journal, String registerId, String holder) {
        Instant since;
        try {
            since = Instant.parse(field(holder, "since", ""));
        } catch (java.time.format.DateTimeParseException unknown) {
            since = null;
        }
        return new RegisterInUseException(field(holder, "register", registerId), field(holder, "host", "unknown"),
                field(holder, "pid", "?"), since, journal.toAbsolutePath().normalize());
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static String field(String text, String name, String otherwise) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "=") && line.length() > name.length() + 1) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return otherwise;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to release.
            }
        }
    }
}
