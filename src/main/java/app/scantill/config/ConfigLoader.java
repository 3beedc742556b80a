package app.scantill.config;

import app.scantill.i18n.Message;
import app.scantill.text.Texts;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One load of the settings: command line, environment and config file merged over the defaults of
 * {@link Settings}, each value parsed by its setting's type, then the rules that join settings
 * (a Stripe key is used only with a usable API base). Never fails: what cannot be used becomes a
 * {@link ConfigProblem} and the setting keeps its default.
 */
final class ConfigLoader implements SettingValues {

    private static final System.Logger LOG = System.getLogger(AppConfig.class.getName());

    /** A value that could not be parsed: the problem to report once the joint rules have had their say. */
    private record Refusal(String source, Message reason, Message note) {
    }

    private final List<String> args;
    private final UserEnvironment where;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<Setting<?>, RawValue> merged = new LinkedHashMap<>();
    private final Map<Setting<?>, Object> values = new LinkedHashMap<>();
    private final Map<Setting<?>, Refusal> refusals = new LinkedHashMap<>();
    private final List<ConfigProblem> jointProblems = new ArrayList<>();
    private RawValue configOption;

    ConfigLoader(List<String> args, UserEnvironment where) {
        this.args = List.copyOf(args);
        this.where = where;
    }

    AppConfig load() {
        Map<Setting<?>, RawValue> commandLine = parseCommandLine();
        RawValue explicitFile = configOption;
        if (explicitFile == null && Texts.hasText(where.variable(ConfigFile.VARIABLE))) {
            explicitFile = new RawValue(where.variable(ConfigFile.VARIABLE).strip(), ConfigFile.VARIABLE);
        }
        ConfigFile.Contents file = ConfigFile.read(explicitFile, where, problems);
        // Lowest priority first: each later source overwrites.
        merged.putAll(file.values());
        for (Setting<?> setting : Settings.all()) {
            setting.environmentVariable().filter(v -> Texts.hasText(where.variable(v)))
                    .ifPresent(v -> merged.put(setting, new RawValue(where.variable(v), v)));
        }
        merged.putAll(commandLine);
        commandLine.keySet().stream().filter(Setting::isSecret).forEach(ConfigLoader::warnAboutProcessList);

        Settings.all().forEach(this::settle);
        decideStripeAccess();
        refusals.forEach((setting, r) ->
                problems.add(new ConfigProblem(setting.name(), r.source(), r.note() == null ? r.reason()
                        : Message.of("config.refused_with_note", r.reason(), r.note()))));
        problems.addAll(jointProblems);
        problems.forEach(p -> LOG.log(Level.WARNING, "Configuration: {0}", p));
        return new AppConfig(values, problems, file.file());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalStateException(setting + " is read before it is settled: declare it earlier in Settings");
        }
        return (T) values.get(setting);
    }

    private Map<Setting<?>, RawValue> parseCommandLine() {
        Map<Setting<?>, RawValue> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                problems.add(new ConfigProblem(Texts.abbreviate(StripeKey.redactAll(arg), 60), "command line",
                        Message.of("config.problem.option_form")));
                continue;
            }
            String name = arg.substring(2, eq).strip();
            RawValue raw = new RawValue(arg.substring(eq + 1), "--" + name);
            Optional<Setting<?>> setting = Settings.byOption(name);
            if (setting.isPresent()) {
                options.put(setting.get(), raw);
            } else if (name.equals(ConfigFile.OPTION)) {
                configOption = raw;
            } else {
                problems.add(new ConfigProblem(name, raw.source(), Message.of("config.problem.unknown_setting")));
            }
        }
        return options;
    }

    private static void warnAboutProcessList(Setting<?> secret) {
        String what = secret.secretDescription().orElseThrow();
        LOG.log(Level.WARNING, what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1)
                + " given on the command line can be seen by other users in the process list; prefer "
                + secret.environmentVariable().map(v -> v + " or ").orElse("") + "the config file (chmod 600).");
    }

    /** Parses the setting's value, or takes its default; a refusal is kept to become a problem. */
    private <T> void settle(Setting<T> setting) {
        T fallback = setting.defaultValue(this, where);
        T value = fallback;
        RawValue raw = merged.get(setting);
        if (raw != null) {
            try {
                value = setting.type().parse(raw.value(), where);
            } catch (IllegalArgumentException e) {
                Message reason = e instanceof SettingRefusal refusal ? refusal.reason()
                        : Message.of("config.detail", hideSecret(setting, raw, String.valueOf(e.getMessage())));
                refusals.put(setting, new Refusal(raw.source(), hideSecret(setting, raw, reason),
                        setting.refusalNote(fallback)));
            }
        }
        values.put(setting, value);
    }

    /** A second guard besides each secret's parser: its text never comes back in a problem. */
    private static String hideSecret(Setting<?> setting, RawValue raw, String reason) {
        String text = raw.value().strip();
        return setting.isSecret() && text.length() >= 4 ? reason.replace(text, "(hidden)") : reason;
    }

    /** The same guard for a reason's arguments (a parser may quote what it was given). */
    private static Message hideSecret(Setting<?> setting, RawValue raw, Message reason) {
        if (!setting.isSecret()) {
            return reason;
        }
        return new Message(reason.key(), reason.args().stream()
                .map(a -> a instanceof String s ? hideSecret(setting, raw, s) : a).toList());
    }

    /**
     * The Stripe key is used only together with a usable API base (and a live key only over https or
     * to this computer); otherwise the till stays in SANDBOX mode, where no money can move.
     */
    private void decideStripeAccess() {
        if (get(Settings.STRIPE_SECRET_KEY).isEmpty()) {
            values.put(Settings.STRIPE_API_BASE, Optional.empty());
            return;
        }
        StripeKey key = get(Settings.STRIPE_SECRET_KEY).get();
        Refusal badBase = refusals.get(Settings.STRIPE_API_BASE);
        if (badBase != null) {
            refusals.put(Settings.STRIPE_API_BASE, new Refusal(badBase.source(), badBase.reason(),
                    Message.of("config.note.key_unused_until_base_fixed")));
            withoutKey();
            return;
        }
        Optional<String> base = get(Settings.STRIPE_API_BASE);
        if (key.mode() == StripeKey.Mode.LIVE && base.filter(b -> b.startsWith("http:")).isPresent()
                && !SettingTypes.isLoopback(base.get())) {
            jointProblems.add(new ConfigProblem(Settings.STRIPE_API_BASE.name(),
                    merged.get(Settings.STRIPE_API_BASE).source(), Message.of("config.problem.live_over_http")));
            withoutKey();
            return;
        }
        if (get(Settings.SUCCESS_URL).isEmpty()) {
            jointProblems.add(new ConfigProblem(Settings.SUCCESS_URL.name(), "defaults",
                    Message.of("config.problem.success_url_missing")));
        }
    }

    private void withoutKey() {
        values.put(Settings.STRIPE_SECRET_KEY, Optional.empty());
        values.put(Settings.STRIPE_API_BASE, Optional.empty());
    }
}
