package app.scantill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.English;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Add, edit and retire through the file, read back with the loader; the old file survives a crash mid-save. */
class CatalogStoreTest {

    static final String FILE = "sku,barcode,name,price,currency,category\r\n"
            + "COF-ESP,0850012000013,Espresso,3.00,USD,Coffee\r\n"
            + "COF-LAT,0850012000037,\"Caffe Latte, tall\",4.75,USD,Coffee\r\n"
            + "BAD-ROW,123,Broken,x,USD,\r\n"
            + "MUG-01,0850012000020,Mug,12.00,USD,Merch\r\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Catalog readBack(Path file) {
        return new CatalogLoader().load(file).catalog();
    }

    private static Product product(String sku, String barcode, String name, long cents) {
        return Product.of(sku, barcode, name, Money.of(cents, "USD"), "Coffee");
    }

    @Test
    void aPriceChangeRewritesOnlyItsRowAndKeepsLineBreaksQuotingAndTheRowsTheLoaderSkips() throws IOException {
        Path file = write(FILE);
        CatalogStore store = CatalogStore.at(file);
        Product espresso = store.load().catalog().bySku("COF-ESP").orElseThrow();

        CatalogStore.SaveOutcome outcome = store.save(new CatalogEdit.Put("COF-ESP",
                Product.of("COF-ESP", espresso.barcode(), "Espresso", Money.of(325, "USD"), "Coffee")));

        assertThat(outcome.refusal()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(FILE.replace("Espresso,3.00", "Espresso,3.25"));
        assertThat(readBack(file).bySku("COF-ESP").orElseThrow().price()).isEqualTo(Money.of(325, "USD"));
        assertThat(outcome.saved().orElseThrow().catalog().bySku("COF-ESP").orElseThrow().price())
                .isEqualTo(Money.of(325, "USD"));
        assertThat(Files.readString(AtomicFileWriter.backupOf(file))).as("the previous version").isEqualTo(FILE);
    }

    @Test
    void aNewProductIsAddedAtTheEndAndARetiredOneLeavesTheFile() throws IOException {
        Path file = write(FILE);
        CatalogStore store = CatalogStore.at(file);
        store.load();

        store.save(new CatalogEdit.Put(null, product("TEA-GRN", "0850012000051", "Green tea, \"sencha\"", 300)));
        store.save(new CatalogEdit.Retire("cof-lat"));

        Catalog catalog = readBack(file);
        assertThat(catalog.products()).extracting(Product::sku).containsExactly("COF-ESP", "MUG-01", "TEA-GRN");
        assertThat(catalog.bySku("TEA-GRN").orElseThrow().name()).isEqualTo("Green tea, \"sencha\"");
        assertThat(Files.readString(file)).endsWith("\r\nTEA-GRN,0850012000051,\"Green tea, \"\"sencha\"\"\",3.00,USD,"
                + "Coffee\r\n").contains("BAD-ROW,123,Broken,x,USD,\r\n").doesNotContain("Latte");
    }

    @Test
    void aSkuChangeReplacesTheRowInPlace() throws IOException {
        Path file = write(FILE);
        CatalogStore store = CatalogStore.at(file);
        store.load();

        store.save(new CatalogEdit.Put("COF-ESP", product("COF-ESP2", "0850012000013", "Espresso", 300)));

        assertThat(readBack(file).products()).extracting(Product::sku).containsExactly("COF-ESP2", "COF-LAT", "MUG-01");
    }

    @Test
    void aTaxRateOnAFileWithoutTheColumnAddsTheColumnToEveryRow() throws IOException {
        Path file = write(FILE);
        CatalogStore store = CatalogStore.at(file);
        store.load();

        store.save(new CatalogEdit.Put("MUG-01", Product.of("MUG-01", "0850012000020", "Mug", Money.of(1200, "USD"),
                "Merch", TaxRate.parsePercent("19").orElseThrow())));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("sku,barcode,name,price,currency,category,tax_rate");
        assertThat(lines.get(1)).isEqualTo("COF-ESP,0850012000013,Espresso,3.00,USD,Coffee,");
        assertThat(lines.get(4)).isEqualTo("MUG-01,0850012000020,Mug,12.00,USD,Merch,19");
        Catalog catalog = readBack(file);
        assertThat(catalog.bySku("MUG-01").orElseThrow().taxRate()).contains(TaxRate.parsePercent("19").orElseThrow());
        assertThat(catalog.bySku("COF-ESP").orElseThrow().taxRate()).isEmpty();
    }

    @Test
    void aCrashBetweenTheTemporaryFileAndTheRenameLeavesTheOldFileWholeAndNoTemporaryFileBehind() throws IOException {
        Path file = write(FILE);
        CatalogStore store = new CatalogStore(file, file, new CatalogLoader(), new AtomicFileWriter((temp, target) -> {
            assertThat(Files.readString(temp)).as("the new content is complete before the rename").contains("9.99");
            throw new IOException("power cut");
        }));
        store.load();

        CatalogStore.SaveOutcome outcome = store.save(new CatalogEdit.Put("COF-ESP",
                product("COF-ESP", "0850012000013", "Espresso", 999)));

        assertThat(outcome.saved()).isEmpty();
        assertThat(English.text(outcome.refusal().orElseThrow())).contains("power cut").contains("as it was");
        assertThat(Files.readString(file)).isEqualTo(FILE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void aDuplicateBarcodeWrittenMeanwhileIsRefusedAndNothingIsWritten() throws IOException {
        Path file = write(FILE);
        CatalogStore store = CatalogStore.at(file);
        store.load();

        CatalogStore.SaveOutcome outcome = store.save(new CatalogEdit.Put(null,
                product("TEA-GRN", "0850012000013", "Green tea", 300)));

        assertThat(outcome.refusal()).isPresent();
        assertThat(Files.readString(file)).isEqualTo(FILE);
    }

    @Test
    void theFirstSaveOfTheShippedSampleGoesToTheDataFolderAndTheSampleStaysAsItWas() throws IOException {
        Path sample = write(FILE);
        Path copy = dir.resolve("data").resolve("catalog.csv");
        CatalogStore store = new CatalogStore(sample, copy, new CatalogLoader(), new AtomicFileWriter());
        assertThat(store.load().catalog().size()).isEqualTo(3);

        store.save(new CatalogEdit.Retire("MUG-01"));

        assertThat(Files.readString(sample)).isEqualTo(FILE);
        assertThat(readBack(copy).products()).extracting(Product::sku).containsExactly("COF-ESP", "COF-LAT");
        assertThat(store.path()).isEqualTo(copy);
    }

    @Test
    void aFileWithAWrongHeaderIsNotRewritten() throws IOException {
        Path file = write("code,name\nA,B\n");
        CatalogStore store = CatalogStore.at(file);

        CatalogStore.SaveOutcome outcome = store.save(new CatalogEdit.Put(null,
                product("TEA-GRN", "0850012000051", "Green tea", 300)));

        assertThat(English.text(outcome.refusal().orElseThrow())).contains(file.toString());
        assertThat(Files.readString(file)).isEqualTo("code,name\nA,B\n");
    }

    @Test
    void anExportWritesTheCatalogThatTheLoaderReadsBack() throws IOException {
        Path file = write(FILE);
        CatalogStore store = CatalogStore.at(file);
        Catalog catalog = store.load().catalog();
        Path export = dir.resolve("out").resolve("export.csv");

        store.export(catalog.products(), export);

        CatalogLoadResult exported = new CatalogLoader().load(export);
        assertThat(exported.problems()).isEmpty();
        assertThat(exported.catalog().products()).isEqualTo(catalog.products());
    }

    @Test
    void aByteOrderMarkBlankLinesAndAFileWithoutAFinalLineBreakStayAsTheyWere() throws IOException {
        String original = "\uFEFFsku,barcode,name,price,currency,category\n\n"
                + "COF-ESP,0850012000013, Espresso ,3.00,USD,Coffee";
        Path file = write(original);
        CatalogStore store = CatalogStore.at(file);
        store.load();

        store.save(new CatalogEdit.Put(null, product("TEA-GRN", "0850012000051", "Green tea", 300)));

        assertThat(Files.readString(file)).isEqualTo(original + "\nTEA-GRN,0850012000051,Green tea,3.00,USD,Coffee");
        assertThat(readBack(file).products()).extracting(Product::sku).containsExactly("COF-ESP", "TEA-GRN");
    }
}
