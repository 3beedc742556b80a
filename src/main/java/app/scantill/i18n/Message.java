package app.scantill.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence for a person, not yet in any language: a key of the message bundles and its arguments.
 * Code below the UI (the charge flow, the cart, refunds) says what happened as a {@code Message};
 * each screen renders it with the {@link Translator} of its own reader, so the cashier and the
 * customer can read the same event in different languages.
 *
 * <p>Arguments are kept as values, not text: a {@link app.scantill.money.Money} is formatted in the
 * reader's locale, an {@link java.time.Instant} in the reader's time zone, a nested {@code Message}
 * in the reader's language, a {@link List} item by item, joined the reader's way. Two messages are
 * equal when key and arguments are, so a status that
 * carries one can still be compared.
 *
 * @param key a key of {@code app/scantill/i18n/messages.properties}
 * @param args the values for the pattern's {@code {0}}, {@code {1}}, ...
 */
public record Message(String key, List<Object> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("blank message key");
        }
        // List.copyOf refuses nulls: an absent value must be said, not left out.
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    @Override
    public String toString() {
        // For logs and test failures only; screens go through a Translator.
        return args.isEmpty() ? key : key + args;
    }
}
