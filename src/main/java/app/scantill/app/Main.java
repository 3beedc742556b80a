package app.scantill.app;

import app.scantill.config.ManagerPinSetup;
import javafx.application.Application;

/**
 * Starts ScanTill from a plain {@code java -cp}. It must not extend {@link Application}: the JDK's
 * launcher refuses such a main class on the classpath ("JavaFX runtime components are missing").
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (ManagerPinSetup.requested(args)) {
            // Sets the manager PIN (its hash in the config file) and exits; no window.
            System.exit(ManagerPinSetup.run(args));
        }
        Application.launch(ScanTillApp.class, args);
    }
}
