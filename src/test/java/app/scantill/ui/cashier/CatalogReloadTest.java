package app.scantill.ui.cashier;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogStore;
import app.scantill.catalog.CatalogWatcher;
import app.scantill.i18n.English;
import app.scantill.money.Money;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand edit of the catalog file while the till runs reaches the cashier screen as at start-up; a cart line
 * keeps the price it was added at; a file emptied by hand leaves the till its products and says why.
 */
class CatalogReloadTest {

    private static final String FILE = "sku,barcode,name,price,currency,category\n"
            + "COF-ESP,0850012000013,Espresso,3.00,USD,Coffee\n"
            + "COF-LAT,0850012000037,Caffe Latte,4.75,USD,Coffee\n";

    @TempDir
    Path dir;

    @Test
    void aHandEditIsShownWhileTheCartKeepsItsPriceAndAnEmptiedFileKeepsTheProducts() throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, FILE);
        // The watcher's answers are run on this test's thread, as the window runs them on the JavaFX thread.
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CashierViewModel cashier = new CashierViewModel(new Cart(), English.words(), new CurrentThreadUiExecutor());
        CatalogStore store = CatalogStore.at(file);
        cashier.showCatalog(store.load());
        cashier.scan("0850012000013");
        try (CatalogWatcher watcher = CatalogWatcher.start(store, Duration.ofMillis(100),
                result -> ui.add(() -> cashier.catalogReloaded(result)))) {

            Files.writeString(file, FILE.replace("Espresso,3.00", "Espresso,3.40") + "BAD,1,Bad,1,USD,\n");
            next(ui).run();

            assertThat(cashier.catalogProperty().get().bySku("COF-ESP").orElseThrow().price())
                    .isEqualTo(Money.of(340, "USD"));
            assertThat(cashier.noticeProperty().get().text()).startsWith("Some catalog rows were skipped");
            assertThat(cashier.catalogProblems()).singleElement()
                    .satisfies(p -> assertThat(p.lineNumber()).isEqualTo(4));
            assertThat(cashier.cartLines()).singleElement().satisfies(line ->
                    assertThat(line.lineTotal()).as("the cart keeps its price").isEqualTo(Money.of(300, "USD")));

            Files.writeString(file, "");
            next(ui).run();
            assertThat(cashier.catalogProperty().get().size()).isEqualTo(2);
            assertThat(English.text(cashier.catalogProblems().get(0).describe()))
                    .isEqualTo("The catalog file now gives no product; the till keeps the 2 products it had until "
                            + "the file is fixed.");

            Files.writeString(file, FILE);
            next(ui).run();
            assertThat(cashier.catalogProblems()).isEmpty();
            assertThat(cashier.noticeProperty().get().text()).isEqualTo("The catalog file changed: 2 products loaded.");
        }
    }

    private static Runnable next(BlockingQueue<Runnable> ui) throws InterruptedException {
        Runnable reload = ui.poll(10, TimeUnit.SECONDS);
        assertThat(reload).as("the catalog read again within 10 s").isNotNull();
        return reload;
    }
}
