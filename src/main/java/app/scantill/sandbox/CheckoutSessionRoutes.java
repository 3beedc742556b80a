package app.scantill.sandbox;

/** The Checkout Session endpoints: create, list, retrieve, expire and the line items. */
final class CheckoutSessionRoutes {

    private CheckoutSessionRoutes() {
    }

    static void addTo(ApiRoutes routes, SandboxStore store) {
        routes.post("/v1/checkout/sessions", call -> store.create(call.params(), call.publicBase()))
                .get("/v1/checkout/sessions", call -> store.list(call.params(), call.publicBase()))
                .get("/v1/checkout/sessions/{id}", call -> store.retrieve(call.id(), call.params(), call.publicBase()))
                .post("/v1/checkout/sessions/{id}/expire",
                        call -> store.expire(call.id(), call.params(), call.publicBase()))
                .get("/v1/checkout/sessions/{id}/line_items", call -> store.lineItems(call.id(), call.params()));
    }
}
