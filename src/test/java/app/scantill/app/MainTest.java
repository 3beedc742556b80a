package app.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void withNoCatalogConfiguredTheBundledSampleCatalogIsUsed() {
        Path bundled = dir.resolve("app/assets/catalog.csv");

        List<String> args = Main.withBundledCatalog(List.of("--register.id=till-2"), Optional.of(bundled),
                Map.of(), home());

        assertThat(args).containsExactly("--register.id=till-2", "--catalog.path=" + bundled);
    }

    @Test
    void aCatalogOnTheCommandLineWins() {
        List<String> given = List.of("--catalog=shop.csv");

        assertThat(Main.withBundledCatalog(given, Optional.of(dir.resolve("bundled.csv")), Map.of(), home()))
                .containsExactly("--catalog=shop.csv");
    }

    @Test
    void aCatalogInTheEnvironmentWins() {
        assertThat(Main.withBundledCatalog(List.of(), Optional.of(dir.resolve("bundled.csv")),
                Map.of("SCANTILL_CATALOG", "/srv/shop.csv"), home())).isEmpty();
    }

    @Test
    void aCatalogInTheUsersConfigFileWins() throws IOException {
        Path file = home().resolve(".config/scantill/scantill.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "catalog.path=/srv/shop.csv\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(Main.withBundledCatalog(List.of(), Optional.of(dir.resolve("bundled.csv")), Map.of(), home()))
                .isEmpty();
    }

    @Test
    void withoutABundledCatalogTheArgumentsStayAsGiven() {
        assertThat(Main.withBundledCatalog(List.of("--register.id=till-2"), Optional.empty(), Map.of(), home()))
                .containsExactly("--register.id=till-2");
    }

    @Test
    void theBundledCatalogIsTheOneBesideTheAppsJar() throws IOException {
        Path jar = Files.createFile(dir.resolve("scantill.jar"));
        Path catalog = dir.resolve("assets/catalog.csv");
        Files.createDirectories(catalog.getParent());
        Files.writeString(catalog, "sku,barcode,name,price,currency,category\n");

        assertThat(Main.bundledCatalogBeside(jar)).contains(catalog.toAbsolutePath());
    }

    @Test
    void aDevelopmentBuildOrAJarWithoutAssetsHasNoBundledCatalog() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("assets"));
        Files.writeString(classes.resolve("assets/catalog.csv"), "");
        Path lonelyJar = Files.createFile(Files.createDirectories(dir.resolve("lib")).resolve("scantill.jar"));

        assertThat(Main.bundledCatalogBeside(classes)).isEmpty();
        assertThat(Main.bundledCatalogBeside(lonelyJar)).isEmpty();
    }

    private Path home() {
        return dir.resolve("home");
    }
}
