package app.scantill.sandbox;

/** The event endpoint: {@code GET /v1/events}, refused as to a restricted key without Events: Read if so set. */
final class EventRoutes {

    private EventRoutes() {
    }

    static void addTo(ApiRoutes routes, SandboxStore store, boolean eventsReadable) {
        routes.get("/v1/events", call -> {
            if (!eventsReadable) {
                throw StripeApiError.missingPermission("rak_event_read");
            }
            return store.events(call.params());
        });
    }
}
