package app.scantill.stripe;

import static app.scantill.stripe.CapturingStripeServer.error;
import static app.scantill.stripe.CapturingStripeServer.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.ClockSkew;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.config.StripeKey;
import app.scantill.money.Money;
import app.scantill.sale.PaymentMethod;
import app.scantill.stripe.CapturingStripeServer.Reply;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link StripeCheckoutGateway} reads from Stripe's answers beyond the session: amounts in the
 * currency's special form, Stripe's clock, and failures replayed from the idempotency store.
 * (https://docs.stripe.com/currencies#special-cases, https://docs.stripe.com/api/idempotent_requests)
 */
class StripeTermsGatewayTest {

    private static final String KEY = "sk_test_51TestKeyAbcdefghijklmnopqrstuvwxyz0123456789ScTl";
    private static final Currency UGX = Currency.getInstance("UGX");
    /** The {@code created} of {@link CapturingStripeServer#session}. */
    private static final Instant CREATED = Instant.ofEpochSecond(1767225600);

    private CapturingStripeServer stripe;

    @BeforeEach
    void startServer() throws IOException {
        stripe = new CapturingStripeServer();
    }

    @AfterEach
    void stopServer() {
        stripe.close();
    }

    private StripeCheckoutGateway gateway(Clock tillClock) {
        return new StripeCheckoutGateway(new StripeConnection(StripeKey.parse(KEY), stripe.baseUrl(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0, CheckoutGateway.Mode.TEST), tillClock);
    }

    private StripeCheckoutGateway gateway() {
        return gateway(Clock.systemUTC());
    }

    private static CheckoutRequest request(String key, Currency currency, long unitAmount) {
        return new CheckoutRequest("S-1", "till-1", key, currency, List.of(new CheckoutRequest.Line("Coffee", unitAmount,
                2)), Set.of(PaymentMethod.CARD), "https://shop.example/thanks", null,
                CREATED.plus(Duration.ofMinutes(35)), Map.of("sale_id", "S-1"), null);
    }

    private static String ugxSession(long amountTotal) {
        return session("cs_test_u1", "open", "unpaid", "S-1", null, "card")
                .replace("\"amount_total\":4150,\"currency\":\"usd\"",
                        "\"amount_total\":" + amountTotal + ",\"currency\":\"ugx\"");
    }

    // ---------------------------------------------------------------- amounts

    @Test
    void ugxIsSentAsHundredthsAndReadBackInWholeShillings() throws Exception {
        stripe.reply(Reply.json(200, ugxSession(5_000_000)));

        SessionSnapshot created = gateway().create(request("k-1", UGX, 25_000));

        assertThat(stripe.onlyRequest().form().get("line_items[0][price_data][unit_amount]")).isEqualTo("2500000");
        assertThat(created.amountTotal()).isEqualTo(Money.of(50_000, UGX));
    }

    @Test
    void stripeAmountThatIsNoWholeNumberOfShillingsIsAnUnreadableAnswerNotAWrongTotal() {
        stripe.reply(Reply.json(200, ugxSession(5_000_050)));

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> gateway().retrieve("cs_test_u1"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("5000050").contains("ugx");
    }

    // ---------------------------------------------------------------- replayed failures

    @Test
    void failureWithIdempotentReplayedIsMarkedReplayed() {
        stripe.reply(Reply.json(500, error("api_error", null, null, "An unknown error occurred"))
                .withHeader("Idempotent-Replayed", "true"));

        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> gateway().create(request("k-2", Currency.getInstance("USD"), 450)));

        assertThat(e.replayed()).isTrue();
        assertThat(e.isSavedServerFailure()).isTrue();
        assertThat(e.getMessage()).contains("replayed");
    }

    @Test
    void failureWithTheSameRequestIdUnderTheSameKeyIsMarkedReplayedWithoutTheHeader() {
        stripe.reply(Reply.json(500, error("api_error", null, null, "An unknown error occurred")));
        StripeCheckoutGateway gateway = gateway();
        CheckoutRequest request = request("k-3", Currency.getInstance("USD"), 450);

        GatewayException first = catchThrowableOfType(GatewayException.class, () -> gateway.create(request));
        GatewayException second = catchThrowableOfType(GatewayException.class, () -> gateway.create(request));
        GatewayException otherKey = catchThrowableOfType(GatewayException.class,
                () -> gateway.create(request("k-4", Currency.getInstance("USD"), 450)));

        assertThat(first.replayed()).as("a fresh 500: worth sending again").isFalse();
        assertThat(first.isTransient()).isTrue();
        assertThat(second.replayed()).as("the first answer's request id again").isTrue();
        assertThat(otherKey.replayed()).isFalse();
    }

    // ---------------------------------------------------------------- Stripe's clock

    @Test
    void newSessionsCreatedTimeTellsStripesClock() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_c1", "open", "unpaid", "S-1", null, "card")));
        Clock tenMinutesFast = Clock.fixed(CREATED.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        StripeCheckoutGateway gateway = gateway(tenMinutesFast);
        assertThat(gateway.clockSkew()).isEqualTo(ClockSkew.NONE);

        gateway.create(request("k-5", Currency.getInstance("USD"), 450));

        ClockSkew skew = gateway.clockSkew();
        assertThat(skew.tillSlow()).isFalse();
        assertThat(skew.minutesOff()).isEqualTo(10);
        assertThat(skew.stripeAhead()).isEqualTo(Duration.ofMinutes(-10).plusMillis(500));
    }

    @Test
    void replayedSessionAndRefusedCreateTellStripesClockByTheirDateHeader() throws Exception {
        // The capturing server's Date is this machine's time; the till's clock is 15 minutes behind it.
        Clock fifteenSlow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-15));
        stripe.reply(Reply.json(200, session("cs_test_c2", "open", "unpaid", "S-1", null, "card"))
                .withHeader("Idempotent-Replayed", "true"));
        StripeCheckoutGateway gateway = gateway(fifteenSlow);

        gateway.create(request("k-6", Currency.getInstance("USD"), 450));
        assertThat(gateway.clockSkew().tillSlow()).as("not the replayed session's old created time").isTrue();
        assertThat(gateway.clockSkew().minutesOff()).isEqualTo(15);

        stripe.reply(Reply.json(400, error("invalid_request_error", null, "expires_at",
                "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.")));
        StripeCheckoutGateway refusedOnce = gateway(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)));
        GatewayException refusal = catchThrowableOfType(GatewayException.class,
                () -> refusedOnce.create(request("k-7", Currency.getInstance("USD"), 450)));
        assertThat(refusal.param()).contains("expires_at");
        assertThat(refusedOnce.clockSkew().tillSlow()).isFalse();
        assertThat(refusedOnce.clockSkew().minutesOff()).isEqualTo(20);
    }

    @Test
    void readsDoNotMoveTheClock() throws Exception {
        stripe.reply(Reply.json(200, session("cs_test_c3", "open", "unpaid", "S-1", null, "card")),
                Reply.json(200, "{\"object\":\"list\",\"url\":\"/v1/checkout/sessions\",\"has_more\":false,"
                        + "\"data\":[]}"));
        StripeCheckoutGateway gateway = gateway(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));

        gateway.retrieve("cs_test_c3");
        gateway.findByClientReference("S-1", CREATED);

        assertThat(gateway.clockSkew()).isEqualTo(ClockSkew.NONE);
    }
}
