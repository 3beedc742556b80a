package app.scantill.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded, Stripe-compatible Checkout server with a hosted test pay page. The real stripe-java
 * client talks to it through {@code StripeClient.builder().setApiKey(secretKey()).setApiBase(apiBase())}.
 *
 * <p>Serves {@code POST/GET /v1/checkout/sessions}, {@code GET /v1/checkout/sessions/{id}},
 * {@code POST /v1/checkout/sessions/{id}/expire}, {@code GET /v1/checkout/sessions/{id}/line_items}
 * {@code GET /v1/payment_intents/{id}}, {@code GET /v1/events} (events are made as sessions complete,
 * expire or settle), {@code POST/GET /v1/refunds}, {@code GET /v1/refunds/{id}} and {@code GET /v1/charges/{id}};
 * the pay page lives at {@code /c/pay/{id}}, a charge's receipt at {@code /c/receipt/{token}}. Requests run on
 * a thread pool, so a slow one never holds up another. Thread-safe.
 *
 * <pre>{@code
 * try (StripeSandbox sandbox = StripeSandbox.start(SandboxOptions.inMemory())) {
 *     StripeClient stripe = StripeClient.builder().setApiKey(sandbox.secretKey())
 *             .setApiBase(sandbox.apiBase()).build();
 *     ...
 *     sandbox.pay(sessionId, "amazon_pay");
 * }
 * }</pre>
 */
public final class StripeSandbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StripeSandbox.class.getName());

    /**
     * How long one request may take to arrive in full (request line, headers and body) before the
     * connection is closed. On the LAN anyone can open a connection and send half a request
     * (slowloris); without a limit each one would hold a thread forever. Stripe's own calls and the
     * pay-page form are a few hundred bytes. Delay faults longer than this are cut off too.
     */
    public static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(10);
    /** How long a connection may stay open without a request, before its first one or between two. */
    public static final Duration MAX_IDLE_TIME = Duration.ofSeconds(10);
    /** How long sending one response may take before the connection is closed. */
    public static final Duration MAX_RESPONSE_TIME = Duration.ofSeconds(30);

    static {
        // The JDK's HttpServer reads these once, when its first server starts; an explicit setting wins.
        setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_TIME.toSeconds());
        setIfAbsent("sun.net.httpserver.maxRspTime", MAX_RESPONSE_TIME.toSeconds());
        setIfAbsent("sun.net.httpserver.idleInterval", MAX_IDLE_TIME.toSeconds());
    }

    private static void setIfAbsent(String property, long seconds) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Long.toString(seconds));
        }
    }

    private final SandboxOptions options;
    private final SandboxStore store;
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxPermissions permissions = new SandboxPermissions();
    private final RecordedRequests requests;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiBase;
    private final String publicBase;

    private StripeSandbox(SandboxOptions options) throws IOException {
        this.options = options;
        options.withheldPermissions().forEach(permissions::withhold);
        this.store = new SandboxStore(options.clock(), options.fileOption().map(SandboxFile::new).orElse(null),
                options.secretKey());
        store.useAccount(options.account());
        this.server = bind(options, store.lastPort());
        int port = server.getAddress().getPort();
        InetAddress bound = options.bindAddress();
        String apiHost = bound.isAnyLocalAddress() ? "127.0.0.1" : literal(bound);
        this.apiBase = "http://" + apiHost + ":" + port;
        String advertised = options.advertisedHost() != null ? hostForUrl(options.advertisedHost())
                : bound.isAnyLocalAddress()
                        ? SandboxOptions.detectLanAddress().map(StripeSandbox::literal).orElse("127.0.0.1")
                        : literal(bound);
        this.publicBase = "http://" + advertised + ":" + port;
        this.requests = new RecordedRequests(options.clock());
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new SandboxHttpServer(
                new ApiHandler(store, faults, requests, ApiRoutes.of(store, this::publicBase), permissions),
                new PayPageHandler(store, this::publicBase,
                        new PayPage(options.merchantName(), options.displayLocale())), options.apiDelay()));
        server.start();
        store.rememberPort(port);
        LOG.log(Level.INFO, "Stripe sandbox listening: API " + apiBase + ", pay page " + publicBase
                + options.fileOption().map(f -> ", sessions in " + f).orElse(", sessions in memory"));
    }

    /**
     * Starts a sandbox.
     *
     * @throws IOException when it cannot listen on the address
     * @throws IllegalArgumentException when a live key is configured or stored
     */
    public static StripeSandbox start(SandboxOptions options) throws IOException {
        return new StripeSandbox(options);
    }

    /** What to give {@code StripeClient.Builder.setApiBase}: reachable from this machine. */
    public String apiBase() {
        return apiBase;
    }

    /** The base of pay-page URLs (what the QR code carries), e.g. {@code http://192.168.1.20:51234}. */
    public String publicBase() {
        return publicBase;
    }

    /** The sandbox's {@code sk_test_} key, for the app's Stripe client only; never log or show it. */
    public String secretKey() {
        return store.secretKey();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxClock clock() {
        return options.clock();
    }

    public SandboxOptions options() {
        return options;
    }

    /** The sandbox's own thank-you page, as a {@code success_url} with Stripe's placeholder. */
    public String defaultSuccessUrl() {
        return publicBase + "/c/done?session_id={CHECKOUT_SESSION_ID}";
    }

    /**
     * The customer pays, as on the pay page.
     *
     * @param paymentMethodType {@code amazon_pay} or {@code card}
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws IllegalStateException when the session is complete or expired
     * @throws IllegalArgumentException when the session does not offer that method
     */
    public SandboxSession pay(String sessionId, String paymentMethodType) {
        return store.pay(sessionId, paymentMethodType, publicBase);
    }

    /**
     * The customer pays with a delayed method: the session completes unpaid ({@code
     * checkout.session.completed}) and the money settles later, see {@link #settle}.
     */
    public SandboxSession payLater(String sessionId, String paymentMethodType) {
        return store.pay(sessionId, paymentMethodType, publicBase, true);
    }

    /**
     * A delayed payment settles: {@code checkout.session.async_payment_succeeded} (the session is paid) or
     * {@code ...async_payment_failed}.
     */
    public SandboxSession settle(String sessionId, boolean succeeded) {
        return store.settle(sessionId, succeeded, publicBase);
    }

    /**
     * The session runs out of time now, as if its {@code expires_at} had passed.
     *
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws IllegalStateException when the session is no longer open
     */
    public SandboxSession expire(String sessionId) {
        return store.expireNow(sessionId, publicBase);
    }

    /**
     * The customer's attempt is declined, as on the pay page: the session stays open and now carries its
     * payment intent ({@code requires_payment_method}, the decline as {@code last_payment_error}).
     *
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws IllegalStateException when the session is no longer open
     */
    public SandboxSession decline(String sessionId) {
        return store.decline(sessionId, publicBase);
    }

    /**
     * The next {@code count} refunds are answered {@code pending} and turn {@code failed} (failure reason
     * {@code declined}) once {@code after} has passed on the sandbox clock, as an Amazon Pay refund can.
     */
    public void failNextRefunds(int count, Duration after) {
        store.refunds().failNext(count, after);
    }

    /** The customer disputes the payment of this intent: refunds of it are refused with {@code charge_disputed}. */
    public void dispute(String paymentIntentId) {
        store.refunds().dispute(paymentIntentId);
    }

    /** The refunds made against a payment intent, oldest first, as the sandbox holds them now. */
    public List<SandboxRefund> refunds(String paymentIntentId) {
        return store.refunds().refundsOf(paymentIntentId);
    }

    /** The receipt of a paid session (its charge's receipt page), empty while it is unpaid. */
    public Optional<SandboxReceipt> receipt(String sessionId) {
        return store.refunds().receiptOfSession(sessionId, publicBase);
    }

    public Optional<SandboxSession> session(String sessionId) {
        return store.session(sessionId, publicBase);
    }

    /** Every session, newest first. */
    public List<SandboxSession> sessions() {
        return store.sessions(publicBase);
    }

    /** API requests received so far (not pay-page requests), oldest first. */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    public void clearRequests() {
        requests.clear();
    }

    public SandboxFaults faults() {
        return faults;
    }

    /** What the sandbox's key may do; withhold a permission to play a restricted key without it. */
    public SandboxPermissions permissions() {
        return permissions;
    }

    /** The Stripe account played now. */
    public SandboxAccount account() {
        return store.account();
    }

    /**
     * Plays another account from the next request on, as when its owner changes a Dashboard setting (e.g.
     * {@code sandbox.useAccount(SandboxAccount.anywhere().withoutAmazonPay())}).
     */
    public void useAccount(SandboxAccount account) {
        store.useAccount(account);
    }

    public Optional<Path> file() {
        return options.fileOption();
    }

    /** Stops listening at once; requests still waiting on a delay fault see their connection closed. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static HttpServer bind(SandboxOptions options, int lastPort) throws IOException {
        if (options.port() == 0 && lastPort > 0) {
            try {
                return HttpServer.create(new InetSocketAddress(options.bindAddress(), lastPort), 64);
            } catch (BindException taken) {
                LOG.log(Level.INFO, "Port " + lastPort + " used last time is taken; using another one");
            }
        }
        return HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 64);
    }

    private static String literal(InetAddress address) {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = host.indexOf('%');
            return "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "stripe-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
