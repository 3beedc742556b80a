package app.scantill.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a load of the settings may look at besides the settings themselves: the environment
 * variables, the user's home folder and the operating system. Passed in rather than read from
 * {@link System}, so tests can load settings for another home, variable set or system.
 *
 * @param variables the process environment; an empty variable counts as not set
 * @param home the user's home folder (for {@code ~/} and the default folders)
 * @param osName as {@code System.getProperty("os.name")} says it, e.g. {@code Linux}, {@code Windows 11}
 */
public record UserEnvironment(Map<String, String> variables, Path home, String osName) {

    public UserEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(home, "home");
        osName = osName == null ? "" : osName;
    }

    /** This process's environment, home and system. */
    public static UserEnvironment current() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The given variables and home on this process's operating system. */
    public static UserEnvironment of(Map<String, String> variables, Path home) {
        return new UserEnvironment(variables, home, System.getProperty("os.name"));
    }

    public String variable(String name) {
        return variables.get(name);
    }
}
