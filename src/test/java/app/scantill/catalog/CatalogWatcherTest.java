package app.scantill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.English;
import app.scantill.money.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import app.scantill.checkout.Conditions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand edit while the till runs is read again; the till's own save is not read twice; a broken file keeps the till's products. */
class CatalogWatcherTest {

    @TempDir
    Path dir;

    private final List<CatalogLoadResult> reloads = new CopyOnWriteArrayList<>();
    private CatalogWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private CatalogStore started(Path file) throws Exception {
        CatalogStore store = CatalogStore.at(file);
        store.load();
        watcher = CatalogWatcher.start(store, Duration.ofMillis(100), reloads::add);
        return store;
    }

    @Test
    void aHandEditIsReadAgainWithItsProblems() throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, CatalogStoreTest.FILE);
        started(file);

        Files.writeString(file, CatalogStoreTest.FILE.replace("Espresso,3.00", "Espresso,3.40"));

        assertThat(Conditions.eventually(() -> !reloads.isEmpty(), Duration.ofSeconds(10))).isTrue();
        CatalogLoadResult reload = reloads.get(reloads.size() - 1);
        assertThat(reload.catalog().bySku("COF-ESP").orElseThrow().price()).isEqualTo(Money.of(340, "USD"));
        assertThat(reload.problems()).singleElement().satisfies(p -> assertThat(p.lineNumber()).isEqualTo(4));
    }

    @Test
    void theTillsOwnSaveIsNotReadASecondTime() throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, CatalogStoreTest.FILE);
        CatalogStore store = started(file);

        store.save(new CatalogEdit.Retire("MUG-01"));
        assertThat(Conditions.eventually(() -> !reloads.isEmpty(), Duration.ofSeconds(1)))
                .as("no second read of the till's own save").isFalse();
        // A hand edit afterwards shows the watcher was listening all along.
        Files.writeString(file, Files.readString(file).replace("Espresso,3.00", "Espresso,3.40"));
        assertThat(Conditions.eventually(() -> !reloads.isEmpty(), Duration.ofSeconds(10))).isTrue();
        assertThat(reloads).hasSize(1);
    }

    @Test
    void aFileEmptiedByHandKeepsTheLastGoodCatalogAndSaysWhy() throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, CatalogStoreTest.FILE);
        started(file);

        Files.writeString(file, "");

        assertThat(Conditions.eventually(() -> !reloads.isEmpty(), Duration.ofSeconds(10))).isTrue();
        CatalogLoadResult reload = reloads.get(reloads.size() - 1);
        assertThat(reload.catalog().size()).isEqualTo(3);
        assertThat(English.text(reload.problems().get(0).describe())).contains("3 products");
        assertThat(English.text(reload.problems().get(1).describe())).contains("empty");
    }
}
