package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static app.scantill.sandbox.SandboxTestSupport.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.LineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionLineItemListParams;
import com.stripe.param.checkout.SessionListParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeSandboxApiTest {

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

    private Session create() throws StripeException {
        return stripe.v1().checkout().sessions().create(cart(sandbox).build());
    }

    @Test
    void createdSessionHasEveryFieldTheAppReads() throws Exception {
        Session s = create();

        assertThat(s.getId()).startsWith("cs_test_").hasSizeGreaterThanOrEqualTo(60);
        assertThat(s.getObject()).isEqualTo("checkout.session");
        assertThat(s.getStatus()).isEqualTo("open");
        assertThat(s.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(s.getUrl()).startsWith(sandbox.publicBase() + "/c/pay/" + s.getId() + "#");
        assertThat(s.getAmountSubtotal()).isEqualTo(1225L);
        assertThat(s.getAmountTotal()).isEqualTo(1225L);
        assertThat(s.getCurrency()).isEqualTo("usd");
        assertThat(s.getCreated()).isEqualTo(SandboxTestSupport.T0.getEpochSecond());
        assertThat(s.getExpiresAt()).isEqualTo(SandboxTestSupport.T0.getEpochSecond() + 24 * 3600);
        assertThat(s.getClientReferenceId()).isEqualTo("sale-0001");
        assertThat(s.getMetadata()).containsEntry("register", "till-1");
        assertThat(s.getPaymentMethodTypes()).containsExactly("card", "amazon_pay");
        assertThat(s.getPaymentIntent()).isNull();
        assertThat(s.getLivemode()).isFalse();
        assertThat(s.getUiMode()).isEqualTo("hosted_page");
        assertThat(s.getMode()).isEqualTo("payment");
        assertThat(s.getSuccessUrl()).isEqualTo(sandbox.defaultSuccessUrl());
        assertThat(s.getCancelUrl()).isEqualTo(sandbox.publicBase() + "/c/cancelled");
        assertThat(s.getLastResponse().headers().firstValue("Request-Id")).hasValueSatisfying(
                v -> assertThat(v).startsWith("req_"));
    }

    @Test
    void sessionIdsAreRandomAndUnique() throws Exception {
        assertThat(create().getId()).isNotEqualTo(create().getId());
    }

    @Test
    void sandboxReceivesWhatStripeJavaSends() throws Exception {
        stripe.v1().checkout().sessions().create(cart(sandbox).build(),
                RequestOptions.builder().setIdempotencyKey("sale-0001-attempt-1").build());

        RecordedRequest r = sandbox.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(r.idempotencyKey()).contains("sale-0001-attempt-1");
        assertThat(r.header("Stripe-Version")).contains("2026-07-29.dahlia");
        assertThat(r.header("Authorization")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer sk_test_").doesNotContain(sandbox.secretKey()));
        assertThat(r.param("line_items[0][price_data][unit_amount]")).contains("450");
        assertThat(r.param("line_items[1][price_data][product_data][name]")).contains("Croissant");
        assertThat(r.param("payment_method_types[1]")).contains("amazon_pay");
    }

    @Test
    void retrieveReturnsTheSameSession() throws Exception {
        Session created = create();

        Session read = stripe.v1().checkout().sessions().retrieve(created.getId());

        assertThat(read.getId()).isEqualTo(created.getId());
        assertThat(read.getUrl()).isEqualTo(created.getUrl());
        assertThat(read.getAmountTotal()).isEqualTo(1225L);
    }

    @Test
    void unknownSessionIsNotFound() {
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve("cs_test_nope"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("id");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such checkout.session: 'cs_test_nope'");
                    assertThat(e.getRequestId()).startsWith("req_");
                });
    }

    @Test
    void paidSessionExpandsToPaymentIntentAndItsMethod() throws Exception {
        Session created = create();
        sandbox.pay(created.getId(), "amazon_pay");

        Session read = stripe.v1().checkout().sessions().retrieve(created.getId(),
                SessionRetrieveParams.builder().addExpand("payment_intent")
                        .addExpand("payment_intent.payment_method").build(), null);

        assertThat(read.getStatus()).isEqualTo("complete");
        assertThat(read.getPaymentStatus()).isEqualTo("paid");
        assertThat(read.getUrl()).isNull();
        PaymentIntent pi = read.getPaymentIntentObject();
        assertThat(pi.getId()).startsWith("pi_");
        assertThat(pi.getStatus()).isEqualTo("succeeded");
        assertThat(pi.getAmount()).isEqualTo(1225L);
        assertThat(pi.getAmountReceived()).isEqualTo(1225L);
        assertThat(pi.getCurrency()).isEqualTo("usd");
        assertThat(pi.getPaymentMethodTypes()).containsExactly("amazon_pay");
        assertThat(pi.getLatestCharge()).as("the charge of the payment").startsWith("ch_");
        assertThat(pi.getPaymentMethodObject().getId()).startsWith("pm_");
        assertThat(pi.getPaymentMethodObject().getType()).isEqualTo("amazon_pay");
        assertThat(pi.getPaymentMethodObject().getAmazonPay()).isNotNull();
    }

    @Test
    void paidSessionWithoutExpandCarriesThePaymentIntentId() throws Exception {
        Session created = create();
        SandboxSession paid = sandbox.pay(created.getId(), "card");

        Session read = stripe.v1().checkout().sessions().retrieve(created.getId());

        assertThat(read.getPaymentIntent()).isEqualTo(paid.paymentIntentId());
        assertThat(read.getPaymentIntentObject()).isNull();
    }

    @Test
    void paymentIntentRetrieveExpandsItsCardPaymentMethod() throws Exception {
        Session created = create();
        String piId = sandbox.pay(created.getId(), "card").paymentIntentId();

        PaymentIntent plain = stripe.v1().paymentIntents().retrieve(piId);
        PaymentIntent expanded = stripe.v1().paymentIntents().retrieve(piId,
                PaymentIntentRetrieveParams.builder().addExpand("payment_method").build(), null);

        assertThat(plain.getPaymentMethod()).startsWith("pm_");
        assertThat(plain.getPaymentMethodTypes()).containsExactly("card");
        assertThat(expanded.getPaymentMethodObject().getType()).isEqualTo("card");
        assertThat(expanded.getPaymentMethodObject().getCard().getLast4()).isEqualTo("4242");
    }

    @Test
    void unknownPaymentIntentIsNotFound() {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });
    }

    @Test
    void unsupportedExpansionIsRefused() throws Exception {
        Session created = create();
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve(created.getId(),
                SessionRetrieveParams.builder().addExpand("customer").build(), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("expand");
                });
    }

    @Test
    void expireEndsAnOpenSession() throws Exception {
        Session created = create();

        Session expired = stripe.v1().checkout().sessions().expire(created.getId());

        assertThat(expired.getStatus()).isEqualTo("expired");
        assertThat(expired.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(expired.getUrl()).isNull();
        assertThat(sandbox.session(created.getId()).orElseThrow().status()).isEqualTo("expired");
    }

    @Test
    void expiringAPaidSessionIsRefusedWithStripesWording() throws Exception {
        Session created = create();
        sandbox.pay(created.getId(), "card");

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getStripeError().getMessage())
                            .startsWith("Only Checkout Sessions with a status in [\"open\"] can be expired")
                            .contains("\"complete\"");
                });
        assertThat(sandbox.session(created.getId()).orElseThrow().isPaid()).isTrue();
    }

    @Test
    void expiringAnExpiredSessionIsRefused() throws Exception {
        Session created = create();
        stripe.v1().checkout().sessions().expire(created.getId());

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getStripeError().getMessage()).contains("\"expired\""));
    }

    @Test
    void expiringAnUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire("cs_test_unknown"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });
    }

    @Test
    void sessionExpiresWhenTheClockPassesExpiresAt() throws Exception {
        Session created = stripe.v1().checkout().sessions().create(cart(sandbox)
                .setExpiresAt(SandboxTestSupport.T0.getEpochSecond() + 1800).build());

        sandbox.clock().advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(stripe.v1().checkout().sessions().retrieve(created.getId()).getStatus()).isEqualTo("open");

        sandbox.clock().advance(Duration.ofSeconds(1));
        Session read = stripe.v1().checkout().sessions().retrieve(created.getId());
        assertThat(read.getStatus()).isEqualTo("expired");
        assertThat(read.getUrl()).isNull();
        assertThatThrownBy(() -> sandbox.pay(created.getId(), "card")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listIsNewestFirstWithLimitAndPagination() throws Exception {
        Session first = create();
        sandbox.clock().advance(Duration.ofSeconds(10));
        Session second = create();
        sandbox.clock().advance(Duration.ofSeconds(10));
        Session third = create();

        StripeCollection<Session> page1 = stripe.v1().checkout().sessions().list(
                SessionListParams.builder().setLimit(2L).build());
        assertThat(page1.getObject()).isEqualTo("list");
        assertThat(page1.getUrl()).isEqualTo("/v1/checkout/sessions");
        assertThat(page1.getData()).extracting(Session::getId).containsExactly(third.getId(), second.getId());
        assertThat(page1.getHasMore()).isTrue();

        StripeCollection<Session> page2 = stripe.v1().checkout().sessions().list(
                SessionListParams.builder().setLimit(2L).setStartingAfter(second.getId()).build());
        assertThat(page2.getData()).extracting(Session::getId).containsExactly(first.getId());
        assertThat(page2.getHasMore()).isFalse();

        StripeCollection<Session> back = stripe.v1().checkout().sessions().list(
                SessionListParams.builder().setLimit(1L).setEndingBefore(first.getId()).build());
        assertThat(back.getData()).extracting(Session::getId).containsExactly(second.getId());
        assertThat(back.getHasMore()).isTrue();
    }

    @Test
    void listFiltersByCreatedRangeStatusAndPaymentIntent() throws Exception {
        Session early = create();
        sandbox.clock().advance(Duration.ofMinutes(5));
        Session late = create();
        String pi = sandbox.pay(late.getId(), "card").paymentIntentId();
        long lateCreated = late.getCreated();

        assertThat(stripe.v1().checkout().sessions().list(SessionListParams.builder()
                .setCreated(SessionListParams.Created.builder().setGte(lateCreated).build()).build()).getData())
                .extracting(Session::getId).containsExactly(late.getId());
        assertThat(stripe.v1().checkout().sessions().list(SessionListParams.builder()
                .setCreated(SessionListParams.Created.builder().setLt(lateCreated).build()).build()).getData())
                .extracting(Session::getId).containsExactly(early.getId());
        assertThat(stripe.v1().checkout().sessions().list(SessionListParams.builder()
                .setCreated(SessionListParams.Created.builder().setGt(early.getCreated()).setLte(lateCreated).build())
                .build()).getData()).extracting(Session::getId).containsExactly(late.getId());
        assertThat(stripe.v1().checkout().sessions().list(SessionListParams.builder()
                .setStatus(SessionListParams.Status.OPEN).build()).getData())
                .extracting(Session::getId).containsExactly(early.getId());
        assertThat(stripe.v1().checkout().sessions().list(SessionListParams.builder()
                .setPaymentIntent(pi).build()).getData())
                .extracting(Session::getId).containsExactly(late.getId());
    }

    @Test
    void listDefaultsToTenAndRefusesALimitOverOneHundred() throws Exception {
        for (int i = 0; i < 11; i++) {
            create();
        }
        StripeCollection<Session> page = stripe.v1().checkout().sessions().list(SessionListParams.builder().build());
        assertThat(page.getData()).hasSize(10);
        assertThat(page.getHasMore()).isTrue();

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().list(
                SessionListParams.builder().setLimit(101L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("limit");
                });
    }

    @Test
    void lineItemsListTheCartInOrder() throws Exception {
        Session created = create();

        StripeCollection<LineItem> items = stripe.v1().checkout().sessions().lineItems().list(created.getId());

        assertThat(items.getUrl()).isEqualTo("/v1/checkout/sessions/" + created.getId() + "/line_items");
        assertThat(items.getData()).extracting(LineItem::getDescription).containsExactly("Flat white", "Croissant");
        LineItem first = items.getData().get(0);
        assertThat(first.getId()).startsWith("li_");
        assertThat(first.getObject()).isEqualTo("item");
        assertThat(first.getQuantity()).isEqualTo(2L);
        assertThat(first.getAmountTotal()).isEqualTo(900L);
        assertThat(first.getCurrency()).isEqualTo("usd");
        assertThat(first.getPrice().getUnitAmount()).isEqualTo(450L);

        StripeCollection<LineItem> page = stripe.v1().checkout().sessions().lineItems().list(created.getId(),
                SessionLineItemListParams.builder().setLimit(1L).build());
        assertThat(page.getData()).hasSize(1);
        assertThat(page.getHasMore()).isTrue();
    }

    @Test
    void sameIdempotencyKeyAndParamsReplaysTheFirstSession() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("sale-7-attempt-1").build();

        Session first = stripe.v1().checkout().sessions().create(cart(sandbox).build(), key);
        Session again = stripe.v1().checkout().sessions().create(cart(sandbox).build(), key);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(sandbox.sessions()).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithOtherParamsIsAnIdempotencyError() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("sale-8-attempt-1").build();
        stripe.v1().checkout().sessions().create(cart(sandbox).build(), key);

        SessionCreateParams changed = cart(sandbox).addLineItem(line("Muffin", 300, 1, "usd")).build();
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(changed, key))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                    assertThat(e.getStripeError().getMessage()).contains("sale-8-attempt-1");
                });
        assertThat(sandbox.sessions()).hasSize(1);
    }

    @Test
    void refusedRequestDoesNotBindItsIdempotencyKey() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("sale-9-attempt-1").build();
        SessionCreateParams bad = cart(sandbox).setSuccessUrl("not a url").build();
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(bad, key))
                .isInstanceOf(InvalidRequestException.class);

        Session ok = stripe.v1().checkout().sessions().create(cart(sandbox).build(), key);

        assertThat(ok.getStatus()).isEqualTo("open");
    }

    @Test
    void sameKeyWhileTheFirstRequestIsInFlightIsAConflict() throws Exception {
        sandbox.faults().inject(Fault.delay(Duration.ofSeconds(2)), 1, "POST", "/v1/checkout/sessions");
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("sale-10-attempt-1").build();
        CompletableFuture<Session> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return stripe.v1().checkout().sessions().create(cart(sandbox).build(), key);
            } catch (StripeException e) {
                throw new IllegalStateException(e);
            }
        });
        SandboxTestSupport.pollUntil(() -> sandbox.requests().size() == 1, Duration.ofSeconds(5));

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(cart(sandbox).build(), key))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getCode()).isEqualTo("idempotency_key_in_use");
                });
        Session first = slow.get(10, TimeUnit.SECONDS);
        assertThat(stripe.v1().checkout().sessions().create(cart(sandbox).build(), key).getId())
                .isEqualTo(first.getId());
    }

    @Test
    void aDelayedRequestDoesNotBlockAnother() throws Exception {
        Session created = create();
        sandbox.faults().inject(Fault.delay(Duration.ofSeconds(30)), 1, "GET", "/v1/checkout/sessions/.*");
        StripeClient patient = client(sandbox, 0, 60_000);
        CompletableFuture<Session> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return patient.v1().checkout().sessions().retrieve(created.getId());
            } catch (StripeException e) {
                throw new IllegalStateException(e);
            }
        });
        SandboxTestSupport.pollUntil(() -> sandbox.requests().size() == 2, Duration.ofSeconds(5));

        Session fast = stripe.v1().checkout().sessions().create(cart(sandbox).build());

        assertThat(fast.getStatus()).isEqualTo("open");
        assertThat(slow).isNotDone();
        sandbox.close();
        assertThat(slow).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void wrongKeyIsRefusedWithAuthenticationError() {
        StripeClient wrongKey = StripeClient.builder().setApiKey("sk_test_" + "x".repeat(30))
                .setApiBase(sandbox.apiBase()).build();
        assertThatThrownBy(() -> wrongKey.v1().checkout().sessions().retrieve("cs_test_x"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getStripeError().getMessage()).startsWith("Invalid API Key provided: sk_test_")
                            .doesNotContain("x".repeat(10));
                });
    }

    @Test
    void liveKeyIsNeverAccepted() {
        StripeClient live = StripeClient.builder().setApiKey("sk_live_" + "y".repeat(30))
                .setApiBase(sandbox.apiBase()).build();
        assertThatThrownBy(() -> live.v1().checkout().sessions().create(cart(sandbox).build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getStripeError().getMessage()).contains("never accepts a live key")
                            .doesNotContain("yyyy");
                });
        assertThat(sandbox.sessions()).isEmpty();
    }

    @Test
    void randomKeyPerRunIsATestKey() throws Exception {
        try (StripeSandbox other = SandboxTestSupport.startInMemory()) {
            assertThat(sandbox.secretKey()).startsWith("sk_test_sbx").isNotEqualTo(other.secretKey());
        }
    }

    @Test
    void requestsCanBeCleared() throws Exception {
        create();
        assertThat(sandbox.requests()).hasSize(1);
        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void sessionsAreListedNewestFirstThroughTheJavaApi() throws Exception {
        Session a = create();
        Session b = create();
        List<SandboxSession> all = sandbox.sessions();
        assertThat(all).extracting(SandboxSession::id).containsExactly(b.getId(), a.getId());
        assertThat(all.get(0).lines()).extracting(SandboxSession.Line::name).containsExactly("Flat white", "Croissant");
    }
}
