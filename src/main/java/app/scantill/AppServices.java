package app.scantill;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogLoader;
import app.scantill.config.AppConfig;
import app.scantill.money.MoneyFormat;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.support.FxUiExecutor;
import app.scantill.ui.till.TillViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The window's wiring: builds each service once and hands them to view models, so the screens
 * never construct their own dependencies. The payment side ({@link TillServices}: journal,
 * sandbox or Stripe, charge flow) starts in the background while the cart is already usable.
 */
public final class AppServices implements AutoCloseable {

    public static final Path DEFAULT_CATALOG = Path.of("assets", "catalog.csv");

    private final AppConfig config;
    private final Clock clock;
    private final MoneyFormat moneyFormat;
    private final CatalogLoader catalogLoader;
    private final FxUiExecutor uiExecutor;
    private final CompletableFuture<TillServices> till;

    public AppServices(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.moneyFormat = new MoneyFormat(Locale.getDefault());
        this.catalogLoader = new CatalogLoader();
        this.uiExecutor = new FxUiExecutor(2);
        this.till = CompletableFuture.supplyAsync(() -> TillServices.start(config, clock), uiExecutor.background());
    }

    public AppConfig config() {
        return config;
    }

    public Path catalogPath() {
        return config.catalogPath().orElse(DEFAULT_CATALOG);
    }

    /** The till window's model: the cashier screen with its catalog loading, payments attached when ready. */
    public TillViewModel tillViewModel() {
        CashierViewModel cashier = new CashierViewModel(new Cart(moneyFormat), moneyFormat, uiExecutor);
        cashier.loadCatalog(() -> catalogLoader.load(catalogPath()));
        TillViewModel model = new TillViewModel(cashier, uiExecutor, moneyFormat, clock);
        till.thenAccept(services -> uiExecutor.onUiThread(() -> model.attach(services)));
        return model;
    }

    @Override
    public void close() {
        till.thenAccept(TillServices::close);
        uiExecutor.close();
    }
}
