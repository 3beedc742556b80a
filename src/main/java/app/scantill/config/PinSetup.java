package app.scantill.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code --set-manager-pin} and {@code --set-kiosk-pin}: asks for the PIN twice and writes its salted hash
 * into the config file as {@code manager.pin_hash} or {@code kiosk.pin_hash}. The PIN is read from the
 * terminal without echo (or from standard input when there is none), never taken as an argument, where the
 * process list would show it, and never printed. The config file keeps its other lines; a new one is made
 * {@code chmod 600}.
 */
public final class PinSetup {

    /** Which PIN: each has its command-line word, its setting and what it guards. */
    public enum Pin {
        /** Asked before every refund. */
        MANAGER("--set-manager-pin", Settings.MANAGER_PIN, "manager PIN", "Refunds now ask for the PIN."),
        /** Asked before the self-service kiosk can be left. */
        KIOSK("--set-kiosk-pin", Settings.KIOSK_PIN, "kiosk PIN", "Leaving kiosk mode now asks for the PIN.");

        private final String option;
        private final Setting<Optional<ManagerPin>> setting;
        private final String name;
        private final String guards;

        Pin(String option, Setting<Optional<ManagerPin>> setting, String name, String guards) {
            this.option = option;
            this.setting = setting;
            this.name = name;
            this.guards = guards;
        }

        /** The command-line word that runs the set-up of this PIN instead of the till. */
        public String option() {
            return option;
        }
    }

    /** The command-line word that sets the manager PIN. */
    public static final String OPTION = Pin.MANAGER.option();

    /** Reads one secret line, without echo where the terminal allows. */
    @FunctionalInterface
    public interface PinReader {
        char[] read(String prompt) throws IOException;
    }

    private PinSetup() {
    }

    /** Whether the command line asks for a PIN set-up. */
    public static boolean requested(String[] args) {
        return Arrays.stream(Pin.values()).anyMatch(pin -> Arrays.asList(args).contains(pin.option));
    }

    /** The PIN the command line sets: the kiosk's when it says so, else the manager's. */
    static Pin which(String[] args) {
        return Arrays.asList(args).contains(Pin.KIOSK.option) ? Pin.KIOSK : Pin.MANAGER;
    }

    /** Runs it with the process's terminal (or standard input); returns the exit status. */
    public static int run(String[] args) {
        BufferedReader stdin = new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        PinReader reader = prompt -> {
            if (System.console() != null) {
                return System.console().readPassword("%s", prompt);
            }
            System.out.print(prompt);
            System.out.flush();
            String line = stdin.readLine();
            return line == null ? new char[0] : line.toCharArray();
        };
        return run(args, UserEnvironment.current(), reader, System.out);
    }

    /** The set-up with its terminal and environment given (tests). */
    static int run(String[] args, UserEnvironment where, PinReader reader, PrintStream out) {
        Path file = configFile(args, where);
        Pin which = which(args);
        char[] first = new char[0];
        char[] second = new char[0];
        try {
            first = reader.read("New " + which.name + " (4 to 12 digits): ");
            second = reader.read("The same PIN again: ");
            if (!Arrays.equals(first, second)) {
                out.println("The two PINs differ; nothing was written.");
                return 1;
            }
            ManagerPin pin = ManagerPin.hash(first);
            write(file, which.setting.name(), pin.stored());
            out.println("The " + which.name + "'s hash is in " + file + ". " + which.guards);
            return 0;
        } catch (IllegalArgumentException e) {
            out.println("Not set: " + e.getMessage() + ".");
            return 1;
        } catch (IOException e) {
            out.println("Could not write " + file + ": " + e.getMessage());
            return 2;
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    private static Path configFile(String[] args, UserEnvironment where) {
        for (String arg : args) {
            if (arg.startsWith("--" + ConfigFile.OPTION + "=")) {
                return Path.of(arg.substring(ConfigFile.OPTION.length() + 3)).toAbsolutePath();
            }
        }
        String variable = where.variable(ConfigFile.VARIABLE);
        return variable != null && !variable.isBlank() ? Path.of(variable.strip()).toAbsolutePath()
                : ConfigFile.defaultLocation(where);
    }

    /** Replaces (or adds) the setting's line, keeping every other line, through a temporary file. */
    static void write(Path file, String name, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String key = line.strip().split("[=:\\s]", 2)[0];
                if (!key.equals(name)) {
                    lines.add(line);
                }
            }
        }
        lines.add(name + "=" + value);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".scantill", ".tmp");
        try {
            privateToOwner(temp);
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void privateToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static Optional<ManagerPin> read(Path file, Pin which) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(which.setting.name() + "=")) {
                return Optional.of(ManagerPin.parse(line.substring(line.indexOf('=') + 1)));
            }
        }
        return Optional.empty();
    }
}
