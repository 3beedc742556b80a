package app.scantill.ui.till;

import app.scantill.i18n.Translator;
import app.scantill.cart.Cart;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.ChargeStatus;
import app.scantill.config.AppConfig;
import app.scantill.config.Settings;
import app.scantill.till.TillServices;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.support.FxUiExecutor;
import java.nio.file.Files;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole till window as the app builds it (TillServices from an AppConfig, the cashier and till
 * view models, TillView on a stage), for tests that drive a sale end to end headlessly.
 */
final class TillWindowFixture implements AutoCloseable {

    static final String ESPRESSO = "0850012000013";
    static final String LATTE = "0850012000037";
    static final String CATALOG = String.join("\n",
            "sku,barcode,name,price,currency,category",
            "COF-ESP," + ESPRESSO + ",Espresso,3.00,USD,Coffee",
            "COF-LAT," + LATTE + ",Caffe Latte,4.75,USD,Coffee",
            "");

    final TillServices services;
    final FxUiExecutor executor;
    final TillViewModel model;
    final TillView view;

    private TillWindowFixture(TillServices services, FxUiExecutor executor, TillViewModel model, TillView view) {
        this.services = services;
        this.executor = executor;
        this.model = model;
        this.view = view;
    }

    /** Writes the catalog into {@code dir} and starts the till with these options and environment. */
    static TillWindowFixture start(Stage stage, Path dir, List<String> options, Map<String, String> env)
            throws Exception {
        return start(stage, dir, options, env, Clock.systemUTC());
    }

    /** As above, on a till whose clock is {@code tillClock} (a wrong one, say), as services and screens read it. */
    static TillWindowFixture start(Stage stage, Path dir, List<String> options, Map<String, String> env,
            Clock tillClock) throws Exception {
        return start(stage, dir, CATALOG, options, env, tillClock);
    }

    /** A till selling from a catalog of its own ({@code catalogText}, written to {@code dir/catalog.csv}). */
    static TillWindowFixture start(Stage stage, Path dir, String catalogText, List<String> options,
            Map<String, String> env, Clock tillClock) throws Exception {
        Path catalog = dir.resolve("catalog.csv");
        Files.writeString(catalog, catalogText);
        List<String> args = new ArrayList<>(options);
        args.add("--data.dir=" + dir.resolve("data"));
        args.add("--catalog=" + catalog);
        AppConfig config = AppConfig.load(args, env, dir);
        TillServices services = TillServices.start(config, tillClock);
        // The cashier's language as the app picks it: the locale setting (English in tests unless given).
        Translator words = Translator.forLocale(config.get(Settings.LOCALE), ZoneId.systemDefault());
        FxUiExecutor executor = new FxUiExecutor(2);
        TillWindowFixture[] fixture = new TillWindowFixture[1];
        WaitForAsyncUtils.asyncFx(() -> {
            CashierViewModel cashier = new CashierViewModel(new Cart(), words, executor);
            cashier.showCatalog(new app.scantill.catalog.CatalogLoader().load(catalog));
            TillViewModel model = new TillViewModel(cashier, executor, tillClock);
            TillView view = new TillView(model);
            view.showIn(stage);
            model.attach(services);
            fixture[0] = new TillWindowFixture(services, executor, model, view);
            return null;
        }).get(30, TimeUnit.SECONDS);
        // Start-up recovery runs first; the till takes no new sale until it has checked the journal.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !fixture[0].model.recoveringProperty().get());
        return fixture[0];
    }

    CashierViewModel cashier() {
        return model.cashier();
    }

    /** Scans the items and presses Charge, as the cashier would. */
    void charge(String... barcodes) throws Exception {
        onFx(() -> {
            for (String code : barcodes) {
                cashier().scan(code);
            }
            cashier().charge();
            return null;
        });
    }

    Phase phase() throws Exception {
        return onFx(() -> model.chargeModelProperty().get().phaseProperty().get());
    }

    ChargeStatus status() {
        return model.chargeStatus().orElseThrow();
    }

    void waitForPhase(int seconds, Phase... phases) throws TimeoutException {
        List<Phase> wanted = List.of(phases);
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> wanted.contains(phase()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Paid: New sale, back to an empty, unlocked cart. */
    void newSale() throws Exception {
        onFx(() -> {
            model.chargeModelProperty().get().newSale();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !model.chargeShownProperty().get()
                && cashier().cartLines().isEmpty()));
    }

    /** Scans each code into the focused scan field as a scanner does: its digits, then Enter. */
    static void scan(FxRobot robot, String... codes) {
        for (String code : codes) {
            robot.write(code, 0).type(KeyCode.ENTER);
        }
    }

    /** The text of the label {@code query} finds, no-break spaces read as spaces. */
    static String labelText(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText().replace('\u00a0', ' '));
    }

    /** Whether a person sees the node {@code query} finds: it is in a scene and it and every parent are visible. */
    static boolean showing(FxRobot robot, String query) throws Exception {
        return onFx(() -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            if (node.isEmpty() || node.get().getScene() == null) {
                return false;
            }
            for (Node n = node.get(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits up to {@code seconds} for {@code condition}, then for the FX events it caused. */
    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /**
     * Every text a person can see or copy in every open window: labels and buttons, text fields
     * (and their prompts), Text nodes, table and list cells (they are nodes too), tooltips.
     */
    static List<String> allTexts() throws Exception {
        return onFx(() -> {
            List<String> texts = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    collect(window.getScene().getRoot(), texts);
                }
            }
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            add(texts, labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            add(texts, input.getText());
            add(texts, input.getPromptText());
        }
        if (node instanceof Text text) {
            add(texts, text.getText());
        }
        if (node instanceof Control control) {
            Tooltip tooltip = control.getTooltip();
            if (tooltip != null) {
                add(texts, tooltip.getText());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }

    @Override
    public void close() {
        model.close();
        services.close();
        executor.close();
    }
}
