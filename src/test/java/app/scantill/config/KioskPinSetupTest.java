package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk PIN is set as the manager PIN is: a salted hash from the command line into a private config file. */
class KioskPinSetupTest {

    @TempDir
    Path dir;

    @Test
    void setKioskPinWritesItsOwnHashAndLeavesTheManagerPinAlone() throws Exception {
        Path file = dir.resolve("scantill.properties");
        String manager = ManagerPin.hash("1357".toCharArray()).stored();
        Files.writeString(file, "manager.pin_hash=" + manager + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"--set-kiosk-pin", "--config=" + file};

        assertThat(PinSetup.requested(args)).isTrue();
        int status = PinSetup.run(args, UserEnvironment.of(Map.of(), dir), answers("8642", "8642"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("kiosk PIN").doesNotContain("8642");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        AppConfig config = AppConfig.load(List.of("--config=" + file), UserEnvironment.of(Map.of(), dir));
        assertThat(config.get(Settings.KIOSK_PIN)).hasValueSatisfying(p -> {
            assertThat(p.matches("8642".toCharArray())).isTrue();
            assertThat(p.matches("1357".toCharArray())).isFalse();
        });
        assertThat(config.get(Settings.MANAGER_PIN)).hasValueSatisfying(p -> assertThat(p.matches("1357".toCharArray()))
                .isTrue());
        assertThat(Files.readString(file)).doesNotContain("8642");
    }

    private static PinSetup.PinReader answers(String... lines) {
        Deque<String> queue = new ArrayDeque<>(List.of(lines));
        return prompt -> queue.removeFirst().toCharArray();
    }
}
