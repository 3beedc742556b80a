package app.scantill.ui.till;

import app.scantill.i18n.English;
import app.scantill.i18n.Translator;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.Cart;
import app.scantill.catalog.CatalogLoader;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.Conditions;
import app.scantill.config.AppConfig;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.SandboxSession;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.till.TillServices;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.charge.ChargeView;
import app.scantill.ui.support.FxUiExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole till window against the real services: the embedded sandbox, the SQLite journal and
 * the stripe-java gateway, as {@code mvn javafx:run} wires them with no key configured.
 */
@ExtendWith(ApplicationExtension.class)
class TillViewTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String LATTE = "0850012000037";
    private static final String CATALOG = String.join("\n",
            "sku,barcode,name,price,currency,category",
            "COF-LAT," + LATTE + ",Caffe Latte,4.75,USD,Coffee",
            "");

    @TempDir
    static Path dataDir;

    private TillServices services;
    private TillViewModel model;
    private FxUiExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path data = Files.createTempDirectory(dataDir, "till");
        AppConfig config = AppConfig.load(List.of("--data.dir=" + data, "--poll.interval_ms=250"),
                java.util.Map.of(), data);
        services = TillServices.start(config, Clock.systemUTC());
        Translator words = English.words();
        executor = new FxUiExecutor(2);
        CashierViewModel cashier = new CashierViewModel(new Cart(), words, executor);
        cashier.showCatalog(new CatalogLoader().parse(CATALOG, "test-catalog.csv"));
        model = new TillViewModel(cashier, executor, Clock.systemUTC());
        model.attach(services);
        new TillView(model).showIn(stage);
    }

    @AfterEach
    void stop() {
        services.close();
        executor.close();
    }

    @Test
    void aSalePaidOnTheSandboxPageEndsPaidAndFreesTheCart(FxRobot robot) {
        waitUntil(() -> !model.recoveringProperty().get());
        assertThat(textOf(robot, "#modeBadge")).isEqualTo("SANDBOX");
        robot.write(LATTE).type(KeyCode.ENTER).write(LATTE).type(KeyCode.ENTER);
        robot.type(KeyCode.F12);

        waitUntil(() -> qrShown(robot));
        assertThat(textOf(robot, "#qr-amount")).isEqualTo("$9.50");
        SandboxSession session = openSession();
        assertThat(textOf(robot, "#payment-url")).isEqualTo(session.url());
        assertThat(model.cashier().cartLockedProperty().get()).isTrue();
        assertThat(model.closingNeedsConfirmation()).isTrue();

        sandbox().pay(session.id(), "amazon_pay");
        waitUntil(() -> visible(robot, "#paid-title"));
        assertThat(textOf(robot, "#paid-method")).contains("Amazon Pay");
        Sale sale = onlySale();
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.totalMinor()).isEqualTo(950);
        assertThat(sale.paymentMethod()).isEqualTo("amazon_pay");

        // Keyboard first: Enter on the Paid screen starts the next sale.
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !model.chargeShownProperty().get());
        assertThat(model.cashier().cartLines()).isEmpty();
        assertThat(model.cashier().cartLockedProperty().get()).isFalse();
        assertThat(model.closingNeedsConfirmation()).isFalse();
    }

    @Test
    void cancellingExpiresTheSessionAndGivesTheCartBack(FxRobot robot) {
        waitUntil(() -> !model.recoveringProperty().get());
        robot.write(LATTE).type(KeyCode.ENTER);
        robot.type(KeyCode.F12);
        waitUntil(() -> qrShown(robot));
        SandboxSession session = openSession();

        robot.clickOn("#cancel-button");
        waitUntil(() -> visible(robot, "#cancelled-title"));
        assertThat(sandbox().session(session.id()).orElseThrow().status()).isEqualTo("expired");
        assertThat(onlySale().state()).isEqualTo(SaleState.CANCELLED);

        robot.clickOn("#cancelled-back");
        waitUntil(() -> !model.chargeShownProperty().get());
        assertThat(model.cashier().cartLines()).hasSize(1);
        assertThat(model.cashier().cartLockedProperty().get()).isFalse();
    }

    @Test
    void closingTheWindowStopsTheChargeScreensTimerAndItsModelStopsFollowingTheSale(FxRobot robot)
            throws Exception {
        waitUntil(() -> !model.recoveringProperty().get());
        robot.write(LATTE).type(KeyCode.ENTER);
        robot.type(KeyCode.F12);
        waitUntil(() -> qrShown(robot));
        ChargeView screen = robot.lookup(".charge-view").queryAs(ChargeView.class);
        assertThat(screen.isCountingDown()).isTrue();
        SandboxSession session = openSession();

        robot.interact(() -> {
            stage.hide();
            model.close();
        });
        assertThat(screen.isCountingDown()).isFalse();

        sandbox().pay(session.id(), "card");
        ChargeService charges = services.charges().orElseThrow();
        assertThat(charges.await(status -> status.phase() == Phase.PAID, PATIENCE).phase()).isEqualTo(Phase.PAID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onlySale().state()).as("the payment is still recorded").isEqualTo(SaleState.PAID);
        assertThat(model.chargeStatus().orElseThrow().phase()).isEqualTo(Phase.AWAITING_PAYMENT);
    }

    @Test
    void theCartCannotBeEditedWhileTheCustomerCanPay(FxRobot robot) {
        waitUntil(() -> !model.recoveringProperty().get());
        robot.write(LATTE).type(KeyCode.ENTER);
        robot.type(KeyCode.F12);
        waitUntil(() -> qrShown(robot));

        robot.interact(() -> model.cashier().scan(LATTE));
        assertThat(model.cashier().cartLines()).singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
        assertThat(model.cashier().noticeProperty().get().text()).containsIgnoringCase("payment");
    }

    private StripeSandbox sandbox() {
        return services.sandbox().orElseThrow();
    }

    private SandboxSession openSession() {
        List<SandboxSession> open = sandbox().sessions().stream().filter(SandboxSession::isOpen).toList();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private Sale onlySale() {
        List<Sale> sales = services.journal().orElseThrow()
                .createdBetween(Instant.EPOCH, Instant.now().plusSeconds(60));
        assertThat(sales).hasSize(1);
        return sales.get(0);
    }

    private static boolean qrShown(FxRobot robot) {
        return robot.lookup("#qr-image").tryQuery()
                .map(node -> shown(node) && ((ImageView) node).getImage() != null)
                .orElse(false);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(TillViewTest::shown).orElse(false);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String textOf(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof TextInputControl input ? input.getText() : ((Labeled) node).getText();
    }

    private void waitUntil(BooleanSupplier condition) {
        assertThat(Conditions.eventually(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        }, PATIENCE)).as(() -> "condition within " + PATIENCE + "; " + state()).isTrue();
    }

    private String state() {
        return "cart=" + model.cashier().cartLines() + " notice=" + model.cashier().noticeProperty().get()
                + " charge=" + model.chargeStatus().orElse(null);
    }
}
