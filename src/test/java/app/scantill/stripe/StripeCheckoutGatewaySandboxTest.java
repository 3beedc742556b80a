package app.scantill.stripe;

import app.scantill.checkout.ChargeFlowSandboxTest;
import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.CheckoutRequestFactory;
import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.IdempotencyKeys;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.config.StripeKey;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link StripeCheckoutGateway} against the sandbox's fault injection, one call at a time. */
class StripeCheckoutGatewaySandboxTest {

    private static final String CREATE_PATH = "/v1/checkout/sessions";

    private StripeSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = StripeSandbox.start(SandboxOptions.inMemory());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private StripeCheckoutGateway gateway(int sdkRetries) {
        return new StripeCheckoutGateway(new StripeConnection(StripeKey.parse(sandbox.secretKey()), sandbox.apiBase(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), sdkRetries, CheckoutGateway.Mode.SANDBOX));
    }

    private CheckoutRequest request(String saleId) {
        ChargeSettings settings = ChargeSettings.defaults("till-3", sandbox.defaultSuccessUrl(), null);
        return new CheckoutRequestFactory(settings, Clock.systemUTC()).build(saleId, 1, Currency.getInstance("EUR"),
                ChargeFlowSandboxTest.THREE_PRODUCTS, false);
    }

    private List<RecordedRequest> creates() {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(CREATE_PATH)).toList();
    }

    @Test
    void wrongObjectTypeAnswerToCreateIsMalformedAndTheRetryReplaysTheOneSession() throws Exception {
        StripeCheckoutGateway gateway = gateway(0);
        CheckoutRequest request = request("S-20260801-0001-AAAAAA");
        sandbox.faults().inject(Fault.wrongObjectType(), 1, "POST", CREATE_PATH);

        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> gateway.create(request));

        assertThat(refused.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(refused.isTransient()).isTrue();
        assertThat(refused.getMessage()).contains("balance").contains("instead of a checkout.session");
        SessionSnapshot again = gateway.create(request);
        assertThat(sandbox.sessions()).hasSize(1);
        assertThat(again.id()).isEqualTo(sandbox.sessions().get(0).id());
    }

    @Test
    void wrongObjectTypeAnswerToRetrieveAndExpireIsMalformed() throws Exception {
        StripeCheckoutGateway gateway = gateway(0);
        SessionSnapshot created = gateway.create(request("S-20260801-0002-BBBBBB"));
        sandbox.faults().inject(Fault.wrongObjectType(), 2);

        GatewayException read = catchThrowableOfType(GatewayException.class, () -> gateway.retrieve(created.id()));
        GatewayException expire = catchThrowableOfType(GatewayException.class, () -> gateway.expire(created.id()));

        assertThat(read.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(expire.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        // The expire ran behind the bad answer: reading the session says what happened.
        assertThat(gateway.retrieve(created.id()).isExpired()).isTrue();
    }

    @Test
    void truncatedAndHtmlAnswersAreNeverTakenForASession() throws Exception {
        StripeCheckoutGateway gateway = gateway(0);
        SessionSnapshot created = gateway.create(request("S-20260801-0003-CCCCCC"));
        sandbox.faults().inject(Fault.truncatedJson(), 1);
        sandbox.faults().inject(Fault.htmlErrorPage(502), 1);
        sandbox.faults().inject(Fault.htmlErrorPage(200), 1);

        GatewayException truncated = catchThrowableOfType(GatewayException.class, () -> gateway.retrieve(created.id()));
        GatewayException proxy = catchThrowableOfType(GatewayException.class, () -> gateway.retrieve(created.id()));
        GatewayException html200 = catchThrowableOfType(GatewayException.class, () -> gateway.retrieve(created.id()));

        assertThat(truncated.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(proxy.kind()).isEqualTo(Kind.SERVER);
        assertThat(html200.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(List.of(truncated, proxy, html200)).allMatch(GatewayException::isTransient);
    }

    @Test
    void oneDroppedConnectionIsResentByTheTransportUnderTheSameKeyAndMakesOneSession() throws Exception {
        // No SDK retries: any second request comes from HttpURLConnection's silent resend.
        StripeCheckoutGateway gateway = gateway(0);
        sandbox.faults().inject(Fault.dropConnectionAfterProcessing(), 1, "POST", CREATE_PATH);

        SessionSnapshot created = gateway.create(request("S-20260801-0004-DDDDDD"));

        assertThat(creates()).hasSize(2);
        assertThat(creates()).extracting(r -> r.idempotencyKey().orElseThrow())
                .containsOnly(IdempotencyKeys.forAttempt("S-20260801-0004-DDDDDD", 1));
        assertThat(sandbox.sessions()).hasSize(1);
        assertThat(created.id()).isEqualTo(sandbox.sessions().get(0).id());
    }

    @Test
    void twoDroppedConnectionsReachTheCallerAsNetworkAndStillLeaveOneSession() throws Exception {
        StripeCheckoutGateway gateway = gateway(0);
        CheckoutRequest request = request("S-20260801-0005-EEEEEE");
        sandbox.faults().inject(Fault.dropConnectionAfterProcessing(), 2, "POST", CREATE_PATH);

        GatewayException lost = catchThrowableOfType(GatewayException.class, () -> gateway.create(request));

        assertThat(lost.kind()).isEqualTo(Kind.NETWORK);
        assertThat(sandbox.sessions()).as("Stripe made the session; only the answers were lost").hasSize(1);
        SessionSnapshot replayed = gateway.create(request);
        assertThat(replayed.id()).isEqualTo(sandbox.sessions().get(0).id());
        assertThat(sandbox.sessions()).hasSize(1);
        assertThat(creates()).hasSize(3).allSatisfy(r ->
                assertThat(r.idempotencyKey()).contains(request.idempotencyKey()));
    }
}
