package app.scantill.config;

import app.scantill.text.Texts;
import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * ScanTill's settings, read once at start from (highest priority first) command-line
 * {@code --setting=value} options, environment variables and the user's config file, over defaults.
 *
 * <p>Loading never fails: every value that cannot be used becomes a {@link ConfigProblem} and the
 * setting keeps its safe default. Anything wrong with the Stripe key or API base leaves the app
 * without a key, that is in {@link RunMode#SANDBOX}, where no real money can move.
 */
public final class AppConfig {

    private static final System.Logger LOG = System.getLogger(AppConfig.class.getName());

    public enum RunMode { SANDBOX, TEST, LIVE }

    public static final String FILE_NAME = "scantill.properties";

    public static final String STRIPE_SECRET_KEY = "stripe.secret_key";
    public static final String STRIPE_API_BASE = "stripe.api_base";
    public static final String STRIPE_CONNECT_TIMEOUT_MS = "stripe.connect_timeout_ms";
    public static final String STRIPE_READ_TIMEOUT_MS = "stripe.read_timeout_ms";
    public static final String STRIPE_MAX_NETWORK_RETRIES = "stripe.max_network_retries";
    public static final String SUCCESS_URL = "checkout.success_url";
    public static final String CANCEL_URL = "checkout.cancel_url";
    public static final String SESSION_LIFETIME_MINUTES = "checkout.session_lifetime_minutes";
    public static final String POLL_INTERVAL_MS = "poll.interval_ms";
    public static final String REGISTER_ID = "register.id";
    public static final String MERCHANT_NAME = "merchant.name";
    public static final String SANDBOX_BIND = "sandbox.bind";
    public static final String SANDBOX_PUBLIC_HOST = "sandbox.public_host";
    public static final String DATA_DIR = "data.dir";
    public static final String CATALOG_PATH = "catalog.path";
    /** Command-line only: which config file to read. */
    public static final String CONFIG_OPTION = "config";

    /** Every setting the file and the command line accept. */
    public static final Set<String> SETTINGS = Set.of(STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_CONNECT_TIMEOUT_MS,
            STRIPE_READ_TIMEOUT_MS, STRIPE_MAX_NETWORK_RETRIES, SUCCESS_URL, CANCEL_URL, SESSION_LIFETIME_MINUTES,
            POLL_INTERVAL_MS, REGISTER_ID, MERCHANT_NAME, SANDBOX_BIND, SANDBOX_PUBLIC_HOST, DATA_DIR, CATALOG_PATH);

    /** Short command-line names: {@code --catalog=PATH} is {@code --catalog.path=PATH}. */
    public static final Map<String, String> ALIASES = Map.of("catalog", CATALOG_PATH);

    /** Environment variables and the settings they stand for. */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "STRIPE_SECRET_KEY", STRIPE_SECRET_KEY,
            "STRIPE_API_BASE", STRIPE_API_BASE,
            "SCANTILL_DATA_DIR", DATA_DIR,
            "SCANTILL_CATALOG", CATALOG_PATH);

    public static final int DEFAULT_SESSION_LIFETIME_MINUTES = 30;
    public static final int MIN_SESSION_LIFETIME_MINUTES = 30;
    public static final int MAX_SESSION_LIFETIME_MINUTES = 1440;
    public static final int DEFAULT_POLL_INTERVAL_MS = 1000;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_READ_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_MAX_NETWORK_RETRIES = 2;
    public static final String DEFAULT_REGISTER_ID = "register-1";
    public static final String DEFAULT_MERCHANT_NAME = "ScanTill";

    private final List<ConfigProblem> problems;
    private final Path configFile;
    private final StripeKey stripeKey;
    private final String stripeApiBase;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;
    private final int maxNetworkRetries;
    private final String successUrl;
    private final String cancelUrl;
    private final int sessionLifetimeMinutes;
    private final int pollIntervalMs;
    private final String registerId;
    private final String merchantName;
    private final SandboxBind sandboxBind;
    private final String sandboxPublicHost;
    private final Path dataDir;
    private final Path catalogPath;

    /** Reads the real command line, environment and home directory. */
    public static AppConfig load(String[] args) {
        return load(List.of(args), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Reads the given sources; for tests and for a launcher that has already split its arguments. */
    public static AppConfig load(List<String> args, Map<String, String> environment, Path userHome) {
        return new Loader(args, environment, userHome).load();
    }

    private AppConfig(Loader l) {
        problems = List.copyOf(l.problems);
        configFile = l.fileRead;
        stripeKey = l.key;
        stripeApiBase = l.apiBase;
        connectTimeoutMs = l.connectTimeoutMs;
        readTimeoutMs = l.readTimeoutMs;
        maxNetworkRetries = l.maxNetworkRetries;
        successUrl = l.successUrl;
        cancelUrl = l.cancelUrl;
        sessionLifetimeMinutes = l.lifetimeMinutes;
        pollIntervalMs = l.pollIntervalMs;
        registerId = l.registerId;
        merchantName = l.merchantName;
        sandboxBind = l.sandboxBind;
        sandboxPublicHost = l.publicHost;
        dataDir = l.dataDir;
        catalogPath = l.catalogPath;
    }

    /** Settings that could not be used; empty when everything was fine. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** SANDBOX without a usable key, otherwise the key's TEST or LIVE. */
    public RunMode mode() {
        if (stripeKey == null) {
            return RunMode.SANDBOX;
        }
        return stripeKey.mode() == StripeKey.Mode.LIVE ? RunMode.LIVE : RunMode.TEST;
    }

    public Optional<StripeKey> stripeKey() {
        return Optional.ofNullable(stripeKey);
    }

    /** An API base other than Stripe's (e.g. stripe-mock); empty means Stripe's own. */
    public Optional<String> stripeApiBase() {
        return Optional.ofNullable(stripeApiBase);
    }

    public Duration stripeConnectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }

    public Duration stripeReadTimeout() {
        return Duration.ofMillis(readTimeoutMs);
    }

    public int stripeMaxNetworkRetries() {
        return maxNetworkRetries;
    }

    /** May contain {@code {CHECKOUT_SESSION_ID}}, which Stripe fills in on redirect. */
    public Optional<String> successUrl() {
        return Optional.ofNullable(successUrl);
    }

    public Optional<String> cancelUrl() {
        return Optional.ofNullable(cancelUrl);
    }

    public Duration sessionLifetime() {
        return Duration.ofMinutes(sessionLifetimeMinutes);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMs);
    }

    public String registerId() {
        return registerId;
    }

    public String merchantName() {
        return merchantName;
    }

    public SandboxBind sandboxBind() {
        return sandboxBind;
    }

    /** The host name or address phones should use for the sandbox pay page, when set. */
    public Optional<String> sandboxPublicHost() {
        return Optional.ofNullable(sandboxPublicHost);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The catalog file, when one is configured. */
    public Optional<Path> catalogPath() {
        return Optional.ofNullable(catalogPath);
    }

    /** The config file whose settings were used, if one was read. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** A summary safe for the log: the key appears only redacted. */
    @Override
    public String toString() {
        return "AppConfig[mode=" + mode() + ", key=" + (stripeKey == null ? "none" : stripeKey)
                + ", apiBase=" + (stripeApiBase == null ? "stripe" : stripeApiBase)
                + ", file=" + (configFile == null ? "none" : configFile)
                + ", register=" + registerId + ", lifetime=" + sessionLifetimeMinutes + "min"
                + ", poll=" + pollIntervalMs + "ms, sandboxBind=" + sandboxBind
                + ", dataDir=" + dataDir + ", problems=" + problems.size() + "]";
    }

    /** A value with where it came from, so a problem can name its source. */
    private record Raw(String value, String source) {
    }

    private static final class Loader {
        private final List<String> args;
        private final Map<String, String> env;
        private final Path userHome;
        private final List<ConfigProblem> problems = new ArrayList<>();
        private final Map<String, Raw> merged = new LinkedHashMap<>();

        private Path fileRead;
        private StripeKey key;
        private String apiBase;
        private int connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        private int readTimeoutMs = DEFAULT_READ_TIMEOUT_MS;
        private int maxNetworkRetries = DEFAULT_MAX_NETWORK_RETRIES;
        private String successUrl;
        private String cancelUrl;
        private int lifetimeMinutes = DEFAULT_SESSION_LIFETIME_MINUTES;
        private int pollIntervalMs = DEFAULT_POLL_INTERVAL_MS;
        private String registerId = DEFAULT_REGISTER_ID;
        private String merchantName = DEFAULT_MERCHANT_NAME;
        private SandboxBind sandboxBind = SandboxBind.LOOPBACK;
        private String publicHost;
        private Path dataDir;
        private Path catalogPath;

        Loader(List<String> args, Map<String, String> env, Path userHome) {
            this.args = List.copyOf(args);
            this.env = Map.copyOf(env);
            this.userHome = userHome;
        }

        AppConfig load() {
            Map<String, Raw> commandLine = parseCommandLine();
            Raw explicitFile = commandLine.remove(CONFIG_OPTION);
            if (explicitFile == null && Texts.hasText(env.get("SCANTILL_CONFIG"))) {
                explicitFile = new Raw(env.get("SCANTILL_CONFIG").strip(), "SCANTILL_CONFIG");
            }
            // Lowest priority first: each later source overwrites.
            merged.putAll(readConfigFile(explicitFile));
            ENVIRONMENT.forEach((variable, setting) -> {
                if (Texts.hasText(env.get(variable))) {
                    merged.put(setting, new Raw(env.get(variable), variable));
                }
            });
            merged.putAll(commandLine);
            if (commandLine.containsKey(STRIPE_SECRET_KEY)) {
                LOG.log(Level.WARNING, "A Stripe key given on the command line can be seen by other users in the "
                        + "process list; prefer STRIPE_SECRET_KEY or the config file (chmod 600).");
            }
            interpret();
            problems.forEach(p -> LOG.log(Level.WARNING, "Configuration: {0}", p));
            return new AppConfig(this);
        }

        private Map<String, Raw> parseCommandLine() {
            Map<String, Raw> options = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 3) {
                    problems.add(new ConfigProblem(abbreviateSafely(arg), "command line",
                            "ignored: options are written --setting=value, e.g. --register.id=till-2"));
                    continue;
                }
                String name = ALIASES.getOrDefault(arg.substring(2, eq).strip(), arg.substring(2, eq).strip());
                String source = "--" + arg.substring(2, eq).strip();
                if (!SETTINGS.contains(name) && !CONFIG_OPTION.equals(name)) {
                    problems.add(new ConfigProblem(name, source, "unknown setting; see docs/configuration.md"));
                    continue;
                }
                options.put(name, new Raw(arg.substring(eq + 1), source));
            }
            return options;
        }

        private Map<String, Raw> readConfigFile(Raw explicit) {
            Path path;
            if (explicit != null) {
                Optional<Path> p = path(explicit.value());
                if (p.isEmpty()) {
                    problems.add(new ConfigProblem(CONFIG_OPTION, explicit.source(),
                            "'" + abbreviateSafely(explicit.value()) + "' is not a valid file path"));
                    return Map.of();
                }
                path = p.get();
                if (!Files.isRegularFile(path)) {
                    problems.add(new ConfigProblem(CONFIG_OPTION, explicit.source(),
                            "the config file " + path + " does not exist or is not a file"));
                    return Map.of();
                }
            } else {
                path = defaultConfigFile();
                if (!Files.isRegularFile(path)) {
                    LOG.log(Level.DEBUG, "No config file at {0}; using environment and defaults", path);
                    return Map.of();
                }
            }
            String source = path.toString();
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (CharacterCodingException e) {
                problems.add(new ConfigProblem(CONFIG_OPTION, source, "the file is not UTF-8 text; none of it was used"));
                return Map.of();
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: a malformed \\uXXXX escape.
                problems.add(new ConfigProblem(CONFIG_OPTION, source,
                        "the file could not be read (" + e.getMessage() + "); none of it was used"));
                return Map.of();
            }
            if (Texts.hasText(props.getProperty(STRIPE_SECRET_KEY)) && !privateToOwner(path)) {
                return Map.of();
            }
            fileRead = path;
            Map<String, Raw> settings = new LinkedHashMap<>();
            for (String name : props.stringPropertyNames()) {
                String value = props.getProperty(name);
                if (!SETTINGS.contains(name)) {
                    problems.add(new ConfigProblem(name, source, "unknown setting; see docs/configuration.md"));
                } else if (Texts.hasText(value)) {
                    settings.put(name, new Raw(value, source));
                }
            }
            return settings;
        }

        /**
         * A file that holds a key must not be readable or writable by anyone but its owner: readable
         * leaks the key, writable lets someone point the API base at their own server to collect it.
         */
        private boolean privateToOwner(Path path) {
            Set<PosixFilePermission> permissions;
            try {
                permissions = Files.getPosixFilePermissions(path);
            } catch (UnsupportedOperationException e) {
                LOG.log(Level.INFO, "{0} is on a file system without POSIX permissions; its access rights were "
                        + "not checked", path);
                return true;
            } catch (IOException e) {
                problems.add(new ConfigProblem(STRIPE_SECRET_KEY, path.toString(),
                        "could not check who may read the file (" + e.getMessage() + "); none of it was used"));
                return false;
            }
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            open.retainAll(permissions);
            if (open.isEmpty()) {
                return true;
            }
            problems.add(new ConfigProblem(STRIPE_SECRET_KEY, path.toString(),
                    "refused to read " + path + ": it holds a Stripe key and other users can "
                            + (open.contains(PosixFilePermission.GROUP_READ) || open.contains(PosixFilePermission.OTHERS_READ)
                                    ? "read" : "change")
                            + " it (permissions " + PosixFilePermissions.toString(permissions) + "). Fix it with: chmod 600 "
                            + path + " — until then ScanTill runs in SANDBOX mode and ignores every setting in that file"));
            return false;
        }

        private Path defaultConfigFile() {
            String xdg = env.get("XDG_CONFIG_HOME");
            Optional<Path> base = Texts.hasText(xdg) ? path(xdg.strip()).filter(Path::isAbsolute) : Optional.empty();
            return base.orElse(userHome.resolve(".config")).resolve("scantill").resolve(FILE_NAME);
        }

        private Path defaultDataDir() {
            return DataFolder.defaultFor(env, userHome, System.getProperty("os.name"));
        }

        private void interpret() {
            connectTimeoutMs = integer(STRIPE_CONNECT_TIMEOUT_MS, 100, 120_000, connectTimeoutMs,
                    "milliseconds to wait for a connection to Stripe");
            readTimeoutMs = integer(STRIPE_READ_TIMEOUT_MS, 100, 300_000, readTimeoutMs,
                    "milliseconds to wait for Stripe's answer");
            maxNetworkRetries = integer(STRIPE_MAX_NETWORK_RETRIES, 0, 10, maxNetworkRetries,
                    "automatic retries of a failed Stripe call");
            lifetimeMinutes = integer(SESSION_LIFETIME_MINUTES, MIN_SESSION_LIFETIME_MINUTES,
                    MAX_SESSION_LIFETIME_MINUTES, lifetimeMinutes,
                    "minutes a payment QR stays valid (Stripe allows 30 minutes to 24 hours)");
            pollIntervalMs = integer(POLL_INTERVAL_MS, 250, 60_000, pollIntervalMs,
                    "milliseconds between checks of a payment");
            successUrl = value(SUCCESS_URL, v -> webUrl(v, true), null);
            cancelUrl = value(CANCEL_URL, v -> webUrl(v, true), null);
            registerId = value(REGISTER_ID, Loader::registerId, registerId);
            merchantName = value(MERCHANT_NAME, Loader::merchantName, merchantName);
            sandboxBind = value(SANDBOX_BIND, SandboxBind::parse, sandboxBind);
            publicHost = value(SANDBOX_PUBLIC_HOST, Loader::hostName, null);
            dataDir = value(DATA_DIR, this::pathValue, null);
            if (dataDir == null) {
                dataDir = defaultDataDir();
            }
            catalogPath = value(CATALOG_PATH, this::pathValue, null);
            interpretStripe();
        }

        /** Key and API base together: a problem with either leaves the app in SANDBOX mode. */
        private void interpretStripe() {
            Raw rawKey = merged.get(STRIPE_SECRET_KEY);
            if (rawKey == null) {
                // No key: the base is unused, but a typo should still be reported now rather than later.
                value(STRIPE_API_BASE, v -> webUrl(v, false), null);
                return;
            }
            StripeKey parsed;
            try {
                parsed = StripeKey.parse(rawKey.value());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(STRIPE_SECRET_KEY, rawKey.source(),
                        e.getMessage() + "; ScanTill runs in SANDBOX mode until the key is fixed"));
                return;
            }
            Raw rawBase = merged.get(STRIPE_API_BASE);
            String base = null;
            if (rawBase != null) {
                try {
                    base = webUrl(rawBase.value(), false);
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(STRIPE_API_BASE, rawBase.source(), e.getMessage()
                            + "; the Stripe key is not used (SANDBOX mode) until the API base is fixed or removed"));
                    return;
                }
                if (parsed.mode() == StripeKey.Mode.LIVE && base.startsWith("http:") && !isLoopback(base)) {
                    problems.add(new ConfigProblem(STRIPE_API_BASE, rawBase.source(),
                            "a live key is never sent over plain http to another computer: use https; "
                                    + "ScanTill runs in SANDBOX mode until this is fixed"));
                    return;
                }
            }
            if (successUrl == null) {
                problems.add(new ConfigProblem(SUCCESS_URL, "defaults",
                        "Stripe needs a page to send the customer to after paying: set checkout.success_url "
                                + "(e.g. https://your-shop.example/thanks); charges fail until it is set"));
            }
            key = parsed;
            apiBase = base;
        }

        private int integer(String setting, int min, int max, int fallback, String meaning) {
            Integer v = value(setting, text -> {
                String t = text.strip().replace("_", "");
                if (!t.matches("[+-]?\\d{1,10}")) {
                    throw new IllegalArgumentException("'" + Texts.abbreviate(text.strip(), 60)
                            + "' is not a whole number; expected " + min + " to " + max + ", the " + meaning);
                }
                long n = Long.parseLong(t);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(n + " is out of range; expected " + min + " to " + max
                            + ", the " + meaning);
                }
                return (int) n;
            }, null);
            return v == null ? fallback : v;
        }

        /** Applies {@code parse} to the setting's value; a refusal becomes a problem and the fallback. */
        private <T> T value(String setting, Function<String, T> parse, T fallback) {
            Raw raw = merged.get(setting);
            if (raw == null) {
                return fallback;
            }
            try {
                return parse.apply(raw.value());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(setting, raw.source(), e.getMessage() + defaultNote(fallback)));
                return fallback;
            }
        }

        private static String defaultNote(Object fallback) {
            return fallback == null ? "" : "; using " + fallback;
        }

        private Path pathValue(String text) {
            Path p = path(text.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "'" + Texts.abbreviate(text.strip(), 60) + "' is not a valid path"));
            return p.toAbsolutePath().normalize();
        }

        private static Optional<Path> path(String text) {
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(text));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }

        /**
         * An absolute http(s) URL. Stripe's placeholder {@code {CHECKOUT_SESSION_ID}} is allowed where
         * {@code placeholder} is true; braces are otherwise illegal in a URI, so it is swapped out
         * before checking.
         */
        static String webUrl(String text, boolean placeholder) {
            String t = text.strip();
            String checkable = placeholder ? t.replace("{CHECKOUT_SESSION_ID}", "cs_placeholder") : t;
            URI uri;
            try {
                uri = new URI(checkable);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(t, 60) + "' is not a valid URL ("
                        + e.getReason() + ")");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(t, 60)
                        + "' must be an absolute URL starting with https:// or http://");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(t, 60) + "' has no host name");
            }
            if (!placeholder) {
                if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new IllegalArgumentException("'" + Texts.abbreviate(t, 60)
                            + "' must be a plain base such as http://localhost:12111 (no user, query or fragment)");
                }
                while (t.endsWith("/")) {
                    t = t.substring(0, t.length() - 1);
                }
            }
            return t;
        }

        private static boolean isLoopback(String url) {
            String host = URI.create(url).getHost();
            if (host.equalsIgnoreCase("localhost")) {
                return true;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                return false; // a name other than localhost: do not resolve it here
            }
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }

        private static String registerId(String text) {
            String t = text.strip();
            if (!t.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(t, 60) + "' is not a register id: use 1 to "
                        + "40 letters, digits, '.', '_' or '-' (it goes into Stripe metadata)");
            }
            return t;
        }

        private static String merchantName(String text) {
            String t = text.strip();
            if (t.length() > 100 || t.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the merchant name must be at most 100 characters on one line");
            }
            return t;
        }

        private static String hostName(String text) {
            String t = text.strip();
            boolean name = t.length() <= 253
                    && t.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
            boolean ipv6 = t.contains(":") && t.matches("\\[?[0-9A-Fa-f:.]+]?");
            if (!name && !ipv6) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(t, 60) + "' is not a host name or address "
                        + "such as till.local or 192.168.1.20");
            }
            return t;
        }

        private static String abbreviateSafely(String s) {
            return Texts.abbreviate(StripeKey.redactAll(s), 60);
        }
    }
}
