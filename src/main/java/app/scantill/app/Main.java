package app.scantill.app;

import app.scantill.config.PinSetup;
import app.scantill.stripe.StripeVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import javafx.application.Application;

/**
 * Starts ScanTill from a plain {@code java -cp}. It must not extend {@link Application}: the JDK's
 * launcher refuses such a main class on the classpath ("JavaFX runtime components are missing").
 *
 * <p>{@code --version} prints the version and the Stripe API version and exits before JavaFX is
 * touched, so it works on a machine without a display (an installer's check, a support call);
 * {@code --set-manager-pin} and {@code --set-kiosk-pin} likewise ask for that PIN and write its hash to the
 * config file.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--version")) {
            System.out.println(versionText());
            return;
        }
        if (PinSetup.requested(args)) {
            // Sets the manager or the kiosk PIN (its hash in the config file) and exits; no window.
            System.exit(PinSetup.run(args));
        }
        Application.launch(ScanTillApp.class, args);
    }

    /**
     * Two lines: ScanTill's version and the Stripe API version its stripe-java pins (every request
     * carries it; a different one changes what Stripe accepts, see STRIPE_NOTES).
     */
    static String versionText() {
        return "ScanTill " + version() + System.lineSeparator()
                + "Stripe API " + StripeVersion.API + " (stripe-java " + StripeVersion.SDK + ")";
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
}
