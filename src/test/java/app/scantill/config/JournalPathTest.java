package app.scantill.config;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the sales journal lives: the setting {@code journal.path}, its default and its short forms. */
class JournalPathTest {

    private static final Path ALICE = Path.of("/home/alice");

    @TempDir
    Path dir;

    private static Path journal(Map<String, String> env, String os, String... args) {
        AppConfig config = AppConfig.load(List.of(args), new UserEnvironment(env, ALICE, os));
        assertThat(config.problems()).isEmpty();
        return config.journalPath();
    }

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(journal(Map.of("XDG_DATA_HOME", "/data/alice"), "Linux"))
                .isEqualTo(Path.of("/data/alice/scantill/journal.db"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsMissingOrRelative() {
        Path expected = Path.of("/home/alice/.local/share/scantill/journal.db");
        assertThat(journal(Map.of(), "Linux")).isEqualTo(expected);
        assertThat(journal(Map.of("SCANTILL_JOURNAL", " ", "XDG_DATA_HOME", "relative/dir"), "Linux"))
                .isEqualTo(expected);
    }

    @Test
    void macAndWindowsUseTheirUserDataFolders() {
        assertThat(journal(Map.of(), "Mac OS X"))
                .isEqualTo(Path.of("/home/alice/Library/Application Support/ScanTill/journal.db"));
        assertThat(journal(Map.of("LOCALAPPDATA", "/c/Users/bob/AppData/Local"), "Windows 11"))
                .isEqualTo(Path.of("/c/Users/bob/AppData/Local/ScanTill/journal.db"));
    }

    @Test
    void theJournalFollowsTheDataFolderUnlessItsPathIsSet() {
        assertThat(journal(Map.of(), "Linux", "--data.dir=/srv/till")).isEqualTo(Path.of("/srv/till/journal.db"));
        assertThat(journal(Map.of("SCANTILL_DATA_DIR", "/srv/till"), "Linux", "--journal.path=/var/sales.db"))
                .isEqualTo(Path.of("/var/sales.db"));
    }

    @Test
    void overrideNamesTheFileOrAFolderToPutItIn() throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", "/data/alice");
        assertThat(journal(env, "Linux", "--journal.path=/srv/till/sales.db")).isEqualTo(Path.of("/srv/till/sales.db"));
        assertThat(journal(env, "Linux", "--journal.path=~/tills/front.db"))
                .isEqualTo(Path.of("/home/alice/tills/front.db"));
        Path folder = Files.createDirectory(dir.resolve("till"));
        assertThat(journal(env, "Linux", "--journal.path=" + folder)).isEqualTo(folder.resolve("journal.db"));
        assertThat(journal(env, "Linux", "--journal.path=/srv/new-folder/"))
                .isEqualTo(Path.of("/srv/new-folder/journal.db"));
    }

    @Test
    void commandLineShortFormBeatsTheEnvironmentVariable() {
        Map<String, String> env = Map.of("SCANTILL_JOURNAL", "/from/env.db");

        assertThat(journal(env, "Linux")).isEqualTo(Path.of("/from/env.db"));
        assertThat(journal(env, "Linux", "--journal=/from/cli.db")).isEqualTo(Path.of("/from/cli.db"));
    }

    @Test
    void readingTheSettingLeavesSystemPropertiesAlone() {
        Map<Object, Object> before = Map.copyOf(System.getProperties());

        journal(Map.of(), "Linux", "--journal=/tmp/till.db");

        assertThat(Map.copyOf(System.getProperties())).isEqualTo(before);
    }

    @Test
    void anUnusablePathIsAProblemAndTheDefaultIsKept() {
        AppConfig config = AppConfig.load(List.of("--journal=", "--data.dir=/srv/till"),
                new UserEnvironment(Map.of(), ALICE, "Linux"));

        assertThat(config.journalPath()).isEqualTo(Path.of("/srv/till/journal.db"));
        assertThat(config.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("journal.path");
            assertThat(p.source()).isEqualTo("--journal");
            assertThat(English.text(p.message())).contains("not a valid path");
        });
    }
}
