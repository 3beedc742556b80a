package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The manager PIN: only a salted hash is kept, set from the command line into a private config file. */
class ManagerPinTest {

    @TempDir
    Path dir;

    @Test
    void theHashMatchesItsPinOnlyAndNeverShowsIt() {
        ManagerPin pin = ManagerPin.hash("4711".toCharArray());

        assertThat(pin.matches("4711".toCharArray())).isTrue();
        assertThat(pin.matches("4712".toCharArray())).isFalse();
        assertThat(pin.matches(new char[0])).isFalse();
        assertThat(pin.stored()).startsWith("pbkdf2-sha256$210000$").doesNotContain("4711");
        assertThat(pin.toString()).doesNotContain(pin.stored()).doesNotContain("4711");
        assertThat(ManagerPin.parse(pin.stored())).isEqualTo(pin);
        assertThat(ManagerPin.hash("4711".toCharArray()).stored()).as("salted").isNotEqualTo(pin.stored());
    }

    @Test
    void onlyFourToTwelveDigitsMakeAPinAndGarbageIsNoHash() {
        assertThatThrownBy(() -> ManagerPin.hash("123".toCharArray())).hasMessageContaining("4 to 12 digits");
        assertThatThrownBy(() -> ManagerPin.hash("12a4".toCharArray())).hasMessageContaining("digits only");
        assertThatThrownBy(() -> ManagerPin.parse("4711")).hasMessage("not a PIN hash written by --set-manager-pin");
    }

    @Test
    void setUpWritesTheHashIntoAPrivateConfigFileKeepingItsOtherLines() throws Exception {
        Path file = dir.resolve("scantill.properties");
        Files.writeString(file, "register.id=till-9\nmanager.pin_hash=old\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = PinSetup.run(new String[] {"--set-manager-pin", "--config=" + file},
                UserEnvironment.of(Map.of(), dir), answers("2468", "2468"), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2).first().isEqualTo("register.id=till-9");
        assertThat(PinSetup.read(file, PinSetup.Pin.MANAGER)).hasValueSatisfying(p -> assertThat(p.matches("2468".toCharArray())).isTrue());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("2468");
        AppConfig config = AppConfig.load(List.of("--config=" + file), UserEnvironment.of(Map.of(), dir));
        assertThat(config.get(Settings.MANAGER_PIN)).hasValueSatisfying(p -> assertThat(p.matches("2468".toCharArray())).isTrue());
    }

    @Test
    void twoDifferentAnswersWriteNothing() throws Exception {
        Path file = dir.resolve("scantill.properties");

        int status = PinSetup.run(new String[] {"--config=" + file}, UserEnvironment.of(Map.of(), dir),
                answers("2468", "2469"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(file).doesNotExist();
    }

    private static PinSetup.PinReader answers(String... lines) {
        Deque<String> queue = new ArrayDeque<>(List.of(lines));
        return prompt -> queue.removeFirst().toCharArray();
    }
}
