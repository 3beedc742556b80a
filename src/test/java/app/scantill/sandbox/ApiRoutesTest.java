package app.scantill.sandbox;

import com.google.gson.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How the API finds the endpoint of a request, and what a client gets when there is none. */
class ApiRoutesTest {

    final ApiRoutes routes = new ApiRoutes(() -> "http://127.0.0.1:1");

    @Test
    void aRouteIsOneRegistrationAndGetsItsIdsDecoded() {
        routes.get("/v1/refunds/{id}", call -> object(call.id() + " " + call.publicBase()));

        JsonObject answer = routes.answer("GET", "/v1/refunds/re%5F1", FormParams.empty());

        assertThat(answer.get("id").getAsString()).isEqualTo("re_1 http://127.0.0.1:1");
    }

    @Test
    void anotherMethodOrPathIsStripesUnrecognizedUrl() {
        routes.get("/v1/refunds/{id}", call -> object(call.id()));

        for (String[] request : new String[][] {{"POST", "/v1/refunds/re_1"}, {"GET", "/v1/refunds/re_1/extra"},
                {"GET", "/v1/refunds"}}) {
            StripeApiError refused = catchThrowableOfType(StripeApiError.class,
                    () -> routes.answer(request[0], request[1], FormParams.empty()));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.type()).isEqualTo(StripeApiError.INVALID_REQUEST);
            assertThat(refused.getMessage()).startsWith("Unrecognized request URL (" + request[0] + ": " + request[1]);
        }
    }

    @Test
    void theTemplateOutsideItsPlaceholdersIsLiteral() {
        routes.get("/v1/a.b/{id}", call -> object(call.id()));

        assertThat(catchThrowableOfType(StripeApiError.class,
                () -> routes.answer("GET", "/v1/aXb/x", FormParams.empty())).status()).isEqualTo(404);
        assertThat(routes.answer("GET", "/v1/a.b/x", FormParams.empty()).get("id").getAsString()).isEqualTo("x");
    }

    @Test
    void theSandboxServesEveryEndpointItDocuments() {
        SandboxStore store = new SandboxStore(SandboxClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z")), null, null);
        ApiRoutes sandbox = ApiRoutes.of(store, () -> "http://127.0.0.1:1");
        String[][] endpoints = {{"GET", "/v1/checkout/sessions/cs_test_x", "checkout.session"},
                {"POST", "/v1/checkout/sessions/cs_test_x/expire", "checkout.session"},
                {"GET", "/v1/checkout/sessions/cs_test_x/line_items", "checkout.session"},
                {"GET", "/v1/payment_intents/pi_x", "payment_intent"}};

        for (String[] e : endpoints) {
            StripeApiError refused = catchThrowableOfType(StripeApiError.class,
                    () -> sandbox.answer(e[0], e[1], FormParams.empty()));
            assertThat(refused.getMessage()).as(e[0] + " " + e[1]).startsWith("No such " + e[2]);
        }
        assertThat(sandbox.answer("GET", "/v1/checkout/sessions", FormParams.empty()).get("object").getAsString())
                .isEqualTo("list");
        assertThat(catchThrowableOfType(StripeApiError.class, () -> sandbox.answer("POST", "/v1/checkout/sessions",
                FormParams.empty())).code()).isEqualTo("parameter_missing");
    }

    private static JsonObject object(String id) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        return o;
    }
}
