package app.scantill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultCatalogIsAssetsCatalogCsv() {
        assertThat(LaunchOptions.from(List.of(), Map.of()).catalogPath()).isEqualTo(Path.of("assets/catalog.csv"));
    }

    @Test
    void environmentVariableChoosesTheCatalog() {
        assertThat(LaunchOptions.from(List.of(), Map.of("SCANTILL_CATALOG", "/srv/shop.csv")).catalogPath())
                .isEqualTo(Path.of("/srv/shop.csv"));
    }

    @Test
    void commandLineOptionWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("SCANTILL_CATALOG", "/srv/shop.csv");

        assertThat(LaunchOptions.from(List.of("--catalog=/tmp/a.csv"), env).catalogPath())
                .isEqualTo(Path.of("/tmp/a.csv"));
        assertThat(LaunchOptions.from(List.of("--other=1", "--catalog", "b.csv"), env).catalogPath())
                .isEqualTo(Path.of("b.csv"));
    }

    @Test
    void blankValuesFallBackToTheNextSource() {
        assertThat(LaunchOptions.from(List.of("--catalog="), Map.of("SCANTILL_CATALOG", " ")).catalogPath())
                .isEqualTo(LaunchOptions.DEFAULT_CATALOG);
    }
}
