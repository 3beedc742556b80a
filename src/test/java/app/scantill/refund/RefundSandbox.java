package app.scantill.refund;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.config.StripeKey;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleLine;
import app.scantill.sandbox.SandboxClock;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.stripe.StripeConnection;
import app.scantill.stripe.StripeRefundGateway;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * Refunds wired from the real pieces, as the till wires them: the embedded sandbox on loopback,
 * {@link StripeRefundGateway} over stripe-java and a {@link JdbcSalesJournal} file; sales are paid on the
 * sandbox and journaled as the charge flow journals them. The flow's clock is the sandbox's.
 */
final class RefundSandbox implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-08-03T09:00:00Z");
    static final String REGISTER = "till-3";

    final StripeSandbox sandbox;
    final JdbcSalesJournal journal;
    final StripeRefundGateway gateway;
    final StripeClient stripe;
    final Clock clock;

    RefundSandbox(Path dir) throws Exception {
        sandbox = StripeSandbox.start(SandboxOptions.inMemory().withClock(SandboxClock.fixedAt(T0)));
        clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return sandbox.clock().now();
            }
        };
        journal = JdbcSalesJournal.open(dir.resolve("journal.db"), clock);
        StripeConnection connection = new StripeConnection(StripeKey.parse(sandbox.secretKey()), sandbox.apiBase(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 0, CheckoutGateway.Mode.SANDBOX);
        gateway = new StripeRefundGateway(connection);
        stripe = StripeClient.builder().setApiKey(sandbox.secretKey()).setApiBase(sandbox.apiBase()).build();
    }

    /** A service as the till builds it, with short waits. */
    RefundService service(String register) {
        return new RefundService(gateway, journal, RefundSettings.defaults(register)
                .withFollowInterval(Duration.ofMillis(50)).withFirstRetry(Duration.ofMillis(20)), clock,
                new SaleIdGenerator(clock));
    }

    /**
     * A sale of 2 x Coffee 350 and 1 x Bagel 275 (975 cents), paid on the sandbox with {@code method} and
     * journaled PAID with the sandbox's payment intent.
     */
    Sale paidSale(String saleId, String method) throws Exception {
        List<SaleLine> lines = List.of(new SaleLine("SKU-1", "Coffee", 350, 2), new SaleLine("SKU-2", "Bagel", 275, 1));
        SessionCreateParams.Builder p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl()).setClientReferenceId(saleId)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY);
        for (SaleLine l : lines) {
            p.addLineItem(SessionCreateParams.LineItem.builder().setQuantity((long) l.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("usd")
                            .setUnitAmount(l.unitAmountMinor())
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(l.name()).build()).build()).build());
        }
        Session s = stripe.v1().checkout().sessions().create(p.build());
        String pi = sandbox.pay(s.getId(), method).paymentIntentId();
        journal.begin(saleId, REGISTER, Currency.getInstance("USD"), lines, "scantill-" + saleId + "-a1");
        journal.recordSession(saleId, s.getId(), null);
        return journal.markPaid(saleId, pi, method, null);
    }

    @Override
    public void close() {
        sandbox.close();
        journal.close();
    }
}
