package app.scantill.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Stripe's event list as the store's watcher reads it ({@code GET /v1/events}): only the Checkout
 * Session events that end or settle a payment. Calls are synchronous and may take seconds; never call
 * them on the JavaFX thread. Implementations are thread-safe.
 */
public interface EventsGateway {

    /** The event types the watcher asks for ({@code types[]}). */
    List<String> CHECKOUT_TYPES = List.of("checkout.session.completed", "checkout.session.expired",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed");

    /**
     * One page of those events created at or after {@code createdFrom} (Stripe's whole seconds), newest
     * first; the next page starts after the last event of this one.
     *
     * @param startingAfter the id of the last event of the previous page, or null for the first page
     * @param limit 1..100
     * @throws GatewayException {@code PERMISSION} when the key may not read events (a restricted key
     *     without Events: Read), or as any other call fails
     */
    EventPage checkoutEvents(Instant createdFrom, String startingAfter, int limit) throws GatewayException;

    /** A page of events and whether older ones follow. */
    record EventPage(List<CheckoutEvent> events, boolean hasMore) {
        public EventPage {
            events = List.copyOf(events);
        }
    }

    /**
     * One event with its Checkout Session as it was when the event happened.
     *
     * @param created Stripe's time of the event, in whole seconds
     */
    record CheckoutEvent(String id, String type, Instant created, SessionSnapshot session) {
        public CheckoutEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(session, "session");
        }
    }
}
