package app.scantill.sandbox;

import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The sandbox's sessions, payment intents and idempotent responses, and every change to them. One
 * lock guards it all: the sandbox serves one till, and correctness beats throughput here. Sessions
 * past {@code expires_at} are expired lazily at the start of every operation.
 */
final class SandboxStore {

    static final long IDEMPOTENCY_RETENTION_SECONDS = 24 * 60 * 60;

    private final SandboxClock clock;
    private final SandboxFile file;
    private final SandboxState state;
    private final Set<String> inFlightKeys = new HashSet<>();
    private final SandboxRefunds refunds = new SandboxRefunds(this);
    /** The Stripe account played; tests may change it while the sandbox runs, as a Dashboard setting changes. */
    private volatile SandboxAccount account = SandboxAccount.anywhere();

    SandboxStore(SandboxClock clock, SandboxFile file, String configuredKey) {
        this.clock = clock;
        this.file = file;
        SandboxState loaded = file == null ? null : file.load().orElse(null);
        this.state = loaded == null ? new SandboxState() : loaded;
        if (configuredKey != null) {
            state.secretKey = configuredKey;
        } else if (state.secretKey == null
                || (!SandboxKeys.isLive(state.secretKey) && !SandboxKeys.isStripeShaped(state.secretKey))) {
            // Earlier versions wrote sk_test_sbx_...: the app refuses a key with an underscore after
            // its prefix. The key is the sandbox's own and the app reads it on every start: renew it.
            // A live key planted in the file is not renewed but refused below.
            state.secretKey = SandboxIds.secretKey();
        }
        SandboxKeys.requireSandboxKey(state.secretKey);
        save();
    }

    /** Refunds and charges, kept in this store under its lock. */
    SandboxRefunds refunds() {
        return refunds;
    }

    SandboxAccount account() {
        return account;
    }

    void useAccount(SandboxAccount played) {
        this.account = java.util.Objects.requireNonNull(played, "played");
    }

    synchronized String secretKey() {
        return state.secretKey;
    }

    synchronized int lastPort() {
        return state.lastPort;
    }

    synchronized void rememberPort(int port) {
        if (state.lastPort != port) {
            state.lastPort = port;
            save();
        }
    }

    // ---- API operations: each returns the JSON Stripe would send -------------------------------

    synchronized JsonObject create(FormParams params, String publicBase) {
        expireDue();
        Set<String> expand = Expansion.of(params, Expansion.SESSION);
        SandboxState.Session s = CheckoutSessionCreation.create(params, clock.now(), account);
        s.id = SandboxIds.session();
        s.sequence = ++state.sequence;
        s.urlFragment = SandboxIds.urlFragment();
        state.sessions.put(s.id, s);
        save();
        return StripeJson.session(state, s, publicBase, expand);
    }

    synchronized JsonObject retrieve(String id, FormParams params, String publicBase) {
        expireDue();
        Set<String> expand = Expansion.of(params, Expansion.SESSION);
        Expansion.rejectOthers(params, Set.of("expand"));
        return StripeJson.session(state, existing(id), publicBase, expand);
    }

    synchronized JsonObject expire(String id, FormParams params, String publicBase) {
        expireDue();
        Set<String> expand = Expansion.of(params, Expansion.SESSION);
        Expansion.rejectOthers(params, Set.of("expand"));
        SandboxState.Session s = existing(id);
        if (!"open".equals(s.status)) {
            // The first sentence is Stripe's wording; the sentence naming the status is not confirmed.
            throw StripeApiError.stateConflict("Only Checkout Sessions with a status in [\"open\"] can be expired. "
                    + "This Checkout Session has a status of \"" + s.status + "\".");
        }
        s.status = "expired";
        SandboxEvents.record(state, s, SandboxEvents.EXPIRED, clock.now().getEpochSecond());
        save();
        return StripeJson.session(state, s, publicBase, expand);
    }

    synchronized JsonObject events(FormParams params) {
        expireDue();
        return SandboxEvents.list(state, params, clock.now().getEpochSecond());
    }

    synchronized JsonObject list(FormParams params, String publicBase) {
        expireDue();
        Expansion.rejectOthers(params, Set.of("created", "ending_before", "starting_after", "limit", "status",
                "payment_intent", "customer", "payment_link", "subscription", "expand"));
        Set<String> expand = Expansion.listOf(params, Expansion.SESSION);
        Predicate<SandboxState.Session> filter = listFilter(params);
        List<SandboxState.Session> newestFirst = new ArrayList<>(state.sessions.values());
        newestFirst.sort(Comparator.comparingLong((SandboxState.Session s) -> s.sequence).reversed());
        ListPage<SandboxState.Session> page = ListPage.of(params, newestFirst, s -> s.id, filter, "checkout.session");
        return StripeJson.list("/v1/checkout/sessions",
                page.items().stream().map(s -> StripeJson.session(state, s, publicBase, expand)).toList(),
                page.hasMore());
    }

    synchronized JsonObject lineItems(String id, FormParams params) {
        expireDue();
        Expansion.rejectOthers(params, Set.of("ending_before", "starting_after", "limit", "expand"));
        Expansion.listOf(params, Set.of());
        SandboxState.Session s = existing(id);
        ListPage<SandboxState.LineItem> page = ListPage.of(params, s.lineItems, li -> li.id, li -> true, "item");
        return StripeJson.list("/v1/checkout/sessions/" + s.id + "/line_items",
                page.items().stream().map(StripeJson::lineItem).toList(), page.hasMore());
    }

    synchronized JsonObject paymentIntent(String id, FormParams params, String publicBase) {
        Set<String> expand = Expansion.of(params, Expansion.PAYMENT_INTENT);
        Expansion.rejectOthers(params, Set.of("expand"));
        SandboxState.PaymentIntent pi = state.paymentIntents.get(id);
        if (pi == null) {
            throw StripeApiError.noSuch("payment_intent", id, "id");
        }
        return StripeJson.paymentIntent(state, pi, expand, publicBase);
    }

    // ---- the customer's side and the Java API -------------------------------------------------

    /**
     * The customer pays on the hosted page: the session completes, paid, with a succeeded payment
     * intent recording the method.
     *
     * @throws NoSuchElementException when there is no such session
     * @throws IllegalStateException when the session is no longer open (paid or expired)
     * @throws IllegalArgumentException when the session does not offer that method
     */
    synchronized SandboxSession pay(String id, String methodType, String publicBase) {
        return pay(id, methodType, publicBase, false);
    }

    /** As {@link #pay(String, String, String)}; {@code later}: a delayed method whose money settles afterwards. */
    synchronized SandboxSession pay(String id, String methodType, String publicBase, boolean later) {
        expireDue();
        SandboxState.Session s = state.sessions.get(id);
        if (s == null) {
            throw new NoSuchElementException("No such checkout session: " + id);
        }
        if (!"open".equals(s.status)) {
            throw new IllegalStateException("Checkout session " + id + " is " + s.status + " and cannot be paid");
        }
        if (!s.paymentMethodTypes.contains(methodType)) {
            throw new IllegalArgumentException("Checkout session " + id + " does not offer " + methodType);
        }
        long now = clock.now().getEpochSecond();
        SandboxState.PaymentMethod pm = new SandboxState.PaymentMethod();
        pm.id = SandboxIds.paymentMethod();
        pm.created = now;
        pm.type = methodType;
        SandboxState.PaymentIntent pi = intentOf(s, now);
        pi.paymentMethod = pm.id;
        pi.paymentMethodType = methodType;
        pi.lastPaymentErrorCode = null;
        state.paymentMethods.put(pm.id, pm);
        // A delayed method's intent is processing, without a charge, until its money settles.
        pi.status = later ? "processing" : "succeeded";
        if (!later) {
            SandboxRefunds.chargeFor(state, pi, now);
        }
        s.status = "complete";
        s.paymentIntent = pi.id;
        if (later) {
            // A delayed method: the session completes unpaid and the money settles (or not) afterwards.
            s.paymentStatus = "unpaid";
        } else {
            s.paymentStatus = "paid";
        }
        SandboxEvents.record(state, s, SandboxEvents.COMPLETED, now);
        save();
        return view(s, publicBase);
    }

    /**
     * An asynchronous payment of a completed, unpaid session settles: paid, or failed.
     *
     * @throws NoSuchElementException when there is no such session
     * @throws IllegalStateException when the session is not completed and awaiting its payment
     */
    synchronized SandboxSession settle(String id, boolean succeeded, String publicBase) {
        SandboxState.Session s = state.sessions.get(id);
        if (s == null) {
            throw new NoSuchElementException("No such checkout session: " + id);
        }
        if (!"complete".equals(s.status) || !"unpaid".equals(s.paymentStatus)) {
            throw new IllegalStateException("Checkout session " + id + " has no payment waiting to settle");
        }
        SandboxState.PaymentIntent pi = s.paymentIntent == null ? null : state.paymentIntents.get(s.paymentIntent);
        if (succeeded) {
            s.paymentStatus = "paid";
            if (pi != null) {
                pi.status = "succeeded";
                SandboxRefunds.chargeFor(state, pi, clock.now().getEpochSecond());
            }
        } else if (pi != null) {
            pi.status = "requires_payment_method";
        }
        SandboxEvents.record(state, s, succeeded ? SandboxEvents.ASYNC_SUCCEEDED : SandboxEvents.ASYNC_FAILED,
                clock.now().getEpochSecond());
        save();
        return view(s, publicBase);
    }

    /**
     * The customer's attempt is declined: as at Stripe, the session stays open and now carries its
     * payment intent ({@code requires_payment_method}, with the decline as {@code last_payment_error});
     * paying later completes that same intent.
     *
     * @throws NoSuchElementException when there is no such session
     * @throws IllegalStateException when the session is no longer open
     */
    synchronized SandboxSession decline(String id, String publicBase) {
        expireDue();
        SandboxState.Session s = state.sessions.get(id);
        if (s == null) {
            throw new NoSuchElementException("No such checkout session: " + id);
        }
        if (!"open".equals(s.status)) {
            throw new IllegalStateException("Checkout session " + id + " is " + s.status + " and cannot be declined");
        }
        SandboxState.PaymentIntent pi = intentOf(s, clock.now().getEpochSecond());
        pi.status = "requires_payment_method";
        pi.lastPaymentErrorCode = "card_declined";
        pi.paymentMethodType = s.paymentMethodTypes.get(0);
        save();
        return view(s, publicBase);
    }

    /** The session's payment intent, made on its first attempt to pay. */
    private SandboxState.PaymentIntent intentOf(SandboxState.Session s, long now) {
        SandboxState.PaymentIntent existing = s.paymentIntent == null ? null : state.paymentIntents.get(s.paymentIntent);
        if (existing != null) {
            return existing;
        }
        SandboxState.PaymentIntent pi = new SandboxState.PaymentIntent();
        pi.id = SandboxIds.paymentIntent();
        pi.created = now;
        pi.amount = s.amountTotal;
        pi.currency = s.currency;
        pi.session = s.id;
        pi.description = s.piDescription;
        pi.receiptEmail = s.piReceiptEmail;
        pi.statementDescriptorSuffix = s.piStatementDescriptorSuffix;
        pi.metadata.putAll(s.piMetadata);
        pi.clientSecret = pi.id + "_secret_" + SandboxIds.random("", 25);
        state.paymentIntents.put(pi.id, pi);
        s.paymentIntent = pi.id;
        return pi;
    }

    /** Runs {@code work} on the sandbox's state under its one lock, then writes the file when it changed. */
    synchronized <T> T locked(boolean changes, java.util.function.Function<SandboxState, T> work) {
        expireDue();
        T result = work.apply(state);
        if (changes) {
            save();
        }
        return result;
    }

    SandboxClock clock() {
        return clock;
    }

    /** The session runs out of time now, as if its expires_at had passed. */
    synchronized SandboxSession expireNow(String id, String publicBase) {
        expireDue();
        SandboxState.Session s = state.sessions.get(id);
        if (s == null) {
            throw new NoSuchElementException("No such checkout session: " + id);
        }
        if (!"open".equals(s.status)) {
            throw new IllegalStateException("Checkout session " + id + " is " + s.status + ", not open");
        }
        s.status = "expired";
        s.expiresAt = Math.min(s.expiresAt, clock.now().getEpochSecond());
        SandboxEvents.record(state, s, SandboxEvents.EXPIRED, clock.now().getEpochSecond());
        save();
        return view(s, publicBase);
    }

    synchronized Optional<SandboxSession> session(String id, String publicBase) {
        expireDue();
        SandboxState.Session s = state.sessions.get(id);
        return s == null ? Optional.empty() : Optional.of(view(s, publicBase));
    }

    /** All sessions, newest first. */
    synchronized List<SandboxSession> sessions(String publicBase) {
        expireDue();
        List<SandboxState.Session> all = new ArrayList<>(state.sessions.values());
        all.sort(Comparator.comparingLong((SandboxState.Session s) -> s.sequence).reversed());
        return all.stream().map(s -> view(s, publicBase)).toList();
    }

    // ---- idempotency -----------------------------------------------------------------------------

    sealed interface IdempotencyCheck permits Fresh, Replay, Mismatch, InFlight {
    }

    record Fresh() implements IdempotencyCheck {
    }

    record Replay(int status, String body, String originalRequestId) implements IdempotencyCheck {
    }

    record Mismatch() implements IdempotencyCheck {
    }

    record InFlight() implements IdempotencyCheck {
    }

    /** Looks the key up and, when it is new, marks it in flight until {@link #finishIdempotent}. */
    synchronized IdempotencyCheck beginIdempotent(String key, String method, String path, String fingerprint) {
        long cutoff = clock.now().getEpochSecond() - IDEMPOTENCY_RETENTION_SECONDS;
        if (state.idempotentResponses.values().removeIf(r -> r.createdEpochSecond < cutoff)) {
            save();
        }
        if (inFlightKeys.contains(key)) {
            return new InFlight();
        }
        SandboxState.IdempotentResponse r = state.idempotentResponses.get(key);
        if (r != null) {
            boolean same = r.method.equals(method) && r.path.equals(path) && r.fingerprint.equals(fingerprint);
            return same ? new Replay(r.status, r.body, r.requestId) : new Mismatch();
        }
        inFlightKeys.add(key);
        return new Fresh();
    }

    /**
     * Ends an in-flight key. Stripe keeps the result only once the endpoint ran: validation refusals
     * are not kept (the same key may then be used again), results of execution are.
     */
    synchronized void finishIdempotent(String key, String method, String path, String fingerprint, int status,
            String body, String requestId, boolean keep) {
        inFlightKeys.remove(key);
        if (keep) {
            SandboxState.IdempotentResponse r = new SandboxState.IdempotentResponse();
            r.key = key;
            r.method = method;
            r.path = path;
            r.fingerprint = fingerprint;
            r.status = status;
            r.body = body;
            r.requestId = requestId;
            r.createdEpochSecond = clock.now().getEpochSecond();
            state.idempotentResponses.put(key, r);
            save();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private SandboxState.Session existing(String id) {
        SandboxState.Session s = state.sessions.get(id);
        if (s == null) {
            throw StripeApiError.noSuch("checkout.session", id, "id");
        }
        return s;
    }

    private void expireDue() {
        long now = clock.now().getEpochSecond();
        boolean changed = false;
        for (SandboxState.Session s : state.sessions.values()) {
            if ("open".equals(s.status) && now >= s.expiresAt) {
                s.status = "expired";
                SandboxEvents.record(state, s, SandboxEvents.EXPIRED, now);
                changed = true;
            }
        }
        if (changed) {
            save();
        }
    }

    private void save() {
        if (file != null) {
            file.save(state);
        }
    }

    private static Predicate<SandboxState.Session> listFilter(FormParams p) {
        Predicate<SandboxState.Session> filter = s -> true;
        if (p.value("created").isPresent()) {
            long exact = p.integer("created", "created", true);
            filter = filter.and(s -> s.created == exact);
        }
        for (var e : p.hash("created").entrySet()) {
            String param = "created[" + e.getKey() + "]";
            long bound = p.integer(param, param, true);
            Predicate<SandboxState.Session> f = switch (e.getKey()) {
                case "gt" -> s -> s.created > bound;
                case "gte" -> s -> s.created >= bound;
                case "lt" -> s -> s.created < bound;
                case "lte" -> s -> s.created <= bound;
                default -> throw StripeApiError.unknownParam(param);
            };
            filter = filter.and(f);
        }
        Optional<String> status = p.value("status");
        if (status.isPresent()) {
            if (!Set.of("open", "complete", "expired").contains(status.get())) {
                // Stripe's enum refusal; whether it carries a code is not confirmed.
                throw StripeApiError.invalid(null, "status", "Invalid status: must be one of complete, expired, or open");
            }
            filter = filter.and(s -> s.status.equals(status.get()));
        }
        Optional<String> pi = p.value("payment_intent");
        if (pi.isPresent()) {
            filter = filter.and(s -> pi.get().equals(s.paymentIntent));
        }
        // The sandbox has no customers, payment links or subscriptions: such filters match nothing.
        for (String none : List.of("customer", "payment_link", "subscription")) {
            if (p.value(none).isPresent()) {
                filter = s -> false;
            }
        }
        return filter;
    }

    private SandboxSession view(SandboxState.Session s, String publicBase) {
        java.util.Currency currency = java.util.Currency.getInstance(s.currency.toUpperCase(Locale.ROOT));
        // The store keeps Stripe's API units (UGX 5,000 is 500000); people read the currency's own units.
        List<SandboxSession.Line> lines = s.lineItems.stream().map(li -> new SandboxSession.Line(li.name,
                readable(li.unitAmount, currency), li.quantity, readable(li.amount(), currency))).toList();
        SandboxState.PaymentIntent pi = s.paymentIntent == null ? null : state.paymentIntents.get(s.paymentIntent);
        return new SandboxSession(s.id, s.status, s.paymentStatus,
                "open".equals(s.status) ? StripeJson.payUrl(publicBase, s) : null,
                readable(s.amountTotal, currency), Instant.ofEpochSecond(s.created),
                Instant.ofEpochSecond(s.expiresAt), s.clientReferenceId, s.metadata, s.paymentMethodTypes, lines,
                s.successUrl, s.cancelUrl, s.paymentIntent, pi == null ? null : pi.paymentMethodType);
    }

    private static Money readable(long apiAmount, java.util.Currency currency) {
        return CurrencyFacts.fromStripeAmount(apiAmount, currency)
                .orElseThrow(() -> new IllegalStateException("stored amount " + apiAmount + " is not whole in " + currency));
    }
}
