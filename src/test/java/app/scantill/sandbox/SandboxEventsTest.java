package app.scantill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import com.stripe.param.EventListParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/events} as stripe-java reads it: events made as sessions complete, expire and settle,
 * each with the session as it was then; Stripe's filters, newest first, and its paging.
 */
class SandboxEventsTest {

    private StripeSandbox sandbox;
    private StripeClient stripe;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
        stripe = SandboxTestSupport.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String session() throws StripeException {
        return stripe.v1().checkout().sessions().create(SandboxTestSupport.cart(sandbox).build()).getId();
    }

    private List<Event> list(EventListParams params) throws StripeException {
        return stripe.v1().events().list(params).getData();
    }

    @Test
    void eachEndOfASessionIsAnEventWithTheSessionAsItWasThen() throws Exception {
        String paid = session();
        String expired = session();
        String later = session();
        sandbox.pay(paid, "amazon_pay");
        sandbox.clock().advance(Duration.ofSeconds(1));
        stripe.v1().checkout().sessions().expire(expired);
        sandbox.clock().advance(Duration.ofSeconds(1));
        sandbox.payLater(later, "card");
        sandbox.clock().advance(Duration.ofSeconds(1));
        sandbox.settle(later, true);

        List<Event> events = list(EventListParams.builder().build());

        assertThat(events).extracting(Event::getType).containsExactly("checkout.session.async_payment_succeeded",
                "checkout.session.completed", "checkout.session.expired", "checkout.session.completed");
        assertThat(events).extracting(Event::getApiVersion).containsOnly("2026-07-29.dahlia");
        Session completedLater = (Session) events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(completedLater.getId()).isEqualTo(later);
        assertThat(completedLater.getPaymentStatus()).as("as it was: not yet settled").isEqualTo("unpaid");
        Session settled = (Session) events.get(0).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(settled.getPaymentStatus()).isEqualTo("paid");
        Session first = (Session) events.get(3).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(first.getId()).isEqualTo(paid);
        assertThat(first.getStatus()).isEqualTo("complete");
        assertThat(first.getPaymentIntent()).startsWith("pi_");
        assertThat(events.get(3).getCreated()).isEqualTo(SandboxTestSupport.T0.getEpochSecond());
    }

    @Test
    void aSessionRunningOutOfTimeMakesItsExpiredEventOnce() throws Exception {
        String id = session();
        sandbox.clock().advance(Duration.ofHours(25));

        List<Event> events = list(EventListParams.builder().addType("checkout.session.expired").build());
        List<Event> again = list(EventListParams.builder().build());

        assertThat(events).singleElement().satisfies(e ->
                assertThat(((Session) e.getDataObjectDeserializer().getObject().orElseThrow()).getId()).isEqualTo(id));
        assertThat(again).hasSize(1);
    }

    @Test
    void typesAndCreatedFilterAndATypeMayEndInAStar() throws Exception {
        String a = session();
        String b = session();
        sandbox.pay(a, "card");
        sandbox.clock().advance(Duration.ofSeconds(10));
        sandbox.expire(b);
        long at = sandbox.clock().now().getEpochSecond();

        assertThat(list(EventListParams.builder().addType("checkout.session.completed").build()))
                .extracting(Event::getType).containsExactly("checkout.session.completed");
        assertThat(list(EventListParams.builder().addType("checkout.session.completed")
                .addType("checkout.session.expired").build())).hasSize(2);
        assertThat(list(EventListParams.builder().setType("checkout.session.*").build())).hasSize(2);
        assertThat(list(EventListParams.builder().setType("payment_intent.succeeded").build())).isEmpty();
        assertThat(list(EventListParams.builder().setCreated(EventListParams.Created.builder().setGte(at).build())
                .build())).extracting(Event::getType).containsExactly("checkout.session.expired");
        assertThat(list(EventListParams.builder().setCreated(EventListParams.Created.builder().setLt(at).build())
                .build())).extracting(Event::getType).containsExactly("checkout.session.completed");
    }

    @Test
    void pagesGoNewestFirstWithStartingAfterAndEndingBefore() throws Exception {
        for (int i = 0; i < 5; i++) {
            sandbox.pay(session(), "card");
            sandbox.clock().advance(Duration.ofSeconds(1));
        }
        List<String> all = list(EventListParams.builder().build()).stream().map(Event::getId).toList();
        List<String> paged = new ArrayList<>();
        StripeCollection<Event> page = stripe.v1().events().list(EventListParams.builder().setLimit(2L).build());
        paged.addAll(page.getData().stream().map(Event::getId).toList());
        while (page.getHasMore()) {
            page = stripe.v1().events().list(EventListParams.builder().setLimit(2L)
                    .setStartingAfter(paged.get(paged.size() - 1)).build());
            paged.addAll(page.getData().stream().map(Event::getId).toList());
        }

        assertThat(paged).containsExactlyElementsOf(all).hasSize(5);
        assertThat(list(EventListParams.builder().setEndingBefore(all.get(2)).build())).extracting(Event::getId)
                .containsExactly(all.get(0), all.get(1));
    }

    @Test
    void stripesLimitsAreKept() throws Exception {
        InvalidRequestException tooMany = catchThrowableOfType(InvalidRequestException.class,
                () -> list(EventListParams.builder().setLimit(101L).build()));
        assertThat(tooMany.getParam()).isEqualTo("limit");
        InvalidRequestException both = catchThrowableOfType(InvalidRequestException.class,
                () -> list(EventListParams.builder().setType("a").addType("b").build()));
        assertThat(both.getMessage()).contains("only specify one of these parameters: type, types");
        String raw = stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/events?limit=1", null,
                RawRequestOptions.builder().build()).body();
        JsonObject list = JsonParser.parseString(raw).getAsJsonObject();
        assertThat(list.get("object").getAsString()).isEqualTo("list");
        assertThat(list.get("url").getAsString()).isEqualTo("/v1/events");
        assertThat(list.get("data").getAsJsonArray()).isEqualTo(new JsonArray());
    }

    @Test
    void aKeyWithoutEventsReadIsRefusedAsStripeRefusesARestrictedKey() throws Exception {
        try (StripeSandbox restricted = StripeSandbox.start(SandboxOptions.inMemory().withoutPermission(SandboxPermissions.EVENTS_READ))) {
            PermissionException refused = catchThrowableOfType(PermissionException.class, () ->
                    SandboxTestSupport.client(restricted).v1().events().list(EventListParams.builder().build()));
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getMessage()).contains("rak_event_read");
        }
    }

    @Test
    void eventsReadIsOnePermissionLikeAnyOtherWithheldAtStartOrWhileRunningAndGrantedAgain() throws Exception {
        try (StripeSandbox restricted = StripeSandbox.start(SandboxOptions.inMemory()
                .withoutPermission(SandboxPermissions.EVENTS_READ))) {
            restricted.permissions().grantAll();
            assertThat(SandboxTestSupport.client(restricted).v1().events().list(EventListParams.builder().build())
                    .getData()).isEmpty();

            restricted.permissions().withhold(SandboxPermissions.EVENTS_READ);
            PermissionException refused = catchThrowableOfType(PermissionException.class, () ->
                    SandboxTestSupport.client(restricted).v1().events().list(EventListParams.builder().build()));
            assertThat(refused.getStripeError().getMessage()).as("the same wording as every missing permission")
                    .startsWith("The provided key 'sk_test_").contains("'rak_event_read' permission");
        }
        assertThatThrownBy(() -> SandboxOptions.inMemory().withoutPermission("rak_everything"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rak_event_read");
    }
}
