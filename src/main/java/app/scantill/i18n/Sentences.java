package app.scantill.i18n;

import java.util.List;

/**
 * Sentences one after another, as a message argument: each rendered in the reader's language and
 * set apart by the language's pattern {@code list.sentences} (two spaces in English, an ideographic space in Japanese). A plain {@link List}
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
