package app.scantill.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the benchmark starts a JVM "as the app": with the packaged app image's own runtime, class path
 * and launcher options (its {@code lib/app/scantill.cfg}, AppCDS archive included) when the image was
 * built ({@code mvn -Pdist package}); otherwise with this JDK, the pom's {@code app.jvmFlags} and the
 * test class path (development: no archive of the app's).
 *
 * @param java the {@code java} executable
 * @param options the launcher's JVM options without {@code -XX:SharedArchiveFile}
 * @param classPath the launcher's class path (the test class path in development)
 * @param archive the app's class-data archive, if packaged
 * @param catalog the sample catalog the app loads by default
 */
record PackagedImage(String description, Path java, List<String> options, String classPath, Optional<Path> archive,
        Path catalog) {

    static final Path DEFAULT_ROOT = Path.of("target", "dist", "image", "scantill");

    /** The image under {@code root} if it was built, else development. */
    static PackagedImage find(Path root) throws IOException {
        Path app = root.toAbsolutePath().resolve("lib/app");
        Path cfg = app.resolve("scantill.cfg");
        if (!Files.isRegularFile(cfg)) {
            return development();
        }
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", app.toString());
            if (line.startsWith("app.classpath=")) {
                classPath.add(value);
            } else if (line.startsWith("java-options=") && !value.startsWith("-XX:SharedArchiveFile")) {
                options.add(value);
            }
        }
        Path archive = app.resolve("scantill.jsa");
        return new PackagedImage("packaged app image " + root.toAbsolutePath().normalize(),
                root.toAbsolutePath().resolve("lib/runtime/bin/java"), List.copyOf(options), String.join(":", classPath),
                Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty(), app.resolve("assets/catalog.csv"));
    }

    static PackagedImage development() {
        String flags = System.getProperty("bench.appJvmFlags", "").trim();
        return new PackagedImage("development: this JDK, app.jvmFlags, the test class path (no app archive)",
                Path.of(System.getProperty("java.home"), "bin", "java"),
                flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+")),
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Optional.empty(),
                Path.of("assets", "catalog.csv").toAbsolutePath());
    }

    boolean packaged() {
        return archive.isPresent();
    }

    /** The options with {@code archive} as the class-data archive (or none). */
    List<String> optionsWith(Optional<Path> classData) {
        List<String> all = new ArrayList<>(options);
        classData.ifPresent(a -> all.add("-XX:SharedArchiveFile=" + a.toAbsolutePath()));
        return all;
    }

    /** The launcher's class path, plus test classes when a driver lives there (after it: the archive needs its prefix). */
    String classPathWith(Path... extra) {
        return classPath + Arrays.stream(extra).map(p -> ":" + p.toAbsolutePath()).collect(Collectors.joining());
    }
}
