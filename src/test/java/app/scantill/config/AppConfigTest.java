package app.scantill.config;

import app.scantill.i18n.English;
import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.CapturedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigTest {

    private static final String TEST_KEY = "sk_test_FAKEscantillTestKey01p7dc";
    private static final String LIVE_KEY = "rk_" + "live_" + "51Hx9ZpQabcdefghijklmnopqrstuvwxyz0123W9z1";

    @TempDir
    Path home;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final Map<String, String> env = new HashMap<>();

    private AppConfig load(String... args) {
        return AppConfig.load(List.of(args), env, home);
    }

    private Path userFile(String content, String permissions) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".config/scantill"));
        Path file = dir.resolve("scantill.properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void nothingConfiguredStartsInSandboxWithDefaults() {
        AppConfig c = load();

        assertThat(c.problems()).isEmpty();
        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.stripeKey()).isEmpty();
        assertThat(c.sessionLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.stripeMaxNetworkRetries()).isEqualTo(2);
        assertThat(c.stripeConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.stripeReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.sandboxBind()).isEqualTo(SandboxBind.LOOPBACK);
        assertThat(c.registerId()).isEqualTo("register-1");
        assertThat(c.dataDir()).isEqualTo(home.resolve(".local/share/scantill"));
        assertThat(c.configFile()).isEmpty();
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFile() throws IOException {
        userFile("data.dir=/from/file\nregister.id=file-till\nstripe.secret_key=sk_test_fromFile0001\n"
                + "checkout.success_url=https://shop.example/ok\n", "rw-------");
        env.put("SCANTILL_DATA_DIR", "/from/env");
        env.put("STRIPE_SECRET_KEY", "rk_test_fromEnv0002");

        AppConfig fileAndEnv = load();
        AppConfig all = load("--data.dir=/from/cli", "--register.id=cli-till");

        assertThat(fileAndEnv.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(fileAndEnv.registerId()).isEqualTo("file-till");
        assertThat(fileAndEnv.stripeKey()).hasValueSatisfying(k -> assertThat(k.last4()).isEqualTo("0002"));
        assertThat(all.dataDir()).isEqualTo(Path.of("/from/cli"));
        assertThat(all.registerId()).isEqualTo("cli-till");
        assertThat(all.problems()).isEmpty();
    }

    @Test
    void configFileIsFoundUnderXdgConfigHome() throws IOException {
        Path xdg = Files.createDirectories(home.resolve("xdg/scantill"));
        Files.writeString(xdg.resolve("scantill.properties"), "register.id=xdg-till\n");
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());

        AppConfig c = load();

        assertThat(c.registerId()).isEqualTo("xdg-till");
        assertThat(c.configFile()).contains(xdg.resolve("scantill.properties"));
    }

    @Test
    void explicitConfigFileFromOptionOrEnvironmentIsUsedAndAMissingOneIsAProblem() throws IOException {
        Path file = home.resolve("till.properties");
        Files.writeString(file, "register.id=explicit\n");
        env.put("SCANTILL_CONFIG", home.resolve("missing.properties").toString());

        AppConfig fromOption = load("--config=" + file);
        AppConfig fromEnv = load();

        assertThat(fromOption.registerId()).isEqualTo("explicit");
        assertThat(fromEnv.problems()).singleElement()
                .satisfies(p -> assertThat(English.text(p.message())).contains("does not exist"));
    }

    @Test
    void publishableKeyIsRefusedWithReasonAndAppStaysInSandbox() {
        env.put("STRIPE_SECRET_KEY", "pk_test_FAKEscantillPublishabI7jx");

        AppConfig c = load();

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("stripe.secret_key");
            assertThat(p.source()).isEqualTo("STRIPE_SECRET_KEY");
            assertThat(English.text(p.message())).contains("publishable key", "cannot create Checkout Sessions", "SANDBOX")
                    .doesNotContain("FAKEscantillPublishabI7jx");
        });
    }

    @Test
    void garbageKeyIsRefusedAndNeverEchoed() {
        env.put("STRIPE_SECRET_KEY", "my-secret-password-123");

        AppConfig c = load();

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.problems()).singleElement().satisfies(p ->
                assertThat(English.text(p.message())).contains("not a Stripe API key").doesNotContain("my-secret-password"));
    }

    @Test
    void liveRestrictedKeyIsAcceptedAsLive() {
        env.put("STRIPE_SECRET_KEY", LIVE_KEY);

        AppConfig c = load("--checkout.success_url=https://shop.example/thanks");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.LIVE);
        assertThat(c.problems()).isEmpty();
        assertThat(c.toString()).contains("rk_live_...W9z1").doesNotContain(LIVE_KEY);
    }

    @Test
    void keyWithoutSuccessUrlWarnsThatChargesFail() {
        env.put("STRIPE_SECRET_KEY", TEST_KEY);

        AppConfig c = load();

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.TEST);
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.setting()).isEqualTo("checkout.success_url"));
    }

    @Test
    void fileWithAKeyThatOthersCanReadIsRefusedWithTheChmodFix() throws IOException {
        Path file = userFile("stripe.secret_key=" + TEST_KEY + "\nregister.id=leaky\n", "rw-r--r--");

        AppConfig c = load();

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.registerId()).isEqualTo("register-1");
        assertThat(c.configFile()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(English.text(p.message()))
                .contains("chmod 600 " + file, "rw-r--r--", "other users can read").doesNotContain(TEST_KEY));
    }

    @Test
    void fileWithAKeyReadableOnlyByItsOwnerIsUsed() throws IOException {
        userFile("stripe.secret_key=" + TEST_KEY + "\ncheckout.success_url=https://shop.example/ok\n", "rw-------");

        AppConfig c = load();

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.TEST);
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void fileWithoutAKeyMayBeReadableByOthers() throws IOException {
        userFile("register.id=front-till\n", "rw-r--r--");

        AppConfig c = load();

        assertThat(c.registerId()).isEqualTo("front-till");
        assertThat(c.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"29", "1441", "0", "-5", "thirty", "30.5", ""})
    void sessionLifetimeOutsideStripesRangeIsAProblemAndDefaultsTo30(String value) {
        AppConfig c = load("--checkout.session_lifetime_minutes=" + value);

        assertThat(c.sessionLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("checkout.session_lifetime_minutes");
            assertThat(English.text(p.message())).contains("30 to 1440");
        });
    }

    @Test
    void amazonPayIsAutoUnlessSetAndAnythingElseIsAProblem() {
        assertThat(load().get(Settings.AMAZON_PAY)).isEqualTo(AmazonPayChoice.AUTO);
        assertThat(load("--payments.amazon_pay=OFF").get(Settings.AMAZON_PAY)).isEqualTo(AmazonPayChoice.OFF);
        assertThat(load("--payments.amazon_pay=on").get(Settings.AMAZON_PAY)).isEqualTo(AmazonPayChoice.ON);
        AppConfig wrong = load("--payments.amazon_pay=sometimes");
        assertThat(wrong.get(Settings.AMAZON_PAY)).isEqualTo(AmazonPayChoice.AUTO);
        assertThat(wrong.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("payments.amazon_pay");
            assertThat(English.text(p.message())).contains("'sometimes'").contains("auto").contains("off")
                    .doesNotContain("[stripe.");
        });
    }

    @Test
    void settlementCurrencyIsAStripeCurrencyOrNone() {
        assertThat(load().get(Settings.SETTLEMENT_CURRENCY)).isEmpty();
        assertThat(load("--account.settlement_currency=hkd").get(Settings.SETTLEMENT_CURRENCY))
                .contains(java.util.Currency.getInstance("HKD"));
        AppConfig gold = load("--account.settlement_currency=XAU");
        assertThat(gold.get(Settings.SETTLEMENT_CURRENCY)).isEmpty();
        assertThat(gold.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("account.settlement_currency");
            assertThat(English.text(p.message())).contains("'XAU'").doesNotContain("[stripe.");
        });
    }

    @Test
    void sessionLifetimeOf24HoursIsAccepted() {
        assertThat(load("--checkout.session_lifetime_minutes=1440").sessionLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void badNumbersAreProblemsAndKeepTheirDefaults() {
        AppConfig c = load("--poll.interval_ms=fast", "--stripe.max_network_retries=99",
                "--stripe.read_timeout_ms=-1");

        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.stripeMaxNetworkRetries()).isEqualTo(2);
        assertThat(c.stripeReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.problems()).extracting(ConfigProblem::setting)
                .containsExactlyInAnyOrder("poll.interval_ms", "stripe.max_network_retries", "stripe.read_timeout_ms");
    }

    @Test
    void successUrlMayCarryStripesSessionPlaceholder() {
        AppConfig c = load("--checkout.success_url=https://shop.example/thanks?s={CHECKOUT_SESSION_ID}",
                "--checkout.cancel_url=ftp://shop.example/cancel");

        assertThat(c.successUrl()).contains("https://shop.example/thanks?s={CHECKOUT_SESSION_ID}");
        assertThat(c.cancelUrl()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.setting()).isEqualTo("checkout.cancel_url"));
    }

    @Test
    void apiBaseOverridePointsAtStripeMock() {
        env.put("STRIPE_SECRET_KEY", TEST_KEY);
        env.put("STRIPE_API_BASE", "http://localhost:12111/");

        AppConfig c = load("--checkout.success_url=https://shop.example/ok");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.TEST);
        assertThat(c.stripeApiBase()).contains("http://localhost:12111");
    }

    @Test
    void liveKeyIsNeverSentOverPlainHttpToAnotherComputer() {
        env.put("STRIPE_SECRET_KEY", LIVE_KEY);
        env.put("STRIPE_API_BASE", "http://stripe-proxy.example");

        AppConfig c = load("--checkout.success_url=https://shop.example/ok");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(English.text(p.message())).contains("https"));
    }

    @Test
    void invalidApiBaseLeavesTheAppInSandbox() {
        env.put("STRIPE_SECRET_KEY", TEST_KEY);
        env.put("STRIPE_API_BASE", "localhost:12111");

        AppConfig c = load("--checkout.success_url=https://shop.example/ok");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.setting()).isEqualTo("stripe.api_base"));
    }

    @Test
    void aBadKeyAndABadApiBaseAreBothReportedWithoutTheKey() {
        AppConfig c = load("--stripe.secret_key=" + TEST_KEY + " x", "--stripe.api_base=localhost:12111");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.stripeApiBase()).isEmpty();
        assertThat(c.problems()).extracting(ConfigProblem::setting)
                .containsExactly("stripe.secret_key", "stripe.api_base");
        assertThat(c.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain(TEST_KEY.substring(8)));
    }

    @Test
    void sandboxBindAcceptsLoopbackLanOrAnAddress() {
        assertThat(load("--sandbox.bind=lan").sandboxBind()).isEqualTo(SandboxBind.LAN);
        assertThat(load("--sandbox.bind=192.168.1.20").sandboxBind().toString()).isEqualTo("192.168.1.20");
        AppConfig bad = load("--sandbox.bind=everywhere");
        assertThat(bad.sandboxBind()).isEqualTo(SandboxBind.LOOPBACK);
        assertThat(bad.problems()).singleElement().satisfies(p -> assertThat(p.setting()).isEqualTo("sandbox.bind"));
    }

    @Test
    void unknownSettingsAndStrayArgumentsAreReported() throws IOException {
        userFile("registr.id=typo\n", "rw-------");

        AppConfig c = load("--merchant=Shop", "stray");

        assertThat(c.problems()).extracting(ConfigProblem::setting)
                .containsExactlyInAnyOrder("registr.id", "merchant", "stray");
    }

    @Test
    void anySettingIsReadThroughItsDeclaration() {
        env.put("SCANTILL_CATALOG", "/shop/catalog.csv");

        AppConfig c = load("--merchant.name= Corner Coffee ", "--catalog=/shop/other.csv");

        assertThat(c.get(Settings.MERCHANT_NAME)).isEqualTo("Corner Coffee").isEqualTo(c.merchantName());
        assertThat(c.get(Settings.CATALOG_PATH)).contains(Path.of("/shop/other.csv"));
        assertThat(c.get(Settings.POLL_INTERVAL)).isEqualTo(c.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAliasInTheConfigFileIsAnUnknownSetting() throws IOException {
        userFile("catalog=/shop/catalog.csv\nregister.id=front-till\n", "rw-------");

        AppConfig c = load();

        assertThat(c.catalogPath()).isEmpty();
        assertThat(c.registerId()).isEqualTo("front-till");
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("catalog");
            assertThat(English.text(p.message())).contains("unknown setting");
        });
    }

    @Test
    void aKeyGivenOnTheCommandLineIsWarnedAboutWithoutShowingIt() {
        AppConfig c = load("--stripe.secret_key=" + TEST_KEY, "--checkout.success_url=https://shop.example/ok");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.TEST);
        assertThat(logs.lines()).anySatisfy(m -> assertThat(m)
                .contains("A Stripe key given on the command line", "process list", "STRIPE_SECRET_KEY"));
        assertThat(logs.lines()).isNotEmpty().noneMatch(m -> m.contains(TEST_KEY.substring(8)));
    }

    @Test
    void keyOnTheCommandLineIsNotEchoedInProblems() {
        AppConfig c = load("--stripe.secret_key=" + TEST_KEY, "--stripe.api_base=not a url");

        assertThat(c.mode()).isEqualTo(AppConfig.RunMode.SANDBOX);
        assertThat(c.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain(TEST_KEY));
        assertThat(c.toString()).doesNotContain(TEST_KEY);
    }
}
