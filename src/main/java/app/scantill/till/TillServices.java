package app.scantill.till;

import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutLocale;
import app.scantill.checkout.RecoverySummary;
import app.scantill.checkout.StartupRecovery;
import app.scantill.config.AppConfig;
import app.scantill.config.SandboxBind;
import app.scantill.config.Settings;
import app.scantill.config.StripeKey;
import app.scantill.config.StripeTaxRates;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalException;
import app.scantill.journal.JournalLock;
import app.scantill.journal.RefundRecords;
import app.scantill.journal.RegisterInUseException;
import app.scantill.journal.SaleRecords;
import app.scantill.journal.SalesJournal;
import app.scantill.refund.RefundGateway;
import app.scantill.refund.RefundService;
import app.scantill.refund.RefundSettings;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.stripe.StripeCheckoutGateway;
import app.scantill.stripe.StripeConnection;
import app.scantill.stripe.StripeEventsGateway;
import app.scantill.stripe.StripeRefundGateway;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The till without its window: configuration, the sales journal, the Checkout gateway (Stripe, or
 * the embedded sandbox when no key is configured) and the charge flow, built once and closed once.
 * The JavaFX application and the headless core used by the crash tests both start from here.
 *
 * <p>Nothing here throws for a bad environment: every problem becomes a sentence in
 * {@link #problems()}, and a till whose journal cannot be opened runs without taking payments.
 */
public final class TillServices implements AutoCloseable {

    private static final Logger LOG = System.getLogger(TillServices.class.getName());

    /** The longest wait between two status requests while Stripe cannot be reached. */
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(30);

    private final AppConfig config;
    private final List<Message> problems;
    private final SalesJournal journal;
    private final StripeSandbox sandbox;
    private final CheckoutGateway gateway;
    private final ChargeService charges;
    private final RefundService refunds;
    private final Clock clock;
    private final JournalLock lock;
    /** Null unless store.ledger.url is set: without it no class of the ledger is ever loaded. */
    private final StoreLink store;
    private StartupRecovery recovery;

    private TillServices(AppConfig config, Clock clock, List<Message> problems, JournalLock lock, SalesJournal journal,
            StripeSandbox sandbox, CheckoutGateway gateway, ChargeService charges, StoreLink store,
            RefundService refunds) {
        this.refunds = refunds;
        this.config = config;
        this.clock = clock;
        this.problems = List.copyOf(problems);
        this.lock = lock;
        this.journal = journal;
        this.sandbox = sandbox;
        this.gateway = gateway;
        this.charges = charges;
        this.store = store;
    }

    /** Builds every service the configuration asks for; never throws for a bad environment. */
    public static TillServices start(AppConfig config, Clock clock) {
        return start(config, clock, UnaryOperator.identity());
    }

    /**
     * As {@link #start(AppConfig, Clock)}, with the Checkout gateway passed through {@code decorate}
     * before the charge flow gets it, e.g. by the crash tests' till, which holds a call at a chosen moment.
     */
    public static TillServices start(AppConfig config, Clock clock, UnaryOperator<CheckoutGateway> decorate) {
        return start(config, clock, decorate, UnaryOperator.identity());
    }

    /**
     * As {@link #start(AppConfig, Clock, UnaryOperator)}, with the refund gateway passed through
     * {@code decorateRefunds} too (the crash tests hold a refund between its journal entry and Stripe).
     */
    public static TillServices start(AppConfig config, Clock clock, UnaryOperator<CheckoutGateway> decorate,
            UnaryOperator<RefundGateway> decorateRefunds) {
        List<Message> problems = new ArrayList<>();
        config.problems().forEach(p -> problems.add(Message.of("setup.config_problem", p.setting(), p.message())));

        boolean inStore = config.get(Settings.LEDGER_URL).isPresent();
        JournalLock lock = lockJournal(config, problems);
        JdbcSalesJournal journal = lock == null ? null : openJournal(config, clock, problems, inStore);

        StripeSandbox sandbox = null;
        CheckoutGateway gateway = null;
        StripeConnection connection = null;
        CheckoutGateway undecorated = null;
        String successUrl = config.successUrl().orElse(null);
        try {
            Optional<StripeConnection> stripe = StripeConnection.fromConfig(config);
            if (stripe.isPresent()) {
                connection = stripe.get();
            } else {
                sandbox = StripeSandbox.start(sandboxOptions(config));
                connection = StripeConnection.toSandbox(sandbox.apiBase(), StripeKey.parse(sandbox.secretKey()), config);
                if (successUrl == null) {
                    successUrl = sandbox.defaultSuccessUrl();
                }
            }
            gateway = new StripeCheckoutGateway(connection, clock);
            undecorated = gateway;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "Payment service could not start", e);
            problems.add(Message.of("setup.payments_unavailable", StripeKey.redactAll(String.valueOf(e.getMessage()))));
        }

        if (gateway != null) {
            gateway = decorate.apply(gateway);
        }
        StoreLink store = null;
        if (inStore && journal != null) {
            try {
                // The watcher only reads sessions: it takes the gateway as it is, not as decorated for tests.
                store = StoreLink.join(config, journal, journal.outbox().orElseThrow(), undecorated,
                        connection == null ? null : new StripeEventsGateway(connection), clock,
                        away -> problems.add(Message.of("store.ledger_unreachable", away)));
            } catch (RegisterInUseException held) {
                LOG.log(Level.ERROR, held.getMessage());
                problems.add(refusal(held));
                journal.close();
                journal = null;
            }
        }
        ChargeService charges = null;
        if (journal != null && gateway != null && successUrl != null) {
            ChargeSettings settings = ChargeSettings.defaults(config.registerId(), successUrl,
                            config.cancelUrl().orElse(null))
                    .withSessionLifetime(config.sessionLifetime())
                    .withPolling(config.pollInterval(), max(MAX_POLL_BACKOFF, config.pollInterval()))
                    .withFallbackPoll(config.get(Settings.FALLBACK_POLL_INTERVAL))
                    .withAmazonPay(config.get(Settings.AMAZON_PAY))
                    .withSettlementCurrency(config.get(Settings.SETTLEMENT_CURRENCY))
                    .withCheckoutLocale(CheckoutLocale.of(config.get(Settings.CUSTOMER_LOCALE)))
                    .withStripeTaxRates(config.get(Settings.TAX_STRIPE_RATES));
            charges = new ChargeService(gateway, journal, settings, clock, new SaleIdGenerator(clock),
                    new CashierMessages(config.stripeKey(), config.get(Settings.SETTLEMENT_CURRENCY)));
            if (store != null) {
                store.attach(charges);
            }
        }
        RefundService refunds = null;
        if (journal != null && connection != null && gateway != null) {
            refunds = new RefundService(decorateRefunds.apply(new StripeRefundGateway(connection)), journal,
                    store == null ? null : store.reservations(), RefundSettings.defaults(config.registerId()), clock,
                    new SaleIdGenerator(clock));
        }
        return new TillServices(config, clock, problems, lock, journal, sandbox, gateway, charges, store, refunds);
    }

    /** The journal is one till's: a second process on it is refused, naming the register and machine. */
    private static JournalLock lockJournal(AppConfig config, List<Message> problems) {
        try {
            return JournalLock.acquire(config.journalPath(), config.registerId());
        } catch (RegisterInUseException held) {
            LOG.log(Level.ERROR, held.getMessage());
            problems.add(refusal(held));
            return null;
        } catch (JournalException e) {
            LOG.log(Level.ERROR, e.getMessage());
            problems.add(Message.of("setup.journal_unusable", String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** The refusal of a register held elsewhere, for the person at this till. */
    private static Message refusal(RegisterInUseException held) {
        Object since = held.since() == null ? "?" : held.since();
        return held.journal() == null
                ? Message.of("store.register_in_use.ledger", held.registerId(), held.machine(), held.process(), since)
                : Message.of("store.register_in_use.journal", held.registerId(), held.machine(), held.process(), since,
                        held.journal().toString());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The journal writes the till's time, the one the charge flow and its clock-skew correction read. */
    private static JdbcSalesJournal openJournal(AppConfig config, Clock clock, List<Message> problems,
            boolean keepOutbox) {
        try {
            return JdbcSalesJournal.open(config.journalPath(), clock, JdbcSalesJournal.DEFAULT_BUSY_TIMEOUT,
                    keepOutbox);
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Sales journal unusable: " + e.getMessage());
            problems.add(Message.of("setup.journal_unusable", String.valueOf(e.getMessage())));
            return null;
        }
    }

    private static SandboxOptions sandboxOptions(AppConfig config) {
        SandboxOptions options = SandboxOptions.persistentAt(config.dataDir().resolve("sandbox.json"))
                .withMerchantName(config.merchantName());
        SandboxBind bind = config.sandboxBind();
        switch (bind.kind()) {
            case LAN -> options = options.onLan();
            case ADDRESS -> options = options.withBindAddress(bind.address())
                    .withAdvertisedHost(bind.address().getHostAddress());
            case LOOPBACK -> { }
        }
        if (config.sandboxPublicHost().isPresent()) {
            options = options.withAdvertisedHost(config.sandboxPublicHost().get());
        }
        // The sandbox plays the owner's account: the Stripe tax rates the settings map are its inclusive rates.
        return options.withAccount(options.account().withInclusiveTaxRates(config.get(Settings.TAX_STRIPE_RATES)
                .map(StripeTaxRates::basisPointsById).orElse(Map.of())));
    }

    public AppConfig config() {
        return config;
    }

    /** Sentences for the cashier about what is misconfigured or unavailable; empty when all is well. */
    public List<Message> problems() {
        return problems;
    }

    /** Empty when payments cannot be taken (no journal, no gateway, no success URL). */
    public Optional<ChargeService> charges() {
        return Optional.ofNullable(charges);
    }

    /** Empty when refunds cannot be made (no journal or no gateway); {@link #refundsAllowed()} says whether they may. */
    public Optional<RefundService> refunds() {
        return Optional.ofNullable(refunds);
    }

    /** Refunds are off in kiosk mode (customers serve themselves). */
    public boolean refundsAllowed() {
        return refunds != null && !"kiosk".equals(config.get(Settings.MODE));
    }

    public Optional<SalesJournal> journal() {
        return Optional.ofNullable(journal);
    }

    /**
     * The sales History and the end-of-day report read: the whole store's from the ledger when one is
     * configured and connected, else this till's journal.
     */
    public Optional<SaleRecords> records() {
        if (store != null) {
            Optional<SaleRecords> storeWide = store.sales();
            if (storeWide.isPresent()) {
                return storeWide;
            }
        }
        return Optional.ofNullable(journal);
    }

    /**
     * The refunds History, the refund window, receipts and the report read: every register's from the store ledger
     * while it is connected, with this till's own from its journal over them; this till's alone otherwise. Empty
     * without a journal.
     */
    public Optional<RefundRecords> refundRecords() {
        if (journal == null) {
            return Optional.empty();
        }
        StoreLink s = store;
        return Optional.of(new StoreWideRefunds(journal, () -> s == null ? Optional.empty() : s.refunds()));
    }

    /**
     * A sale as this till's journal holds it, or else (another register's) as the store ledger does; empty when
     * neither knows it, or the ledger cannot be asked.
     */
    public Optional<Sale> findSale(String saleId) {
        Optional<Sale> own = journal == null ? Optional.empty() : journal.find(saleId);
        if (own.isPresent() || store == null) {
            return own;
        }
        try {
            return store.sales().flatMap(s -> s.find(saleId));
        } catch (JournalException away) {
            LOG.log(Level.DEBUG, "Sale " + saleId + " cannot be read from the store ledger: " + away.getMessage());
            return Optional.empty();
        }
    }

    /** Whether History reads the whole store's sales (a ledger is configured and connected). */
    public boolean storeWide() {
        return store != null && store.sales().isPresent();
    }

    /** This till's sales the store ledger does not hold yet; empty without a ledger. */
    public Set<String> notYetInLedger() {
        return store == null ? Set.of() : store.notYetInLedger();
    }

    /** How the store's Stripe watcher is doing, as this till sees it; empty without a ledger. */
    public Optional<String> storeWatch() {
        return store == null ? Optional.empty() : Optional.of(store.watch().name());
    }

    /** Tells {@code listener} (on a background thread) each time the store's watcher changes state. */
    public void onStoreWatch(Consumer<String> listener) {
        if (store != null) {
            store.addWatchListener(w -> listener.accept(w.name()));
        }
    }

    public Optional<StripeSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    public Optional<CheckoutGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /**
     * Reconciles the sales the journal holds unfinished (start-up recovery) and returns what
     * happened; blocks, so never on the JavaFX thread. Sales Stripe could not be asked about are
     * retried in the background, each round reported to {@code laterRounds}. Empty when payments
     * cannot be taken.
     */
    public Optional<RecoverySummary> recover(Duration perSale, Consumer<RecoverySummary> laterRounds)
            throws InterruptedException {
        if (refunds != null) {
            // Refunds journaled but unanswered, or pending at Stripe, are taken up again; they settle on their own.
            refunds.resumeUnfinished();
        }
        if (charges == null) {
            return Optional.empty();
        }
        StartupRecovery started;
        synchronized (this) {
            if (recovery == null) {
                recovery = new StartupRecovery(charges, gateway, journal, clock, perSale);
            }
            started = recovery;
        }
        RecoverySummary summary = started.run();
        if (!started.unresolved().isEmpty()) {
            started.retryInBackground(laterRounds);
        }
        return Optional.of(summary);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (recovery != null) {
                recovery.close();
            }
        }
        if (store != null) {
            store.close();
        }
        if (charges != null) {
            charges.shutdown();
        }
        if (refunds != null) {
            refunds.shutdown();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
