package app.scantill.till;

import app.scantill.i18n.English;
import app.scantill.CapturedLogs;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequestFactory;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SandboxCustomer;
import app.scantill.config.AppConfig;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.stripe.StripeCheckoutGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The till wired from configuration, as the app starts it: which mode a key gives, where the
 * requests go, and that the key never shows up in the log, an exception or the screen's messages.
 * Keys are made up at run time; none of them exists at Stripe.
 */
class TillServicesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final List<SaleLine> CART = List.of(
            new SaleLine("SKU-TEA", "Green tea", 450, 2),
            new SaleLine("SKU-CAKE", "Lemon cake", 375, 1));
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void release() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** A key-shaped string no one has: prefix plus 40 random letters and digits. */
    private static String madeUpKey(String prefix) {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 40; i++) {
            b.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return b.toString();
    }

    private AppConfig config(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SCANTILL_DATA_DIR", dir.resolve("data").toString());
        return AppConfig.load(List.of("--poll.interval_ms=250", "--register.id=till-9",
                "--checkout.success_url=https://shop.example/thanks?session={CHECKOUT_SESSION_ID}"), all,
                dir.resolve("home"));
    }

    private TillServices start(AppConfig config) {
        TillServices services = TillServices.start(config, Clock.systemUTC());
        toClose.add(services);
        return services;
    }

    private StripeSandbox localServer(SandboxOptions options) throws Exception {
        StripeSandbox server = StripeSandbox.start(options);
        toClose.add(server);
        return server;
    }

    private static ChargeStatus await(ChargeService charges, Phase phase) throws InterruptedException {
        return charges.await(s -> s.phase() == phase, Duration.ofSeconds(10));
    }

    private void assertNowhere(String key, TillServices services, List<ChargeStatus> statuses) {
        String secretPart = key.substring(8, key.length() - 4);
        assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(secretPart));
        assertThat(statuses).isNotEmpty().allSatisfy(s -> assertThat(String.valueOf(s)).doesNotContain(secretPart));
        assertThat(services.problems()).noneMatch(p -> English.text(p).contains(secretPart));
        assertThat(String.valueOf(services.config())).doesNotContain(secretPart);
    }

    @Test
    void withoutAKeyTheTillRunsTheSandboxAndAFullSaleIsPaidOnItsPayPage() throws Exception {
        AppConfig config = config(Map.of());
        TillServices services = start(config);

        assertThat(config.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(services.problems()).isEmpty();
        assertThat(services.gateway().orElseThrow().mode()).isEqualTo(CheckoutGateway.Mode.SANDBOX);
        StripeSandbox sandbox = services.sandbox().orElseThrow();
        ChargeService charges = services.charges().orElseThrow();
        assertThat(charges.mode()).isEqualTo(CheckoutGateway.Mode.SANDBOX);
        assertThat(((StripeCheckoutGateway) services.gateway().get()).connection().apiBase())
                .isEqualTo(sandbox.apiBase());

        List<ChargeStatus> statuses = new CopyOnWriteArrayList<>();
        charges.addListener(statuses::add);
        charges.start(USD, CART);
        ChargeStatus open = await(charges, Phase.AWAITING_PAYMENT);
        assertThat(open.url()).as("statuses %s, problems %s", statuses, services.problems())
                .startsWith(sandbox.publicBase() + "/c/pay/cs_test_");
        new SandboxCustomer().pay(open.url(), "amazon_pay");
        assertThat(await(charges, Phase.PAID).paymentMethod()).isEqualTo("amazon_pay");
        assertThat(services.journal().orElseThrow().find(open.saleId()).orElseThrow().state())
                .isEqualTo(SaleState.PAID);
        assertNowhere(sandbox.secretKey(), services, statuses);
    }

    @Test
    void testKeyWithAnApiBaseTalksToThatServerInTestModeAndTheKeyIsNeverLogged() throws Exception {
        String key = madeUpKey("sk_" + "test_");
        StripeSandbox stripeLike = localServer(SandboxOptions.inMemory().withSecretKey(key));
        AppConfig config = config(Map.of("STRIPE_SECRET_KEY", key, "STRIPE_API_BASE", stripeLike.apiBase()));
        TillServices services = start(config);

        assertThat(config.mode()).isEqualTo(AppConfig.RunMode.TEST);
        assertThat(services.problems()).isEmpty();
        assertThat(services.sandbox()).as("no embedded sandbox with a key").isEmpty();
        assertThat(services.gateway().orElseThrow().mode()).isEqualTo(CheckoutGateway.Mode.TEST);
        assertThat(((StripeCheckoutGateway) services.gateway().get()).connection().apiBase())
                .isEqualTo(stripeLike.apiBase());
        ChargeService charges = services.charges().orElseThrow();
        List<ChargeStatus> statuses = new CopyOnWriteArrayList<>();
        charges.addListener(statuses::add);

        charges.start(USD, CART);
        ChargeStatus open = await(charges, Phase.AWAITING_PAYMENT);
        new SandboxCustomer().pay(open.url(), "card");
        ChargeStatus paid = await(charges, Phase.PAID);

        assertThat(paid.paymentMethod()).isEqualTo("card");
        RecordedRequest create = stripeLike.requests().get(0);
        assertThat(create.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(create.param("success_url")).contains("https://shop.example/thanks?session={CHECKOUT_SESSION_ID}");
        assertThat(create.param("metadata[register_id]")).contains("till-9");
        assertThat(create.header("Authorization")).hasValueSatisfying(v -> assertThat(v)
                .doesNotContain(key.substring(8)).endsWith(key.substring(key.length() - 4)));
        assertNowhere(key, services, statuses);
    }

    @Test
    void publishableKeyIsRefusedWithAMessageAndTheTillStaysInSandboxMode() {
        String key = madeUpKey("pk_" + "test_");
        AppConfig config = config(Map.of("STRIPE_SECRET_KEY", key));
        TillServices services = start(config);

        assertThat(config.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(config.stripeKey()).isEmpty();
        assertThat(services.problems()).anySatisfy(p -> assertThat(English.text(p))
                .contains("publishable key").contains("cannot create Checkout Sessions"));
        assertThat(services.gateway().orElseThrow().mode()).isEqualTo(CheckoutGateway.Mode.SANDBOX);
        String secretPart = key.substring(8, key.length() - 4);
        assertThat(services.problems()).noneMatch(p -> English.text(p).contains(secretPart));
        assertThat(logs.lines()).noneMatch(line -> line.contains(secretPart));
    }

    @Test
    void liveKeyRefusedByTheServerFailsWithAKeyMessageAndTheKeyAppearsNowhere() throws Exception {
        String key = madeUpKey("sk_" + "live_");
        // The sandbox never accepts a live key: it answers 401, as Stripe does for a revoked one.
        StripeSandbox server = localServer(SandboxOptions.inMemory());
        AppConfig config = config(Map.of("STRIPE_SECRET_KEY", key, "STRIPE_API_BASE", server.apiBase()));
        TillServices services = start(config);
        assertThat(config.mode()).isEqualTo(AppConfig.RunMode.LIVE);
        assertThat(services.gateway().orElseThrow().mode()).isEqualTo(CheckoutGateway.Mode.LIVE);
        ChargeService charges = services.charges().orElseThrow();
        List<ChargeStatus> statuses = new CopyOnWriteArrayList<>();
        charges.addListener(statuses::add);

        charges.start(USD, CART);
        ChargeStatus failed = await(charges, Phase.FAILED);

        assertThat(failed.phase()).isEqualTo(Phase.FAILED);
        assertThat(English.text(failed.message())).containsIgnoringCase("key").contains(key.substring(key.length() - 4));
        assertThat(services.journal().orElseThrow().find(failed.saleId()).orElseThrow().state())
                .isEqualTo(SaleState.CANCELLED);
        GatewayException direct = catchThrowableOfType(GatewayException.class, () ->
                services.gateway().get().create(new CheckoutRequestFactory(
                        ChargeSettings.defaults("till-9", "https://shop.example/thanks", null), Clock.systemUTC())
                        .build("S-20260801-0009-ZZZZZZ", 1, USD, CART, false)));
        assertThat(direct.kind()).isEqualTo(GatewayException.Kind.AUTHENTICATION);
        assertThat(stackTraceOf(direct)).doesNotContain(key.substring(8, key.length() - 4));
        assertNowhere(key, services, statuses);
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
