package app.scantill.ui.till;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogLoader;
import app.scantill.config.AppConfig;
import app.scantill.config.Settings;
import app.scantill.i18n.Translator;
import app.scantill.journal.MutableClock;
import app.scantill.till.TillServices;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.customer.CustomerDisplayModel;
import app.scantill.ui.kiosk.KioskView;
import app.scantill.ui.kiosk.KioskViewModel;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A kiosk as the app builds it in kiosk mode (TillServices against the sandbox, the till's models with the
 * customer's language, KioskView full screen on a window of its own), with a clock the test moves for
 * the kiosk's idle time and a count of how often the kiosk was left.
 */
final class KioskFixture implements AutoCloseable {

    final TillServices services;
    final FxUiExecutor executor;
    final TillViewModel till;
    final KioskViewModel model;
    final KioskView view;
    final Stage stage;
    final MutableClock idleClock;
    private final AtomicInteger left;

    private KioskFixture(TillServices services, FxUiExecutor executor, TillViewModel till, KioskViewModel model,
            KioskView view, Stage stage, MutableClock idleClock, AtomicInteger left) {
        this.left = left;
        this.services = services;
        this.executor = executor;
        this.till = till;
        this.model = model;
        this.view = view;
        this.stage = stage;
        this.idleClock = idleClock;
    }

    static KioskFixture start(Path dir, List<String> options) throws Exception {
        Files.createDirectories(dir);
        Path catalog = dir.resolve("catalog.csv");
        Files.writeString(catalog, TillWindowFixture.CATALOG);
        List<String> args = new ArrayList<>(options);
        args.add("--till.mode=kiosk");
        args.add("--data.dir=" + dir.resolve("data"));
        args.add("--catalog=" + catalog);
        AppConfig config = AppConfig.load(args, Map.of(), dir);
        TillServices services = TillServices.start(config, Clock.systemUTC());
        Translator words = Translator.forLocale(config.get(Settings.CUSTOMER_LOCALE).forScreens(config.get(Settings.LOCALE)),
                ZoneId.systemDefault());
        FxUiExecutor executor = new FxUiExecutor(2);
        MutableClock idleClock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        KioskFixture[] fixture = new KioskFixture[1];
        WaitForAsyncUtils.asyncFx(() -> {
            CashierViewModel cashier = new CashierViewModel(new Cart(), words, executor);
            cashier.showCatalog(new CatalogLoader().load(catalog));
            TillViewModel till = new TillViewModel(cashier, executor, Clock.systemUTC());
            AtomicInteger count = new AtomicInteger();
            KioskViewModel model = new KioskViewModel(till, idleClock, config.get(Settings.KIOSK_IDLE),
                    config.get(Settings.KIOSK_PIN), count::incrementAndGet);
            String logo = config.get(Settings.SHOP_LOGO).map(p -> p.toUri().toString()).orElse(null);
            KioskView view = new KioskView(model, new CustomerDisplayModel(till, words, config.merchantName(), logo,
                    true));
            Stage stage = new Stage();
            view.showIn(stage);
            till.attach(services);
            fixture[0] = new KioskFixture(services, executor, till, model, view, stage, idleClock, count);
            return null;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !fixture[0].till.recoveringProperty().get());
        return fixture[0];
    }

    /** How many times the kiosk was left (the right PIN). */
    int timesLeft() {
        return left.get();
    }

    /** The kiosk's idle clock moves on, and the kiosk looks at it (as its timer does every second). */
    void idleFor(java.time.Duration time) throws Exception {
        idleClock.advance(time);
        TillWindowFixture.onFx(() -> {
            model.tick();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws Exception {
        TillWindowFixture.onFx(() -> {
            stage.hide();
            till.close();
            return null;
        });
        services.close();
        executor.close();
    }
}
