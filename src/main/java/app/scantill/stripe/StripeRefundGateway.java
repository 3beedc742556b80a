package app.scantill.stripe;

import app.scantill.checkout.GatewayException;
import app.scantill.refund.RefundGateway;
import app.scantill.refund.RefundRequest;
import app.scantill.refund.RefundSnapshot;
import app.scantill.sale.RefundStatus;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RefundGateway} over stripe-java 33.3.0: {@code POST /v1/refunds} with the journaled key, reads of
 * refunds, and the receipt URL of a payment (the payment intent's latest charge). One {@link StripeClient}
 * per connection, as for the checkout gateway; errors mapped by {@link StripeErrorMapping}, so a restricted
 * key without Refunds: Write arrives as {@link GatewayException.Kind#PERMISSION}.
 */
public final class StripeRefundGateway implements RefundGateway {

    private static final System.Logger LOG = System.getLogger(StripeRefundGateway.class.getName());

    /** Reconciliation reads at most this many refunds of one payment; a sale has a handful. */
    static final int MAX_LISTED_REFUNDS = 100;

    private final StripeClient client;

    public StripeRefundGateway(StripeConnection connection) {
        Objects.requireNonNull(connection, "connection");
        WireLogRedaction.install();
        this.client = StripeClient.builder()
                .setApiKey(connection.key().revealForClient())
                .setApiBase(connection.apiBase())
                .setConnectTimeout(Math.toIntExact(connection.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(connection.readTimeout().toMillis()))
                .setMaxNetworkRetries(connection.maxNetworkRetries())
                .build();
    }

    @Override
    public RefundSnapshot create(RefundRequest request) throws GatewayException {
        RefundCreateParams params = createParams(request);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        return snapshot("create", call("create refund " + request.refundId() + " of sale " + request.saleId(),
                () -> client.v1().refunds().create(params, options)));
    }

    /** The parameters Stripe receives, one to one from the request; package-visible for tests. */
    static RefundCreateParams createParams(RefundRequest request) {
        return RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntentId())
                .setAmount(request.amountMinor())
                .setReason(switch (request.reason()) {
                    case REQUESTED_BY_CUSTOMER -> RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER;
                    case DUPLICATE -> RefundCreateParams.Reason.DUPLICATE;
                    case FRAUDULENT -> RefundCreateParams.Reason.FRAUDULENT;
                })
                .putAllMetadata(request.metadata())
                .build();
    }

    @Override
    public RefundSnapshot retrieve(String stripeRefundId) throws GatewayException {
        return snapshot("retrieve", call("retrieve refund " + stripeRefundId,
                () -> client.v1().refunds().retrieve(stripeRefundId)));
    }

    @Override
    public List<RefundSnapshot> findByPaymentIntent(String paymentIntentId) throws GatewayException {
        String operation = "list refunds of " + paymentIntentId;
        StripeCollection<Refund> first = call(operation, () -> client.v1().refunds().list(
                RefundListParams.builder().setPaymentIntent(paymentIntentId).setLimit(100L).build()));
        List<RefundSnapshot> result = new ArrayList<>();
        try {
            for (Refund r : first.autoPagingIterable()) {
                if (result.size() >= MAX_LISTED_REFUNDS) {
                    break;
                }
                result.add(snapshot("list", r));
            }
        } catch (RuntimeException e) {
            if (e.getCause() instanceof StripeException se) {
                throw logged(StripeErrorMapping.toGatewayException(operation, se));
            }
            throw logged(StripeErrorMapping.malformed(operation, "a page of refunds could not be read", e));
        }
        return result;
    }

    @Override
    public Optional<String> receiptUrl(String paymentIntentId) throws GatewayException {
        PaymentIntent pi = call("read the receipt of " + paymentIntentId, () -> client.v1().paymentIntents()
                .retrieve(paymentIntentId, PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build(),
                        null));
        Charge charge = pi == null ? null : pi.getLatestChargeObject();
        return Optional.ofNullable(charge == null ? null : charge.getReceiptUrl());
    }

    private static RefundSnapshot snapshot(String operation, Refund r) throws GatewayException {
        if (r == null || r.getId() == null || !"refund".equals(r.getObject()) || r.getStatus() == null) {
            throw logged(StripeErrorMapping.malformed(operation + " refund", r == null ? "no object"
                    : "object '" + r.getObject() + "' with id " + r.getId() + " instead of a refund", null));
        }
        // A status this build does not know is not final: it is read again later.
        RefundStatus status = RefundStatus.fromWire(r.getStatus()).orElse(RefundStatus.PENDING);
        return new RefundSnapshot(r.getId(), status, r.getAmount() == null ? 0 : r.getAmount(), r.getCurrency(),
                r.getPaymentIntent(), r.getFailureReason(), r.getMetadata());
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String operation, StripeCall<T> call) throws GatewayException {
        try {
            return call.run();
        } catch (StripeException e) {
            throw logged(StripeErrorMapping.toGatewayException(operation, e));
        } catch (RuntimeException e) {
            throw logged(StripeErrorMapping.malformed(operation, e.getClass().getSimpleName(), e));
        }
    }

    private static GatewayException logged(GatewayException e) {
        LOG.log(e.isTransient() ? Level.INFO : Level.WARNING, "{0} ({1})", e.getMessage(), e.kind());
        return e;
    }
}
