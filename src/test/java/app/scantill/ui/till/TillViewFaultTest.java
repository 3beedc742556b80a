package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.SandboxSession;
import app.scantill.sandbox.StripeSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole till window against the embedded sandbox while Stripe's side misbehaves: 5xx bursts,
 * 429s, answers slower than the read timeout, dropped connections and malformed bodies, during the
 * create and during polling. The cashier never sees a stack trace, the till keeps working, each
 * attempt makes exactly one Checkout Session, and every sale ends Paid once the fault clears.
 * (Flow-level fault tests of the charge service itself live with it.)
 */
@ExtendWith(ApplicationExtension.class)
class TillViewFaultTest {

    private static final String CREATE = "/v1/checkout/sessions";
    private static final String RETRIEVE = "/v1/checkout/sessions/[^/]+";

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
        // Short read timeout and poll interval so a slow answer is a timeout within the test's patience.
        till = TillWindowFixture.start(stage, dir, List.of("--poll.interval_ms=250", "--stripe.read_timeout_ms=800",
                "--stripe.max_network_retries=2"), Map.of());
        StripeSandbox sandbox = till.services.sandbox().orElseThrow();
        assertThat(sandbox.options().bindAddress().isLoopbackAddress()).as("loopback unless sandbox.bind says otherwise")
                .isTrue();
        return sandbox;
    }

    private static void assertNoTechnicalText() throws Exception {
        for (String text : TillWindowFixture.allTexts()) {
            assertThat(text).as("text on screen").doesNotContain("Exception").doesNotContain("at app.")
                    .doesNotContain("java.").doesNotContain("com.stripe").doesNotContain("\tat ");
        }
    }

    /**
     * One sale with {@code faults} armed before Charge: while it is not yet payable the screen is
     * checked; a retryable failure is retried by the cashier after the fault cleared; then the customer
     * pays and the till must show Paid with one session for the sale.
     */
    private void saleThrough(StripeSandbox sandbox, Consumer<StripeSandbox> faults, String description)
            throws Exception {
        int sessionsBefore = sandbox.sessions().size();
        faults.accept(sandbox);
        till.charge(TillWindowFixture.ESPRESSO, TillWindowFixture.LATTE);
        till.waitForPhase(60, Phase.AWAITING_PAYMENT, Phase.FAILED);
        assertNoTechnicalText();
        if (till.phase() == Phase.FAILED) {
            assertThat(till.status().retryable()).as(description + ": a transient fault is offered a retry").isTrue();
            sandbox.faults().clear();
            TillWindowFixture.onFx(() -> {
                till.model.chargeModelProperty().get().retry();
                return null;
            });
            till.waitForPhase(60, Phase.AWAITING_PAYMENT);
        }
        String saleId = till.status().saleId();
        String sessionId = till.status().sessionId();
        List<SandboxSession> ofSale = sandbox.sessions().stream()
                .filter(s -> saleId.equals(s.clientReferenceId())).toList();
        assertThat(ofSale).as(description + ": sessions for the attempt").hasSize(1);
        assertThat(sandbox.sessions()).hasSize(sessionsBefore + 1);

        sandbox.pay(sessionId, "amazon_pay");
        till.waitForPhase(60, Phase.PAID);
        assertNoTechnicalText();
        sandbox.faults().clear();
        till.newSale();
    }

    @Test
    void faultsDuringTheCreateNeverShowAStackTraceAndEachSaleEndsPaidWithOneSession() throws Exception {
        StripeSandbox sandbox = startTill();
        saleThrough(sandbox, s -> s.faults().inject(Fault.serverError(), 2, "POST", CREATE), "500 burst");
        saleThrough(sandbox, s -> s.faults().inject(Fault.serverError(503), 9, "POST", CREATE), "long 503 burst");
        saleThrough(sandbox, s -> s.faults().inject(Fault.rateLimited(), 9, "POST", CREATE), "429");
        saleThrough(sandbox, s -> s.faults().inject(Fault.rateLimited(true, Duration.ofSeconds(1)), 1, "POST", CREATE),
                "429 with Retry-After");
        saleThrough(sandbox, s -> s.faults().inject(Fault.delay(Duration.ofMillis(1_500)), 2, "POST", CREATE),
                "slower than the read timeout");
        saleThrough(sandbox, s -> s.faults().inject(Fault.dropConnectionAfterProcessing(), 2, "POST", CREATE),
                "connection dropped after the session was made");
        saleThrough(sandbox, s -> s.faults().inject(Fault.dropConnection(), 9, "POST", CREATE),
                "connection dropped before");
        saleThrough(sandbox, s -> s.faults().inject(Fault.htmlErrorPage(502), 2, "POST", CREATE), "HTML error page");
        saleThrough(sandbox, s -> s.faults().inject(Fault.truncatedJson(), 1, "POST", CREATE), "truncated JSON");
        saleThrough(sandbox, s -> s.faults().inject(Fault.wrongObjectType(), 1, "POST", CREATE), "wrong object type");
    }

    @Test
    void faultsWhilePollingKeepTheQrCodeUpAndTheSaleEndsPaid() throws Exception {
        StripeSandbox sandbox = startTill();
        List<Fault> faults = List.of(Fault.serverError(), Fault.rateLimited(), Fault.rateLimited(false,
                Duration.ofSeconds(1)), Fault.delay(Duration.ofMillis(1_500)), Fault.dropConnection(),
                Fault.htmlErrorPage(502), Fault.truncatedJson(), Fault.wrongObjectType());
        for (Fault fault : faults) {
            int sessionsBefore = sandbox.sessions().size();
            till.charge(TillWindowFixture.ESPRESSO);
            till.waitForPhase(30, Phase.AWAITING_PAYMENT);
            sandbox.faults().inject(fault, 4, "GET", RETRIEVE);
            org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                    () -> sandbox.faults().pending() == 0);
            assertNoTechnicalText();
            assertThat(till.phase()).as(fault + ": the QR code stays up").isIn(Phase.AWAITING_PAYMENT,
                    Phase.CONNECTION_LOST);
            sandbox.pay(till.status().sessionId(), "card");
            till.waitForPhase(60, Phase.PAID);
            assertNoTechnicalText();
            assertThat(sandbox.sessions()).as(fault + ": one session for the sale").hasSize(sessionsBefore + 1);
            till.newSale();
        }
    }
}
