package app.scantill.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The journal's files hold the shop's takings: readable and writable by their owner only ({@code 0600}),
 * like the sandbox file and the config file that holds a key. On a file system without POSIX
 * permissions (FAT, some network shares) nothing can be done and nothing is refused.
 */
final class OwnerOnlyFiles {

    private static final System.Logger LOG = System.getLogger(OwnerOnlyFiles.class.getName());
    static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private OwnerOnlyFiles() {
    }

    /** Creates an empty file that only its owner may read, before anything is written to it. */
    static void create(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            restrict(file);
        } catch (UnsupportedOperationException noPosix) {
            LOG.log(System.Logger.Level.DEBUG, "No POSIX permissions for {0}", file);
        } catch (IOException e) {
            // SQLite creates the file itself then; its mode is tightened once it is open.
            LOG.log(System.Logger.Level.DEBUG, "Could not create " + file + " ahead of SQLite: " + e.getMessage());
        }
    }

    /** Takes group and other access away from those of {@code files} that exist. */
    static void restrict(Path... files) {
        for (Path file : files) {
            try {
                if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                    LOG.log(System.Logger.Level.INFO, "{0} made readable by its owner only (0600)", file);
                }
            } catch (UnsupportedOperationException noPosix) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not make " + file + " private to its owner: "
                        + e.getMessage());
            }
        }
    }
}
