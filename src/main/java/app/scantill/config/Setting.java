package app.scantill.config;

import app.scantill.i18n.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting, declared once in {@link Settings}: its name (in the config file and as
 * {@code --name=value}), the environment variable and short command-line names that stand for it,
 * its type (parser and written form), its default and whether it is a secret.
 *
 * <p>Instances are immutable; each {@code with}-style call returns a new one, so a declaration
 * reads as one expression. Two settings are equal only if they are the same declaration.
 *
 * @param <T> the value's Java type; settings that may be unset have an {@code Optional} type and
 *     the default "none"
 */
public final class Setting<T> {

    /** A default computed when the settings are loaded, from earlier settings or the user's environment. */
    @FunctionalInterface
    public interface DerivedDefault<T> {
        T valueFor(SettingValues earlier, UserEnvironment where);
    }

    private final String name;
    private final SettingType<T> type;
    private final DerivedDefault<T> defaultValue;
    /** The default as docs/configuration.md writes it. */
    private final String defaultText;
    /** False for derived defaults: a refusal then says nothing about the value used instead. */
    private final boolean fixedDefault;
    private final String environmentVariable;
    private final List<String> aliases;
    private final String secretDescription;
    private final Message refusalConsequence;

    private Setting(String name, SettingType<T> type, DerivedDefault<T> defaultValue, String defaultText,
            boolean fixedDefault, String environmentVariable, List<String> aliases, String secretDescription,
            Message refusalConsequence) {
        if (!name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("a setting name is lower case, dotted by area: " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
        this.fixedDefault = fixedDefault;
        this.environmentVariable = environmentVariable;
        this.aliases = List.copyOf(aliases);
        this.secretDescription = secretDescription;
        this.refusalConsequence = refusalConsequence;
    }

    /** A setting with a fixed default. */
    public static <T> Setting<T> of(String name, SettingType<T> type, T defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        return new Setting<>(name, type, (earlier, where) -> defaultValue, type.format(defaultValue), true, null,
                List.of(), null, null);
    }

    /** A setting that is unset ("none") unless configured. */
    public static <T> Setting<Optional<T>> optional(String name, SettingType<T> type) {
        return of(name, SettingTypes.optional(type), Optional.empty());
    }

    /**
     * A setting whose default is computed at load time; {@code describedAs} is how
     * docs/configuration.md writes it (e.g. "journal.db in data.dir"). The rule may read only
     * settings declared before this one.
     */
    public static <T> Setting<T> derived(String name, SettingType<T> type, DerivedDefault<T> rule,
            String describedAs) {
        return new Setting<>(name, type, rule, describedAs, false, null, List.of(), null, null);
    }

    /** The environment variable that sets it (below the command line, above the config file). */
    public Setting<T> withEnvironmentVariable(String variable) {
        if (!variable.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("an environment variable is upper case: " + variable);
        }
        return new Setting<>(name, type, defaultValue, defaultText, fixedDefault, variable, aliases,
                secretDescription, refusalConsequence);
    }

    /** A shorter command-line name: {@code --alias=value} means {@code --name=value}. Not read from the file. */
    public Setting<T> withAlias(String alias) {
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return new Setting<>(name, type, defaultValue, defaultText, fixedDefault, environmentVariable, more,
                secretDescription, refusalConsequence);
    }

    /**
     * Marks it secret: never shown (problems, summaries, logs), a config file holding it must be
     * private to its owner, and giving it on the command line is warned about.
     *
     * @param description what it is, to complete "it holds ...", e.g. "a Stripe key"
     */
    public Setting<T> secret(String description) {
        return new Setting<>(name, type, defaultValue, defaultText, fixedDefault, environmentVariable, aliases,
                Objects.requireNonNull(description), refusalConsequence);
    }

    /** What a problem says happens while the value is refused, instead of the usual fallback note. */
    public Setting<T> whenRefused(Message consequence) {
        return new Setting<>(name, type, defaultValue, defaultText, fixedDefault, environmentVariable, aliases,
                secretDescription, Objects.requireNonNull(consequence));
    }

    public String name() {
        return name;
    }

    public SettingType<T> type() {
        return type;
    }

    public Optional<String> environmentVariable() {
        return Optional.ofNullable(environmentVariable);
    }

    public List<String> aliases() {
        return aliases;
    }

    public boolean isSecret() {
        return secretDescription != null;
    }

    /** What the secret is, e.g. "a Stripe key"; empty for settings that are not secret. */
    public Optional<String> secretDescription() {
        return Optional.ofNullable(secretDescription);
    }

    /** The default as docs/configuration.md writes it. */
    public String defaultText() {
        return defaultText;
    }

    /** The values accepted, as docs/configuration.md writes them. */
    public String allowed() {
        return type.allowed();
    }

    /** False when the default is computed at load time ({@link #derived}). */
    public boolean hasFixedDefault() {
        return fixedDefault;
    }

    /** The default for this load: fixed, or computed from {@code earlier} settings and the environment. */
    public T defaultValue(SettingValues earlier, UserEnvironment where) {
        return defaultValue.valueFor(earlier, where);
    }

    /** The value as it may appear in a summary or a log: secrets redacted. */
    public String printable(T value) {
        return isSecret() ? type.redacted(value) : type.format(value);
    }

    /** What a problem about a refused value adds, e.g. "using register-1"; null when nothing. */
    Message refusalNote(T fallback) {
        if (refusalConsequence != null) {
            return refusalConsequence;
        }
        return fixedDefault ? type.fallbackNote(fallback) : null;
    }

    @Override
    public String toString() {
        return name;
    }
}
