package app.scantill;

import app.scantill.ui.Theme;
import app.scantill.ui.cashier.CashierView;
import app.scantill.ui.cashier.CashierViewModel;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: reads the launch options, builds the services and shows the cashier screen. */
public final class ScanTillApp extends Application {

    private static final System.Logger LOG = System.getLogger(ScanTillApp.class.getName());

    private AppServices services;

    @Override
    public void init() {
        // An unexpected exception in a handler is logged; the till keeps running rather than vanishing mid-sale.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.log(Level.ERROR, "Unexpected error on " + thread.getName(), error));
        List<String> args = new ArrayList<>(getParameters().getRaw());
        services = new AppServices(LaunchOptions.from(args, System.getenv()));
    }

    @Override
    public void start(Stage stage) {
        CashierViewModel model = services.cashierViewModel();
        CashierView view = new CashierView(model);
        Scene scene = new Scene(view.root(), 1280, 800);
        Theme.applyTo(scene);
        stage.setTitle("ScanTill");
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setScene(scene);
        stage.show();
        view.focusScanField();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }
}
