package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.SandboxAccount;
import app.scantill.sandbox.SandboxSession;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.ui.cashier.CashierViewModel.Notice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
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
 * The whole till window (as the app wires it, headless) against a sandbox playing Stripe as it is: a till
 * clock 15 minutes off either way, a 500 Stripe saved under the idempotency key, an account without Amazon
 * Pay. What the cashier sees and what Stripe (the sandbox) ends up holding.
 */
@ExtendWith(ApplicationExtension.class)
class TillViewStripeTermsTest {

    private static final String CREATE = "/v1/checkout/sessions";
    private static final Pattern COUNTDOWN = Pattern.compile("Expires in (\\d+):(\\d\\d)");

    @TempDir
    Path dir;
    private Stage stage;
    private TillWindowFixture till;
    private final List<String> notices = new CopyOnWriteArrayList<>();

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

    private StripeSandbox startTill(Clock tillClock) throws Exception {
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250"), Map.of(), tillClock);
        TillWindowFixture.onFx(() -> {
            till.cashier().noticeProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    notices.add(now.text());
                }
            });
            Notice current = till.cashier().noticeProperty().get();
            if (current != null) {
                notices.add(current.text());
            }
            return null;
        });
        return till.services.sandbox().orElseThrow();
    }

    private SalesJournal journal() {
        return till.services.journal().orElseThrow();
    }

    private List<SandboxSession> sessionsOf(StripeSandbox sandbox, String saleId) {
        return sandbox.sessions().stream().filter(s -> saleId.equals(s.clientReferenceId())).toList();
    }

    /** A sale on a till whose clock is {@code off} from Stripe's, paid by the customer; the countdown checked. */
    private void saleOnAWrongClock(Duration off, String told) throws Exception {
        StripeSandbox sandbox = startTill(Clock.offset(Clock.systemUTC(), off));

        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(30, Phase.AWAITING_PAYMENT);
        SandboxSession session = sandbox.session(till.status().sessionId()).orElseThrow();

        // The countdown runs on Stripe's clock: it shows the session's real time left.
        String countdown = TillWindowFixture.onFx(() -> till.model.chargeModelProperty().get().countdownProperty().get());
        Matcher m = COUNTDOWN.matcher(countdown);
        assertThat(m.matches()).as("countdown '%s'", countdown).isTrue();
        Duration shown = Duration.ofMinutes(Long.parseLong(m.group(1))).plusSeconds(Long.parseLong(m.group(2)));
        Duration left = Duration.between(Instant.now(), session.expiresAt());
        assertThat(shown).isBetween(left.minusSeconds(5), left.plusSeconds(5));

        sandbox.pay(session.id(), "card");
        till.waitForPhase(30, Phase.PAID);
        Sale sale = journal().find(till.status().saleId()).orElseThrow();
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        till.newSale();

        assertThat(notices).as("the cashier is told once").containsOnlyOnce(told);
        assertThat(TillWindowFixture.allTexts()).noneMatch(t -> t.contains("expires_at"));
    }

    // ---------------------------------------------------------------- 2. expires_at on Stripe's clock

    @Test
    void tillClockFifteenMinutesSlowStillChargesAndTheCashierIsToldOnce() throws Exception {
        saleOnAWrongClock(Duration.ofMinutes(-15),
                "This till's clock is 15 minutes slow. Payments still work; fix the clock for correct receipts.");
    }

    @Test
    void tillClockFifteenMinutesFastStillChargesAndTheCashierIsToldOnce() throws Exception {
        saleOnAWrongClock(Duration.ofMinutes(15),
                "This till's clock is 15 minutes fast. Payments still work; fix the clock for correct receipts.");
    }

    // ---------------------------------------------------------------- 3. a 5xx saved under the key

    @Test
    void savedServerErrorEndsInOnePaidSessionForTheSaleAndNoOpenOrphan() throws Exception {
        StripeSandbox sandbox = startTill(Clock.systemUTC());

        for (boolean sessionMade : new boolean[] {true, false}) {
            sandbox.faults().inject(Fault.savedServerError(sessionMade), 1, "POST", CREATE);
            till.charge(TillWindowFixture.LATTE);
            till.waitForPhase(60, Phase.AWAITING_PAYMENT);
            String saleId = till.status().saleId();

            sandbox.pay(till.status().sessionId(), "amazon_pay");
            till.waitForPhase(30, Phase.PAID);
            assertThat(sessionsOf(sandbox, saleId)).as("session made behind the 500: %s", sessionMade)
                    .extracting(SandboxSession::status).containsExactly("complete");
            assertThat(sandbox.sessions()).noneMatch(s -> s.status().equals("open"));
            assertThat(journal().find(saleId).orElseThrow().state()).isEqualTo(SaleState.PAID);
            assertThat(journal().attemptKeys(saleId)).hasSize(sessionMade ? 1 : 2);
            till.newSale();
        }
    }

    // ---------------------------------------------------------------- 4. an account without Amazon Pay

    @Test
    void accountWithoutAmazonPayCompletesTheSameSaleByCardWithOneKeyPress(FxRobot robot) throws Exception {
        StripeSandbox sandbox = startTill(Clock.systemUTC());
        sandbox.useAccount(SandboxAccount.anywhere().withoutAmazonPay());

        till.charge(TillWindowFixture.LATTE);
        till.waitForPhase(30, Phase.FAILED);
        String saleId = till.status().saleId();
        Button cardOnly = robot.lookup("#card-only").queryButton();
        assertThat(shown(cardOnly)).isTrue();
        assertThat(cardOnly.isDefaultButton()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cardOnly.getScene().getFocusOwner() == cardOnly);
        assertThat(robot.lookup("#failed-message").queryAs(Labeled.class).getText()).contains("Amazon Pay");
        assertThat(journal().find(saleId).orElseThrow().state()).isEqualTo(SaleState.CHARGING);

        robot.type(KeyCode.ENTER);
        till.waitForPhase(30, Phase.AWAITING_PAYMENT);
        assertThat(till.status().saleId()).as("the same sale").isEqualTo(saleId);
        SandboxSession session = sandbox.session(till.status().sessionId()).orElseThrow();
        assertThat(session.paymentMethodTypes()).containsExactly("card");
        assertThat(robot.lookup("#scan-hint").queryAs(Labeled.class).getText())
                .isEqualTo("Card only: Amazon Pay unavailable on this account");

        sandbox.pay(session.id(), "card");
        till.waitForPhase(30, Phase.PAID);
        Sale sale = journal().find(saleId).orElseThrow();
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.attempt()).isEqualTo(2);
        assertThat(sale.paymentMethod()).isEqualTo("card");
        till.newSale();

        // Next to the total from now on (until restart), and the next sale goes card only at once.
        TillWindowFixture.onFx(() -> {
            till.cashier().scan(TillWindowFixture.ESPRESSO);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#chargeabilityLabel").queryAs(Labeled.class).getText())
                .isEqualTo("Card only: Amazon Pay unavailable on this account");
        TillWindowFixture.onFx(() -> {
            till.cashier().charge();
            return null;
        });
        till.waitForPhase(30, Phase.AWAITING_PAYMENT);
        assertThat(sandbox.session(till.status().sessionId()).orElseThrow().paymentMethodTypes())
                .containsExactly("card");
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
