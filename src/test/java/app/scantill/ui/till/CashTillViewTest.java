package app.scantill.ui.till;

import static app.scantill.ui.till.TillWindowFixture.labelText;
import static app.scantill.ui.till.TillWindowFixture.scan;
import static app.scantill.ui.till.TillWindowFixture.showing;
import static app.scantill.ui.till.TillWindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.SandboxSession;
import app.scantill.sandbox.StripeSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Cash in the whole till window against the embedded sandbox (docs/cash.md): the cash screen's change due and
 * refusals, a cash sale journaled without a single request to Stripe, and the network dropped mid-charge then cash
 * for the same cart, the card attempt settled once the network is back: expired with no payment, or paid by card
 * meanwhile and flagged, never lost.
 */
@ExtendWith(ApplicationExtension.class)
class CashTillViewTest {

    private static final String CREATE = "/v1/checkout/sessions";

    @TempDir
    Path dir;
    private Stage stage;
    private TillWindowFixture till;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (till != null) {
            till.close();
        }
    }

    private StripeSandbox startTill() throws Exception {
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250", "--stripe.read_timeout_ms=800",
                "--stripe.max_network_retries=0"), Map.of());
        return till.services.sandbox().orElseThrow();
    }

    private List<Sale> todaysSales() {
        java.time.Instant now = java.time.Instant.now();
        return journal().createdBetween(now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(1)));
    }

    private SalesJournal journal() {
        return till.services.journal().orElseThrow();
    }

    @Test
    void cashShowsTheChangeDueRefusesTooLittleAndNeverAsksStripe(FxRobot robot) throws Exception {
        StripeSandbox sandbox = startTill();
        sandbox.clearRequests();
        scan(robot, TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);

        robot.type(KeyCode.F8);
        waitUntil(10, () -> showing(robot, "#cashView"));
        assertThat(labelText(robot, "#cashTotal")).isEqualTo("$7.75");
        assertThat(TillWindowFixture.allTexts()).contains("$1.00", "$5.00", "$10.00", "$20.00", "Exact");

        robot.write("5", 0).type(KeyCode.ENTER);
        waitUntil(5, () -> labelText(robot, "#cashMessage").contains("less"));
        assertThat(labelText(robot, "#cashMessage")).isEqualTo("That is $2.75 less than the total of $7.75.");
        assertThat(todaysSales()).isEmpty();

        robot.clickOn("$10.00");
        waitUntil(5, () -> labelText(robot, "#cashChange").equals("$2.25"));
        robot.type(KeyCode.ENTER);
        waitUntil(10, () -> labelText(robot, "#cashMessage").equals("Paid in cash. Give $2.25 change."));

        Sale sale = todaysSales().get(0);
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.paymentMethod()).isEqualTo("cash");
        assertThat(sale.totalMinor()).isEqualTo(775);
        assertThat(journal().cashTender(sale.id())).contains(new CashTender(sale.id(), 1000, 225, null));
        assertThat(sandbox.requests()).as("no request reaches Stripe for cash").isEmpty();

        robot.type(KeyCode.ENTER);
        waitUntil(10, () -> !showing(robot, "#cashView") && TillWindowFixture.onFx(() -> till.cashier().cartLines()
                .isEmpty()));
    }

    @Test
    void exactAndBackToTheCartLeaveNothingJournaled(FxRobot robot) throws Exception {
        startTill();
        scan(robot, TillWindowFixture.LATTE);
        robot.type(KeyCode.F8);
        waitUntil(10, () -> showing(robot, "#cashView"));
        robot.clickOn("#cashExact");
        waitUntil(5, () -> labelText(robot, "#cashChange").equals("$0.00"));

        robot.type(KeyCode.ESCAPE);
        waitUntil(10, () -> !showing(robot, "#cashView"));
        assertThat(TillWindowFixture.onFx(() -> till.cashier().cartLines())).hasSize(1);
        assertThat(todaysSales()).isEmpty();
    }

    /** Charges the cart while every create is answered by {@code fault}, until the cash offer shows. */
    private String chargeUntilCashIsOffered(FxRobot robot, StripeSandbox sandbox, Fault fault) throws Exception {
        sandbox.faults().inject(fault, 10_000, "POST", CREATE);
        scan(robot, TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        robot.type(KeyCode.F12);
        till.waitForPhase(60, Phase.FAILED);
        waitUntil(10, () -> showing(robot, "#cash-offer"));
        assertThat(labelText(robot, "#cash-offer")).isEqualTo("Stripe cannot be reached. Take cash for this cart instead: F8.");
        return till.status().saleId();
    }

    /** F8 on the charge screen, Exact, Enter: the cart paid in cash, then New sale. */
    private Sale takeCashForTheSameCart(FxRobot robot, String cardSaleId) throws Exception {
        robot.type(KeyCode.F8);
        waitUntil(10, () -> showing(robot, "#cashView"));
        assertThat(labelText(robot, "#cashTakesOver")).contains(cardSaleId);
        robot.clickOn("#cashExact");
        robot.type(KeyCode.ENTER);
        waitUntil(10, () -> labelText(robot, "#cashMessage").startsWith("Paid in cash"));
        Sale cash = journal().cashReplacing(cardSaleId).flatMap(t -> journal().find(t.saleId())).orElseThrow();
        assertThat(cash.state()).isEqualTo(SaleState.PAID);
        assertThat(journal().find(cardSaleId).orElseThrow().state()).isEqualTo(SaleState.CANCELLING);
        robot.type(KeyCode.ENTER);
        waitUntil(10, () -> !showing(robot, "#cashView") && !showing(robot, "#chargeLayer")
                && TillWindowFixture.onFx(() -> till.cashier().cartLines().isEmpty()));
        assertThat(till.status().phase()).isEqualTo(Phase.IDLE);
        return cash;
    }

    @Test
    void networkDownMidChargeThenCashAndTheCardAttemptExpiresWhenTheNetworkReturns(FxRobot robot) throws Exception {
        StripeSandbox sandbox = startTill();
        String cardSaleId = chargeUntilCashIsOffered(robot, sandbox, Fault.dropConnection());
        Sale cash = takeCashForTheSameCart(robot, cardSaleId);

        // The next customer can be served at once, in cash, while Stripe is still away.
        scan(robot, TillWindowFixture.LATTE);
        assertThat(TillWindowFixture.onFx(() -> till.cashier().canCashProperty().get())).isTrue();

        sandbox.faults().clear();
        waitUntil(60, () -> journal().find(cardSaleId).orElseThrow().state() == SaleState.CANCELLED);
        List<SandboxSession> ofCard = sandbox.sessions().stream()
                .filter(s -> cardSaleId.equals(s.clientReferenceId())).toList();
        assertThat(ofCard).as("the replayed create made at most one session, and it is expired")
                .allSatisfy(s -> assertThat(s.isOpen()).isFalse()).hasSizeLessThanOrEqualTo(1);
        waitUntil(10, () -> TillWindowFixture.allTexts().stream()
                .anyMatch(t -> t.contains(cardSaleId) && t.contains("no card payment was taken")));
        assertThat(journal().find(cash.id()).orElseThrow().state()).isEqualTo(SaleState.PAID);
    }

    @Test
    void aCardPaymentThatArrivedWhileTheNetworkWasDownIsKeptAndFlagged(FxRobot robot) throws Exception {
        StripeSandbox sandbox = startTill();
        // Each create is made at Stripe but its answer is lost: the customer may already see the page.
        String cardSaleId = chargeUntilCashIsOffered(robot, sandbox, Fault.dropConnectionAfterProcessing());
        takeCashForTheSameCart(robot, cardSaleId);
        SandboxSession made = sandbox.sessions().stream().filter(s -> cardSaleId.equals(s.clientReferenceId()))
                .findFirst().orElseThrow();
        sandbox.pay(made.id(), "card");

        sandbox.faults().clear();
        waitUntil(60, () -> journal().find(cardSaleId).orElseThrow().state() == SaleState.PAID);
        Sale card = journal().find(cardSaleId).orElseThrow();
        assertThat(card.paymentMethod()).isEqualTo("card");
        assertThat(journal().cashReplacing(cardSaleId)).isPresent();
        assertThat(new app.scantill.journal.SalesHistory(journal(), java.time.ZoneOffset.UTC, java.time.Clock.systemUTC())
                .detail(cardSaleId).orElseThrow().paidTwice()).as("History marks it paid twice").isTrue();
        waitUntil(10, () -> TillWindowFixture.allTexts().stream()
                .anyMatch(t -> t.contains(cardSaleId) && t.contains("paid twice")));
    }

    @Test
    void theDrawerCountsTheFloatAndTheCashSalesAndShowsTheDifference(FxRobot robot) throws Exception {
        startTill();
        robot.type(KeyCode.F7);
        waitUntil(10, () -> showing(robot, "#drawerView"));
        assertThat(TillWindowFixture.onFx(() -> robot.lookup("#drawerCurrency").queryTextInputControl().getText()))
                .isEqualTo("USD");
        robot.clickOn("#drawerAmount").write("100", 0);
        robot.clickOn("#drawerFloat");
        waitUntil(10, () -> labelText(robot, "#drawerExpected").equals("$100.00"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(10, () -> !showing(robot, "#drawerView"));

        scan(robot, TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        robot.type(KeyCode.F8);
        waitUntil(10, () -> showing(robot, "#cashView"));
        robot.clickOn("$20.00");
        robot.type(KeyCode.ENTER);
        waitUntil(10, () -> labelText(robot, "#cashMessage").startsWith("Paid in cash"));
        robot.type(KeyCode.ENTER);
        waitUntil(10, () -> !showing(robot, "#cashView"));

        robot.type(KeyCode.F7);
        waitUntil(10, () -> showing(robot, "#drawerView") && labelText(robot, "#drawerExpected").equals("$107.75"));
        robot.clickOn("#drawerAmount").write("107", 0);
        robot.clickOn("#drawerCount");
        waitUntil(10, () -> labelText(robot, "#drawerDifference")
                .equals("$0.75 short: counted $107.00, expected $107.75."));
        assertThat(journal().drawerBetween(java.time.Instant.now().minusSeconds(3600),
                java.time.Instant.now().plusSeconds(60))).extracting(app.scantill.sale.DrawerEntry::differenceMinor)
                .containsExactly(0L, -75L);
    }
}
