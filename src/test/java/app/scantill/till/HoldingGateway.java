package app.scantill.till;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.refund.RefundGateway;
import app.scantill.refund.RefundRequest;
import app.scantill.refund.RefundSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A Checkout (and refund) gateway decorator that can hold the next create, expire or refund call before it leaves the
 * till, until {@link #release()} or until the process is killed: the moment "journaled, not yet sent"
 * made visible for the crash tests. While a call waits it reports {@code HELD op=... } once.
 */
final class HoldingGateway {

    enum Operation { CREATE, EXPIRE, REFUND }

    private final AtomicReference<Operation> armed = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
    private final Consumer<String> held;

    /** @param held receives the line to print when a call is held, e.g. {@code HELD op=create sale=S-1 key=k} */
    HoldingGateway(Consumer<String> held) {
        this.held = held;
    }

    /** The next call of this kind waits; a call already waiting stays held until {@link #release()}. */
    void arm(Operation operation) {
        gate.set(new CountDownLatch(1));
        armed.set(operation);
    }

    /** Disarms and lets a held call go. */
    void release() {
        armed.set(null);
        gate.get().countDown();
    }

    /** {@code real} with create and expire passing through the hold. */
    CheckoutGateway around(CheckoutGateway real) {
        return new CheckoutGateway() {
            @Override
            public SessionSnapshot create(CheckoutRequest request) throws GatewayException {
                holdIf(Operation.CREATE, "sale=" + request.saleId() + " key=" + request.idempotencyKey());
                return real.create(request);
            }

            @Override
            public SessionSnapshot retrieve(String sessionId) throws GatewayException {
                return real.retrieve(sessionId);
            }

            @Override
            public SessionSnapshot expire(String sessionId) throws GatewayException {
                holdIf(Operation.EXPIRE, "session=" + sessionId);
                return real.expire(sessionId);
            }

            @Override
            public List<SessionSnapshot> findByClientReference(String saleId, Instant since) throws GatewayException {
                return real.findByClientReference(saleId, since);
            }

            @Override
            public Mode mode() {
                return real.mode();
            }
        };
    }

    /** {@code real} with the refund create passing through the hold. */
    RefundGateway aroundRefunds(RefundGateway real) {
        return new RefundGateway() {
            @Override
            public RefundSnapshot create(RefundRequest request) throws GatewayException {
                holdIf(Operation.REFUND, "refund=" + request.refundId() + " key=" + request.idempotencyKey());
                return real.create(request);
            }

            @Override
            public RefundSnapshot retrieve(String stripeRefundId) throws GatewayException {
                return real.retrieve(stripeRefundId);
            }

            @Override
            public List<RefundSnapshot> findByPaymentIntent(String paymentIntentId) throws GatewayException {
                return real.findByPaymentIntent(paymentIntentId);
            }

            @Override
            public Optional<String> receiptUrl(String paymentIntentId) throws GatewayException {
                return real.receiptUrl(paymentIntentId);
            }
        };
    }

    private void holdIf(Operation operation, String detail) {
        if (armed.compareAndSet(operation, null)) {
            held.accept("HELD op=" + operation.name().toLowerCase(Locale.ROOT) + " " + detail);
            try {
                gate.get().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
