package app.scantill.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which catalog the till loads when no setting names one (command line, environment, config file:
 * those always win). An installed app has its sample catalog in {@code assets/} beside its jar; a
 * development checkout ({@code mvn javafx:run}) has it in {@code assets/} of the working folder. Once the
 * product editor saved a change to that sample, the till reads the edited copy in the data folder instead
 * ({@link AppServices#catalogStore}).
 */
final class DefaultCatalog {

    /** The sample catalog's place, relative to the installed jar's folder or to the checkout. */
    static final Path SAMPLE = Path.of("assets", "catalog.csv");

    private DefaultCatalog() {
    }

    /** The configured catalog if any, else the one beside ScanTill's jar, else {@link #SAMPLE}. */
    static Path choose(Optional<Path> configured) {
        return configured.orElseGet(() -> besideJar(codeLocation()).orElse(SAMPLE));
    }

    /** For a jar, the sample catalog in its folder; for a classes directory (a development build), none. */
    static Optional<Path> besideJar(Optional<Path> codeLocation) {
        if (codeLocation.isEmpty() || !Files.isRegularFile(codeLocation.get())) {
            return Optional.empty();
        }
        Path catalog = codeLocation.get().toAbsolutePath().getParent().resolve(SAMPLE);
        return Files.isRegularFile(catalog) ? Optional.of(catalog) : Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(DefaultCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
