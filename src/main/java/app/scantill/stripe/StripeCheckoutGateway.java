package app.scantill.stripe;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.ClockSkew;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.sale.PaymentMethod;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import com.stripe.param.checkout.SessionListParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import com.stripe.service.checkout.SessionService;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CheckoutGateway} over stripe-java 33.3.0: one {@link StripeClient} per
 * {@link StripeConnection}, talking to Stripe, to the embedded sandbox or to stripe-mock alike.
 *
 * <p>Creates carry the request's idempotency key, so the SDK's own retries (connection failures,
 * timeouts, 409, 5xx) and the app's later retries of the same attempt never make a second session.
 * The SDK does not retry 429; the caller backs off using {@link GatewayException#retryAfter()}.
 */
public final class StripeCheckoutGateway implements CheckoutGateway {

    private static final System.Logger LOG = System.getLogger(StripeCheckoutGateway.class.getName());

    /** Reconciliation reads at most this many sessions; a till makes far fewer in the window it asks about. */
    static final int MAX_LISTED_SESSIONS = 1000;

    private static final String EXPAND_METHOD = "payment_intent.payment_method";

    private final StripeConnection connection;
    private final SessionService sessions;
    private final StripeClock stripeClock;
    private final IdempotentReplays replays = new IdempotentReplays();

    /** A gateway whose clock is this machine's. */
    public StripeCheckoutGateway(StripeConnection connection) {
        this(connection, Clock.systemUTC());
    }

    /**
     * @param tillClock the till's clock, against which Stripe's is learned (see {@link #clockSkew()})
     */
    public StripeCheckoutGateway(StripeConnection connection, Clock tillClock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.stripeClock = new StripeClock(tillClock);
        // Before this gateway's first request: the JDK's HTTP client would log the key at FINE.
        WireLogRedaction.install();
        this.sessions = connection.newClient().v1().checkout().sessions();
    }

    public StripeConnection connection() {
        return connection;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every answer teaches Stripe's clock (see {@link StripeClock}), and a failure Stripe saved under the
     * key is marked {@link GatewayException#replayed() replayed}.
     */
    @Override
    public SessionSnapshot create(CheckoutRequest request) throws GatewayException {
        SessionCreateParams params = createParams(request);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        String operation = "create session for sale " + request.saleId();
        Session session;
        try {
            session = sessions.create(params, options);
        } catch (StripeException e) {
            StripeResponse response = StripeErrorMapping.response(e);
            stripeClock.learnFromDate(response, stripeClock.now());
            boolean replayed = replays.isReplay(request.idempotencyKey(), e, response);
            throw logged(StripeErrorMapping.toGatewayException(operation, e, replayed));
        } catch (RuntimeException e) {
            throw logged(StripeErrorMapping.malformed(operation, e.getClass().getSimpleName(), e));
        }
        learnFromCreate(session);
        return snapshot("create", session, null);
    }

    /** A fresh session's {@code created} is Stripe's clock at that moment; a replayed one's is old. */
    private void learnFromCreate(Session session) {
        Instant received = stripeClock.now();
        StripeResponse response = session == null ? null : session.getLastResponse();
        boolean replayed = response != null && response.headers() != null
                && response.headers().firstValue("Idempotent-Replayed").filter("true"::equalsIgnoreCase).isPresent();
        if (!replayed && session != null && session.getCreated() != null) {
            stripeClock.learn(Instant.ofEpochSecond(session.getCreated()), received);
        } else {
            stripeClock.learnFromDate(response, received);
        }
    }

    @Override
    public ClockSkew clockSkew() {
        return stripeClock.skew();
    }

    /** The parameters Stripe receives, one to one from the request; package-visible for tests. */
    static SessionCreateParams createParams(CheckoutRequest request) {
        SessionCreateParams.Builder b = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.successUrl())
                .setClientReferenceId(request.saleId())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                .putAllMetadata(request.metadata());
        // In the enum's order (card first) so the request is the same every time for the same set.
        for (PaymentMethod method : PaymentMethod.values()) {
            if (request.paymentMethods().contains(method)) {
                b.addPaymentMethodType(switch (method) {
                    case CARD -> SessionCreateParams.PaymentMethodType.CARD;
                    case AMAZON_PAY -> SessionCreateParams.PaymentMethodType.AMAZON_PAY;
                    case CASH -> throw new IllegalArgumentException("cash is taken at the till, never by Stripe");
                });
            }
        }
        String currency = request.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
        for (CheckoutRequest.Line line : request.lines()) {
            // The till keeps ISK and UGX in whole units; Stripe's API takes them as hundredths
            // (https://docs.stripe.com/currencies#special-cases): 5 UGX is sent as 500.
            long unitAmount = CurrencyFacts.toStripeAmount(Money.of(line.unitAmountMinor(), request.currency()));
            SessionCreateParams.LineItem.Builder item = SessionCreateParams.LineItem.builder()
                    .setQuantity(line.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(currency)
                            .setUnitAmount(unitAmount)
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(line.name())
                                    .build())
                            .build());
            if (line.taxRateId() != null) {
                // An inclusive rate of the owner's account (tax.stripe_rates): the amount stays what the till charges.
                item.addTaxRate(line.taxRateId());
            }
            b.addLineItem(item.build());
        }
        if (request.cancelUrl() != null) {
            b.setCancelUrl(request.cancelUrl());
        }
        if (request.locale() != null) {
            b.setLocale(checkoutLocale(request.locale()));
        }
        if (request.description() != null) {
            b.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                    .setDescription(request.description())
                    .build());
        }
        return b.build();
    }

    /** The SDK's constant for a Checkout locale value; the flow only makes values this list has. */
    private static SessionCreateParams.Locale checkoutLocale(String value) {
        for (SessionCreateParams.Locale locale : SessionCreateParams.Locale.values()) {
            if (locale.getValue().equals(value)) {
                return locale;
            }
        }
        throw new IllegalArgumentException("stripe-java has no Checkout locale " + value);
    }

    @Override
    public SessionSnapshot retrieve(String sessionId) throws GatewayException {
        Session session = call("retrieve session " + sessionId, () -> sessions.retrieve(sessionId));
        return snapshot("retrieve", session, paidWith(session));
    }

    /** One read of the session with its payment intent's method expanded: one request per paid sale. */
    @Override
    public String paymentMethod(String sessionId) throws GatewayException {
        Session expanded = call("read the payment method of session " + sessionId, () -> sessions.retrieve(sessionId,
                SessionRetrieveParams.builder().addExpand(EXPAND_METHOD).build()));
        String only = onlyOfferedMethod(expanded);
        if (only != null) {
            return only;
        }
        PaymentIntent intent = expanded.getPaymentIntentObject();
        return intent == null || intent.getPaymentMethodObject() == null ? null
                : intent.getPaymentMethodObject().getType();
    }

    @Override
    public SessionSnapshot expire(String sessionId) throws GatewayException {
        Session session = call("expire session " + sessionId,
                () -> sessions.expire(sessionId, SessionExpireParams.builder().build()));
        return snapshot("expire", session, null);
    }

    @Override
    public List<SessionSnapshot> findByClientReference(String saleId, Instant since) throws GatewayException {
        SessionListParams params = SessionListParams.builder()
                .setCreated(SessionListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .setLimit(100L)
                .build();
        String operation = "list sessions since " + since + " for sale " + saleId;
        StripeCollection<Session> first = call(operation, () -> sessions.list(params));
        List<Session> matches = new ArrayList<>();
        int seen = 0;
        try {
            for (Session s : first.autoPagingIterable()) {
                if (++seen > MAX_LISTED_SESSIONS) {
                    LOG.log(Level.WARNING, "Stopped reading sessions after {0} while looking for sale {1}",
                            MAX_LISTED_SESSIONS, saleId);
                    break;
                }
                if (saleId.equals(s.getClientReferenceId())) {
                    matches.add(s);
                }
            }
        } catch (RuntimeException e) {
            // The paging iterator wraps the next page's StripeException in a RuntimeException.
            if (e.getCause() instanceof StripeException se) {
                throw logged(StripeErrorMapping.toGatewayException(operation, se));
            }
            throw logged(StripeErrorMapping.malformed(operation, "a page of sessions could not be read", e));
        }
        List<SessionSnapshot> result = new ArrayList<>();
        for (Session s : matches) {
            result.add(snapshot("list", s, onlyOfferedMethod(s)));
        }
        return result;
    }

    @Override
    public Mode mode() {
        return connection.mode();
    }

    /**
     * The method the customer paid with. A session that offered one method can only have been paid
     * with it; otherwise it takes a second read with the payment intent expanded. That read needs
     * PaymentIntents (and PaymentMethods) read access, which a restricted key may lack: any failure
     * here only means the method stays unknown, never that the paid sale looks unpaid.
     */
    private String paidWith(Session session) {
        if (!"complete".equals(session.getStatus()) || !"paid".equals(session.getPaymentStatus())) {
            return null;
        }
        String only = onlyOfferedMethod(session);
        if (only != null || session.getPaymentIntent() == null) {
            return only;
        }
        try {
            Session expanded = sessions.retrieve(session.getId(),
                    SessionRetrieveParams.builder().addExpand(EXPAND_METHOD).build());
            PaymentIntent intent = expanded.getPaymentIntentObject();
            if (intent == null || intent.getPaymentMethodObject() == null) {
                return null;
            }
            return intent.getPaymentMethodObject().getType();
        } catch (StripeException e) {
            LOG.log(Level.INFO, "Payment method of paid session {0} unknown: {1}", session.getId(),
                    StripeErrorMapping.toGatewayException("expand payment method", e).getMessage());
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Payment method of paid session {0} unknown: unreadable answer", session.getId());
            return null;
        }
    }

    static String onlyOfferedMethod(Session session) {
        List<String> offered = session.getPaymentMethodTypes();
        return offered != null && offered.size() == 1 ? offered.get(0) : null;
    }

    /**
     * stripe-java fills a Session from any JSON object without complaint: a body of another type (a
     * proxy's or a misrouted answer) arrives as a Session with a null id, or one whose {@code object}
     * is not {@code checkout.session}. Stripe always sends {@code object}, so its absence is as
     * suspect; an answer without a status cannot say whether the customer paid.
     */
    static SessionSnapshot snapshot(String operation, Session s, String method) throws GatewayException {
        if (s == null || s.getId() == null || s.getId().isBlank() || !"checkout.session".equals(s.getObject())
                || s.getStatus() == null) {
            throw logged(StripeErrorMapping.malformed(operation, s == null ? "no object"
                    : "object '" + s.getObject() + "' with id " + s.getId() + " and status " + s.getStatus()
                            + " instead of a checkout.session", null));
        }
        Money total = null;
        Optional<java.util.Currency> currency = CurrencyFacts.lookup(s.getCurrency());
        if (s.getAmountTotal() != null && currency.isPresent()) {
            // Back into the till's units, so the flow compares the sale's total with Stripe's like with like.
            Optional<Money> exact = CurrencyFacts.fromStripeAmount(s.getAmountTotal(), currency.get());
            if (exact.isEmpty()) {
                throw logged(StripeErrorMapping.malformed(operation, "amount_total " + s.getAmountTotal() + " "
                        + s.getCurrency() + " is not a whole number of the currency's units", null));
            }
            total = exact.get();
        }
        return new SessionSnapshot(
                s.getId(),
                status(s.getStatus()),
                paymentStatus(s.getPaymentStatus()),
                s.getUrl(),
                total,
                s.getCreated() == null ? null : Instant.ofEpochSecond(s.getCreated()),
                s.getExpiresAt() == null ? null : Instant.ofEpochSecond(s.getExpiresAt()),
                s.getClientReferenceId(),
                s.getPaymentIntent(),
                method,
                Boolean.TRUE.equals(s.getLivemode()),
                s.getMetadata());
    }

    private static SessionSnapshot.Status status(String s) {
        if (s == null) {
            return SessionSnapshot.Status.UNKNOWN;
        }
        return switch (s) {
            case "open" -> SessionSnapshot.Status.OPEN;
            case "complete" -> SessionSnapshot.Status.COMPLETE;
            case "expired" -> SessionSnapshot.Status.EXPIRED;
            default -> SessionSnapshot.Status.UNKNOWN;
        };
    }

    private static SessionSnapshot.PaymentStatus paymentStatus(String s) {
        if (s == null) {
            return SessionSnapshot.PaymentStatus.UNKNOWN;
        }
        return switch (s) {
            case "paid" -> SessionSnapshot.PaymentStatus.PAID;
            case "unpaid" -> SessionSnapshot.PaymentStatus.UNPAID;
            case "no_payment_required" -> SessionSnapshot.PaymentStatus.NO_PAYMENT_REQUIRED;
            default -> SessionSnapshot.PaymentStatus.UNKNOWN;
        };
    }

    interface StripeCall<T> {
        T run() throws StripeException;
    }

    static <T> T call(String operation, StripeCall<T> call) throws GatewayException {
        try {
            return call.run();
        } catch (StripeException e) {
            throw logged(StripeErrorMapping.toGatewayException(operation, e));
        } catch (RuntimeException e) {
            // Gson's complaints about a body of the wrong shape surface as unchecked exceptions.
            throw logged(StripeErrorMapping.malformed(operation, e.getClass().getSimpleName(), e));
        }
    }

    static GatewayException logged(GatewayException e) {
        LOG.log(e.isTransient() ? Level.INFO : Level.WARNING, "{0} ({1})", e.getMessage(), e.kind());
        return e;
    }
}
