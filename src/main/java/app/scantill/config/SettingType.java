package app.scantill.config;

import app.scantill.i18n.Message;
/**
 * What values a setting takes and how they are written: the parser that turns the text of a command
 * line, variable or config file into a value, and the way back for documentation and summaries.
 * The ready-made types are in {@link SettingTypes}.
 *
 * @param <T> the value's Java type
 */
public interface SettingType<T> {

    /**
     * The value that {@code text} stands for.
     *
     * @throws SettingRefusal with a sentence a person can act on: what is wrong and what is expected
     *     (it becomes a {@link ConfigProblem}); it never repeats a secret beyond what
     *     {@link StripeKey#redactAll} leaves
     */
    T parse(String text, UserEnvironment where);

    /** The value as written in a config file and in docs/configuration.md, e.g. {@code 1000} or {@code none}. */
    String format(T value);

    /** The values accepted, in words, exactly as the "Allowed" column of docs/configuration.md. */
    String allowed();

    /** The value where a secret may not be shown (summaries, logs); reveals nothing unless overridden. */
    default String redacted(T value) {
        return "(hidden)";
    }

    /**
     * What a problem adds when a refused value is replaced by {@code fallback} ("using register-1"), or
     * null: types whose refusal already names every allowed value (number ranges) leave it out.
     */
    default Message fallbackNote(T fallback) {
        return Message.of("config.note.using", format(fallback));
    }
}
