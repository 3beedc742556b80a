package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.T0;
import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxPersistenceTest {

    @TempDir
    Path dir;

    private SandboxOptions options(SandboxClock clock) {
        return SandboxOptions.persistentAt(dir.resolve("sandbox").resolve("stripe-sandbox.json")).withClock(clock);
    }

    @Test
    void sessionsPaymentsKeyAndIdempotencySurviveARestart() throws Exception {
        SandboxClock clock = SandboxClock.fixedAt(T0);
        String key;
        String openId;
        String paidId;
        RequestOptions idem = RequestOptions.builder().setIdempotencyKey("sale-1-attempt-1").build();
        try (StripeSandbox first = StripeSandbox.start(options(clock))) {
            key = first.secretKey();
            openId = client(first).v1().checkout().sessions().create(cart(first).build(), idem).getId();
            paidId = client(first).v1().checkout().sessions().create(cart(first).build()).getId();
            first.pay(paidId, "amazon_pay");
        }

        try (StripeSandbox second = StripeSandbox.start(options(clock))) {
            assertThat(second.secretKey()).isEqualTo(key);
            var stripe = client(second);
            Session open = stripe.v1().checkout().sessions().retrieve(openId);
            assertThat(open.getStatus()).isEqualTo("open");
            assertThat(open.getUrl()).startsWith(second.publicBase() + "/c/pay/" + openId);
            assertThat(stripe.v1().checkout().sessions().retrieve(paidId).getPaymentStatus()).isEqualTo("paid");
            assertThat(second.session(paidId).orElseThrow().paymentMethodType()).isEqualTo("amazon_pay");
            assertThat(stripe.v1().checkout().sessions().create(cart(second).build(), idem).getId())
                    .isEqualTo(openId);
        }
    }

    @Test
    void sessionThatRanOutWhileTheAppWasDownIsExpiredOnRestart() throws Exception {
        SandboxClock clock = SandboxClock.fixedAt(T0);
        String id;
        try (StripeSandbox first = StripeSandbox.start(options(clock))) {
            id = client(first).v1().checkout().sessions().create(cart(first)
                    .setExpiresAt(T0.getEpochSecond() + 1800).build()).getId();
        }
        clock.advance(Duration.ofHours(1));

        try (StripeSandbox second = StripeSandbox.start(options(clock))) {
            assertThat(client(second).v1().checkout().sessions().retrieve(id).getStatus()).isEqualTo("expired");
        }
    }

    @Test
    void fileIsWrittenWholeWithNoTemporaryFilesLeft() throws Exception {
        try (StripeSandbox sandbox = StripeSandbox.start(options(SandboxClock.fixedAt(T0)))) {
            client(sandbox).v1().checkout().sessions().create(cart(sandbox).build());
        }
        Path file = dir.resolve("sandbox").resolve("stripe-sandbox.json");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("{").endsWith("}")
                .contains("Flat white");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void unreadableFileIsMovedAsideAndTheSandboxStartsEmpty() throws Exception {
        Path file = dir.resolve("sandbox").resolve("stripe-sandbox.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");

        try (StripeSandbox sandbox = StripeSandbox.start(options(SandboxClock.fixedAt(T0)))) {
            assertThat(sandbox.sessions()).isEmpty();
            assertThat(sandbox.secretKey()).startsWith("sk_test_sbx");
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("stripe-sandbox.json.unreadable-"));
        }
    }

    @Test
    void liveKeyIsRefusedInTheOptions() {
        assertThatThrownBy(() -> SandboxOptions.inMemory().withSecretKey("sk_live_" + "a".repeat(24)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("aaaa");
        assertThatThrownBy(() -> SandboxOptions.inMemory().withSecretKey("rk_live_" + "a".repeat(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyOfAnEarlierVersionWithAnUnderscoreIsRenewedSoTheAppCanUseIt() throws Exception {
        Path file = dir.resolve("sandbox").resolve("stripe-sandbox.json");
        try (StripeSandbox sandbox = StripeSandbox.start(options(SandboxClock.fixedAt(T0)))) {
            assertThat(sandbox.secretKey()).matches("sk_test_sbx[A-Za-z0-9]{40}");
        }
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"secretKey\":\"sk_test_[A-Za-z0-9_]+\"",
                "\"secretKey\":\"sk_test_sbx_" + "c".repeat(40) + "\""));

        try (StripeSandbox sandbox = StripeSandbox.start(options(SandboxClock.fixedAt(T0)))) {
            assertThat(sandbox.secretKey()).matches("sk_test_[A-Za-z0-9]+");
            assertThat(app.scantill.config.StripeKey.parse(sandbox.secretKey()).mode())
                    .isEqualTo(app.scantill.config.StripeKey.Mode.TEST);
        }
    }

    @Test
    void liveKeyPlantedInTheFileIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("sandbox").resolve("stripe-sandbox.json");
        try (StripeSandbox sandbox = StripeSandbox.start(options(SandboxClock.fixedAt(T0)))) {
            assertThat(sandbox.secretKey()).startsWith("sk_test_");
        }
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"secretKey\":\"sk_test_[A-Za-z0-9_]+\"",
                "\"secretKey\":\"sk_live_" + "b".repeat(30) + "\""));

        assertThatThrownBy(() -> StripeSandbox.start(options(SandboxClock.fixedAt(T0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("live");
    }

    @Test
    void optionsNeverPrintTheKey() {
        String key = "sk_test_" + "c".repeat(30) + "WXYZ";
        assertThat(SandboxOptions.inMemory().withSecretKey(key).toString())
                .doesNotContain("cccc").contains("WXYZ");
    }
}
