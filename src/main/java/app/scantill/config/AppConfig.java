package app.scantill.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * ScanTill's settings, read once at start from (highest priority first) command-line
 * {@code --setting=value} options, environment variables and the user's config file, over the
 * defaults. Every setting is declared once, in {@link Settings}; read one with
 * {@link #get(Setting)}. The typed accessors below are shorthands for the settings most of the
 * app reads.
 *
 * <p>Loading never fails: every value that cannot be used becomes a {@link ConfigProblem} and the
 * setting keeps its safe default. Anything wrong with the Stripe key or API base leaves the app
 * without a key, that is in {@link RunMode#SANDBOX}, where no real money can move.
 */
public final class AppConfig implements SettingValues {

    public enum RunMode { SANDBOX, TEST, LIVE }

    private final Map<Setting<?>, Object> values;
    private final List<ConfigProblem> problems;
    private final Path configFile;

    AppConfig(Map<Setting<?>, Object> values, List<ConfigProblem> problems, Path configFile) {
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
        this.configFile = configFile;
    }

    /** Reads the real command line, environment and home directory. */
    public static AppConfig load(String[] args) {
        return load(List.of(args), UserEnvironment.current());
    }

    /** Reads the given sources; for tests and for a launcher that has already split its arguments. */
    public static AppConfig load(List<String> args, Map<String, String> environment, Path userHome) {
        return load(args, UserEnvironment.of(environment, userHome));
    }

    /** Reads the given command line in the given environment, home and operating system. */
    public static AppConfig load(List<String> args, UserEnvironment where) {
        return new ConfigLoader(args, where).load();
    }

    /** The setting's value: what was configured, or its default. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException(setting + " is not declared in Settings");
        }
        return (T) values.get(setting);
    }

    /** Settings that could not be used; empty when everything was fine. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** SANDBOX without a usable key, otherwise the key's TEST or LIVE. */
    public RunMode mode() {
        return stripeKey().map(k -> k.mode() == StripeKey.Mode.LIVE ? RunMode.LIVE : RunMode.TEST)
                .orElse(RunMode.SANDBOX);
    }

    /** The config file whose settings were used, if one was read. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    public Optional<StripeKey> stripeKey() {
        return get(Settings.STRIPE_SECRET_KEY);
    }

    /** An API base other than Stripe's (e.g. stripe-mock); empty means Stripe's own, and always in SANDBOX mode. */
    public Optional<String> stripeApiBase() {
        return get(Settings.STRIPE_API_BASE);
    }

    public Duration stripeConnectTimeout() {
        return get(Settings.STRIPE_CONNECT_TIMEOUT);
    }

    public Duration stripeReadTimeout() {
        return get(Settings.STRIPE_READ_TIMEOUT);
    }

    public int stripeMaxNetworkRetries() {
        return get(Settings.STRIPE_MAX_NETWORK_RETRIES);
    }

    /** May contain {@code {CHECKOUT_SESSION_ID}}, which Stripe fills in on redirect. */
    public Optional<String> successUrl() {
        return get(Settings.SUCCESS_URL);
    }

    public Optional<String> cancelUrl() {
        return get(Settings.CANCEL_URL);
    }

    public Duration sessionLifetime() {
        return get(Settings.SESSION_LIFETIME);
    }

    public Duration pollInterval() {
        return get(Settings.POLL_INTERVAL);
    }

    public String registerId() {
        return get(Settings.REGISTER_ID);
    }

    public String merchantName() {
        return get(Settings.MERCHANT_NAME);
    }

    public SandboxBind sandboxBind() {
        return get(Settings.SANDBOX_BIND);
    }

    /** The host name or address phones should use for the sandbox pay page, when set. */
    public Optional<String> sandboxPublicHost() {
        return get(Settings.SANDBOX_PUBLIC_HOST);
    }

    public Path dataDir() {
        return get(Settings.DATA_DIR);
    }

    /** The sales journal's file. */
    public Path journalPath() {
        return get(Settings.JOURNAL_PATH);
    }

    /** The catalog file, when one is configured. */
    public Optional<Path> catalogPath() {
        return get(Settings.CATALOG_PATH);
    }

    /** Every setting as it is used, safe for the log: secrets appear only as their type redacts them. */
    @Override
    public String toString() {
        StringJoiner all = new StringJoiner(", ", "AppConfig[", "]");
        all.add("mode=" + mode());
        all.add("file=" + configFile().map(Path::toString).orElse("none"));
        for (Setting<?> setting : Settings.all()) {
            all.add(setting.name() + "=" + printable(setting));
        }
        all.add("problems=" + problems.size());
        return all.toString();
    }

    private <T> String printable(Setting<T> setting) {
        return setting.printable(get(setting));
    }
}
