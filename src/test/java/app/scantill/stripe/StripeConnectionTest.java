package app.scantill.stripe;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.config.AppConfig;
import app.scantill.config.StripeKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeConnectionTest {

    private static final StripeKey LIVE = StripeKey.parse("rk_" + "live_" + "51Hx9ZpQabcdefghijklmnopqrstuvwxyz0123W9z1");
    private static final StripeKey TEST = StripeKey.parse("sk_test_FAKEscantillTestKey01p7dc");

    @Test
    void configuredKeyTalksToStripeWithConfiguredTimeoutsAndRetries() {
        AppConfig config = AppConfig.load(List.of("--stripe.read_timeout_ms=15000",
                "--checkout.success_url=https://shop.example/ok"),
                Map.of("STRIPE_SECRET_KEY", TEST.revealForClient()), Path.of("/nonexistent-home"));

        StripeConnection c = StripeConnection.fromConfig(config).orElseThrow();

        assertThat(c.apiBase()).isEqualTo("https://api.stripe.com");
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.maxNetworkRetries()).isEqualTo(2);
        assertThat(c.mode()).isEqualTo(CheckoutGateway.Mode.TEST);
        assertThat(c.toString()).doesNotContain(TEST.revealForClient());
    }

    @Test
    void sandboxModeHasNoStripeConnection() {
        AppConfig config = AppConfig.load(List.of(), Map.of(), Path.of("/nonexistent-home"));

        assertThat(StripeConnection.fromConfig(config)).isEmpty();
        assertThat(StripeConnection.toSandbox("http://127.0.0.1:4242", TEST, config).mode())
                .isEqualTo(CheckoutGateway.Mode.SANDBOX);
    }

    @Test
    void liveKeyIsRefusedOverPlainHttpToAnotherHost() {
        assertThatThrownBy(() -> new StripeConnection(LIVE, "http://stripe-proxy.example", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, CheckoutGateway.Mode.LIVE))
                .hasMessageContaining("https")
                .hasMessageNotContaining(LIVE.revealForClient());
    }
}
