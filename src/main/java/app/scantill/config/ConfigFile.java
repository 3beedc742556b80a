package app.scantill.config;

import app.scantill.i18n.Message;
import app.scantill.text.Texts;
import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The user's config file: where it is, reading it as UTF-8 properties, and refusing all of it when
 * it holds a secret that other users can read or change.
 */
final class ConfigFile {

    private static final System.Logger LOG = System.getLogger(AppConfig.class.getName());

    static final String FILE_NAME = "scantill.properties";
    /** Command-line only: {@code --config=PATH} picks the file. */
    static final String OPTION = "config";
    static final String VARIABLE = "SCANTILL_CONFIG";

    /**
     * What the file gave.
     *
     * @param file the file whose settings are used; null when none was read or it was refused
     */
    record Contents(Path file, Map<Setting<?>, RawValue> values) {
        static final Contents NONE = new Contents(null, Map.of());
    }

    private ConfigFile() {
    }

    /**
     * Reads the file named by {@code explicit} ({@code --config} or {@code SCANTILL_CONFIG}), which
     * must exist, or else the default file, which may be missing. Problems go to {@code problems};
     * a file that cannot be used contributes nothing.
     */
    static Contents read(RawValue explicit, UserEnvironment where, List<ConfigProblem> problems) {
        Path path;
        if (explicit != null) {
            Optional<Path> p = path(explicit.value());
            if (p.isEmpty()) {
                String quoted = Texts.abbreviate(StripeKey.redactAll(explicit.value()), 60);
                problems.add(new ConfigProblem(OPTION, explicit.source(), Message.of("config.file.bad_path", quoted)));
                return Contents.NONE;
            }
            path = p.get();
            if (!Files.isRegularFile(path)) {
                problems.add(new ConfigProblem(OPTION, explicit.source(),
                        Message.of("config.file.missing", path.toString())));
                return Contents.NONE;
            }
        } else {
            path = defaultLocation(where);
            if (!Files.isRegularFile(path)) {
                LOG.log(Level.DEBUG, "No config file at {0}; using environment and defaults", path);
                return Contents.NONE;
            }
        }
        Optional<Properties> props = load(path, problems);
        if (props.isEmpty() || !safeForItsSecrets(path, props.get(), problems)) {
            return Contents.NONE;
        }
        String source = path.toString();
        Map<Setting<?>, RawValue> values = new LinkedHashMap<>();
        for (String name : props.get().stringPropertyNames()) {
            String value = props.get().getProperty(name);
            Optional<Setting<?>> setting = Settings.byName(name);
            if (setting.isEmpty()) {
                problems.add(new ConfigProblem(name, source, Message.of("config.problem.unknown_setting")));
            } else if (Texts.hasText(value)) {
                values.put(setting.get(), new RawValue(value, source));
            }
        }
        return new Contents(path, values);
    }

    /** {@code $XDG_CONFIG_HOME/scantill/scantill.properties} when that is absolute, else under {@code ~/.config}. */
    static Path defaultLocation(UserEnvironment where) {
        String xdg = where.variable("XDG_CONFIG_HOME");
        Optional<Path> base = Texts.hasText(xdg) ? path(xdg.strip()).filter(Path::isAbsolute) : Optional.empty();
        return base.orElse(where.home().resolve(".config")).resolve("scantill").resolve(FILE_NAME);
    }

    private static Optional<Properties> load(Path path, List<ConfigProblem> problems) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(reader);
            return Optional.of(props);
        } catch (CharacterCodingException e) {
            problems.add(new ConfigProblem(OPTION, path.toString(), Message.of("config.file.not_utf8")));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape.
            problems.add(new ConfigProblem(OPTION, path.toString(),
                    Message.of("config.file.unreadable", String.valueOf(e.getMessage()))));
        }
        return Optional.empty();
    }

    /**
     * A file that holds a secret must not be readable or writable by anyone but its owner: readable
     * leaks it, writable lets someone point the API base at their own server to collect the key.
     */
    private static boolean safeForItsSecrets(Path path, Properties props, List<ConfigProblem> problems) {
        Optional<Setting<?>> secret = Settings.all().stream()
                .filter(s -> s.isSecret() && Texts.hasText(props.getProperty(s.name()))).findFirst();
        if (secret.isEmpty()) {
            return true;
        }
        String setting = secret.get().name();
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.INFO, "{0} is on a file system without POSIX permissions; its access rights were "
                    + "not checked", path);
            return true;
        } catch (IOException e) {
            problems.add(new ConfigProblem(setting, path.toString(),
                    Message.of("config.file.permissions_unknown", String.valueOf(e.getMessage()))));
            return false;
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(permissions);
        if (open.isEmpty()) {
            return true;
        }
        boolean readable = open.contains(PosixFilePermission.GROUP_READ)
                || open.contains(PosixFilePermission.OTHERS_READ);
        boolean holdsKey = secret.get() == Settings.STRIPE_SECRET_KEY
                || Texts.hasText(props.getProperty(Settings.STRIPE_SECRET_KEY.name()));
        problems.add(new ConfigProblem(setting, path.toString(), Message.of(
                readable ? "config.file.others_can_read" : "config.file.others_can_change", path.toString(), setting,
                PosixFilePermissions.toString(permissions),
                Message.of(holdsKey ? "config.file.until_fixed_sandbox" : "config.file.until_fixed"))));
        return false;
    }

    private static Optional<Path> path(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
