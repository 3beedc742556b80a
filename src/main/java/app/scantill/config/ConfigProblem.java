package app.scantill.config;

import app.scantill.i18n.Message;
import java.util.Objects;

/**
 * One setting that could not be used, and why, in words a person can act on. The app starts anyway,
 * with that setting at its safe default.
 *
 * @param setting the setting's name as written in the config file, e.g. {@code stripe.secret_key}
 * @param source where the bad value came from: a command-line option, an environment variable or a file
 * @param message what is wrong and how to fix it, in any language; never contains a Stripe key
 */
public record ConfigProblem(String setting, String source, Message message) {

    public ConfigProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(source, "source");
        message = redacted(Objects.requireNonNull(message, "message"));
    }

    /** A problem never carries a Stripe key: each text argument is redacted, nested messages too. */
    private static Message redacted(Message message) {
        return new Message(message.key(), message.args().stream()
                .map(a -> a instanceof String text ? StripeKey.redactAll(text)
                        : a instanceof Message nested ? redacted(nested) : a)
                .toList());
    }

    /** The message as the log writes it: in English. */
    public String english() {
        return SettingRefusal.ENGLISH.text(message);
    }

    /** For example {@code checkout.session_lifetime_minutes (from --checkout.session_lifetime_minutes): ...}. */
    @Override
    public String toString() {
        return setting + " (from " + source + "): " + english();
    }
}
