package app.scantill.config;

import java.util.Objects;

/**
 * One setting that could not be used, and why, in words a person can act on. The app starts anyway,
 * with that setting at its safe default.
 *
 * @param setting the setting's name as written in the config file, e.g. {@code stripe.secret_key}
 * @param source where the bad value came from: a command-line option, an environment variable or a file
 * @param message what is wrong and how to fix it; never contains a Stripe key
 */
public record ConfigProblem(String setting, String source, String message) {

    public ConfigProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(source, "source");
        message = StripeKey.redactAll(Objects.requireNonNull(message, "message"));
    }

    /** For example {@code checkout.session_lifetime_minutes (from --checkout.session_lifetime_minutes): ...}. */
    @Override
    public String toString() {
        return setting + " (from " + source + "): " + message;
    }
}
