package app.scantill.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.Conditions;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundStatus;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.SandboxRefund;
import app.scantill.sandbox.StripeSandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real till process (SIGKILL) between journaling a refund and Stripe's answer, and while a refund
 * is pending at Stripe, restarts it, and checks against the sandbox's own records that exactly one refund
 * was made and that the journal holds it with Stripe's id and final status. See ADR 0061 for the pattern.
 */
class RefundCrashRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final int SIGKILL_STATUS = 128 + 9;
    private static final String REGISTER = "refund-crash";

    private static StripeSandbox sandbox;

    @TempDir
    Path dir;

    private TillProcess till;
    private int children;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = StripeSandbox.start(SandboxOptions.inMemory());
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void killedAfterJournalingARefundBeforeItLeavesTheTillMakesExactlyOneRefundAfterRestart() throws Exception {
        till = startChild();
        String saleId = paidSale("card");
        till.send("hold refund");
        till.await(l -> l.startsWith("OK hold=refund"), WAIT, "hold armed");
        till.send("refund " + saleId + " 500");
        String held = till.await(l -> l.startsWith("HELD op=refund "), WAIT, "refund held");
        String refundId = TillProcess.field(held, "refund").orElseThrow();

        assertThat(till.kill()).isEqualTo(SIGKILL_STATUS);
        assertThat(journaled(refundId).status()).as("journaled before Stripe heard of it")
                .isEqualTo(RefundStatus.REQUESTED);
        assertThat(refundsAtStripe(saleId)).isEmpty();

        till = startChild();
        awaitRefund(refundId, "SUCCEEDED");

        assertThat(refundsAtStripe(saleId)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(journaled(refundId).stripeRefundId()));
        assertThat(journaled(refundId).status()).isEqualTo(RefundStatus.SUCCEEDED);
        quitAndRestartRecoversNothing(saleId);
    }

    @Test
    void killedWhileStripeMakesTheRefundReplaysTheSameKeyAndMakesNoSecond() throws Exception {
        till = startChild();
        String saleId = paidSale("card");
        int posts = refundPosts();
        sandbox.faults().inject(Fault.delay(Duration.ofMillis(1500)), 1, "POST", "/v1/refunds");
        till.send("refund " + saleId + " all duplicate");
        String ok = till.await(l -> l.startsWith("OK refund="), WAIT, "refund started");
        String refundId = TillProcess.field(ok, "refund").orElseThrow();
        assertThat(Conditions.eventually(() -> refundPosts() > posts, WAIT)).as("refund at the sandbox").isTrue();

        assertThat(till.kill()).isEqualTo(SIGKILL_STATUS);
        // The sandbox finishes the request it holds: Stripe made the refund, the till never heard of it.
        assertThat(Conditions.eventually(() -> refundsAtStripe(saleId).size() == 1, WAIT)).isTrue();
        assertThat(journaled(refundId).status()).isEqualTo(RefundStatus.REQUESTED);

        till = startChild();
        awaitRefund(refundId, "SUCCEEDED");

        assertThat(refundsAtStripe(saleId)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(journaled(refundId).stripeRefundId());
            assertThat(r.amount().minorUnits()).isEqualTo(975);
        });
        quitAndRestartRecoversNothing(saleId);
    }

    @Test
    void killedWhileAnAmazonPayRefundIsPendingFollowsItToTheEndAfterRestart() throws Exception {
        till = startChild();
        String saleId = paidSale("amazon_pay");
        till.send("refund-lines " + saleId + " 1:1");
        String ok = till.await(l -> l.startsWith("OK refund="), WAIT, "refund started");
        String refundId = TillProcess.field(ok, "refund").orElseThrow();
        awaitRefund(refundId, "PENDING");

        assertThat(till.kill()).isEqualTo(SIGKILL_STATUS);
        assertThat(journaled(refundId).status()).isEqualTo(RefundStatus.PENDING);

        till = startChild();
        awaitRefund(refundId, "SUCCEEDED");

        assertThat(refundsAtStripe(saleId)).singleElement()
                .satisfies(r -> assertThat(r.amount().minorUnits()).isEqualTo(350));
        till.send("refunds " + saleId);
        String balance = till.await(l -> l.startsWith("BALANCE "), WAIT, "balance");
        assertThat(TillProcess.field(balance, "refundable")).contains("625");
        assertThat(TillProcess.field(balance, "standing")).contains("PARTIALLY_REFUNDED");
        quitAndRestartRecoversNothing(saleId);
    }

    // ------------------------------------------------------------ helpers

    private TillProcess startChild() throws IOException, InterruptedException {
        children++;
        TillProcess child = TillProcess.start(dir.resolve("journal.db"), REGISTER, sandbox.apiBase(),
                sandbox.secretKey(), sandbox.defaultSuccessUrl(), dir.resolve("till-" + children + ".err"));
        child.await(l -> l.startsWith("READY ") || l.startsWith("ERROR "), WAIT, "READY");
        assertThat(child.linesStartingWith("ERROR")).as("till started cleanly").isEmpty();
        return child;
    }

    /** Charges 2 x Coffee 350 + 1 x Bagel 275 and pays it on the sandbox as the customer. */
    private String paidSale(String method) throws Exception {
        till.send("charge USD Coffee 350 2 Bagel 275 1");
        String awaiting = till.await(l -> l.startsWith("EVENT phase=AWAITING_PAYMENT "), WAIT, "QR code");
        String saleId = TillProcess.field(awaiting, "sale").orElseThrow();
        sandbox.pay(TillProcess.field(awaiting, "session").orElseThrow(), method);
        till.awaitEvent("PAID", saleId, WAIT);
        return saleId;
    }

    private void awaitRefund(String refundId, String phase) throws InterruptedException {
        till.await(l -> l.startsWith("REFUND ") && l.contains(" refund=" + refundId + " ")
                && l.contains(" phase=" + phase + " "), WAIT, phase + " of refund " + refundId);
    }

    /** A clean restart finds nothing left to take up: the refund is not made again. */
    private void quitAndRestartRecoversNothing(String saleId) throws Exception {
        int before = refundsAtStripe(saleId).size();
        assertThat(till.quit(WAIT)).isZero();
        till = startChild();
        assertThat(till.linesStartingWith("REFUND")).isEmpty();
        assertThat(till.quit(WAIT)).isZero();
        assertThat(refundsAtStripe(saleId)).hasSize(before);
    }

    private List<SandboxRefund> refundsAtStripe(String saleId) {
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(dir.resolve("journal.db"))) {
            return sandbox.refunds(journal.find(saleId).orElseThrow().paymentIntentId());
        }
    }

    private Refund journaled(String refundId) {
        try (JdbcSalesJournal journal = JdbcSalesJournal.open(dir.resolve("journal.db"))) {
            return journal.findRefund(refundId).orElseThrow();
        }
    }

    private static int refundPosts() {
        return (int) sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/refunds")).count();
    }
}
