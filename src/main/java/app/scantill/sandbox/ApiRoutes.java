package app.scantill.sandbox;

import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which endpoint answers an API request: a method and a path template such as
 * {@code /v1/checkout/sessions/{id}/expire}. Each Stripe resource the sandbox serves is one small
 * class that adds its routes ({@link CheckoutSessionRoutes}, {@link PaymentIntentRoutes},
 * {@link RefundRoutes}); serving a
 * new resource is such a class and one line in {@link #of}.
 */
final class ApiRoutes {

    /** One API call as an endpoint sees it. */
    record Call(List<String> ids, FormParams params, String publicBase) {
        /** The first {@code {id}} of the path, URL-decoded. */
        String id() {
            return ids.get(0);
        }
    }

    /** Answers a call with the JSON Stripe would send, or throws a {@link StripeApiError}. */
    @FunctionalInterface
    interface Endpoint {
        JsonObject answer(Call call);
    }

    private record Route(String method, Pattern path, Endpoint endpoint) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

    private final List<Route> routes = new ArrayList<>();
    private final Supplier<String> publicBase;

    /** No routes yet; {@link #of} adds the sandbox's own. */
    ApiRoutes(Supplier<String> publicBase) {
        this.publicBase = publicBase;
    }

    /** Every resource the sandbox serves (what the key may do is {@link SandboxPermissions}'). */
    static ApiRoutes of(SandboxStore store, Supplier<String> publicBase) {
        ApiRoutes routes = new ApiRoutes(publicBase);
        CheckoutSessionRoutes.addTo(routes, store);
        PaymentIntentRoutes.addTo(routes, store);
        RefundRoutes.addTo(routes, store.refunds());
        EventRoutes.addTo(routes, store);
        return routes;
    }

    ApiRoutes get(String template, Endpoint endpoint) {
        return add("GET", template, endpoint);
    }

    ApiRoutes post(String template, Endpoint endpoint) {
        return add("POST", template, endpoint);
    }

    private ApiRoutes add(String method, String template, Endpoint endpoint) {
        // A placeholder is one path segment; everything else must match literally.
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), endpoint));
        return this;
    }

    /** The answer of the endpoint for {@code method} and {@code path}; Stripe's 404 when there is none. */
    JsonObject answer(String method, String path, FormParams params) {
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (route.method().equals(method) && m.matches()) {
                List<String> ids = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    ids.add(decode(m.group(g)));
                }
                return route.endpoint().answer(new Call(List.copyOf(ids), params, publicBase.get()));
            }
        }
        // Stripe's wording; it answers an unknown method on a known path the same way.
        throw new StripeApiError(404, StripeApiError.INVALID_REQUEST, null, null, "Unrecognized request URL ("
                + method + ": " + path + "). Please see https://stripe.com/docs or we can help at"
                + " https://support.stripe.com/.");
    }

    static String decode(String segment) {
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
