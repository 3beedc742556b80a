package app.scantill.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.EventsGateway;
import app.scantill.checkout.EventsGateway.CheckoutEvent;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.config.StripeKey;
import app.scantill.sandbox.SandboxClock;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.SandboxPermissions;
import app.scantill.sandbox.StripeSandbox;
import com.stripe.StripeClient;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link StripeEventsGateway} against the sandbox: what Stripe receives and what the watcher reads back. */
class StripeEventsGatewayTest {

    private static final Instant T0 = Instant.parse("2026-08-03T09:00:00Z");
    private StripeSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private EventsGateway gateway(SandboxOptions options) throws Exception {
        sandbox = StripeSandbox.start(options.withClock(SandboxClock.fixedAt(T0)));
        return new StripeEventsGateway(new StripeConnection(StripeKey.parse(sandbox.secretKey()), sandbox.apiBase(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 0, CheckoutGateway.Mode.SANDBOX));
    }

    private String session(String method) throws Exception {
        StripeClient stripe = StripeClient.builder().setApiKey(sandbox.secretKey()).setApiBase(sandbox.apiBase()).build();
        SessionCreateParams.Builder b = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl()).setClientReferenceId("S-1")
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L).setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder().setCurrency("usd").setUnitAmount(1250L)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Tea").build()).build()).build());
        if (method.equals("amazon_pay")) {
            b.addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY);
        }
        return stripe.v1().checkout().sessions().create(b.build()).getId();
    }

    @Test
    void asksForTheCheckoutTypesSinceASecondAndReadsTheSessionAsItWas() throws Exception {
        EventsGateway events = gateway(SandboxOptions.inMemory());
        String id = session("card");
        sandbox.pay(id, "card");

        EventsGateway.EventPage page = events.checkoutEvents(T0.minusSeconds(5), null, 100);

        assertThat(page.hasMore()).isFalse();
        CheckoutEvent e = page.events().get(0);
        assertThat(e.type()).isEqualTo("checkout.session.completed");
        assertThat(e.created()).isEqualTo(T0);
        SessionSnapshot s = e.session();
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.isPaid()).isTrue();
        assertThat(s.paymentMethod()).as("card was the only method offered").isEqualTo("card");
        assertThat(s.amountTotal().minorUnits()).isEqualTo(1250);
        var request = sandbox.requests().get(sandbox.requests().size() - 1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v1/events");
        assertThat(request.param("created[gte]")).contains(String.valueOf(T0.getEpochSecond() - 5));
        assertThat(request.param("limit")).contains("100");
        assertThat(request.param("types[0]")).contains("checkout.session.completed");
        assertThat(request.param("types[1]")).contains("checkout.session.expired");
        assertThat(request.param("types[2]")).contains("checkout.session.async_payment_succeeded");
        assertThat(request.param("types[3]")).contains("checkout.session.async_payment_failed");
    }

    @Test
    void pagesGoOnAfterTheLastEventRead() throws Exception {
        EventsGateway events = gateway(SandboxOptions.inMemory());
        for (int i = 0; i < 3; i++) {
            sandbox.pay(session("amazon_pay"), "amazon_pay");
        }
        EventsGateway.EventPage first = events.checkoutEvents(T0, null, 2);
        EventsGateway.EventPage second = events.checkoutEvents(T0, first.events().get(1).id(), 2);

        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(second.events()).hasSize(1);
        assertThat(first.events().get(0).session().paymentMethod()).as("two methods offered: not known here")
                .isNull();
    }

    @Test
    void aKeyThatMayNotReadEventsIsAPermissionFailure() throws Exception {
        EventsGateway events = gateway(SandboxOptions.inMemory().withoutPermission(SandboxPermissions.EVENTS_READ));

        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> events.checkoutEvents(T0, null, 100));

        assertThat(refused.kind()).isEqualTo(GatewayException.Kind.PERMISSION);
    }
}
