package app.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.config.StripeKey;
import app.scantill.money.Money;
import app.scantill.sale.RefundOrder;
import app.scantill.refund.RefundProgress;
import app.scantill.refund.RefundService;
import app.scantill.refund.RefundSettings;
import app.scantill.sale.Discount;
import app.scantill.sale.DiscountAllocation;
import app.scantill.sale.DiscountReason;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundReason;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxRefund;
import app.scantill.stripe.StripeConnection;
import app.scantill.stripe.StripeRefundGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A discounted sale from cart to refund, through the real pieces: what the sandbox received adds up to the
 * discounted total exactly with no negative amount, the customer pays it, the journal holds the discounts, and a
 * partial refund gives back what was paid for the units, not their list price.
 */
class DiscountedChargeSandboxTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @TempDir
    Path dir;

    private SandboxTill till;
    private final SandboxCustomer customer = new SandboxCustomer();

    @AfterEach
    void closeTill() {
        if (till != null) {
            till.close();
        }
    }

    /** Stripe's line items as the sandbox received them: unit amount and quantity, in order. */
    private static List<long[]> lineItems(RecordedRequest create) {
        List<long[]> items = new ArrayList<>();
        for (int i = 0; create.param("line_items[" + i + "][quantity]").isPresent(); i++) {
            items.add(new long[] {
                Long.parseLong(create.param("line_items[" + i + "][price_data][unit_amount]").orElseThrow()),
                Long.parseLong(create.param("line_items[" + i + "][quantity]").orElseThrow())});
        }
        return items;
    }

    private static long sum(List<long[]> items) {
        return items.stream().mapToLong(i -> i[0] * i[1]).sum();
    }

    @Test
    void aLineAndACartDiscountArePaidToTheCentAndAPartialRefundGivesBackWhatWasPaid() throws Exception {
        till = SandboxTill.in(dir).start();
        // 3 x 2.45 less 10 % (0.74), 1 x 4.99; then 1.00 off the cart: 6.61 + 4.99 = 11.60 -> 10.60
        DiscountAllocation.Result priced = DiscountAllocation.apply(
                List.of(new SaleLine("COF", "Coffee", 245, 3), new SaleLine("CAKE", "Cake", 499, 1)),
                Map.of(0, Discount.percent(1000, DiscountReason.LOYALTY, "")),
                Optional.of(Discount.amount(100, DiscountReason.PRICE_MATCH, "market")), 1);

        till.service().start(USD, priced.lines(), priced.discounts());
        ChargeStatus open = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT || s.phase() == Phase.FAILED);
        assertThat(open.phase()).as("statuses: %s", till.statuses()).isEqualTo(Phase.AWAITING_PAYMENT);

        RecordedRequest create = till.creates().get(0);
        List<long[]> items = lineItems(create);
        assertThat(sum(items)).as("what Stripe charges").isEqualTo(1060).isEqualTo(priced.chargedMinor());
        assertThat(items).allSatisfy(i -> assertThat(i[0]).isNotNegative());
        // the coffee's 6.61 - 0.57 = 6.04 does not divide by 3: 1 x 2.02 + 2 x 2.01
        assertThat(items).extracting(i -> i[0] + "x" + i[1]).containsExactly("202x1", "201x2", "456x1");
        assertThat(create.param("line_items[0][price_data][product_data][name]"))
                .hasValueSatisfying(n -> assertThat(n).startsWith("Coffee (").contains("2.45").contains("2.02"));
        assertThat(open.amount()).isEqualTo(Money.of(1060, USD));

        customer.pay(open.url(), "card");
        assertThat(till.awaitPhase(Phase.PAID).phase()).isEqualTo(Phase.PAID);
        Sale sale = till.sale(open.saleId());
        assertThat(sale.state()).isEqualTo(SaleState.PAID);
        assertThat(sale.discounts()).isEqualTo(priced.discounts());
        assertThat(sale.totalMinor()).isEqualTo(1060);

        // one of the three coffees back: a third of the 6.04 paid for them, rounded down
        StripeConnection connection = new StripeConnection(StripeKey.parse(till.sandbox().secretKey()),
                till.sandbox().apiBase(), Duration.ofSeconds(5), Duration.ofSeconds(10), 0, CheckoutGateway.Mode.SANDBOX);
        RefundService refunds = new RefundService(new StripeRefundGateway(connection), till.journal(),
                RefundSettings.defaults(SandboxTill.REGISTER).withFollowInterval(Duration.ofMillis(50)),
                Clock.systemUTC(), new SaleIdGenerator(Clock.systemUTC()));
        try {
            long oneCoffee = RefundBalance.lineRefundMinor(sale.lines().get(0), 3, 1);
            assertThat(oneCoffee).isEqualTo(201);
            RefundOrder order = refunds.order(sale, oneCoffee, RefundReason.REQUESTED_BY_CUSTOMER,
                    List.of(new RefundLine(1, 1)));
            refunds.start(order, Money.of(oneCoffee, USD));
            RefundProgress done = refunds.await(order.refundId(), RefundProgress::isSettled, Duration.ofSeconds(10));
            assertThat(done.phase()).isEqualTo(RefundProgress.Phase.SUCCEEDED);
            assertThat(till.sandbox().refunds(sale.paymentIntentId())).extracting(SandboxRefund::amount)
                    .containsExactly(Money.of(201, USD));
            // the other two coffees give back the rest of what was paid for the line: 6.04 in all
            assertThat(RefundBalance.lineRefundMinor(sale.lines().get(0), 2, 2)).isEqualTo(403);
            assertThat(RefundBalance.of(sale, till.journal().refunds(sale.id())).refundable())
                    .isEqualTo(Money.of(1060 - 201, USD));
        } finally {
            refunds.shutdown();
        }
    }

    @Test
    void aCartDiscountOverManyYenLinesIsSentInWholeYenAndAddsUp() throws Exception {
        till = SandboxTill.in(dir).start();
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(new SaleLine("JP-" + i, "Mochi " + i, 101 + 37L * i, 1 + i % 7));
        }
        DiscountAllocation.Result priced = DiscountAllocation.apply(lines, Map.of(),
                Optional.of(Discount.percent(1333, DiscountReason.STAFF, "")), 1);

        till.service().start(JPY, priced.lines(), priced.discounts());
        ChargeStatus open = till.await(s -> s.phase() == Phase.AWAITING_PAYMENT || s.phase() == Phase.FAILED);
        assertThat(open.phase()).as("statuses: %s", till.statuses()).isEqualTo(Phase.AWAITING_PAYMENT);

        List<long[]> items = lineItems(till.creates().get(0));
        assertThat(sum(items)).isEqualTo(priced.chargedMinor());
        assertThat(items.size()).isBetween(40, 80);
        assertThat(till.sandbox().session(open.sessionId()).orElseThrow().amountTotal())
                .isEqualTo(Money.of(priced.chargedMinor(), JPY));
    }
}
