package app.scantill.app;

import app.scantill.cart.Cart;
import app.scantill.catalog.AtomicFileWriter;
import app.scantill.catalog.CatalogLoadResult;
import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.CatalogStore;
import app.scantill.catalog.CatalogWatcher;
import app.scantill.config.AppConfig;
import app.scantill.config.Settings;
import app.scantill.i18n.Translator;
import app.scantill.till.TillServices;
import app.scantill.ui.Theme;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.editor.ProductEditing;
import app.scantill.ui.editor.SystemFilePicker;
import app.scantill.ui.customer.CustomerDisplayModel;
import app.scantill.ui.kiosk.KioskViewModel;
import app.scantill.ui.support.FxUiExecutor;
import app.scantill.ui.till.TillViewModel;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

/**
 * The window's wiring: builds each service once and hands them to view models, so the screens
 * never construct their own dependencies. The payment side ({@link TillServices}: journal,
 * sandbox or Stripe, charge flow) and the catalog load start in the background once the app calls
 * {@link #windowShown()} after the first frame (see ADR 0071): loading stripe-java, SQLite, the
 * sandbox and the product tiles would otherwise compete with the window for the till's two cores.
 */
public final class AppServices implements AutoCloseable {

    private final AppConfig config;
    private final Clock clock;
    /** The cashier's language: every screen of the till window. */
    private final Translator words;
    private static final System.Logger LOG = System.getLogger(AppServices.class.getName());

    /** The catalog file: read at start-up, saved by the product editor, watched for hand edits. */
    private final CatalogStore catalogStore;
    private CatalogWatcher catalogWatcher;
    private boolean closed;
    private final FxUiExecutor uiExecutor;
    private final CompletableFuture<TillServices> till = new CompletableFuture<>();
    private final CompletableFuture<Void> shown = new CompletableFuture<>();
    /** The till window's model, once built; closed with the services. */
    private TillViewModel tillModel;

    public AppServices(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // A kiosk's screens are the customer's: they speak the customer's language.
        this.words = Translator.forLocale(kiosk() ? config.get(Settings.CUSTOMER_LOCALE).forScreens(
                config.get(Settings.LOCALE)) : config.get(Settings.LOCALE), ZoneId.systemDefault());
        this.catalogStore = catalogStore(config);
        this.uiExecutor = new FxUiExecutor(2);
        // Japanese product names (and a Japanese customer) need the shipped font; not worth the first frame.
        shown.thenRunAsync(Theme::loadJapaneseFont, uiExecutor.background());
        shown.thenRunAsync(() -> {
            try {
                till.complete(TillServices.start(config, clock));
            } catch (RuntimeException | Error e) {
                till.completeExceptionally(e);
                throw e;
            }
        }, uiExecutor.background());
    }

    /**
     * The window's first frame is on screen (JavaFX thread): the catalog starts loading and the
     * payment side starts in the background. Calling it again does nothing.
     */
    public void windowShown() {
        shown.complete(null);
    }

    public AppConfig config() {
        return config;
    }

    /** The catalog file the till reads now. */
    public Path catalogPath() {
        return catalogStore.path();
    }

    /**
     * The configured catalog is read and written where it is. Without one, the till reads the shipped sample
     * until the product editor first saves: that copy goes to {@code catalog.csv} in the data folder (the
     * install folder may not be writable, and an update would replace it), which the till reads from then on.
     */
    static CatalogStore catalogStore(AppConfig config) {
        if (config.catalogPath().isPresent()) {
            return CatalogStore.at(config.catalogPath().get());
        }
        return new CatalogStore(DefaultCatalog.choose(config.catalogPath()), config.dataDir().resolve(
                DefaultCatalog.SAMPLE.getFileName()), new CatalogLoader(), new AtomicFileWriter());
    }

    /** Reads the catalog for the first time, then watches its file for hand edits. */
    private CatalogLoadResult loadAndWatch(CashierViewModel cashier) {
        CatalogLoadResult result = catalogStore.load();
        synchronized (this) {
            if (!closed && catalogWatcher == null) {
                try {
                    catalogWatcher = CatalogWatcher.start(catalogStore, CatalogWatcher.DEBOUNCE,
                            reloaded -> uiExecutor.onUiThread(() -> cashier.catalogReloaded(reloaded)));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "The catalog file will not be watched for changes: " + e);
                }
            }
        }
        return result;
    }

    /** The till window's model: the cashier screen with its catalog loading, payments attached when ready. */
    public TillViewModel tillViewModel() {
        Cart cart = new Cart(config.get(Settings.SETTLEMENT_CURRENCY), config.get(Settings.TAX_DEFAULT_RATE));
        CashierViewModel cashier = new CashierViewModel(cart, words, uiExecutor);
        // Kiosk mode: customers serve themselves, so there is nobody to give a discount.
        cashier.discounts().configure(config.get(Settings.MANAGER_PIN), config.get(Settings.DISCOUNT_PIN_ABOVE_PERCENT),
                !"kiosk".equals(config.get(Settings.MODE)));
        shown.thenRun(() -> cashier.loadCatalog(() -> loadAndWatch(cashier)));
        TillViewModel model = new TillViewModel(cashier, uiExecutor, clock);
        if (!kiosk()) {
            model.enableProductEditing(new ProductEditing(catalogStore, config.get(Settings.MANAGER_PIN),
                    new SystemFilePicker(words)));
        }
        till.thenAccept(services -> uiExecutor.onUiThread(() -> model.attach(services)));
        tillModel = model;
        return model;
    }

    /**
     * A customer display's model over the till window's own models, in the customer's language
     * ({@code locale.customer}), with the shop's name and logo. Built only when a customer display opens.
     */
    public CustomerDisplayModel customerDisplayModel(TillViewModel till) {
        return CustomerDisplayModel.forSettings(till, config, ZoneId.systemDefault());
    }

    /** Whether this till is a self-service kiosk ({@code till.mode=kiosk}). */
    public boolean kiosk() {
        return "kiosk".equals(config.get(Settings.MODE));
    }

    /**
     * The kiosk's model over the till's: idle after {@code kiosk.idle_seconds}, left with {@code kiosk.pin_hash}.
     *
     * @param leave closes the kiosk once the right PIN was entered
     */
    public KioskViewModel kioskViewModel(TillViewModel till, Runnable leave) {
        return new KioskViewModel(till, clock, config.get(Settings.KIOSK_IDLE), config.get(Settings.KIOSK_PIN), leave);
    }

    /** The kiosk's payment screens: the customer display's, worded for a customer alone, in the kiosk's language. */
    public CustomerDisplayModel kioskDisplayModel(TillViewModel till) {
        String logo = config.get(Settings.SHOP_LOGO).map(path -> path.toUri().toString()).orElse(null);
        return new CustomerDisplayModel(till, words, config.merchantName(), logo, true);
    }

    /** The payment services once started after {@link #windowShown()}; a copy, so callers cannot complete it. */
    public CompletableFuture<TillServices> payments() {
        return till.copy();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (catalogWatcher != null) {
                catalogWatcher.close();
            }
        }
        if (tillModel != null) {
            tillModel.close();
        }
        till.thenAccept(TillServices::close);
        uiExecutor.close();
    }
}
