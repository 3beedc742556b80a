package app.scantill.config;

import app.scantill.text.Texts;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder where ScanTill keeps its data (the sales journal, the sandbox's sessions), by
 * operating system. Data, not configuration or cache: it must survive cache cleaners and must not roam.
 */
public final class DataFolder {

    private DataFolder() {
    }

    /**
     * {@code %LOCALAPPDATA%\ScanTill} on Windows, {@code ~/Library/Application Support/ScanTill} on
     * macOS, {@code $XDG_DATA_HOME/scantill} or {@code ~/.local/share/scantill} elsewhere.
     */
    public static Path defaultFor(Map<String, String> env, Path home, String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = Texts.isBlank(local) ? home.resolve("AppData").resolve("Local") : Path.of(local);
            return base.resolve("ScanTill");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("ScanTill");
        }
        // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
        Path xdg = absolutePath(env.get("XDG_DATA_HOME"));
        return (xdg != null ? xdg : home.resolve(".local").resolve("share")).resolve("scantill");
    }

    private static Path absolutePath(String text) {
        if (Texts.isBlank(text)) {
            return null;
        }
        try {
            Path p = Path.of(text.strip());
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

}
