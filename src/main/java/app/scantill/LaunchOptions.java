package app.scantill;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Options read at start-up. The catalog path comes from {@code --catalog=PATH} (or
 * {@code --catalog PATH}), else the {@code SCANTILL_CATALOG} environment variable, else
 * {@code assets/catalog.csv} relative to the working directory.
 *
 * <p>Options this class does not know are left alone: other parts of the app may read their own.
 */
public record LaunchOptions(Path catalogPath) {

    public static final String CATALOG_OPTION = "--catalog";
    public static final String CATALOG_ENV = "SCANTILL_CATALOG";
    public static final Path DEFAULT_CATALOG = Path.of("assets", "catalog.csv");

    public static LaunchOptions from(List<String> args, Map<String, String> env) {
        String catalog = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith(CATALOG_OPTION + "=")) {
                catalog = arg.substring(CATALOG_OPTION.length() + 1);
            } else if (arg.equals(CATALOG_OPTION) && i + 1 < args.size()) {
                catalog = args.get(++i);
            }
        }
        if (isBlank(catalog)) {
            catalog = env.get(CATALOG_ENV);
        }
        return new LaunchOptions(isBlank(catalog) ? DEFAULT_CATALOG : Path.of(catalog.strip()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
