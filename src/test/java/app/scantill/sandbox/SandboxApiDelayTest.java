package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.model.checkout.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A sandbox that plays a remote Stripe: every API answer waits the configured round trip, the pay page does not. */
class SandboxApiDelayTest {

    @Test
    void everyApiRequestWaitsTheDelayAndThePayPageAnswersAtOnce() throws Exception {
        try (StripeSandbox sandbox = StripeSandbox.start(SandboxOptions.inMemory().withApiDelay(Duration.ofMillis(1500)))) {
            long t0 = System.nanoTime();
            Session session = client(sandbox).v1().checkout().sessions().create(cart(sandbox).build());
            long createMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(createMillis).isGreaterThanOrEqualTo(1500);

            HttpClient phone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            // The phone opens the page first (and this JVM loads its HTTP client): only the payment is timed.
            assertThat(phone.send(HttpRequest.newBuilder(URI.create(session.getUrl())).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            long t1 = System.nanoTime();
            HttpResponse<String> paid = phone.send(HttpRequest.newBuilder(
                    URI.create(sandbox.publicBase() + "/c/pay/" + session.getId()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("method=card")).build(), HttpResponse.BodyHandlers.ofString());
            long payMillis = (System.nanoTime() - t1) / 1_000_000;
            assertThat(paid.statusCode()).isEqualTo(303);
            assertThat(payMillis).isLessThan(1500);
            assertThat(sandbox.options().toString()).contains("apiDelay=1500 ms");
        }
    }

    @Test
    void noDelayByDefaultAndNoneBeyondTenSeconds() {
        assertThat(SandboxOptions.inMemory().apiDelay()).isZero();
        assertThat(SandboxOptions.inMemory().toString()).doesNotContain("apiDelay");
        assertThatThrownBy(() -> SandboxOptions.inMemory().withApiDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxOptions.inMemory().withApiDelay(Duration.ofSeconds(11)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
