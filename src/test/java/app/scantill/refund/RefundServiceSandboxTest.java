package app.scantill.refund;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.Money;
import app.scantill.refund.RefundProgress.Phase;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxPermissions;
import app.scantill.sandbox.SandboxRefund;
import com.stripe.param.RefundCreateParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refund flow end to end against the embedded sandbox, with the SQLite journal: what Stripe receives,
 * what the journal holds and what the cashier hears, for whole, line and amount refunds, refusals, a
 * refund that fails later, a key without the permission, racing refunds and an unreachable Stripe.
 */
class RefundServiceSandboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private RefundSandbox till;
    private RefundService refunds;

    @BeforeEach
    void start() throws Exception {
        till = new RefundSandbox(dir);
        refunds = till.service(RefundSandbox.REGISTER);
    }

    @AfterEach
    void stop() {
        refunds.shutdown();
        till.close();
    }

    private RefundProgress refundAndWait(RefundOrder order, Sale sale) throws Exception {
        refunds.start(order, Money.of(order.amountMinor(), sale.currency()));
        return refunds.await(order.refundId(), RefundProgress::isSettled, WAIT);
    }

    private List<RecordedRequest> refundPosts() {
        return till.sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/refunds")).toList();
    }

    @Test
    void wholeRefundOfACardSaleReachesStripeWithItsKeyAndIsJournaledSucceeded() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        RefundOrder order = refunds.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER, List.of());

        RefundProgress done = refundAndWait(order, sale);

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(done.message().key()).isEqualTo("refund.progress.succeeded");
        Refund journaled = till.journal.findRefund(order.refundId()).orElseThrow();
        assertThat(journaled.status()).isEqualTo(RefundStatus.SUCCEEDED);
        List<SandboxRefund> atStripe = till.sandbox.refunds(sale.paymentIntentId());
        assertThat(atStripe).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(journaled.stripeRefundId());
            assertThat(r.amount()).isEqualTo(Money.of(975, "USD"));
            assertThat(r.reason()).isEqualTo("requested_by_customer");
            assertThat(r.metadata()).containsEntry("refund_id", order.refundId()).containsEntry("sale_id", "S-1")
                    .containsEntry("register_id", RefundSandbox.REGISTER);
        });
        assertThat(refundPosts()).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).contains("scantill-refund-" + order.refundId());
            assertThat(r.param("payment_intent")).contains(sale.paymentIntentId());
            assertThat(r.param("amount")).contains("975");
        });
        RefundBalance balance = RefundBalance.of(sale, till.journal.refunds("S-1"));
        assertThat(balance.standing()).isEqualTo(RefundBalance.Standing.REFUNDED);
    }

    @Test
    void lineRefundSendsTheLinesAmountAndLeavesTheRestRefundable() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        RefundOrder order = refunds.order(sale, 350, RefundReason.DUPLICATE, List.of(new RefundLine(1, 1)));

        assertThat(refundAndWait(order, sale).phase()).isEqualTo(Phase.SUCCEEDED);

        assertThat(till.sandbox.refunds(sale.paymentIntentId())).singleElement()
                .satisfies(r -> assertThat(r.amount().minorUnits()).isEqualTo(350));
        RefundBalance balance = RefundBalance.of(sale, till.journal.refunds("S-1"));
        assertThat(balance.standing()).isEqualTo(RefundBalance.Standing.PARTIALLY_REFUNDED);
        assertThat(balance.refundable()).isEqualTo(Money.of(625, "USD"));
        assertThat(RefundBalance.unitsLeft(sale, till.journal.refunds("S-1"))).containsExactly(1, 1);
    }

    @Test
    void anAmazonPayRefundIsFollowedFromPendingUntilItSucceeds() throws Exception {
        Sale sale = till.paidSale("S-1", "amazon_pay");
        RefundOrder order = refunds.order(sale, 500, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
        refunds.start(order, Money.of(500, sale.currency()));

        refunds.await(order.refundId(), p -> p.phase() == Phase.PENDING, WAIT);
        assertThat(till.journal.findRefund(order.refundId()).orElseThrow().status()).isEqualTo(RefundStatus.PENDING);
        till.sandbox.clock().advance(Duration.ofSeconds(2));

        RefundProgress done = refunds.await(order.refundId(), RefundProgress::isSettled, WAIT);
        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(till.journal.findRefund(order.refundId()).orElseThrow().status()).isEqualTo(RefundStatus.SUCCEEDED);
    }

    @Test
    void aPendingRefundThatFailsLaterIsJournaledFailedAndItsAmountIsRefundableAgain() throws Exception {
        Sale sale = till.paidSale("S-1", "amazon_pay");
        till.sandbox.failNextRefunds(1, Duration.ofMinutes(1));
        RefundOrder order = refunds.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
        refunds.start(order, sale.total());
        refunds.await(order.refundId(), p -> p.phase() == Phase.PENDING, WAIT);

        till.sandbox.clock().advance(Duration.ofMinutes(1));

        RefundProgress failed = refunds.await(order.refundId(), RefundProgress::isSettled, WAIT);
        assertThat(failed.phase()).isEqualTo(Phase.FAILED);
        assertThat(failed.message()).isEqualTo(app.scantill.i18n.Message.of("refund.progress.failed",
                Money.of(975, "USD"), "declined"));
        Refund journaled = till.journal.findRefund(order.refundId()).orElseThrow();
        assertThat(journaled.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(journaled.failureReason()).isEqualTo("declined");
        assertThat(RefundBalance.of(sale, till.journal.refunds("S-1")).refundable()).isEqualTo(sale.total());
    }

    @Test
    void overRefundIsRefusedByTheJournalAndNeverReachesStripe() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        refundAndWait(refunds.order(sale, 900, RefundReason.REQUESTED_BY_CUSTOMER, List.of()), sale);

        RefundOrder tooMuch = refunds.order(sale, 100, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
        RefundProgress refused = refundAndWait(tooMuch, sale);

        assertThat(refused.phase()).isEqualTo(Phase.REFUSED);
        assertThat(refused.message()).isEqualTo(app.scantill.i18n.Message.of("refund.refused.more_than_left",
                Money.of(75, "USD")));
        assertThat(refundPosts()).hasSize(1);
        assertThat(till.journal.findRefund(tooMuch.refundId())).isEmpty();
    }

    @Test
    void overRefundIsRefusedByStripeWhenTheDashboardRefundedMeanwhile() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        till.stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(sale.paymentIntentId())
                .setAmount(500L).build());

        RefundOrder order = refunds.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
        RefundProgress refused = refundAndWait(order, sale);

        assertThat(refused.phase()).isEqualTo(Phase.REFUSED);
        assertThat(refused.message().key()).isEqualTo("refund.stripe.amount_too_large");
        Refund journaled = till.journal.findRefund(order.refundId()).orElseThrow();
        assertThat(journaled.status()).isEqualTo(RefundStatus.REFUSED);
        assertThat(journaled.failureReason()).isEqualTo("amount_too_large");
        assertThat(RefundBalance.of(sale, till.journal.refunds("S-1")).refundable()).isEqualTo(sale.total());
        assertThat(till.sandbox.refunds(sale.paymentIntentId())).hasSize(1);
    }

    @Test
    void aKeyWithoutRefundsWriteGetsTheSentenceNamingThePermissionAndWhereToAddIt() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        till.sandbox.permissions().withhold(SandboxPermissions.REFUNDS_WRITE);

        RefundProgress refused = refundAndWait(refunds.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER,
                List.of()), sale);

        assertThat(refused.phase()).isEqualTo(Phase.REFUSED);
        assertThat(refused.message().key()).isEqualTo("refund.stripe.permission");
        assertThat(app.scantill.i18n.Translator.english().text(refused.message()))
                .contains("Refunds: Write", "Developers → API keys");
        assertThat(till.sandbox.refunds(sale.paymentIntentId())).isEmpty();
        assertThat(till.journal.refunds("S-1")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.REFUSED));
    }

    @Test
    void aDisputedPaymentIsRefusedWithStripesReason() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        till.sandbox.dispute(sale.paymentIntentId());

        RefundProgress refused = refundAndWait(refunds.order(sale, 975, RefundReason.FRAUDULENT, List.of()), sale);

        assertThat(refused.message().key()).isEqualTo("refund.stripe.disputed");
    }

    @Test
    void twoWindowsRefundingTheWholeSaleAtOnceMakeOneRefund() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        RefundService otherWindow = till.service(RefundSandbox.REGISTER);
        try {
            RefundOrder a = refunds.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
            RefundOrder b = otherWindow.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
            CountDownLatch go = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                awaitQuietly(go);
                otherWindow.start(b, sale.total());
            });
            t.start();
            go.countDown();
            refunds.start(a, sale.total());
            t.join();

            RefundProgress pa = refunds.await(a.refundId(), RefundProgress::isSettled, WAIT);
            RefundProgress pb = otherWindow.await(b.refundId(), RefundProgress::isSettled, WAIT);

            assertThat(List.of(pa.phase(), pb.phase())).containsExactlyInAnyOrder(Phase.SUCCEEDED, Phase.REFUSED);
            assertThat(till.sandbox.refunds(sale.paymentIntentId())).hasSize(1);
            assertThat(refundPosts()).hasSize(1);
        } finally {
            otherWindow.shutdown();
        }
    }

    @Test
    void stripeUnreachableLeavesTheRefundJournaledAndCheckAgainMakesExactlyOne() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        till.sandbox.faults().inject(Fault.serverError(503), 4, "POST", "/v1/refunds");
        RefundOrder order = refunds.order(sale, 975, RefundReason.REQUESTED_BY_CUSTOMER, List.of());

        RefundProgress stopped = refundAndWait(order, sale);

        assertThat(stopped.phase()).isEqualTo(Phase.STOPPED);
        assertThat(stopped.canResume()).isTrue();
        assertThat(stopped.message().key()).isEqualTo("refund.stopped.unreachable");
        assertThat(till.journal.findRefund(order.refundId()).orElseThrow().status()).isEqualTo(RefundStatus.REQUESTED);

        refunds.resume(till.journal.findRefund(order.refundId()).orElseThrow());
        RefundProgress done = refunds.await(order.refundId(), p -> p.phase() == Phase.SUCCEEDED, WAIT);

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(till.sandbox.refunds(sale.paymentIntentId())).hasSize(1);
        assertThat(refundPosts()).hasSize(5).extracting(r -> r.idempotencyKey().orElseThrow()).containsOnly(
                order.idempotencyKey());
    }

    @Test
    void aRefundJournaledButUnansweredIsReplayedAfterARestartAndMadeOnce() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        // The answer to the first send is lost: Stripe made the refund, the till never heard of it.
        till.sandbox.faults().inject(Fault.dropConnectionAfterProcessing(), 2, "POST", "/v1/refunds");
        RefundOrder order = refunds.order(sale, 300, RefundReason.REQUESTED_BY_CUSTOMER, List.of());
        refunds.start(order, Money.of(300, "USD"));
        refunds.await(order.refundId(), p -> p.phase() != Phase.RECORDING, WAIT);
        refunds.shutdown();

        refunds = till.service(RefundSandbox.REGISTER);
        assertThat(refunds.resumeUnfinished()).extracting(Refund::id).containsExactly(order.refundId());
        RefundProgress done = refunds.await(order.refundId(), p -> p.phase() == Phase.SUCCEEDED, WAIT);

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(till.sandbox.refunds(sale.paymentIntentId())).hasSize(1);
        assertThat(till.journal.unfinishedRefunds()).isEmpty();
    }

    @Test
    void aLongForgottenUnansweredRefundIsLookedUpBeforeAnySend() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        Refund journaled = till.journal.beginRefund(refunds.order(sale, 300, RefundReason.DUPLICATE, List.of()));
        RefundRequest sentBeforeTheCrash = RefundRequest.of(journaled);
        till.gateway.create(sentBeforeTheCrash);
        till.sandbox.clock().advance(Duration.ofHours(30));
        till.sandbox.clearRequests();

        refunds.resume(journaled);
        refunds.await(journaled.id(), p -> p.phase() == Phase.SUCCEEDED, WAIT);

        assertThat(refundPosts()).isEmpty();
        assertThat(till.sandbox.refunds(sale.paymentIntentId())).hasSize(1);
        assertThat(till.journal.findRefund(journaled.id()).orElseThrow().stripeRefundId())
                .isEqualTo(till.sandbox.refunds(sale.paymentIntentId()).get(0).id());
    }

    @Test
    void theReceiptUrlOfAPaymentIsItsLatestChargesReceipt() throws Exception {
        Sale sale = till.paidSale("S-1", "card");

        assertThat(refunds.receiptUrl(sale.paymentIntentId()))
                .hasValueSatisfying(u -> assertThat(u).startsWith(till.sandbox.publicBase() + "/c/receipt/"));
    }

    @Test
    void aRefundTheJournalCannotWriteIsNeverSent() throws Exception {
        Sale sale = till.paidSale("S-1", "card");
        RefundOrder order = new RefundOrder("R-x", "S-not-in-the-journal", RefundSandbox.REGISTER, 100,
                RefundReason.DUPLICATE, List.of(), "scantill-refund-R-x");

        RefundProgress p = refundAndWait(order, sale);

        assertThat(p.phase()).isEqualTo(Phase.REFUSED);
        assertThat(p.message().key()).isEqualTo("refund.stopped.not_journaled");
        assertThat(refundPosts()).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
