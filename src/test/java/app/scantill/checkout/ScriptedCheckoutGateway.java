package app.scantill.checkout;

import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.SessionSnapshot.PaymentStatus;
import app.scantill.checkout.SessionSnapshot.Status;
import app.scantill.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Checkout API in memory that behaves as Stripe does where the charge flow depends on it: one
 * session per idempotency key (a replay returns it, other parameters under the same key are an
 * idempotency error), expire refused for sessions no longer open, paid only after the customer pays.
 * Tests script failures per operation and read back every call in order.
 */
public final class ScriptedCheckoutGateway implements CheckoutGateway {

    /** One call as the gateway received it. */
    public record Call(String operation, String argument, CheckoutRequest request, long atNanos) {
    }

    private final Clock clock;
    private final Mode mode;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<GatewayException>> failures = new HashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, CheckoutRequest> requestsByKey = new HashMap<>();
    private final Map<String, String> sessionByKey = new HashMap<>();
    /** The first answer under each key: Stripe replays it as it was, not the session as it is now. */
    private final Map<String, SessionSnapshot> firstAnswerByKey = new HashMap<>();
    private int lostCreateResponses;
    private Consumer<CheckoutRequest> beforeCreate = r -> { };
    private Consumer<String> beforeExpire = id -> { };
    private long amountOverride = -1;
    private boolean networkDown;

    private static final class Session {
        String id;
        Status status = Status.OPEN;
        PaymentStatus paymentStatus = PaymentStatus.UNPAID;
        Money amount;
        Instant created;
        Instant expiresAt;
        String clientReferenceId;
        String paymentIntentId;
        String method;
        Map<String, String> metadata = Map.of();
    }

    public ScriptedCheckoutGateway(Clock clock, Mode mode) {
        this.clock = clock;
        this.mode = mode;
    }

    // ------------------------------------------------------------ scripting

    /** The next calls of {@code operation} (create, retrieve, expire, find) fail with these, in order. */
    public synchronized ScriptedCheckoutGateway failNext(String operation, GatewayException... next) {
        Deque<GatewayException> queue = failures.computeIfAbsent(operation, k -> new ArrayDeque<>());
        queue.addAll(List.of(next));
        return this;
    }

    /** From now on every call fails with a network error, until {@link #networkUp()}. */
    public synchronized void networkDown() {
        networkDown = true;
    }

    public synchronized void networkUp() {
        networkDown = false;
    }

    /** The next {@code count} creates make their session, but the answer is lost (a read timeout). */
    public synchronized void loseCreateResponses(int count) {
        lostCreateResponses = count;
    }

    /** Runs inside create before anything else, e.g. to check what the journal holds at that moment. */
    public synchronized void beforeCreate(Consumer<CheckoutRequest> hook) {
        beforeCreate = hook;
    }

    /** Runs inside expire before anything else, e.g. to let the customer pay a moment earlier. */
    public synchronized void beforeExpire(Consumer<String> hook) {
        beforeExpire = hook;
    }

    /** Sessions created from now on report this total instead of the request's (a mismatch). */
    public synchronized void reportAmount(long minor) {
        amountOverride = minor;
    }

    /** The customer pays on the hosted page. */
    public synchronized void pay(String sessionId, String method) {
        Session s = sessions.get(sessionId);
        if (s.status != Status.OPEN) {
            throw new IllegalStateException("session " + sessionId + " is " + s.status);
        }
        s.status = Status.COMPLETE;
        s.paymentStatus = PaymentStatus.PAID;
        s.paymentIntentId = "pi_" + sessionId.substring(3);
        s.method = method;
    }

    /** The customer finishes without a payment being due (no_payment_required): not a paid sale. */
    public synchronized void completeUnpaid(String sessionId) {
        Session s = sessions.get(sessionId);
        s.status = Status.COMPLETE;
        s.paymentStatus = PaymentStatus.NO_PAYMENT_REQUIRED;
    }

    /** Stripe's clock passes the session's expires_at. */
    public synchronized void expireByTime(String sessionId) {
        sessions.get(sessionId).status = Status.EXPIRED;
    }

    // ------------------------------------------------------------ reading back

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    public synchronized List<String> sessionIds() {
        return List.copyOf(sessions.keySet());
    }

    public synchronized SessionSnapshot session(String id) {
        return snapshot(sessions.get(id));
    }

    /** The only session, for tests that make one. */
    public synchronized String onlySessionId() {
        if (sessions.size() != 1) {
            throw new IllegalStateException(sessions.size() + " sessions");
        }
        return sessions.keySet().iterator().next();
    }

    // ------------------------------------------------------------ CheckoutGateway

    @Override
    public SessionSnapshot create(CheckoutRequest request) throws GatewayException {
        Consumer<CheckoutRequest> hook;
        synchronized (this) {
            record("create", request.idempotencyKey(), request);
            hook = beforeCreate;
        }
        hook.accept(request);
        synchronized (this) {
            failIfScripted("create");
            String key = request.idempotencyKey();
            CheckoutRequest earlier = requestsByKey.get(key);
            if (earlier != null && !earlier.equals(request)) {
                throw failure(Kind.IDEMPOTENCY, 400, "idempotency_error",
                        "Keys for idempotent requests can only be used with the same parameters");
            }
            if (!sessionByKey.containsKey(key)) {
                firstAnswerByKey.put(key, snapshot(newSession(request)));
            }
            if (lostCreateResponses > 0) {
                lostCreateResponses--;
                throw failure(Kind.NETWORK, 0, null, "Read timed out");
            }
            return firstAnswerByKey.get(key);
        }
    }

    @Override
    public synchronized SessionSnapshot retrieve(String sessionId) throws GatewayException {
        record("retrieve", sessionId, null);
        failIfScripted("retrieve");
        Session s = sessions.get(sessionId);
        if (s == null) {
            throw failure(Kind.NOT_FOUND, 404, "resource_missing", "No such checkout.session");
        }
        return snapshot(s);
    }

    @Override
    public SessionSnapshot expire(String sessionId) throws GatewayException {
        Consumer<String> hook;
        synchronized (this) {
            record("expire", sessionId, null);
            hook = beforeExpire;
        }
        hook.accept(sessionId);
        synchronized (this) {
            failIfScripted("expire");
            Session s = sessions.get(sessionId);
            if (s == null) {
                throw failure(Kind.NOT_FOUND, 404, "resource_missing", "No such checkout.session");
            }
            if (s.status != Status.OPEN) {
                throw failure(Kind.INVALID_REQUEST, 400, null,
                        "Only Checkout Sessions with a status in [\"open\"] can be expired.");
            }
            s.status = Status.EXPIRED;
            return snapshot(s);
        }
    }

    @Override
    public synchronized List<SessionSnapshot> findByClientReference(String saleId, Instant since)
            throws GatewayException {
        record("find", saleId, null);
        failIfScripted("find");
        return sessions.values().stream()
                .filter(s -> saleId.equals(s.clientReferenceId) && !s.created.isBefore(since))
                .map(this::snapshot).toList();
    }

    @Override
    public Mode mode() {
        return mode;
    }

    // ------------------------------------------------------------ helpers

    private Session newSession(CheckoutRequest request) {
        Session s = new Session();
        s.id = "cs_test_" + String.format("a1%04d", sessions.size() + 1) + "B7xQ9zLmN3pR5tV8wY2";
        long total = request.lines().stream().mapToLong(l -> l.unitAmountMinor() * l.quantity()).sum();
        s.amount = Money.of(amountOverride >= 0 ? amountOverride : total, request.currency());
        s.created = clock.instant();
        s.expiresAt = request.expiresAt();
        s.clientReferenceId = request.saleId();
        s.metadata = request.metadata();
        sessions.put(s.id, s);
        requestsByKey.put(request.idempotencyKey(), request);
        sessionByKey.put(request.idempotencyKey(), s.id);
        return s;
    }

    /** A hosted page address as long as Stripe's (300+ characters, with a fragment). */
    public static String urlOf(String sessionId) {
        return "https://checkout.stripe.com/c/pay/" + sessionId
                + "#fidkdWxOYHwnPyd1blpxYHZxWjA0TjFpNH1SZzJnUGJqYTJjZVVPRlFhVEpjVkxLd2JvPTVoS2J8MWRqN1RfXDRJVH"
                + "ZjfUFoQUdsMUNiMWtJN0xjVkRwNWYzTTZLb2lUSUhtXzNHTmlwVW9tNTVBS1wwR05jNzVNSXUnKSdjd2poVmB3c2B3"
                + "Jz9xd3BgKSdpZHxqcHFRfHVgJz8ndmxrYmlgWmxxYGgnKSdga2RnaWBVaWRmYG1qaWFgd3YnP3F3cGB4JSUl"
                + "&locale=auto&register=till-1";
    }

    private SessionSnapshot snapshot(Session s) {
        return new SessionSnapshot(s.id, s.status, s.paymentStatus, s.status == Status.OPEN ? urlOf(s.id) : null,
                s.amount, s.created, s.expiresAt, s.clientReferenceId, s.paymentIntentId, s.method, false, s.metadata);
    }

    private void record(String operation, String argument, CheckoutRequest request) {
        calls.add(new Call(operation, argument, request, System.nanoTime()));
    }

    private void failIfScripted(String operation) throws GatewayException {
        if (networkDown) {
            throw network();
        }
        Deque<GatewayException> queue = failures.get(operation);
        if (queue != null && !queue.isEmpty()) {
            throw queue.poll();
        }
    }

    public static GatewayException failure(Kind kind, int status, String code, String message) {
        return new GatewayException(kind, status, code, null, "req_test", null, message, null);
    }

    public static GatewayException rateLimited(Duration retryAfter) {
        return new GatewayException(Kind.RATE_LIMITED, 429, "rate_limit", null, "req_test", retryAfter,
                "Too many requests", null);
    }

    public static GatewayException network() {
        return failure(Kind.NETWORK, 0, null, "Connection refused");
    }

    public static GatewayException serverError() {
        return failure(Kind.SERVER, 500, null, "Internal server error");
    }
}
