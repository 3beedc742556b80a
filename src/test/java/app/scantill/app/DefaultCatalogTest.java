package app.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which catalog a till opens with: the one the shop configured anywhere, else the sample it ships with. */
class DefaultCatalogTest {

    @TempDir
    Path dir;

    @Test
    void withNoCatalogConfiguredTheSampleCatalogIsUsed() {
        AppConfig config = AppConfig.load(List.of("--register.id=till-2"), Map.of(), home());

        // Tests run from target/classes, a development build: the sample in the working folder.
        assertThat(DefaultCatalog.choose(config.catalogPath())).isEqualTo(Path.of("assets", "catalog.csv"));
    }

    @Test
    void aCatalogOnTheCommandLineWins() {
        AppConfig config = AppConfig.load(List.of("--catalog=shop.csv"), Map.of(), home());

        assertThat(DefaultCatalog.choose(config.catalogPath())).isEqualTo(Path.of("shop.csv").toAbsolutePath());
    }

    @Test
    void aCatalogInTheEnvironmentWins() {
        AppConfig config = AppConfig.load(List.of(), Map.of("SCANTILL_CATALOG", "/srv/shop.csv"), home());

        assertThat(DefaultCatalog.choose(config.catalogPath())).isEqualTo(Path.of("/srv/shop.csv"));
    }

    @Test
    void aCatalogInTheUsersConfigFileWins() throws IOException {
        Path file = home().resolve(".config/scantill/scantill.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "catalog.path=/srv/shop.csv\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        AppConfig config = AppConfig.load(List.of(), Map.of(), home());

        assertThat(DefaultCatalog.choose(config.catalogPath())).isEqualTo(Path.of("/srv/shop.csv"));
    }

    @Test
    void theInstalledAppsSampleIsTheOneBesideItsJar() throws IOException {
        Path jar = Files.createFile(dir.resolve("scantill.jar"));
        Path catalog = dir.resolve("assets/catalog.csv");
        Files.createDirectories(catalog.getParent());
        Files.writeString(catalog, "sku,barcode,name,price,currency,category\n");

        assertThat(DefaultCatalog.besideJar(Optional.of(jar))).contains(catalog.toAbsolutePath());
    }

    @Test
    void aDevelopmentBuildOrAJarWithoutAssetsHasNoSampleBesideIt() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("assets"));
        Files.writeString(classes.resolve("assets/catalog.csv"), "");
        Path lonelyJar = Files.createFile(Files.createDirectories(dir.resolve("lib")).resolve("scantill.jar"));

        assertThat(DefaultCatalog.besideJar(Optional.of(classes))).isEmpty();
        assertThat(DefaultCatalog.besideJar(Optional.of(lonelyJar))).isEmpty();
        assertThat(DefaultCatalog.besideJar(Optional.empty())).isEmpty();
    }

    private Path home() {
        return dir.resolve("home");
    }

    @Test
    void theShippedSampleIsEditedIntoACopyInTheDataFolderWhichTheTillReadsFromThen() throws IOException {
        Path data = dir.resolve("data");
        AppConfig config = AppConfig.load(List.of("--data.dir=" + data), Map.of(), home());
        app.scantill.catalog.CatalogStore store = AppServices.catalogStore(config);

        assertThat(store.path()).as("before any edit: the sample").isEqualTo(Path.of("assets", "catalog.csv")
                .toAbsolutePath());
        assertThat(store.target()).isEqualTo(data.resolve("catalog.csv").toAbsolutePath());
        Files.createDirectories(data);
        Files.copy(Path.of("assets", "catalog.csv"), data.resolve("catalog.csv"));
        assertThat(store.path()).as("once the copy exists").isEqualTo(data.resolve("catalog.csv").toAbsolutePath());
    }

    @Test
    void aConfiguredCatalogIsSavedWhereItIs() {
        AppConfig config = AppConfig.load(List.of("--catalog=/srv/shop.csv"), Map.of(), home());

        assertThat(AppServices.catalogStore(config).target()).isEqualTo(Path.of("/srv/shop.csv"));
    }
}
