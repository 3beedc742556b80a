package app.scantill.sandbox;

/**
 * The event endpoint: {@code GET /v1/events}. A key without Events: Read is refused before it gets here, as every
 * permission is ({@link SandboxPermissions#EVENTS_READ}).
 */
final class EventRoutes {

    private EventRoutes() {
    }

    static void addTo(ApiRoutes routes, SandboxStore store) {
        routes.get("/v1/events", call -> store.events(call.params()));
    }
}
