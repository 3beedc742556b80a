package app.scantill;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogLoader;
import app.scantill.money.MoneyFormat;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.support.FxUiExecutor;
import java.util.Locale;

/**
 * The app's wiring: builds each service once and hands them to view models. New services (the
 * journal, the checkout gateway, configuration) are added here, so the screens never construct
 * their own dependencies.
 */
public final class AppServices implements AutoCloseable {

    private final LaunchOptions options;
    private final MoneyFormat moneyFormat;
    private final CatalogLoader catalogLoader;
    private final FxUiExecutor uiExecutor;

    public AppServices(LaunchOptions options) {
        this.options = options;
        this.moneyFormat = new MoneyFormat(Locale.getDefault());
        this.catalogLoader = new CatalogLoader();
        this.uiExecutor = new FxUiExecutor(2);
    }

    public LaunchOptions options() {
        return options;
    }

    public MoneyFormat moneyFormat() {
        return moneyFormat;
    }

    public FxUiExecutor uiExecutor() {
        return uiExecutor;
    }

    /** A cashier screen model with its catalog loading in the background. */
    public CashierViewModel cashierViewModel() {
        CashierViewModel model = new CashierViewModel(new Cart(moneyFormat), moneyFormat, uiExecutor);
        model.loadCatalog(() -> catalogLoader.load(options.catalogPath()));
        return model;
    }

    @Override
    public void close() {
        uiExecutor.close();
    }
}
