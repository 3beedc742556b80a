package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's refunds and charges as stripe-java sees them: the paid intent's charge and receipt page,
 * Stripe's refusals, idempotency, asynchronous Amazon Pay refunds and the refund that fails later.
 */
class SandboxRefundsTest {

    private StripeSandbox sandbox;
    private StripeClient stripe;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
        stripe = client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A paid session of 1225 cents; returns its payment intent id. */
    private String paid(String method) throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());
        return sandbox.pay(s.getId(), method).paymentIntentId();
    }

    private Refund refund(String pi, Long amount, String key) throws Exception {
        RefundCreateParams.Builder p = RefundCreateParams.builder().setPaymentIntent(pi)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("sale_id", "S-1");
        if (amount != null) {
            p.setAmount(amount);
        }
        return stripe.v1().refunds().create(p.build(), RequestOptions.builder().setIdempotencyKey(key).build());
    }

    private String page(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aPaidIntentHasALatestChargeWhoseReceiptPageShowsTheSale() throws Exception {
        String pi = paid("card");

        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(pi,
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build(), null);

        Charge charge = intent.getLatestChargeObject();
        assertThat(intent.getLatestCharge()).startsWith("ch_");
        assertThat(charge.getPaymentIntent()).isEqualTo(pi);
        assertThat(charge.getAmountRefunded()).isZero();
        assertThat(charge.getRefunded()).isFalse();
        assertThat(charge.getPaymentMethodDetails().getType()).isEqualTo("card");
        assertThat(charge.getReceiptUrl()).startsWith(sandbox.publicBase() + "/c/receipt/");
        assertThat(stripe.v1().charges().retrieve(charge.getId()).getReceiptUrl()).isEqualTo(charge.getReceiptUrl());
        assertThat(page(charge.getReceiptUrl())).contains("Receipt from", "Flat white", "Croissant", "$12.25",
                "Visa •••• 4242");
    }

    @Test
    void aDeclinedAttemptLeavesTheSessionOpenWithItsPaymentIntentWhichPayingCompletes() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());

        sandbox.decline(s.getId());

        Session open = stripe.v1().checkout().sessions().retrieve(s.getId());
        assertThat(open.getStatus()).isEqualTo("open");
        assertThat(open.getPaymentIntent()).startsWith("pi_");
        PaymentIntent declined = stripe.v1().paymentIntents().retrieve(open.getPaymentIntent());
        assertThat(declined.getStatus()).isEqualTo("requires_payment_method");
        assertThat(declined.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(declined.getLatestCharge()).isNull();

        sandbox.pay(s.getId(), "amazon_pay");

        Session paid = stripe.v1().checkout().sessions().retrieve(s.getId());
        assertThat(paid.getPaymentIntent()).isEqualTo(open.getPaymentIntent());
        PaymentIntent succeeded = stripe.v1().paymentIntents().retrieve(paid.getPaymentIntent());
        assertThat(succeeded.getStatus()).isEqualTo("succeeded");
        assertThat(succeeded.getLastPaymentError()).isNull();
        assertThat(succeeded.getLatestCharge()).startsWith("ch_");
    }

    @Test
    void aCardRefundSucceedsAtOnceAndShowsOnTheChargeAndTheReceipt() throws Exception {
        String pi = paid("card");

        Refund r = refund(pi, 450L, "k1");

        assertThat(r.getId()).startsWith("re_");
        assertThat(r.getStatus()).isEqualTo("succeeded");
        assertThat(r.getAmount()).isEqualTo(450L);
        assertThat(r.getCurrency()).isEqualTo("usd");
        assertThat(r.getPaymentIntent()).isEqualTo(pi);
        assertThat(r.getReason()).isEqualTo("requested_by_customer");
        assertThat(r.getMetadata()).containsEntry("sale_id", "S-1");
        Charge charge = stripe.v1().charges().retrieve(r.getCharge());
        assertThat(charge.getAmountRefunded()).isEqualTo(450L);
        assertThat(charge.getRefunded()).isFalse();
        assertThat(stripe.v1().refunds().retrieve(r.getId()).getStatus()).isEqualTo("succeeded");
        assertThat(page(charge.getReceiptUrl())).contains("Refund", "−$4.50", "succeeded", "Refunded");

        refund(pi, null, "k2");
        assertThat(stripe.v1().charges().retrieve(r.getCharge()).getRefunded()).isTrue();
    }

    @Test
    void thePaidSessionsPageShowsItsRefundsAndLinksTheReceipt() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());
        String pi = sandbox.pay(s.getId(), "card").paymentIntentId();
        refund(pi, 325L, "k1");

        String page = page(sandbox.defaultSuccessUrl().replace("{CHECKOUT_SESSION_ID}", s.getId()));

        assertThat(page).contains("Thank you!", "Refund", "−$3.25", "Refunded", "View receipt",
                sandbox.receipt(s.getId()).orElseThrow().url());
    }

    @Test
    void anAmazonPayRefundIsPendingUntilItSettles() throws Exception {
        String pi = paid("amazon_pay");

        Refund r = refund(pi, null, "k1");

        assertThat(r.getStatus()).isEqualTo("pending");
        assertThat(r.getAmount()).isEqualTo(1225L);
        sandbox.clock().advance(SandboxRefunds.AMAZON_PAY_SETTLES);
        assertThat(stripe.v1().refunds().retrieve(r.getId()).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void aRefundCanStayPendingAndFailLaterGivingItsAmountBack() throws Exception {
        String pi = paid("amazon_pay");
        sandbox.failNextRefunds(1, Duration.ofMinutes(5));

        Refund r = refund(pi, null, "k1");
        assertThat(r.getStatus()).isEqualTo("pending");
        sandbox.clock().advance(Duration.ofMinutes(4));
        assertThat(stripe.v1().refunds().retrieve(r.getId()).getStatus()).isEqualTo("pending");
        sandbox.clock().advance(Duration.ofMinutes(1));

        Refund failed = stripe.v1().refunds().retrieve(r.getId());
        assertThat(failed.getStatus()).isEqualTo("failed");
        assertThat(failed.getFailureReason()).isEqualTo("declined");
        assertThat(refund(pi, null, "k2").getAmount()).as("the whole payment is refundable again").isEqualTo(1225L);
    }

    @Test
    void stripesRefusalsHaveStripesCodes() throws Exception {
        String pi = paid("card");
        refund(pi, 1000L, "k1");

        InvalidRequestException tooLarge = catchThrowableOfType(InvalidRequestException.class,
                () -> refund(pi, 226L, "k2"));
        assertThat(tooLarge.getStatusCode()).isEqualTo(400);
        assertThat(tooLarge.getCode()).isEqualTo("amount_too_large");
        assertThat(tooLarge.getStripeError().getMessage())
                .isEqualTo("Refund amount ($2.26) is greater than unrefunded amount on charge ($2.25)");

        refund(pi, 225L, "k3");
        InvalidRequestException already = catchThrowableOfType(InvalidRequestException.class,
                () -> refund(pi, null, "k4"));
        assertThat(already.getCode()).isEqualTo("charge_already_refunded");

        InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
                () -> refund("pi_nobody", null, "k5"));
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getCode()).isEqualTo("resource_missing");
        assertThat(missing.getParam()).isEqualTo("payment_intent");

        InvalidRequestException neither = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().refunds().create(RefundCreateParams.builder().setAmount(100L).build()));
        assertThat(neither.getCode()).isEqualTo("parameter_missing");
        assertThat(sandbox.refunds(pi)).hasSize(2);
    }

    @Test
    void aDisputedChargeCannotBeRefunded() throws Exception {
        String pi = paid("card");
        sandbox.dispute(pi);

        InvalidRequestException disputed = catchThrowableOfType(InvalidRequestException.class,
                () -> refund(pi, null, "k1"));

        assertThat(disputed.getCode()).isEqualTo("charge_disputed");
        assertThat(sandbox.refunds(pi)).isEmpty();
    }

    @Test
    void theSameKeyReplaysTheRefundAndAnotherAmountUnderItIsAMismatch() throws Exception {
        String pi = paid("card");
        Refund first = refund(pi, 300L, "scantill-refund-R-1");

        Refund replay = refund(pi, 300L, "scantill-refund-R-1");

        assertThat(replay.getId()).isEqualTo(first.getId());
        assertThat(replay.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(catchThrowableOfType(IdempotencyException.class, () -> refund(pi, 400L, "scantill-refund-R-1")))
                .isNotNull();
        assertThat(sandbox.refunds(pi)).hasSize(1);
    }

    @Test
    void aKeyWithoutRefundsWriteIsRefusedWithStripesPermissionError() throws Exception {
        String pi = paid("card");
        sandbox.permissions().withhold(SandboxPermissions.REFUNDS_WRITE);

        PermissionException denied = catchThrowableOfType(PermissionException.class, () -> refund(pi, null, "k1"));

        assertThat(denied.getStatusCode()).isEqualTo(403);
        assertThat(denied.getStripeError().getMessage()).contains("'rak_refund_write' permission")
                .doesNotContain(sandbox.secretKey());
        assertThat(sandbox.refunds(pi)).isEmpty();
        assertThat(stripe.v1().paymentIntents().retrieve(pi).getStatus()).as("reads are still allowed")
                .isEqualTo("succeeded");
    }

    @Test
    void refundsAreListedByPaymentIntentNewestFirst() throws Exception {
        String pi = paid("card");
        String other = paid("card");
        Refund a = refund(pi, 100L, "k1");
        refund(other, 100L, "k2");
        Refund b = refund(pi, 200L, "k3");

        StripeCollection<Refund> list = stripe.v1().refunds().list(RefundListParams.builder().setPaymentIntent(pi).build());

        assertThat(list.getData()).extracting(Refund::getId).containsExactly(b.getId(), a.getId());
    }

    @Test
    void refundsAndChargesSurviveARestart(@TempDir Path dir) throws Exception {
        sandbox.close();
        SandboxOptions options = SandboxOptions.persistentAt(dir.resolve("sandbox.json"))
                .withClock(SandboxClock.fixedAt(SandboxTestSupport.T0));
        String pi;
        String refundId;
        try (StripeSandbox first = StripeSandbox.start(options)) {
            sandbox = first;
            stripe = client(first);
            pi = paid("amazon_pay");
            refundId = refund(pi, 500L, "k1").getId();
        }
        sandbox = StripeSandbox.start(options);
        stripe = client(sandbox);

        assertThat(stripe.v1().refunds().retrieve(refundId).getStatus()).isEqualTo("pending");
        assertThat(refund(pi, 500L, "k1").getId()).as("the key is kept too").isEqualTo(refundId);
        assertThat(stripe.v1().paymentIntents().retrieve(pi).getLatestCharge()).startsWith("ch_");
    }
}
