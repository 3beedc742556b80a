package app.scantill.config;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * A value a setting cannot take, and why: {@link #reason()} for the screen, in the reader's language;
 * the exception's own message says it in English, for the log. Like every refusal of a setting, it never
 * repeats a secret beyond what {@link StripeKey#redactAll} leaves.
 */
public final class SettingRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The log is read by whoever runs the till, and grepped: English. */
    static final Translator ENGLISH = Translator.forLocale(Locale.ENGLISH, ZoneOffset.UTC);

    private final transient Message reason;

    private SettingRefusal(Message reason) {
        super(ENGLISH.text(reason));
        this.reason = reason;
    }

    /** A refusal saying {@code key} of the bundles ({@code config.*}) with {@code args}. */
    public static SettingRefusal of(String key, Object... args) {
        return new SettingRefusal(Message.of(key, args));
    }

    public Message reason() {
        return Objects.requireNonNullElse(reason, Message.of("config.detail", String.valueOf(getMessage())));
    }
}
