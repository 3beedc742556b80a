package app.scantill.i18n;

import java.util.List;

/**
 * Sentences one after another, as a message argument: each rendered in the reader's language and
 * set apart the language's way (two spaces in English, none after a Japanese 。). A plain {@link List}
 * argument is a list within one sentence instead ("1 paid, 2 expired").
 */
public record Sentences(List<Message> items) {

    public Sentences {
        items = List.copyOf(items);
    }

    public static Sentences of(List<Message> items) {
        return new Sentences(items);
    }
}
