package app.scantill.sandbox;

/** The PaymentIntent endpoint: retrieve (the intents themselves are made when a customer pays). */
final class PaymentIntentRoutes {

    private PaymentIntentRoutes() {
    }

    static void addTo(ApiRoutes routes, SandboxStore store) {
        routes.get("/v1/payment_intents/{id}", call -> store.paymentIntent(call.id(), call.params(), call.publicBase()));
    }
}
