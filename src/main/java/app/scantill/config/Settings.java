package app.scantill.config;

import app.scantill.i18n.Message;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting ScanTill reads, declared once: name, environment variable, short command-line name,
 * type with its allowed range, default, and whether it is secret. {@link AppConfig} reads them all
 * through this table, and docs/configuration.md must agree with it ({@code ConfigurationDocTest}).
 *
 * <p>To add a setting: declare it here with {@link #declare}, after any setting its default reads,
 * and add its line to the settings table of docs/configuration.md. Read it with
 * {@code config.get(Settings.X)}. Why a table of typed constants:
 * docs/adr/0031-settings-declared-once-in-one-table.md.
 */
public final class Settings {

    /** The journal's file name inside {@link #DATA_DIR}, or inside a folder given as {@link #JOURNAL_PATH}. */
    public static final String JOURNAL_FILE_NAME = "journal.db";

    // Filled by declare() in declaration order, which is also the order defaults are computed in.
    private static final List<Setting<?>> DECLARED = new ArrayList<>();

    public static final Setting<Optional<StripeKey>> STRIPE_SECRET_KEY = declare(
            Setting.optional("stripe.secret_key", SettingTypes.stripeKey())
                    .withEnvironmentVariable("STRIPE_SECRET_KEY")
                    .secret("a Stripe key")
                    .whenRefused(Message.of("config.note.sandbox_until_key_fixed")));

    /** Another Stripe-compatible server (stripe-mock); none means Stripe's own. Used only with a key. */
    public static final Setting<Optional<String>> STRIPE_API_BASE = declare(
            Setting.optional("stripe.api_base", SettingTypes.apiBase())
                    .withEnvironmentVariable("STRIPE_API_BASE"));

    public static final Setting<Duration> STRIPE_CONNECT_TIMEOUT = declare(
            Setting.of("stripe.connect_timeout_ms",
                    SettingTypes.millis(100, 120_000, "config.meaning.connect_timeout"),
                    Duration.ofSeconds(10)));

    public static final Setting<Duration> STRIPE_READ_TIMEOUT = declare(
            Setting.of("stripe.read_timeout_ms",
                    SettingTypes.millis(100, 300_000, "config.meaning.read_timeout"),
                    Duration.ofSeconds(30)));

    public static final Setting<Integer> STRIPE_MAX_NETWORK_RETRIES = declare(
            Setting.of("stripe.max_network_retries",
                    SettingTypes.wholeNumber(0, 10, "config.meaning.network_retries"), 2));

    public static final Setting<Optional<String>> SUCCESS_URL = declare(
            Setting.optional("checkout.success_url", SettingTypes.pageUrl()));

    public static final Setting<Optional<String>> CANCEL_URL = declare(
            Setting.optional("checkout.cancel_url", SettingTypes.pageUrl()));

    public static final Setting<Duration> SESSION_LIFETIME = declare(
            Setting.of("checkout.session_lifetime_minutes", SettingTypes.minutes(30, 1440,
                    "config.meaning.session_lifetime"),
                    Duration.ofMinutes(30)));

    /** Whether Amazon Pay is offered; {@code auto} stops offering it once Stripe refuses it for the account. */
    public static final Setting<AmazonPayChoice> AMAZON_PAY = declare(
            Setting.of("payments.amazon_pay", SettingTypes.amazonPayChoice(), AmazonPayChoice.AUTO));

    /**
     * The currency the Stripe account settles in: Stripe checks its minimum charge after converting to it.
     * None: each charge is taken to settle in its own currency.
     */
    public static final Setting<Optional<Currency>> SETTLEMENT_CURRENCY = declare(
            Setting.optional("account.settlement_currency", SettingTypes.stripeCurrency()));

    public static final Setting<Duration> POLL_INTERVAL = declare(
            Setting.of("poll.interval_ms", SettingTypes.millis(250, 60_000, "config.meaning.poll_interval"),
                    Duration.ofSeconds(1)));

    public static final Setting<String> REGISTER_ID = declare(
            Setting.of("register.id", SettingTypes.registerId(), "register-1"));

    public static final Setting<String> MERCHANT_NAME = declare(
            Setting.of("merchant.name", SettingTypes.merchantName(), "ScanTill"));

    /** The cashier's language: every screen of the till, money and dates included. */
    public static final Setting<Locale> LOCALE = declare(
            Setting.derived("locale", SettingTypes.language(),
                    (earlier, where) -> Languages.machineDefault(Locale.getDefault()),
                    "the computer's language if ScanTill speaks it, else en"));

    /** The customer's language: the customer's screens and Stripe's payment page (Checkout's locale). */
    public static final Setting<CustomerLanguage> CUSTOMER_LOCALE = declare(
            Setting.derived("locale.customer", SettingTypes.customerLanguage(),
                    (earlier, where) -> CustomerLanguage.of(earlier.get(LOCALE)), "as locale"));

    /** The shop's address on receipts: lines separated by {@code ;}. The shop's name is {@link #MERCHANT_NAME}. */
    public static final Setting<Optional<String>> SHOP_ADDRESS = declare(
            Setting.optional("shop.address", SettingTypes.textLines(4, 60)));

    /** The shop's tax (VAT) number on receipts. */
    public static final Setting<Optional<String>> SHOP_TAX_ID = declare(
            Setting.optional("shop.tax_id", SettingTypes.oneLine(40)));

    /** The tax rate included in the price of a product whose catalog row gives none (docs/taxes.md). */
    public static final Setting<TaxRate> TAX_DEFAULT_RATE = declare(
            Setting.of("tax.default_rate", TaxSettingTypes.taxRate(), TaxRate.ZERO));

    /** Where the tax included in prices is rounded: on each line, or once per rate of a receipt (ADR 0175). */
    public static final Setting<TaxRounding> TAX_ROUNDING = declare(
            Setting.of("tax.rounding", TaxSettingTypes.taxRounding(), TaxRounding.PER_LINE));

    /** The owner's Stripe tax rate ids for the till's rates, sent as a Checkout line's tax_rates; none: none sent. */
    public static final Setting<Optional<StripeTaxRates>> TAX_STRIPE_RATES = declare(
            Setting.optional("tax.stripe_rates", TaxSettingTypes.stripeTaxRates()));

    /** The receipt layout: a 58 mm or 80 mm roll, or an A4 page. */
    public static final Setting<String> RECEIPT_PAPER = declare(
            Setting.of("receipt.paper", SettingTypes.oneOf("58mm", "80mm", "a4"), "80mm"));

    /** Print a receipt on the default printer as soon as a sale is paid. */
    public static final Setting<Boolean> RECEIPT_PRINT_ON_PAID = declare(
            Setting.of("receipt.print_on_paid", SettingTypes.yesNo(), false));

    /** The salted hash of the manager PIN asked before a refund; none means no PIN is asked. */
    public static final Setting<Optional<ManagerPin>> MANAGER_PIN = declare(
            Setting.optional("manager.pin_hash", SettingTypes.managerPin())
                    .secret("the manager PIN's hash"));

    /**
     * A discount taking more than this whole percentage of its line or cart asks for the manager PIN (when one is
     * set); 100: never asked, 0: asked for every discount.
     */
    public static final Setting<Integer> DISCOUNT_PIN_ABOVE_PERCENT = declare(
            Setting.of("discount.pin_above_percent", SettingTypes.wholeNumber(0, 100,
                    "config.meaning.discount_pin_above"), 20));

    /** {@code till} (a cashier serves) or {@code kiosk} (customers serve themselves: no refunds). */
    public static final Setting<String> MODE = declare(
            Setting.of("till.mode", SettingTypes.oneOf("till", "kiosk"), "till"));
    /**
     * Where the customer display goes: a second screen when one is attached ({@code auto}), none, a chosen
     * screen, or an ordinary window (a demo without a second screen). Kiosk mode has no second display.
     */
    public static final Setting<CustomerDisplayChoice> CUSTOMER_DISPLAY = declare(
            Setting.of("display.customer", SettingTypes.customerDisplay(), CustomerDisplayChoice.AUTO));

    /** The shop's logo (PNG, JPEG or GIF) on the customer's screens between sales; the name is merchant.name. */
    public static final Setting<Optional<Path>> SHOP_LOGO = declare(
            Setting.optional("shop.logo", SettingTypes.path()));

    /** Kiosk mode: how long without a touch, a key or a scan before the kiosk asks "Still there?". */
    public static final Setting<Duration> KIOSK_IDLE = declare(
            Setting.of("kiosk.idle_seconds", SettingTypes.seconds(15, 3600, "config.meaning.kiosk_idle"),
                    Duration.ofSeconds(90)));

    /** The salted hash of the kiosk PIN, asked before kiosk mode can be left; none: it cannot be left on screen. */
    public static final Setting<Optional<ManagerPin>> KIOSK_PIN = declare(
            Setting.optional("kiosk.pin_hash", SettingTypes.pinHash("--set-kiosk-pin"))
                    .secret("the kiosk PIN's hash"));

    public static final Setting<SandboxBind> SANDBOX_BIND = declare(
            Setting.of("sandbox.bind", SettingTypes.sandboxBind(), SandboxBind.LOOPBACK));

    /** The host name or address phones should use for the sandbox pay page. */
    public static final Setting<Optional<String>> SANDBOX_PUBLIC_HOST = declare(
            Setting.optional("sandbox.public_host", SettingTypes.hostName()));

    public static final Setting<Path> DATA_DIR = declare(
            Setting.derived("data.dir", SettingTypes.path(),
                    (earlier, where) -> DataFolder.defaultFor(where.variables(), where.home(), where.osName()),
                    "per-user data folder")
                    .withEnvironmentVariable("SCANTILL_DATA_DIR"));

    public static final Setting<Path> JOURNAL_PATH = declare(
            Setting.derived("journal.path", SettingTypes.journalFile(),
                    (earlier, where) -> earlier.get(DATA_DIR).resolve(JOURNAL_FILE_NAME),
                    JOURNAL_FILE_NAME + " in data.dir")
                    .withEnvironmentVariable("SCANTILL_JOURNAL")
                    .withAlias("journal"));

    public static final Setting<Optional<Path>> CATALOG_PATH = declare(
            Setting.optional("catalog.path", SettingTypes.path())
                    .withEnvironmentVariable("SCANTILL_CATALOG")
                    .withAlias("catalog"));

    /**
     * The store's shared PostgreSQL ledger, e.g. {@code jdbc:postgresql://store-server:5432/scantill};
     * none means this till keeps its books alone. See README "Running a store" and docs/adr/0100.
     */
    public static final Setting<Optional<String>> LEDGER_URL = declare(
            Setting.optional("store.ledger.url", SettingTypes.ledgerUrl())
                    .withEnvironmentVariable("SCANTILL_LEDGER_URL"));

    public static final Setting<Optional<String>> LEDGER_USER = declare(
            Setting.optional("store.ledger.user", SettingTypes.ledgerUser())
                    .withEnvironmentVariable("SCANTILL_LEDGER_USER")
                    .secret("the store ledger's user name"));

    public static final Setting<Optional<String>> LEDGER_PASSWORD = declare(
            Setting.optional("store.ledger.password", SettingTypes.ledgerPassword())
                    .withEnvironmentVariable("SCANTILL_LEDGER_PASSWORD")
                    .secret("the store ledger's password"));

    /** How often the store's one watcher lists Stripe's events (about twice a second for the whole store). */
    public static final Setting<Duration> EVENTS_POLL_INTERVAL = declare(
            Setting.of("store.events_poll_ms", SettingTypes.millis(250, 10_000,
                    "milliseconds between two listings of Stripe's events by the store's watcher"),
                    Duration.ofMillis(500)));

    /** How often a till checks its own open payment while the store's watcher reports for it. */
    public static final Setting<Duration> FALLBACK_POLL_INTERVAL = declare(
            Setting.of("store.fallback_poll_ms", SettingTypes.millis(1_000, 300_000,
                    "milliseconds between a till's own checks of a payment while the store's watcher is alive"),
                    Duration.ofSeconds(20)));

    private Settings() {
    }

    /** Every setting, in declaration order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(DECLARED);
    }

    /** The setting of that name, as the config file writes it. */
    public static Optional<Setting<?>> byName(String name) {
        return DECLARED.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The setting a command-line option names, by full name or alias. */
    public static Optional<Setting<?>> byOption(String option) {
        return byName(option).or(() -> DECLARED.stream().filter(s -> s.aliases().contains(option)).findFirst());
    }

    private static <T> Setting<T> declare(Setting<T> setting) {
        DECLARED.add(setting);
        return setting;
    }
}
