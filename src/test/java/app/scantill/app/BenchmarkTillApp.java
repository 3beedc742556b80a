package app.scantill.app;

import app.scantill.checkout.ChargeStatus;
import app.scantill.config.AppConfig;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.ui.charge.ChargeViewModel;
import app.scantill.ui.support.FirstFrame;
import app.scantill.ui.till.TillView;
import app.scantill.ui.till.TillViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * ScanTill as {@link ScanTillApp} builds it (same AppServices, same TillView, payments started after
 * the first frame), plus one sandbox sale driven through the view models once payments are attached:
 * the benchmark reads the process's memory after that sale. Prints {@code SALE_DONE} when Paid was
 * shown and the cart is free again; {@code SALE_FAILED <why>} otherwise. With
 * {@code -Dscantill.exitAfterSale=true} it then quits, as the packaging's class-data training run
 * needs (docs/packaging.md): the archive is written when the JVM exits normally.
 */
public final class BenchmarkTillApp extends Application {

    /** The barcode of the sale's item in assets/catalog.csv (Espresso). */
    static final String BARCODE = "0850012000013";

    /** System property: quit once the sale is done (or failed). */
    static final String EXIT_AFTER_SALE = "scantill.exitAfterSale";

    private AppServices services;

    @Override
    public void init() {
        services = new AppServices(AppConfig.load(getParameters().getRaw().toArray(String[]::new)),
                Clock.systemUTC());
    }

    @Override
    public void start(Stage stage) {
        TillViewModel model = services.tillViewModel();
        new TillView(model).showIn(stage);
        FirstFrame.afterFirstPulse(stage.getScene(), services::windowShown);
        Thread driver = new Thread(() -> sale(model), "benchmark-sale");
        driver.setDaemon(true);
        driver.start();
    }

    private void sale(TillViewModel model) {
        try {
            StripeSandbox sandbox = services.payments().get(60, TimeUnit.SECONDS).sandbox().orElseThrow();
            waitFor(() -> onFx(() -> model.attachedProperty().get() && !model.recoveringProperty().get() && !model.cashier().catalogLoadingProperty().get()));
            onFx(() -> {
                model.cashier().scan(BARCODE);
                model.cashier().scan(BARCODE);
                model.cashier().charge();
                return true;
            });
            waitFor(() -> model.chargeStatus().map(s -> s.phase() == ChargeStatus.Phase.AWAITING_PAYMENT
                    && s.sessionId() != null).orElse(false));
            sandbox.pay(model.chargeStatus().orElseThrow().sessionId(), "card");
            waitFor(() -> onFx(() -> model.chargeModelProperty().get().phaseProperty().get() == ChargeStatus.Phase.PAID));
            onFx(() -> {
                ChargeViewModel charge = model.chargeModelProperty().get();
                charge.newSale();
                return true;
            });
            waitFor(() -> onFx(() -> !model.chargeShownProperty().get() && model.cashier().cartLines().isEmpty()));
            System.out.println("SALE_DONE " + System.currentTimeMillis());
        } catch (Exception | AssertionError e) {
            System.out.println("SALE_FAILED " + e);
        }
        System.out.flush();
        if (Boolean.getBoolean(EXIT_AFTER_SALE)) {
            Platform.exit();
        }
    }

    private static boolean onFx(Supplier<Boolean> check) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(check.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the benchmark sale did not progress within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void stop() {
        services.close();
    }

    /** Launcher, as {@link Main} is for ScanTill. */
    public static final class Launcher {

        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BenchmarkTillApp.class, args);
        }
    }
}
