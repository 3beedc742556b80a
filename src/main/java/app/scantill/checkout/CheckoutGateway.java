package app.scantill.checkout;

import java.time.Instant;
import java.util.List;

/**
 * The Checkout Session API as ScanTill uses it. Calls are synchronous and may take seconds: call
 * them from a background executor, never from the JavaFX thread. Implementations are thread-safe.
 */
public interface CheckoutGateway {

    /** Creates a session; the request's idempotency key goes with the call. */
    SessionSnapshot create(CheckoutRequest request) throws GatewayException;

    /** Reads a session; when it is paid, the payment method is looked up too where possible. */
    SessionSnapshot retrieve(String sessionId) throws GatewayException;

    /** Expires an open session. Fails with {@code INVALID_REQUEST} when it is no longer open. */
    SessionSnapshot expire(String sessionId) throws GatewayException;

    /** Sessions created at or after {@code since} whose client_reference_id is the sale id (reconciliation). */
    List<SessionSnapshot> findByClientReference(String saleId, Instant since) throws GatewayException;

    /**
     * The method a paid session was paid with ({@code card}, {@code amazon_pay}), or null when it cannot be
     * told; for the store's watcher, which knows the session is paid already. The default reads the session.
     */
    default String paymentMethod(String sessionId) throws GatewayException {
        return retrieve(sessionId).paymentMethod();
    }

    /** SANDBOX, TEST or LIVE, for the badge on screen. */
    Mode mode();

    /**
     * How far Stripe's clock is from this machine's, as learned from Stripe's answers so far
     * ({@link ClockSkew#NONE} until an answer told).
     */
    default ClockSkew clockSkew() {
        return ClockSkew.NONE;
    }

    enum Mode { SANDBOX, TEST, LIVE }
}
