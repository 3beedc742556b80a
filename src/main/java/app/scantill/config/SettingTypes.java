package app.scantill.config;

import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.text.Texts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The kinds of value ScanTill's settings take, each with its parser, its written form and the words
 * docs/configuration.md uses for what it allows. A parser's refusal is a sentence for the person who
 * typed the value, so it quotes at most 60 characters of it.
 */
public final class SettingTypes {

    private SettingTypes() {
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code meaning} is the key of the words that complete
     * "expected 0 to 10, the ..." ({@code config.meaning.*}).
     */
    public static SettingType<Integer> wholeNumber(int min, int max, String meaning) {
        return new Simple<>(min + ".." + max, (t, where) -> number(t, min, max, meaning), String::valueOf, false);
    }

    /** A duration written in whole milliseconds. */
    public static SettingType<Duration> millis(int min, int max, String meaning) {
        return new Simple<>(min + ".." + max, (t, where) -> Duration.ofMillis(number(t, min, max, meaning)),
                d -> String.valueOf(d.toMillis()), false);
    }

    /** A duration written in whole minutes. */
    public static SettingType<Duration> minutes(int min, int max, String meaning) {
        return new Simple<>(min + ".." + max, (t, where) -> Duration.ofMinutes(number(t, min, max, meaning)),
                d -> String.valueOf(d.toMinutes()), false);
    }

    /** A duration written in whole seconds. */
    public static SettingType<Duration> seconds(int min, int max, String meaning) {
        return new Simple<>(min + ".." + max, (t, where) -> Duration.ofSeconds(number(t, min, max, meaning)),
                d -> String.valueOf(d.toSeconds()), false);
    }

    /** A value of {@code type} that may be absent: written {@code none}, and "none" is its only fallback. */
    public static <T> SettingType<Optional<T>> optional(SettingType<T> type) {
        return new SettingType<>() {
            @Override
            public Optional<T> parse(String text, UserEnvironment where) {
                return Optional.of(type.parse(text, where));
            }

            @Override
            public String format(Optional<T> value) {
                return value.map(type::format).orElse("none");
            }

            @Override
            public String allowed() {
                return type.allowed();
            }

            @Override
            public String redacted(Optional<T> value) {
                return value.map(type::redacted).orElse("none");
            }

            @Override
            public Message fallbackNote(Optional<T> fallback) {
                return fallback.map(type::fallbackNote).orElse(null);
            }
        };
    }

    /** A secret or restricted Stripe key; shown only as Stripe's Dashboard shows it (prefix and last four). */
    public static SettingType<StripeKey> stripeKey() {
        return new Simple<>("sk_test_, sk_live_, rk_test_ or rk_live_ key", (t, where) -> StripeKey.parse(t),
                StripeKey::toString, true) {
            @Override
            public String redacted(StripeKey value) {
                return value.toString();
            }
        };
    }

    /** An absolute http(s) URL of a page; Stripe's {@code {CHECKOUT_SESSION_ID}} placeholder is allowed. */
    public static SettingType<String> pageUrl() {
        return new Simple<>("absolute http(s) URL; may contain {CHECKOUT_SESSION_ID}",
                (t, where) -> webUrl(t, true), Function.identity(), true);
    }

    /** The base of an API, such as {@code http://localhost:12111}: no user, query or fragment, no trailing slash. */
    public static SettingType<String> apiBase() {
        return new Simple<>("absolute http(s) URL, no user, query or fragment", (t, where) -> webUrl(t, false),
                Function.identity(), true);
    }

    /** A file or folder, relative to the folder ScanTill was started in unless absolute. */
    public static SettingType<Path> path() {
        return new Simple<>("a path", (t, where) -> absolutePath(t), Path::toString, true);
    }

    /**
     * The journal's file: a path naming an existing folder (or ending in a separator) means
     * {@value Settings#JOURNAL_FILE_NAME} inside it; a leading {@code ~/} is the user's home.
     */
    public static SettingType<Path> journalFile() {
        return new Simple<>("a file, or a folder to put journal.db in; ~/ is the home folder",
                SettingTypes::journalFile, Path::toString, true);
    }

    /** Names the till in Stripe metadata, so only characters every system takes. */
    public static SettingType<String> registerId() {
        return new Simple<>("1..40 of A-Z a-z 0-9 . _ -", (text, where) -> {
            String t = text.strip();
            if (!t.matches("[A-Za-z0-9._-]{1,40}")) {
                throw SettingRefusal.of("config.refused.register_id", Texts.abbreviate(t, 60));
            }
            return t;
        }, Function.identity(), true);
    }

    public static SettingType<String> merchantName() {
        return new Simple<>("one line, up to 100 characters", (text, where) -> {
            String t = text.strip();
            if (t.length() > 100 || t.codePoints().anyMatch(Character::isISOControl)) {
                throw SettingRefusal.of("config.refused.merchant_name");
            }
            return t;
        }, Function.identity(), true);
    }

    /** A DNS name or an IP address literal; nothing is resolved while reading the settings. */
    public static SettingType<String> hostName() {
        return new Simple<>("host name or IP address", (text, where) -> {
            String t = text.strip();
            boolean name = t.length() <= 253 && t.matches(
                    "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
            boolean ipv6 = t.contains(":") && t.matches("\\[?[0-9A-Fa-f:.]+]?");
            if (!name && !ipv6) {
                throw SettingRefusal.of("config.refused.host_name", Texts.abbreviate(t, 60));
            }
            return t;
        }, Function.identity(), true);
    }

    /** A language ScanTill speaks, optionally with a region for money and dates: {@code de}, {@code de-CH}. */
    public static SettingType<Locale> language() {
        return new Simple<>("a language tag of " + Languages.shippedList() + ", optionally with a region (de-CH)",
                (t, where) -> Languages.parse(t), Locale::toLanguageTag, true);
    }

    /** {@code auto} (the payment page follows the customer's phone) or a language as {@link #language()}. */
    public static SettingType<CustomerLanguage> customerLanguage() {
        return new Simple<>("auto, or a language as for locale",
                (t, where) -> t.strip().equalsIgnoreCase("auto") ? CustomerLanguage.AUTO
                        : CustomerLanguage.of(Languages.parse(t)),
                CustomerLanguage::toString, true);
    }

    /** {@code auto}, {@code on} or {@code off}: whether Amazon Pay is offered. */
    public static SettingType<AmazonPayChoice> amazonPayChoice() {
        return new Simple<>("auto, on or off", (t, where) -> AmazonPayChoice.parse(t), AmazonPayChoice::written,
                true);
    }

    /** An ISO 4217 code of a currency Stripe presents, written in capitals (e.g. {@code EUR}). */
    public static SettingType<Currency> stripeCurrency() {
        return new Simple<>("an ISO 4217 code Stripe supports, such as EUR", (text, where) -> {
            Optional<Currency> currency = CurrencyFacts.lookup(text);
            if (currency.isEmpty() || !CurrencyFacts.stripePresents(currency.get())) {
                throw SettingRefusal.of("stripe.setting.settlement_currency", Texts.abbreviate(text.strip(), 20));
            }
            return currency.get();
        }, Currency::getCurrencyCode, true);
    }

    /** {@code auto}, {@code off}, {@code window} or a screen number: where the customer display goes. */
    public static SettingType<CustomerDisplayChoice> customerDisplay() {
        return new Simple<>("auto, off, window or a screen number 1.." + CustomerDisplayChoice.MAX_SCREEN,
                (t, where) -> CustomerDisplayChoice.parse(t), CustomerDisplayChoice::toString, true);
    }

    public static SettingType<SandboxBind> sandboxBind() {
        return new Simple<>("loopback, lan or an IP address", (t, where) -> SandboxBind.parse(t),
                SandboxBind::toString, true);
    }

    /**
     * The JDBC URL of the store's PostgreSQL ledger. Credentials belong in their own (secret) settings,
     * so a URL carrying a password is refused: it would show in every summary and log line.
     */
    public static SettingType<String> ledgerUrl() {
        return new Simple<>("jdbc:postgresql://host[:port]/database, without a password", (text, where) -> {
            String t = text.strip();
            if (!t.matches("jdbc:postgresql://[^\\s/?#]+(:[0-9]{1,5})?/[A-Za-z0-9_.-]+(\\?[^\\s#]*)?")) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(t.replaceAll("(?i)password=[^&]*",
                        "password=(hidden)"), 60) + "' is not a PostgreSQL address such as "
                        + "jdbc:postgresql://store-server:5432/scantill");
            }
            if (t.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
                throw new IllegalArgumentException("the ledger address must not carry the password: set "
                        + "store.ledger.password (or SCANTILL_LEDGER_PASSWORD) instead");
            }
            return t;
        }, Function.identity(), true);
    }

    /** A PostgreSQL role name as people write it. */
    public static SettingType<String> ledgerUser() {
        return new Simple<>("1..63 of A-Z a-z 0-9 _ . @ -", (text, where) -> {
            String t = text.strip();
            if (!t.matches("[A-Za-z0-9_.@-]{1,63}")) {
                throw new IllegalArgumentException("the ledger user name must be 1 to 63 letters, digits, '_', '.', "
                        + "'@' or '-'");
            }
            return t;
        }, Function.identity(), true);
    }

    /** A password on one line without spaces, so a pasted line break or a stray word is caught here. */
    public static SettingType<String> ledgerPassword() {
        return new Simple<>("1..200 characters, no spaces", (text, where) -> {
            String t = text.strip();
            if (t.isEmpty() || t.length() > 200 || t.codePoints().anyMatch(c -> Character.isWhitespace(c)
                    || Character.isISOControl(c))) {
                throw new IllegalArgumentException("the ledger password must be 1 to 200 characters without spaces "
                        + "or line breaks");
            }
            return t;
        }, Function.identity(), true);
    }

    /** One of a few words, written in lower case; the first refusal names them all. */
    public static SettingType<String> oneOf(String... words) {
        List<String> choices = List.of(words);
        String allowed = String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
        return new Simple<>(allowed, (text, where) -> {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!choices.contains(t)) {
                throw new IllegalArgumentException("'" + Texts.abbreviate(text.strip(), 60) + "' is not one of "
                        + allowed);
            }
            return t;
        }, Function.identity(), true);
    }

    /** {@code true} or {@code false} (also yes/no, on/off). */
    public static SettingType<Boolean> yesNo() {
        return new Simple<>("true or false", (text, where) -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + Texts.abbreviate(text.strip(), 60)
                    + "' is not true or false");
        }, String::valueOf, true);
    }

    /**
     * Short lines of text for a receipt, e.g. an address: lines separated by {@code ;} (or a newline, written
     * {@code \n} in a properties file), each at most {@code maxChars} long; stored with newlines.
     */
    public static SettingType<String> textLines(int maxLines, int maxChars) {
        String allowed = "up to " + maxLines + " lines of up to " + maxChars + " characters, separated by ;";
        return new Simple<>(allowed, (text, where) -> {
            List<String> lines = java.util.Arrays.stream(text.split(";|\\R")).map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty() || lines.size() > maxLines
                    || lines.stream().anyMatch(l -> l.length() > maxChars || l.codePoints().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("expected " + allowed);
            }
            return String.join("\n", lines);
        }, v -> v.replace("\n", "; "), true);
    }

    /** One line of text up to {@code maxChars} characters. */
    public static SettingType<String> oneLine(int maxChars) {
        return new Simple<>("one line, up to " + maxChars + " characters", (text, where) -> {
            String t = text.strip();
            if (t.isEmpty() || t.length() > maxChars || t.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("expected one line of up to " + maxChars + " characters");
            }
            return t;
        }, Function.identity(), true);
    }

    /** A salted hash of the manager PIN as {@link ManagerPin#hash} writes it; the PIN itself is never stored. */
    public static SettingType<ManagerPin> managerPin() {
        return pinHash("--set-manager-pin");
    }

    /** A salted hash of a PIN as {@link ManagerPin#hash} writes it, set with the command-line word {@code option}. */
    public static SettingType<ManagerPin> pinHash(String option) {
        return new Simple<>("a PIN hash written by " + option, (text, where) -> ManagerPin.parse(text.strip()),
                ManagerPin::stored, true);
    }

    /** True when {@code url}'s host is this computer; names other than {@code localhost} are not resolved. */
    static boolean isLoopback(String url) {
        String host = URI.create(url).getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static int number(String text, int min, int max, String meaning) {
        String t = text.strip().replace("_", "");
        if (!t.matches("[+-]?\\d{1,10}")) {
            throw SettingRefusal.of("config.refused.not_a_number", Texts.abbreviate(text.strip(), 60), min, max,
                    Message.of(meaning));
        }
        long n = Long.parseLong(t);
        if (n < min || n > max) {
            throw SettingRefusal.of("config.refused.out_of_range", n, min, max, Message.of(meaning));
        }
        return (int) n;
    }

    private static Path absolutePath(String text) {
        return parsePath(text.strip()).toAbsolutePath().normalize();
    }

    private static Path journalFile(String text, UserEnvironment where) {
        String t = text.strip();
        Path p = t.equals("~") ? where.home()
                : t.startsWith("~/") ? where.home().resolve(t.substring(2))
                : parsePath(t);
        boolean folder = t.endsWith("/") || t.endsWith("\\") || Files.isDirectory(p);
        return (folder ? p.resolve(Settings.JOURNAL_FILE_NAME) : p).toAbsolutePath().normalize();
    }

    private static Path parsePath(String t) {
        try {
            if (!t.isEmpty()) {
                return Path.of(t);
            }
        } catch (InvalidPathException e) {
            // the sentence below says it
        }
        throw SettingRefusal.of("config.refused.path", Texts.abbreviate(t, 60));
    }

    /**
     * An absolute http(s) URL. Stripe's placeholder {@code {CHECKOUT_SESSION_ID}} is allowed where
     * {@code placeholder} is true; braces are otherwise illegal in a URI, so it is swapped out
     * before checking. A base ({@code placeholder} false) loses its trailing slashes.
     */
    static String webUrl(String text, boolean placeholder) {
        String t = text.strip();
        String checkable = placeholder ? t.replace("{CHECKOUT_SESSION_ID}", "cs_placeholder") : t;
        URI uri;
        try {
            uri = new URI(checkable);
        } catch (URISyntaxException e) {
            throw SettingRefusal.of("config.refused.url", Texts.abbreviate(t, 60), e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw SettingRefusal.of("config.refused.url_scheme", Texts.abbreviate(t, 60));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw SettingRefusal.of("config.refused.url_host", Texts.abbreviate(t, 60));
        }
        if (!placeholder) {
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw SettingRefusal.of("config.refused.url_base", Texts.abbreviate(t, 60));
            }
            while (t.endsWith("/")) {
                t = t.substring(0, t.length() - 1);
            }
        }
        return t;
    }

    /**
     * A type made of its parts.
     *
     * @param notesFallback false for number ranges, whose refusal already names every allowed value
     */
    private static class Simple<T> implements SettingType<T> {
        private final String allowed;
        private final BiFunction<String, UserEnvironment, T> parser;
        private final Function<T, String> formatter;
        private final boolean notesFallback;

        Simple(String allowed, BiFunction<String, UserEnvironment, T> parser, Function<T, String> formatter,
                boolean notesFallback) {
            this.allowed = allowed;
            this.parser = parser;
            this.formatter = formatter;
            this.notesFallback = notesFallback;
        }

        @Override
        public T parse(String text, UserEnvironment where) {
            return parser.apply(text, where);
        }

        @Override
        public String format(T value) {
            return formatter.apply(value);
        }

        @Override
        public String allowed() {
            return allowed;
        }

        @Override
        public Message fallbackNote(T fallback) {
            return notesFallback ? SettingType.super.fallbackNote(fallback) : null;
        }
    }
}
