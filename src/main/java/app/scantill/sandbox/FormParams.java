package app.scantill.sandbox;

import app.scantill.text.Texts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Form-encoded parameters as stripe-java sends them: flat pairs whose keys carry the structure in
 * brackets ({@code line_items[0][price_data][currency]=usd}, {@code expand[0]=payment_intent},
 * {@code metadata[sale]=s1}). Keeps the order sent; the helpers read the bracket structure.
 */
final class FormParams {

    private final List<Map.Entry<String, String>> entries;

    private FormParams(List<Map.Entry<String, String>> entries) {
        this.entries = List.copyOf(entries);
    }

    static FormParams empty() {
        return new FormParams(List.of());
    }

    /**
     * Decodes {@code a=1&b[c]=2}. Refuses broken percent escapes with Stripe's error envelope.
     */
    static FormParams parse(String encoded) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return new FormParams(list);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawKey = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                list.add(new AbstractMap.SimpleImmutableEntry<>(
                        URLDecoder.decode(rawKey, StandardCharsets.UTF_8),
                        URLDecoder.decode(rawValue, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                // Stripe's exact wording for an undecodable body is not known; this says what is wrong.
                throw StripeApiError.invalid(null, null,
                        "Invalid request: the form-encoded parameters could not be decoded.");
            }
        }
        return new FormParams(list);
    }

    static FormParams concat(FormParams a, FormParams b) {
        List<Map.Entry<String, String>> all = new ArrayList<>(a.entries);
        all.addAll(b.entries);
        return new FormParams(all);
    }

    List<Map.Entry<String, String>> entries() {
        return entries;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The names before any bracket, in first-seen order: {@code line_items}, {@code mode}, ... */
    Set<String> topLevelNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : entries) {
            names.add(head(e.getKey()));
        }
        return names;
    }

    boolean has(String key) {
        return entries.stream().anyMatch(e -> e.getKey().equals(key));
    }

    /** The last value sent for an exact key (a repeated scalar: the last one wins, as at Stripe). */
    Optional<String> value(String key) {
        String found = null;
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(key)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the name has nested keys, e.g. {@code metadata[...]} for {@code metadata}. */
    boolean hasNested(String name) {
        return entries.stream().anyMatch(e -> e.getKey().startsWith(name + "["));
    }

    /**
     * An array sent as {@code name[0]=a&name[1]=b} or {@code name[]=a}, in index order. A plain scalar
     * {@code name=a} is refused as Stripe refuses it ("Invalid array"); the exact code it sends with it is not
     * confirmed. An empty {@code name=} is left to the caller (Stripe's way to unset a parameter).
     */
    List<String> array(String name) {
        TreeMap<Integer, String> indexed = new TreeMap<>();
        List<String> plain = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            String k = e.getKey();
            if (k.equals(name) && !e.getValue().isEmpty()) {
                throw StripeApiError.invalid(null, name, "Invalid array");
            }
            if (k.equals(name + "[]")) {
                plain.add(e.getValue());
            } else if (k.startsWith(name + "[") && k.endsWith("]")) {
                String inner = k.substring(name.length() + 1, k.length() - 1);
                if (inner.matches("[0-9]{1,4}")) {
                    indexed.put(Integer.parseInt(inner), e.getValue());
                } else {
                    throw StripeApiError.invalid(null, k, "Invalid array: " + k);
                }
            }
        }
        List<String> all = new ArrayList<>(indexed.values());
        all.addAll(plain);
        return all;
    }

    /**
     * A hash sent as {@code name[key]=value}: the key is everything between the first bracket after
     * the name and the final one, so a key that itself contains brackets shows up as such.
     */
    Map<String, String> hash(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            String k = e.getKey();
            if (k.startsWith(name + "[") && k.endsWith("]")) {
                map.put(k.substring(name.length() + 1, k.length() - 1), e.getValue());
            }
        }
        return map;
    }

    /**
     * An array of hashes, {@code name[0][a]=1&name[0][b][c]=2}: index -> the nested params with keys
     * rewritten to {@code a} and {@code b[c]}.
     */
    TreeMap<Integer, FormParams> indexed(String name) {
        TreeMap<Integer, List<Map.Entry<String, String>>> groups = new TreeMap<>();
        for (Map.Entry<String, String> e : entries) {
            String k = e.getKey();
            if (!k.startsWith(name + "[")) {
                continue;
            }
            int close = k.indexOf(']', name.length());
            String index = close < 0 ? "" : k.substring(name.length() + 1, close);
            String rest = close < 0 ? "" : k.substring(close + 1);
            if (!index.matches("[0-9]{1,4}") || !rest.startsWith("[") || !rest.endsWith("]")) {
                throw StripeApiError.invalid(null, k, "Invalid array: " + k);
            }
            int restClose = rest.indexOf(']');
            String subKey = rest.substring(1, restClose) + rest.substring(restClose + 1);
            groups.computeIfAbsent(Integer.parseInt(index), i -> new ArrayList<>())
                    .add(new AbstractMap.SimpleImmutableEntry<>(subKey, e.getValue()));
        }
        TreeMap<Integer, FormParams> result = new TreeMap<>();
        groups.forEach((i, list) -> result.put(i, new FormParams(list)));
        return result;
    }

    /** The nested params of {@code name[...]}, keys rewritten as for {@link #indexed}. */
    FormParams nested(String name) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            String k = e.getKey();
            if (k.startsWith(name + "[")) {
                int close = k.indexOf(']', name.length());
                if (close > 0) {
                    list.add(new AbstractMap.SimpleImmutableEntry<>(
                            k.substring(name.length() + 1, close) + k.substring(close + 1), e.getValue()));
                }
            }
        }
        return new FormParams(list);
    }

    /** Canonical form for idempotency comparison: the same pairs in any order are the same request. */
    String fingerprint() {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            pairs.add(e.getKey().length() + ":" + e.getKey() + "=" + e.getValue());
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    // ---- Stripe's readings of one value, with its refusals ----

    /** A required non-empty string parameter, with Stripe's missing/empty refusals. */
    String required(String key) {
        return required(key, key);
    }

    /** As {@link #required(String)}, naming {@code param} (the key as the client sent it) in a refusal. */
    String required(String key, String param) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            throw StripeApiError.missing(param);
        }
        if (v.get().isEmpty()) {
            throw StripeApiError.empty(param);
        }
        return v.get();
    }

    /** The value, or null when it was not sent or sent empty (Stripe's way to leave a field unset). */
    String nonEmpty(String key) {
        return value(key).filter(v -> !v.isEmpty()).orElse(null);
    }

    /** An integer parameter with Stripe's {@code parameter_invalid_integer} refusal ("Invalid integer: x"). */
    long integer(String key, String param, boolean required) {
        String v = required ? required(key, param) : value(key).orElse(null);
        try {
            if (v != null && v.matches("-?[0-9]{1,19}")) {
                return Long.parseLong(v);
            }
        } catch (NumberFormatException e) {
            // falls through: too large for a long
        }
        throw StripeApiError.invalidInteger(param, Texts.abbreviate(String.valueOf(v), 60));
    }

    static String head(String key) {
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }

    /** A nested key as the client sent it under its parent: {@code a[b]} becomes {@code [a][b]}. */
    static String bracketed(String subKey) {
        int b = subKey.indexOf('[');
        return b < 0 ? "[" + subKey + "]" : "[" + subKey.substring(0, b) + "]" + subKey.substring(b);
    }
}
