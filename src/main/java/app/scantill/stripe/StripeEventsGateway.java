package app.scantill.stripe;

import app.scantill.checkout.EventsGateway;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.SessionSnapshot;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.param.EventListParams;
import com.stripe.service.EventService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EventsGateway} over stripe-java 33.3.0: {@code GET /v1/events} with {@code types[]} for the
 * Checkout Session events and {@code created[gte]}, one page per call. Each event's {@code data.object}
 * is read as the Checkout Session it was at the event. Needs a key that may read events (a restricted
 * key with Events: Read); without it Stripe answers 403, a {@code PERMISSION} failure.
 */
public final class StripeEventsGateway implements EventsGateway {

    private final EventService events;

    public StripeEventsGateway(StripeConnection connection) {
        Objects.requireNonNull(connection, "connection");
        WireLogRedaction.install();
        this.events = connection.newClient().v1().events();
    }

    @Override
    public EventPage checkoutEvents(Instant createdFrom, String startingAfter, int limit) throws GatewayException {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100");
        }
        EventListParams.Builder params = EventListParams.builder().addAllType(CHECKOUT_TYPES)
                .setCreated(EventListParams.Created.builder().setGte(createdFrom.getEpochSecond()).build())
                .setLimit((long) limit);
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        String operation = "list checkout events since " + createdFrom;
        StripeCollection<Event> page = StripeCheckoutGateway.call(operation, () -> events.list(params.build()));
        List<CheckoutEvent> result = new ArrayList<>();
        if (page.getData() != null) {
            for (Event e : page.getData()) {
                result.add(event(e));
            }
        }
        return new EventPage(result, Boolean.TRUE.equals(page.getHasMore()));
    }

    private static CheckoutEvent event(Event e) throws GatewayException {
        if (e.getId() == null || e.getType() == null || e.getCreated() == null) {
            throw StripeCheckoutGateway.logged(StripeErrorMapping.malformed("list events",
                    "an event without id, type or time", null));
        }
        Session session = session(e).orElseThrow(() -> StripeCheckoutGateway.logged(StripeErrorMapping.malformed(
                "list events", "event " + e.getId() + " carries no checkout.session", null)));
        SessionSnapshot snapshot = StripeCheckoutGateway.snapshot("list events", session,
                StripeCheckoutGateway.onlyOfferedMethod(session));
        return new CheckoutEvent(e.getId(), e.getType(), Instant.ofEpochSecond(e.getCreated()), snapshot);
    }

    /**
     * The event's object: stripe-java deserializes it only when the event's API version is the SDK's
     * own; an event of another version is read anyway, as a Checkout Session keeps the fields used here.
     */
    private static Optional<Session> session(Event e) {
        try {
            Optional<StripeObject> object = e.getDataObjectDeserializer().getObject();
            StripeObject o = object.isPresent() ? object.get() : e.getDataObjectDeserializer().deserializeUnsafe();
            return o instanceof Session s ? Optional.of(s) : Optional.empty();
        } catch (com.stripe.exception.EventDataObjectDeserializationException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
