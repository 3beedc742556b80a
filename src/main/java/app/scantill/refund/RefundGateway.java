package app.scantill.refund;

import app.scantill.checkout.GatewayException;
import java.util.List;
import java.util.Optional;

/**
 * Stripe's Refund API as ScanTill uses it, and the link to the hosted receipt of a payment. Calls are
 * synchronous and may take seconds: never on the JavaFX thread. Implementations are thread-safe.
 */
public interface RefundGateway {

    /** {@code POST /v1/refunds} with the request's idempotency key. */
    RefundSnapshot create(RefundRequest request) throws GatewayException;

    /** {@code GET /v1/refunds/{id}}. */
    RefundSnapshot retrieve(String stripeRefundId) throws GatewayException;

    /** {@code GET /v1/refunds?payment_intent=}: the payment's refunds, newest first (reconciliation). */
    List<RefundSnapshot> findByPaymentIntent(String paymentIntentId) throws GatewayException;

    /**
     * The hosted receipt of a payment: its latest charge's {@code receipt_url} (the payment intent read with
     * {@code expand[]=latest_charge}); empty when Stripe has none.
     */
    Optional<String> receiptUrl(String paymentIntentId) throws GatewayException;
}
