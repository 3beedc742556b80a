package app.scantill.sandbox;

/** The Refund and Charge endpoints: create, retrieve and list refunds; retrieve a charge (its receipt URL). */
final class RefundRoutes {

    private RefundRoutes() {
    }

    static void addTo(ApiRoutes routes, SandboxRefunds refunds) {
        routes.post("/v1/refunds", call -> refunds.create(call.params(), call.publicBase()))
                .get("/v1/refunds", call -> refunds.list(call.params()))
                .get("/v1/refunds/{id}", call -> refunds.retrieve(call.id(), call.params()))
                .get("/v1/charges/{id}", call -> refunds.charge(call.id(), call.params(), call.publicBase()));
    }
}
