package app.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void versionOptionPrintsTheVersionsAndExitsWithoutStartingJavaFx() throws Exception {
        Path classLog = dir.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--version")
                .redirectErrorStream(true);
        // No display and no headless platform: had JavaFX started, it would fail or hang here.
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }

        assertThat(ended).as("--version returned").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output.lines().toList()).containsExactly(
                "ScanTill " + Main.version(),
                "Stripe API 2026-07-29.dahlia (stripe-java 33.3.0)");
        assertThat(Stripe.API_VERSION).as("the Stripe API version STRIPE_NOTES.md is written for")
                .isEqualTo("2026-07-29.dahlia");
        assertThat(Files.readAllLines(classLog)).noneMatch(line -> line.contains(" javafx."));
    }

    @Test
    void theVersionComesFromTheBuildNotAPlaceholder() {
        assertThat(Main.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
