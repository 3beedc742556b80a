package app.scantill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalLocationTest {

    @TempDir
    Path dir;

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(JournalLocation.resolve(null, Map.of("XDG_DATA_HOME", "/data/alice"), "/home/alice", "Linux"))
                .isEqualTo(Path.of("/data/alice/scantill/journal.db"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsMissingOrRelative() {
        Path expected = Path.of("/home/alice/.local/share/scantill/journal.db");
        assertThat(JournalLocation.resolve(null, Map.of(), "/home/alice", "Linux")).isEqualTo(expected);
        assertThat(JournalLocation.resolve(" ", Map.of("XDG_DATA_HOME", "relative/dir"), "/home/alice", "Linux"))
                .isEqualTo(expected);
    }

    @Test
    void macAndWindowsUseTheirUserDataFolders() {
        assertThat(JournalLocation.resolve(null, Map.of(), "/Users/bob", "Mac OS X"))
                .isEqualTo(Path.of("/Users/bob/Library/Application Support/ScanTill/journal.db"));
        assertThat(JournalLocation.resolve(null, Map.of("LOCALAPPDATA", "/c/Users/bob/AppData/Local"), "/c/Users/bob",
                "Windows 11")).isEqualTo(Path.of("/c/Users/bob/AppData/Local/ScanTill/journal.db"));
    }

    @Test
    void overrideNamesTheFileOrAFolderToPutItIn() throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", "/data/alice");
        assertThat(JournalLocation.resolve("/srv/till/sales.db", env, "/home/alice", "Linux"))
                .isEqualTo(Path.of("/srv/till/sales.db"));
        assertThat(JournalLocation.resolve("~/tills/front.db", env, "/home/alice", "Linux"))
                .isEqualTo(Path.of("/home/alice/tills/front.db"));
        Path folder = Files.createDirectory(dir.resolve("till"));
        assertThat(JournalLocation.resolve(folder.toString(), env, "/home/alice", "Linux"))
                .isEqualTo(folder.resolve("journal.db"));
        assertThat(JournalLocation.resolve("/srv/new-folder/", env, "/home/alice", "Linux"))
                .isEqualTo(Path.of("/srv/new-folder/journal.db"));
    }
}
