package app.scantill.app;

import app.scantill.config.AppConfig;
import app.scantill.config.Settings;
import app.scantill.ui.support.FirstFrame;
import app.scantill.ui.till.TillView;
import app.scantill.ui.till.TillViewModel;
import java.lang.System.Logger.Level;
import java.time.Clock;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: reads the configuration, starts the services and shows the till window. */
public final class ScanTillApp extends Application {

    private static final System.Logger LOG = System.getLogger(ScanTillApp.class.getName());

    private AppServices services;

    @Override
    public void init() {
        // An unexpected exception in a handler is logged; the till keeps running rather than vanishing mid-sale.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.log(Level.ERROR, "Unexpected error on " + thread.getName(), error));
        services = new AppServices(AppConfig.load(getParameters().getRaw().toArray(String[]::new)),
                Clock.systemUTC());
    }

    @Override
    public void start(Stage stage) {
        TillViewModel till = services.tillViewModel();
        if (services.kiosk()) {
            KioskStart.show(stage, services, till);
            FirstFrame.afterFirstPulse(stage.getScene(), () -> {
                services.windowShown();
                ReadyReport.whenReady(stage.getScene(), till);
            });
            return;
        }
        TillView view = new TillView(till);
        // A till's screen is the till's: from a 1024x768 touch screen to 1920x1080, the window fills it, with
        // a window manager (maximized) or without one (a till or kiosk started straight into X: the whole area).
        Rectangle2D area = Screen.getPrimary().getVisualBounds();
        stage.setX(area.getMinX());
        stage.setY(area.getMinY());
        stage.setWidth(area.getWidth());
        stage.setHeight(area.getHeight());
        stage.setMaximized(true);
        view.showIn(stage);
        // The catalog and payments (stripe-java, SQLite, the sandbox) load once the window is up: ADR 0071;
        // so does the customer display, when there is one.
        FirstFrame.afterFirstPulse(stage.getScene(), () -> {
            services.windowShown();
            ReadyReport.whenReady(stage.getScene(), till);
            CustomerDisplayPlacement.start(services.config().get(Settings.CUSTOMER_DISPLAY), services, till, view);
        });
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }
}
