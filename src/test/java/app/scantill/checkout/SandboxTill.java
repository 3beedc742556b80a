package app.scantill.checkout;

import app.scantill.config.AppConfig;
import app.scantill.config.StripeKey;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.stripe.StripeCheckoutGateway;
import app.scantill.stripe.StripeConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One register wired from the real pieces, as the app wires them: the embedded sandbox on loopback,
 * {@link StripeCheckoutGateway} over stripe-java, a {@link JdbcSalesJournal} file and the
 * {@link ChargeService}, with short poll and retry intervals so a test runs in a second. The flow's
 * clock (and its journal's) follows the sandbox's clock, as a till's clock follows Stripe's, unless a test
 * sets it off ({@link Builder#tillClockOff}).
 */
public final class SandboxTill implements AutoCloseable {

    public static final String REGISTER = "till-7";

    private StripeSandbox sandbox;
    private final JdbcSalesJournal journal;
    private final StripeCheckoutGateway gateway;
    private final ChargeService service;
    private final List<ChargeStatus> statuses = new CopyOnWriteArrayList<>();

    private SandboxTill(StripeSandbox sandbox, Path journalFile, StripeConnection connection,
            ChargeSettings settings, Duration tillClockOff, GatewayErrorMessages messages) {
        this.sandbox = sandbox;
        Clock clock = new SandboxTimeClock(this, tillClockOff);
        // The journal writes the till's time, as the app's does: a wrong till clock is wrong there too.
        this.journal = JdbcSalesJournal.open(journalFile, clock);
        this.gateway = new StripeCheckoutGateway(connection, clock);
        this.service = new ChargeService(gateway, journal, settings, clock, new SaleIdGenerator(clock), messages);
        service.addListener(statuses::add);
    }

    /** A builder with the defaults every test starts from. */
    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    public StripeSandbox sandbox() {
        return sandbox;
    }

    /** Stops the sandbox as a network outage would (the port refuses connections). */
    public void stopSandbox() {
        sandbox.close();
    }

    /** A new sandbox process on the same port and file, as after the network came back. */
    public StripeSandbox restartSandbox(SandboxOptions options) throws IOException {
        sandbox = StripeSandbox.start(options);
        return sandbox;
    }

    public SalesJournal journal() {
        return journal;
    }

    public StripeCheckoutGateway gateway() {
        return gateway;
    }

    public ChargeService service() {
        return service;
    }

    /** Every status the flow published, oldest first. */
    public List<ChargeStatus> statuses() {
        return List.copyOf(statuses);
    }

    public boolean saw(ChargeStatus.Phase phase) {
        return statuses.stream().anyMatch(s -> s.phase() == phase);
    }

    public ChargeStatus await(Predicate<ChargeStatus> condition) throws InterruptedException {
        return service.await(condition, Duration.ofSeconds(10));
    }

    public ChargeStatus awaitPhase(ChargeStatus.Phase phase) throws InterruptedException {
        return await(s -> s.phase() == phase);
    }

    public Sale sale(String saleId) {
        return journal.find(saleId).orElseThrow();
    }

    /** The create requests the sandbox received. */
    public List<RecordedRequest> creates() {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests()) {
            if (r.method().equals("POST") && r.path().equals("/v1/checkout/sessions")) {
                out.add(r);
            }
        }
        return out;
    }

    /** The requests of one method whose path matches the pattern. */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
                .toList();
    }

    @Override
    public void close() {
        service.shutdown();
        sandbox.close();
        journal.close();
    }

    /**
     * A clock reading the current sandbox's time (so sandbox clock moves reach the flow too), set off from
     * it by a fixed amount for a till whose clock is wrong.
     */
    private static final class SandboxTimeClock extends Clock {
        private final SandboxTill till;
        private final Duration off;

        SandboxTimeClock(SandboxTill till, Duration off) {
            this.till = till;
            this.off = off;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return till.sandbox.clock().now().plus(off);
        }
    }

    public static final class Builder {
        private final Path dir;
        private SandboxOptions options = SandboxOptions.inMemory();
        private Duration readTimeout = Duration.ofSeconds(5);
        private int sdkRetries;
        private int createTries = 4;
        private Duration pollInterval = Duration.ofMillis(50);
        private Duration maxPollBackoff = Duration.ofMillis(400);
        private Duration tillClockOff = Duration.ZERO;
        private UnaryOperator<ChargeSettings> settingsChange = UnaryOperator.identity();
        private GatewayErrorMessages messages = GatewayErrorMessages.byKind();

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** A till whose clock is {@code off} from Stripe's (the sandbox's): ahead when positive. */
        public Builder tillClockOff(Duration off) {
            this.tillClockOff = off;
            return this;
        }

        /** Changes the register's settings (lifetime, Amazon Pay, settlement currency) from the test defaults. */
        public Builder settings(UnaryOperator<ChargeSettings> change) {
            this.settingsChange = change;
            return this;
        }

        /** How Stripe's refusals are worded for the cashier (the app's {@code CashierMessages}, say). */
        public Builder messages(GatewayErrorMessages wording) {
            this.messages = wording;
            return this;
        }

        public Builder sandbox(SandboxOptions sandboxOptions) {
            this.options = sandboxOptions;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** stripe-java's own retries; 0 by default so the flow's retries are what a test sees. */
        public Builder sdkRetries(int retries) {
            this.sdkRetries = retries;
            return this;
        }

        public Builder createTries(int tries) {
            this.createTries = tries;
            return this;
        }

        public Builder polling(Duration interval, Duration maxBackoff) {
            this.pollInterval = interval;
            this.maxPollBackoff = maxBackoff;
            return this;
        }

        public SandboxTill start() throws IOException {
            StripeSandbox sandbox = StripeSandbox.start(options);
            AppConfig config = AppConfig.load(List.of(), Map.of(), dir.resolve("home"));
            StripeConnection connection = StripeConnection.toSandbox(sandbox.apiBase(),
                            StripeKey.parse(sandbox.secretKey()), config)
                    .withTimeouts(Duration.ofSeconds(2), readTimeout)
                    .withMaxNetworkRetries(sdkRetries);
            ChargeSettings settings = ChargeSettings.defaults(REGISTER, sandbox.defaultSuccessUrl(),
                            sandbox.publicBase() + "/c/cancelled")
                    .withPolling(pollInterval, maxPollBackoff)
                    .withCreateRetries(createTries, Duration.ofMillis(50));
            return new SandboxTill(sandbox, dir.resolve("journal.db"), connection, settingsChange.apply(settings),
                    tillClockOff, messages);
        }
    }
}
