package app.scantill.till;

import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.RecoverySummary;
import app.scantill.checkout.StartupRecovery;
import app.scantill.config.AppConfig;
import app.scantill.config.SandboxBind;
import app.scantill.config.Settings;
import app.scantill.config.StripeKey;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.money.MoneyFormat;
import app.scantill.refund.RefundGateway;
import app.scantill.refund.RefundService;
import app.scantill.refund.RefundSettings;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.stripe.StripeCheckoutGateway;
import app.scantill.stripe.StripeConnection;
import app.scantill.stripe.StripeRefundGateway;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private final List<String> problems;
    private final SalesJournal journal;
    private final StripeSandbox sandbox;
    private final CheckoutGateway gateway;
    private final ChargeService charges;
    private final RefundService refunds;
    private final Clock clock;
    private StartupRecovery recovery;

    private TillServices(AppConfig config, Clock clock, List<String> problems, SalesJournal journal, StripeSandbox sandbox,
            CheckoutGateway gateway, ChargeService charges, RefundService refunds) {
        this.refunds = refunds;
        this.config = config;
        this.clock = clock;
        this.problems = List.copyOf(problems);
        this.journal = journal;
        this.sandbox = sandbox;
        this.gateway = gateway;
        this.charges = charges;
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
        List<String> problems = new ArrayList<>();
        config.problems().forEach(p -> problems.add(p.setting() + ": " + p.message()));

        SalesJournal journal = openJournal(config, problems);

        StripeSandbox sandbox = null;
        CheckoutGateway gateway = null;
        RefundGateway refundGateway = null;
        String successUrl = config.successUrl().orElse(null);
        try {
            Optional<StripeConnection> stripe = StripeConnection.fromConfig(config);
            if (stripe.isPresent()) {
                gateway = new StripeCheckoutGateway(stripe.get());
                refundGateway = new StripeRefundGateway(stripe.get());
            } else {
                sandbox = StripeSandbox.start(sandboxOptions(config));
                StripeConnection toSandbox = StripeConnection.toSandbox(
                        sandbox.apiBase(), StripeKey.parse(sandbox.secretKey()), config);
                gateway = new StripeCheckoutGateway(toSandbox);
                refundGateway = new StripeRefundGateway(toSandbox);
                if (successUrl == null) {
                    successUrl = sandbox.defaultSuccessUrl();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "Payment service could not start", e);
            problems.add("Payments are unavailable: " + StripeKey.redactAll(String.valueOf(e.getMessage())));
        }

        if (gateway != null) {
            gateway = decorate.apply(gateway);
        }
        ChargeService charges = null;
        if (journal != null && gateway != null && successUrl != null) {
            ChargeSettings settings = ChargeSettings.defaults(config.registerId(), successUrl,
                            config.cancelUrl().orElse(null))
                    .withSessionLifetime(config.sessionLifetime())
                    .withPolling(config.pollInterval(), max(MAX_POLL_BACKOFF, config.pollInterval()));
            charges = new ChargeService(gateway, journal, settings, clock, new SaleIdGenerator(clock),
                    new CashierMessages(config.stripeKey(), Locale.getDefault()));
        }
        RefundService refunds = null;
        if (journal != null && refundGateway != null) {
            refunds = new RefundService(decorateRefunds.apply(refundGateway), journal,
                    RefundSettings.defaults(config.registerId()), clock, new SaleIdGenerator(clock));
        }
        return new TillServices(config, clock, problems, journal, sandbox, gateway, charges, refunds);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static SalesJournal openJournal(AppConfig config, List<String> problems) {
        try {
            return JdbcSalesJournal.open(config.journalPath());
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Sales journal unusable: " + e.getMessage());
            problems.add(e.getMessage() + " Payments are switched off until the journal can be used.");
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
        return options;
    }

    public AppConfig config() {
        return config;
    }

    /** Sentences for the cashier about what is misconfigured or unavailable; empty when all is well. */
    public List<String> problems() {
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
    public Optional<RecoverySummary> recover(Duration perSale, MoneyFormat money,
            Consumer<RecoverySummary> laterRounds) throws InterruptedException {
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
                recovery = new StartupRecovery(charges, gateway, journal, clock, perSale, money);
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
    }
}
