package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every injectable fault, as the real stripe-java client experiences it. */
class SandboxFaultsTest {

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

    private Session create(StripeClient c, String idempotencyKey) throws Exception {
        return c.v1().checkout().sessions().create(cart(sandbox).build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
    }

    @Test
    void serverErrorSurfacesAsApiExceptionWithoutRetries() {
        sandbox.faults().inject(Fault.serverError(), 1);

        assertThatThrownBy(() -> create(stripe, "k-500"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(500);
                    assertThat(e.getStripeError().getType()).isEqualTo("api_error");
                });
        assertThat(sandbox.sessions()).isEmpty();
    }

    @Test
    void serverErrorThenSuccessIsRetriedByTheSdkWithTheSameKey() throws Exception {
        sandbox.faults().inject(Fault.serverError(503), 1);

        Session s = create(client(sandbox, 2, 10_000), "k-503");

        assertThat(s.getStatus()).isEqualTo("open");
        assertThat(sandbox.requests()).hasSize(2);
        assertThat(sandbox.requests()).extracting(r -> r.idempotencyKey().orElseThrow())
                .containsExactly("k-503", "k-503");
        assertThat(sandbox.sessions()).hasSize(1);
    }

    @Test
    void rateLimitWithoutShouldRetryIsNotRetried() {
        sandbox.faults().inject(Fault.rateLimited(), 1);

        assertThatThrownBy(() -> create(client(sandbox, 2, 10_000), "k-429"))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getCode()).isEqualTo("rate_limit");
                });
        assertThat(sandbox.requests()).hasSize(1);
    }

    @Test
    void rateLimitWithShouldRetryTrueIsRetriedByTheSdk() throws Exception {
        sandbox.faults().inject(Fault.rateLimited(true, null), 1);

        Session s = create(client(sandbox, 1, 10_000), "k-429-retry");

        assertThat(s.getStatus()).isEqualTo("open");
        assertThat(sandbox.requests()).hasSize(2);
    }

    @Test
    void rateLimitCarriesRetryAfterAndShouldRetryHeadersWhenAsked() throws Exception {
        sandbox.faults().inject(Fault.rateLimited(false, Duration.ofSeconds(3)), 1);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.apiBase() + "/v1/checkout/sessions"))
                .header("Authorization", "Bearer " + sandbox.secretKey()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("3");
        assertThat(r.headers().firstValue("Stripe-Should-Retry")).contains("false");
        assertThat(r.body()).contains("\"code\": \"rate_limit\"");
    }

    @Test
    void delayBeyondTheReadTimeoutIsAConnectionFailure() {
        sandbox.faults().inject(Fault.delay(Duration.ofSeconds(5)), 1);

        assertThatThrownBy(() -> create(client(sandbox, 0, 300), "k-slow"))
                .isInstanceOf(ApiConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void delayWithinTheReadTimeoutSucceeds() throws Exception {
        sandbox.faults().inject(Fault.delay(Duration.ofMillis(200)), 1);

        assertThat(create(client(sandbox, 0, 10_000), "k-bit-slow").getStatus()).isEqualTo("open");
    }

    @Test
    void droppedConnectionIsAConnectionFailureAndCreatesNothing() {
        // HttpURLConnection itself resends a request once when the connection closes without an
        // answer, so two drops are needed before stripe-java sees the failure.
        sandbox.faults().inject(Fault.dropConnection(), 2);

        assertThatThrownBy(() -> create(stripe, "k-drop")).isInstanceOf(ApiConnectionException.class);
        assertThat(sandbox.sessions()).isEmpty();
    }

    @Test
    void aSingleDroppedConnectionIsResentOnceByHttpUrlConnectionItself() throws Exception {
        sandbox.faults().inject(Fault.dropConnection(), 1);

        Session s = create(stripe, "k-drop-once");

        assertThat(s.getStatus()).isEqualTo("open");
        assertThat(sandbox.requests()).extracting(r -> r.idempotencyKey().orElseThrow())
                .containsExactly("k-drop-once", "k-drop-once");
    }

    @Test
    void droppedAnswerAfterCreatingIsRecoveredByRetryingWithTheSameKey() throws Exception {
        sandbox.faults().inject(Fault.dropConnectionAfterProcessing(), 2);
        assertThatThrownBy(() -> create(stripe, "k-lost-answer")).isInstanceOf(ApiConnectionException.class);
        assertThat(sandbox.sessions()).hasSize(1);

        Session retried = create(stripe, "k-lost-answer");

        assertThat(retried.getId()).isEqualTo(sandbox.sessions().get(0).id());
        assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void htmlErrorPageIsAnApiExceptionNotAParsedSession() {
        sandbox.faults().inject(Fault.htmlErrorPage(502), 1);

        assertThatThrownBy(() -> create(stripe, "k-html"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(502));
    }

    @Test
    void truncatedJsonIsAnApiExceptionButTheSessionExists() {
        sandbox.faults().inject(Fault.truncatedJson(), 1);

        assertThatThrownBy(() -> create(stripe, "k-truncated"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(200));
        assertThat(sandbox.sessions()).hasSize(1);
    }

    @Test
    void wrongObjectTypeIsDeserializedWithoutAnIdSoTheAppMustCheck() throws Exception {
        sandbox.faults().inject(Fault.wrongObjectType(), 1);

        Session s = create(stripe, "k-wrong");

        assertThat(s.getObject()).isEqualTo("balance");
        assertThat(s.getId()).isNull();
    }

    @Test
    void faultsHitOnlyMatchingRequestsAndRunOut() throws Exception {
        Session s = create(stripe, "k-a");
        sandbox.faults().inject(Fault.serverError(), 1, "GET", "/v1/checkout/sessions/[^/]+");
        assertThat(sandbox.faults().pending()).isEqualTo(1);

        assertThat(create(stripe, "k-b").getStatus()).isEqualTo("open");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve(s.getId()))
                .isInstanceOf(ApiException.class);
        assertThat(stripe.v1().checkout().sessions().retrieve(s.getId()).getId()).isEqualTo(s.getId());
        assertThat(sandbox.faults().pending()).isZero();
    }

    @Test
    void clearedFaultsAreNotPlayed() throws Exception {
        sandbox.faults().inject(Fault.serverError(), 3);
        sandbox.faults().clear();

        assertThat(create(stripe, "k-clear").getStatus()).isEqualTo("open");
    }
}
