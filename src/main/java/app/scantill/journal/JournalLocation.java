package app.scantill.journal;

import app.scantill.text.Texts;
import app.scantill.config.DataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the journal file lives: an explicit override first (system property {@value #PROPERTY}, then
 * environment variable {@value #ENV}), otherwise the per-user data folder of the operating system.
 * The journal is data, not configuration or cache: it must survive cache cleaners and must not roam.
 */
public final class JournalLocation {

    public static final String PROPERTY = "scantill.journal";
    public static final String ENV = "SCANTILL_JOURNAL";
    public static final String FILE_NAME = "journal.db";

    private JournalLocation() {
    }

    /** The location for this process, from its system properties and environment. */
    public static Path fromEnvironment() {
        String override = System.getProperty(PROPERTY);
        if (Texts.isBlank(override)) {
            override = System.getenv(ENV);
        }
        return resolve(override, System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
    }

    /**
     * Resolves the journal file. An override naming an existing folder (or ending in a separator)
     * means {@value #FILE_NAME} inside it; a leading {@code ~/} is the user's home.
     */
    public static Path resolve(String override, Map<String, String> env, String userHome, String osName) {
        Path home = Path.of(userHome);
        if (!Texts.isBlank(override)) {
            String o = override.strip();
            Path p = o.equals("~") ? home : o.startsWith("~/") ? home.resolve(o.substring(2)) : Path.of(o);
            boolean folder = o.endsWith("/") || o.endsWith("\\") || Files.isDirectory(p);
            return (folder ? p.resolve(FILE_NAME) : p).toAbsolutePath().normalize();
        }
        return DataFolder.defaultFor(env, home, osName).resolve(FILE_NAME).toAbsolutePath().normalize();
    }

}
