package app.scantill.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Stripe's events for the sandbox's sessions: made as a session completes, expires or settles an
 * asynchronous payment, each with {@code data.object} as the session was then; listed as
 * {@code GET /v1/events} lists them (filters {@code type} or {@code types[]}, {@code created}, newest
 * first, {@code limit}, {@code starting_after}, {@code ending_before}). Events older than Stripe's 30
 * days are dropped. Runs under the {@link SandboxStore}'s lock.
 */
final class SandboxEvents {

    static final String COMPLETED = "checkout.session.completed";
    static final String EXPIRED = "checkout.session.expired";
    static final String ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String ASYNC_FAILED = "checkout.session.async_payment_failed";

    static final long RETENTION_SECONDS = 30L * 24 * 60 * 60;
    static final int MAX_TYPES = 20;

    private SandboxEvents() {
    }

    /** Records that {@code s} just changed in the way {@code type} says. */
    static void record(SandboxState state, SandboxState.Session s, String type, long now) {
        if (state.events == null) {
            state.events = new ArrayList<>();
        }
        SandboxState.Event e = new SandboxState.Event();
        e.id = SandboxIds.event();
        e.type = type;
        e.created = now;
        e.sequence = ++state.eventSequence;
        // The session as it is now; its pay-page URL is null (it is no longer open) so no base is needed.
        e.object = StripeJson.GSON.toJson(StripeJson.session(state, s, "", Set.of()));
        state.events.add(e);
    }

    static JsonObject list(SandboxState state, FormParams p, long now) {
        Expansion.rejectOthers(p, Set.of("created", "ending_before", "starting_after", "limit", "type", "types",
                "delivery_success", "expand"));
        Expansion.listOf(p, Set.of());
        if (state.events == null) {
            state.events = new ArrayList<>();
        }
        state.events.removeIf(e -> e.created < now - RETENTION_SECONDS);
        List<SandboxState.Event> newestFirst = new ArrayList<>(state.events);
        newestFirst.sort(Comparator.comparingLong((SandboxState.Event e) -> e.sequence).reversed());
        ListPage<SandboxState.Event> page = ListPage.of(p, newestFirst, e -> e.id, filter(p), "event");
        return StripeJson.list("/v1/events", page.items().stream().map(SandboxEvents::json).toList(), page.hasMore());
    }

    private static Predicate<SandboxState.Event> filter(FormParams p) {
        Optional<String> type = p.value("type");
        List<String> types = p.array("types");
        if (type.isPresent() && !types.isEmpty()) {
            throw StripeApiError.invalid("parameters_exclusive", "types",
                    "You may only specify one of these parameters: type, types.");
        }
        if (types.size() > MAX_TYPES) {
            // Stripe's limit; its wording for more than 20 is not confirmed.
            throw StripeApiError.invalid(null, "types", "You may pass at most " + MAX_TYPES + " types.");
        }
        Predicate<SandboxState.Event> filter = e -> true;
        if (type.isPresent()) {
            filter = e -> matches(type.get(), e.type);
        } else if (!types.isEmpty()) {
            filter = e -> types.stream().anyMatch(t -> matches(t, e.type));
        }
        if (p.value("created").isPresent()) {
            long exact = p.integer("created", "created", true);
            filter = filter.and(e -> e.created == exact);
        }
        for (var bound : p.hash("created").entrySet()) {
            String param = "created[" + bound.getKey() + "]";
            long at = p.integer(param, param, true);
            Predicate<SandboxState.Event> f = switch (bound.getKey()) {
                case "gt" -> e -> e.created > at;
                case "gte" -> e -> e.created >= at;
                case "lt" -> e -> e.created < at;
                case "lte" -> e -> e.created <= at;
                default -> throw StripeApiError.unknownParam(param);
            };
            filter = filter.and(f);
        }
        return filter;
    }

    /** Stripe's type filter: an exact type, or a prefix with {@code *} ({@code checkout.session.*}). */
    private static boolean matches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    static JsonObject json(SandboxState.Event e) {
        JsonObject o = new JsonObject();
        o.addProperty("id", e.id);
        o.addProperty("object", "event");
        o.addProperty("api_version", ApiReplies.API_VERSION);
        o.addProperty("created", e.created);
        JsonObject data = new JsonObject();
        data.add("object", JsonParser.parseString(e.object));
        o.add("data", data);
        o.addProperty("livemode", false);
        o.addProperty("pending_webhooks", 0);
        JsonObject request = new JsonObject();
        request.add("id", null);
        request.add("idempotency_key", null);
        o.add("request", request);
        o.addProperty("type", e.type);
        return o;
    }
}
