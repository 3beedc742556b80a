package app.scantill.app;

import app.scantill.config.AppConfig;
import com.stripe.Stripe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts ScanTill from a plain {@code java -cp}. It must not extend {@link Application}: the JDK's
 * launcher refuses such a main class on the classpath ("JavaFX runtime components are missing").
 *
 * <p>{@code --version} prints the version and the Stripe API version and exits before JavaFX is
 * touched, so it works on a machine without a display (an installer's check, a support call).
 */
public final class Main {

    /** Where the packaged app keeps its sample catalog, relative to the folder of ScanTill's jar. */
    static final Path BUNDLED_CATALOG = Path.of("assets", "catalog.csv");

    private Main() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--version")) {
            System.out.println(versionText());
            return;
        }
        List<String> launchArgs = withBundledCatalog(List.of(args), bundledCatalog(), System.getenv(),
                Path.of(System.getProperty("user.home")));
        Application.launch(ScanTillApp.class, launchArgs.toArray(String[]::new));
    }

    /**
     * Two lines: ScanTill's version and the Stripe API version its stripe-java pins (every request
     * carries it; a different one changes what Stripe accepts, see STRIPE_NOTES).
     */
    static String versionText() {
        return "ScanTill " + version() + System.lineSeparator()
                + "Stripe API " + Stripe.API_VERSION + " (stripe-java " + Stripe.VERSION + ")";
    }

    /** The Maven project version, written into version.properties when the jar is built. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /**
     * The arguments to start the app with: as given, plus {@code --catalog=<bundled>} when the app
     * comes with a sample catalog and no source (command line, environment, config file) names one.
     * A catalog the user configured anywhere therefore still wins; only the built-in default changes,
     * from {@code assets/catalog.csv} in the current folder to the one inside the installed app.
     */
    static List<String> withBundledCatalog(List<String> args, Optional<Path> bundled,
                                           Map<String, String> environment, Path userHome) {
        if (bundled.isEmpty() || catalogConfigured(args, environment, userHome)) {
            return args;
        }
        List<String> result = new ArrayList<>(args);
        result.add("--" + AppConfig.CATALOG_PATH + "=" + bundled.get());
        return result;
    }

    /**
     * Asks the real configuration rules (precedence, which file, the file's permission check) whether
     * a catalog is set. Its warnings are muted here: the app loads the same configuration again a
     * moment later and reports them then, once.
     */
    private static boolean catalogConfigured(List<String> args, Map<String, String> environment, Path userHome) {
        Logger configLog = Logger.getLogger(AppConfig.class.getName());
        Level before = configLog.getLevel();
        configLog.setLevel(Level.OFF);
        try {
            return AppConfig.load(args, environment, userHome).catalogPath().isPresent();
        } finally {
            configLog.setLevel(before);
        }
    }

    /** {@code assets/catalog.csv} beside the jar this class was loaded from, if there is one. */
    static Optional<Path> bundledCatalog() {
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return bundledCatalogBeside(code);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** For a jar, the catalog in its folder; for a classes directory (a development build), none. */
    static Optional<Path> bundledCatalogBeside(Path codeLocation) {
        if (!Files.isRegularFile(codeLocation)) {
            return Optional.empty();
        }
        Path catalog = codeLocation.toAbsolutePath().getParent().resolve(BUNDLED_CATALOG);
        return Files.isRegularFile(catalog) ? Optional.of(catalog) : Optional.empty();
    }
}
