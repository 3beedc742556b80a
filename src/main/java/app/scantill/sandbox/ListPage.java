package app.scantill.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** One page of a Stripe list: {@code limit}, {@code starting_after}, {@code ending_before}. */
record ListPage<T>(List<T> items, boolean hasMore) {

    static <T> ListPage<T> of(FormParams p, List<T> ordered, Function<T, String> idOf, Predicate<T> filter,
            String objectName) {
        long limit = 10;
        if (p.value("limit").isPresent()) {
            limit = p.integer("limit", "limit", true);
            // Stripe's range wording; the code it sends with it is not confirmed.
            if (limit < 1) {
                throw StripeApiError.invalid("parameter_invalid_integer", "limit",
                        "This value must be greater than or equal to 1.");
            }
            if (limit > 100) {
                throw StripeApiError.invalid("parameter_invalid_integer", "limit",
                        "This value must be less than or equal to 100.");
            }
        }
        Optional<String> after = p.value("starting_after").filter(v -> !v.isEmpty());
        Optional<String> before = p.value("ending_before").filter(v -> !v.isEmpty());
        if (after.isPresent() && before.isPresent()) {
            throw StripeApiError.invalid("parameters_exclusive", "ending_before",
                    "You may only specify one of these parameters: ending_before, starting_after.");
        }
        int n = (int) limit;
        if (after.isPresent()) {
            int at = indexOf(ordered, idOf, after.get(), objectName, "starting_after");
            List<T> rest = ordered.subList(at + 1, ordered.size()).stream().filter(filter).toList();
            return new ListPage<>(rest.subList(0, Math.min(n, rest.size())), rest.size() > n);
        }
        if (before.isPresent()) {
            int at = indexOf(ordered, idOf, before.get(), objectName, "ending_before");
            List<T> rest = ordered.subList(0, at).stream().filter(filter).toList();
            return new ListPage<>(rest.subList(Math.max(0, rest.size() - n), rest.size()), rest.size() > n);
        }
        List<T> all = ordered.stream().filter(filter).toList();
        return new ListPage<>(all.subList(0, Math.min(n, all.size())), all.size() > n);
    }

    private static <T> int indexOf(List<T> ordered, Function<T, String> idOf, String id, String objectName,
            String param) {
        for (int i = 0; i < ordered.size(); i++) {
            if (idOf.apply(ordered.get(i)).equals(id)) {
                return i;
            }
        }
        // Stripe refuses an unknown cursor with resource_missing; the 400 status is not confirmed.
        throw StripeApiError.noSuch(objectName, id, param).withStatus(400);
    }
}
