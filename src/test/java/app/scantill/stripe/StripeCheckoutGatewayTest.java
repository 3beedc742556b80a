package app.scantill.stripe;

import app.scantill.i18n.English;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.config.StripeKey;
import app.scantill.money.Money;
import app.scantill.sale.PaymentMethod;
import app.scantill.stripe.CapturingStripeServer.Captured;
import app.scantill.stripe.CapturingStripeServer.Reply;
import app.scantill.till.CashierMessage;
import app.scantill.till.CashierMessages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static app.scantill.stripe.CapturingStripeServer.error;
import static app.scantill.stripe.CapturingStripeServer.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StripeCheckoutGatewayTest {

    private static final String KEY = "sk_test_51TestKeyAbcdefghijklmnopqrstuvwxyz0123456789ScTl";
    private static final Instant EXPIRES = Instant.parse("2026-01-01T00:30:00Z");

    private CapturingStripeServer stripe;

    @BeforeEach
    void startServer() throws IOException {
        stripe = new CapturingStripeServer();
    }

    @AfterEach
    void stopServer() {
        stripe.close();
    }

    private StripeCheckoutGateway gateway(int retries) {
        return gateway(retries, Duration.ofSeconds(5));
    }

    private StripeCheckoutGateway gateway(int retries, Duration readTimeout) {
        return new StripeCheckoutGateway(new StripeConnection(StripeKey.parse(KEY), stripe.baseUrl(),
                Duration.ofSeconds(2), readTimeout, retries, CheckoutGateway.Mode.TEST));
    }

    private static CheckoutRequest threeProductCart() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sale_id", "S-20260101-0007");
        metadata.put("register_id", "till-2");
        metadata.put("cart_hash", "9f2c4e");
        return new CheckoutRequest("S-20260101-0007", "till-2", "S-20260101-0007-attempt-1",
                Currency.getInstance("USD"),
                List.of(new CheckoutRequest.Line("Flat white", 450, 2),
                        new CheckoutRequest.Line("Almond croissant", 375, 1),
                        new CheckoutRequest.Line("Beans 250 g & more", 2850, 1)),
                Set.of(PaymentMethod.AMAZON_PAY, PaymentMethod.CARD),
                "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
                "https://shop.example/cancelled",
                EXPIRES, metadata, "ScanTill till-2 sale S-20260101-0007");
    }

    @Test
    void createSendsStripeExactlyTheParametersOfAThreeProductCart() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a1", "open", "unpaid", "S-20260101-0007", null,
                "card", "amazon_pay")));

        SessionSnapshot created = gateway(2).create(threeProductCart());

        Captured request = stripe.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Idempotency-Key")).isEqualTo("S-20260101-0007-attempt-1");
        Map<String, String> form = request.form();
        assertThat(form.get("mode")).isEqualTo("payment");
        assertThat(form.get("payment_method_types[0]")).isEqualTo("card");
        assertThat(form.get("payment_method_types[1]")).isEqualTo("amazon_pay");
        assertThat(form.get("line_items[0][price_data][currency]")).isEqualTo("usd");
        assertThat(form.get("line_items[0][price_data][unit_amount]")).isEqualTo("450");
        assertThat(form.get("line_items[0][price_data][product_data][name]")).isEqualTo("Flat white");
        assertThat(form.get("line_items[0][quantity]")).isEqualTo("2");
        assertThat(form.get("line_items[1][price_data][currency]")).isEqualTo("usd");
        assertThat(form.get("line_items[1][price_data][unit_amount]")).isEqualTo("375");
        assertThat(form.get("line_items[1][price_data][product_data][name]")).isEqualTo("Almond croissant");
        assertThat(form.get("line_items[1][quantity]")).isEqualTo("1");
        assertThat(form.get("line_items[2][price_data][currency]")).isEqualTo("usd");
        assertThat(form.get("line_items[2][price_data][unit_amount]")).isEqualTo("2850");
        assertThat(form.get("line_items[2][price_data][product_data][name]")).isEqualTo("Beans 250 g & more");
        assertThat(form.get("line_items[2][quantity]")).isEqualTo("1");
        assertThat(form.get("success_url")).isEqualTo("https://shop.example/thanks?session={CHECKOUT_SESSION_ID}");
        assertThat(form.get("cancel_url")).isEqualTo("https://shop.example/cancelled");
        assertThat(form.get("client_reference_id")).isEqualTo("S-20260101-0007");
        assertThat(form.get("metadata[sale_id]")).isEqualTo("S-20260101-0007");
        assertThat(form.get("metadata[register_id]")).isEqualTo("till-2");
        assertThat(form.get("metadata[cart_hash]")).isEqualTo("9f2c4e");
        assertThat(form.get("expires_at")).isEqualTo(String.valueOf(EXPIRES.getEpochSecond()));
        assertThat(form.get("payment_intent_data[description]")).isEqualTo("ScanTill till-2 sale S-20260101-0007");
        assertThat(form).hasSize(23); // nothing else is sent

        assertThat(created.id()).isEqualTo("cs_test_a1");
        assertThat(created.isOpen()).isTrue();
        assertThat(created.url()).startsWith("https://checkout.stripe.com/c/pay/cs_test_a1#");
        assertThat(created.amountTotal()).isEqualTo(Money.of(4150, "USD"));
        assertThat(created.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767227400));
        assertThat(created.clientReferenceId()).isEqualTo("S-20260101-0007");
    }

    @Test
    void thePaymentPagesLanguageIsSentAsCheckoutsLocale() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a3", "open", "unpaid", "S-3", null, "card")));
        CheckoutRequest r = threeProductCart();
        CheckoutRequest japanese = new CheckoutRequest(r.saleId(), r.registerId(), r.idempotencyKey(), r.currency(),
                r.lines(), r.paymentMethods(), r.successUrl(), r.cancelUrl(), r.expiresAt(), r.metadata(),
                r.description(), "ja");

        gateway(0).create(japanese);

        assertThat(stripe.onlyRequest().form().get("locale")).isEqualTo("ja");
    }

    @Test
    void cardOnlyCartWithoutCancelUrlOrDescriptionSendsNeither() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a2", "open", "unpaid", "S-2", null, "card")));
        CheckoutRequest r = threeProductCart();
        CheckoutRequest cardOnly = new CheckoutRequest(r.saleId(), r.registerId(), r.idempotencyKey(), r.currency(),
                r.lines(), Set.of(PaymentMethod.CARD), r.successUrl(), null, r.expiresAt(), r.metadata(), null);

        gateway(0).create(cardOnly);

        Map<String, String> form = stripe.onlyRequest().form();
        assertThat(form.get("payment_method_types[0]")).isEqualTo("card");
        assertThat(form).doesNotContainKeys("payment_method_types[1]", "cancel_url", "payment_intent_data[description]");
    }

    @Test
    void serverErrorIsRetriedBySdkWithTheSameIdempotencyKeyAndMakesOneSession() throws Exception {
        stripe.reply(Reply.json(500, error("api_error", null, null, "Something went wrong")),
                Reply.json(500, error("api_error", null, null, "Something went wrong")),
                Reply.json(200, session("cs_test_a1", "open", "unpaid", "S-20260101-0007", null, "card")));

        SessionSnapshot created = gateway(2).create(threeProductCart());

        assertThat(created.id()).isEqualTo("cs_test_a1");
        assertThat(stripe.requests()).hasSize(3)
                .extracting(c -> c.header("Idempotency-Key")).containsOnly("S-20260101-0007-attempt-1");
    }

    @Test
    void readTimeoutOnCreateIsRetriedWithTheSameIdempotencyKey() throws Exception {
        stripe.reply(Reply.noAnswer(), Reply.json(200, session("cs_test_a1", "open", "unpaid", "S-1", null, "card")));

        SessionSnapshot created = gateway(1, Duration.ofMillis(400)).create(threeProductCart());

        assertThat(created.id()).isEqualTo("cs_test_a1");
        assertThat(stripe.requests()).hasSize(2)
                .extracting(c -> c.header("Idempotency-Key")).containsOnly("S-20260101-0007-attempt-1");
    }

    @Test
    void readTimeoutWithoutRetriesLeftIsNetwork() {
        stripe.reply(Reply.noAnswer());

        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> gateway(0, Duration.ofMillis(300)).create(threeProductCart()));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void refusedConnectionIsNetwork() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StripeCheckoutGateway g = new StripeCheckoutGateway(new StripeConnection(StripeKey.parse(KEY),
                "http://127.0.0.1:" + closedPort, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                CheckoutGateway.Mode.TEST));

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> g.retrieve("cs_test_a1"));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertKeyAbsent(e);
    }

    @Test
    void rateLimitIsNotRetriedBySdkAndCarriesRetryAfter() {
        stripe.reply(Reply.json(429, error("invalid_request_error", "rate_limit", null, "Too many requests"))
                .withHeader("Retry-After", "7"));

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> gateway(2).retrieve("cs_test_a1"));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.requestId()).contains("req_test_123");
        assertThat(stripe.requests()).hasSize(1);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(Reply.json(400, error("invalid_request_error", "parameter_invalid_integer",
                        "line_items[0][price_data][unit_amount]", "Invalid integer")), Kind.INVALID_REQUEST, 400,
                        "parameter_invalid_integer", "line_items[0][price_data][unit_amount]"),
                Arguments.of(Reply.json(400, error("idempotency_error", null, null,
                        "Keys for idempotent requests can only be used with the same parameters")),
                        Kind.IDEMPOTENCY, 400, null, null),
                Arguments.of(Reply.json(401, error("invalid_request_error", null, null,
                        "Invalid API Key provided: sk_test_****9ScTl")), Kind.AUTHENTICATION, 401, null, null),
                Arguments.of(Reply.json(403, error("invalid_request_error", "secret_key_required", null,
                        "The provided key does not have the required permissions")), Kind.PERMISSION, 403,
                        "secret_key_required", null),
                Arguments.of(Reply.json(404, error("invalid_request_error", "resource_missing", "session",
                        "No such checkout.session: 'cs_test_zz'")), Kind.NOT_FOUND, 404, "resource_missing",
                        "session"),
                Arguments.of(Reply.json(409, error("invalid_request_error", "lock_timeout", null,
                        "This object cannot be accessed right now")), Kind.SERVER, 409, "lock_timeout", null),
                Arguments.of(Reply.json(500, error("api_error", null, null, "Something went wrong")),
                        Kind.SERVER, 500, null, null),
                Arguments.of(Reply.raw(502, "text/html", "<html><body>Bad gateway</body></html>"),
                        Kind.SERVER, 502, null, null),
                Arguments.of(Reply.raw(200, "text/html", "<html><body>Sign in to the guest Wi-Fi</body></html>"),
                        Kind.MALFORMED_RESPONSE, 200, null, null),
                Arguments.of(Reply.json(200, "{\"id\":\"cs_test_a1\",\"object\":\"checkout.sess"),
                        Kind.MALFORMED_RESPONSE, 200, null, null),
                Arguments.of(Reply.json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}"),
                        Kind.MALFORMED_RESPONSE, 200, null, null));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureMapsToTheKindTheAppActsOn(Reply reply, Kind kind, int status, String code, String param) {
        stripe.reply(reply);

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> gateway(0).retrieve("cs_test_a1"));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.code().orElse(null)).isEqualTo(code);
        assertThat(e.param().orElse(null)).isEqualTo(param);
        if (reply.headers().containsKey("Request-Id") && status != 200) {
            assertThat(e.requestId()).contains("req_test_123");
        }
        assertKeyAbsent(e);
    }

    @Test
    void keyEchoedByTheServerNeverReachesMessagesOrCauses() {
        stripe.reply(Reply.json(401, error("invalid_request_error", null, null,
                "Invalid API Key provided: " + KEY)));

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> gateway(0).create(threeProductCart()));

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("sk_test_...ScTl");
        assertKeyAbsent(e);
    }

    @Test
    void amazonPayNotEnabledBecomesACardOnlySuggestion() {
        stripe.reply(Reply.json(400, error("invalid_request_error", null, "payment_method_types",
                "The payment method type \"amazon_pay\" is invalid. Please ensure the provided type is activated "
                        + "in your dashboard (https://dashboard.stripe.com/account/payments/settings).")));

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> gateway(0).create(threeProductCart()));
        CashierMessage m = new CashierMessages(java.util.Optional.of(StripeKey.parse(KEY)))
                .explain(e);

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(m.action()).isEqualTo(CashierMessage.Action.CHARGE_CARD_ONLY);
        assertThat(English.text(m.explanation())).contains("Settings > Payment methods");
    }

    @Test
    void retrieveOfPaidSessionReadsTheMethodThroughExpandedPaymentIntent() throws Exception {
        String expanded = session("cs_test_a1", "complete", "paid", "S-1", "pi_1", "card", "amazon_pay")
                .replace("\"payment_intent\":\"pi_1\"", "\"payment_intent\":{\"id\":\"pi_1\",\"object\":\"payment_intent\","
                        + "\"payment_method\":{\"id\":\"pm_1\",\"object\":\"payment_method\",\"type\":\"amazon_pay\"}}");
        stripe.reply(Reply.json(200, session("cs_test_a1", "complete", "paid", "S-1", "pi_1", "card", "amazon_pay")),
                Reply.json(200, expanded));

        SessionSnapshot s = gateway(0).retrieve("cs_test_a1");

        assertThat(s.isPaid()).isTrue();
        assertThat(s.method()).contains("amazon_pay");
        assertThat(s.paymentIntentId()).isEqualTo("pi_1");
        List<Captured> requests = stripe.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path()).isEqualTo("/v1/checkout/sessions/cs_test_a1");
        assertThat(requests.get(0).query()).isEmpty();
        assertThat(requests.get(1).query()).containsValue("payment_intent.payment_method");
    }

    @Test
    void paidSessionStaysPaidWhenTheKeyMayNotReadPaymentIntents() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a1", "complete", "paid", "S-1", "pi_1", "card", "amazon_pay")),
                Reply.json(403, error("invalid_request_error", null, null, "restricted key lacks rak_payment_intent_read")));

        SessionSnapshot s = gateway(0).retrieve("cs_test_a1");

        assertThat(s.isPaid()).isTrue();
        assertThat(s.method()).isEmpty();
    }

    @Test
    void paidCardOnlySessionNeedsNoSecondRead() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a1", "complete", "paid", "S-1", "pi_1", "card")));

        SessionSnapshot s = gateway(0).retrieve("cs_test_a1");

        assertThat(s.method()).contains("card");
        assertThat(stripe.requests()).hasSize(1);
    }

    @Test
    void openSessionIsReadOnceWithoutExpand() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a1", "open", "unpaid", "S-1", null, "card", "amazon_pay")));

        SessionSnapshot s = gateway(0).retrieve("cs_test_a1");

        assertThat(s.isOpen()).isTrue();
        assertThat(s.isPaid()).isFalse();
        assertThat(s.method()).isEmpty();
        assertThat(stripe.onlyRequest().method()).isEqualTo("GET");
    }

    @Test
    void expirePostsToTheExpireEndpoint() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_a1", "expired", "unpaid", "S-1", null, "card")));

        SessionSnapshot s = gateway(0).expire("cs_test_a1");

        assertThat(s.isExpired()).isTrue();
        assertThat(s.url()).isNull();
        Captured request = stripe.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/checkout/sessions/cs_test_a1/expire");
    }

    @Test
    void expireOfACompletedSessionIsInvalidRequestAndSuggestsCheckingIt() {
        stripe.reply(Reply.json(400, error("invalid_request_error", null, null,
                "Only Checkout Sessions with a status in [\"open\"] can be expired.")));

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> gateway(0).expire("cs_test_a1"));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(new CashierMessages(java.util.Optional.empty()).explain(e).action())
                .isEqualTo(CashierMessage.Action.CHECK_SESSION);
    }

    @Test
    void findByClientReferenceReadsEveryPageSinceTheGivenTimeAndKeepsTheSale() throws Exception {
        String page1 = "{\"object\":\"list\",\"url\":\"/v1/checkout/sessions\",\"has_more\":true,\"data\":["
                + session("cs_test_b1", "expired", "unpaid", "S-9", null, "card") + ","
                + session("cs_test_b2", "open", "unpaid", "S-other", null, "card") + "]}";
        String page2 = "{\"object\":\"list\",\"url\":\"/v1/checkout/sessions\",\"has_more\":false,\"data\":["
                + session("cs_test_b3", "complete", "paid", "S-9", "pi_3", "card") + "]}";
        stripe.reply(Reply.json(200, page1), Reply.json(200, page2));
        Instant since = Instant.parse("2026-01-01T00:00:00Z");

        List<SessionSnapshot> found = gateway(0).findByClientReference("S-9", since);

        assertThat(found).extracting(SessionSnapshot::id).containsExactly("cs_test_b1", "cs_test_b3");
        assertThat(found.get(1).isPaid()).isTrue();
        List<Captured> requests = stripe.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path()).isEqualTo("/v1/checkout/sessions");
        assertThat(requests.get(0).query()).containsEntry("created[gte]", String.valueOf(since.getEpochSecond()))
                .containsEntry("limit", "100");
        assertThat(requests.get(1).query()).containsEntry("starting_after", "cs_test_b2")
                .containsEntry("created[gte]", String.valueOf(since.getEpochSecond()));
    }

    @Test
    void modeIsTheConnectionsMode() {
        assertThat(gateway(0).mode()).isEqualTo(CheckoutGateway.Mode.TEST);
    }

    private static void assertKeyAbsent(GatewayException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(8));
        assertThat(e.toString()).doesNotContain(KEY);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
        }
    }
}
