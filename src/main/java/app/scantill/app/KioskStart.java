package app.scantill.app;

import app.scantill.ui.kiosk.KioskView;
import app.scantill.ui.till.TillViewModel;
import java.time.Duration;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Kiosk mode's window ({@code till.mode=kiosk}) instead of the till's: one full-screen window for the
 * customer. Its own class, so a till that is no kiosk never loads a class of the kiosk.
 */
final class KioskStart {

    /** How long leaving waits for Stripe to confirm that an open payment is expired. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(15);

    private KioskStart() {
    }

    static void show(Stage stage, AppServices services, TillViewModel till) {
        Runnable leave = () -> {
            // The right PIN: an open payment is cancelled first (a payment that came first is kept), then the app ends.
            if (till.closingNeedsConfirmation()) {
                till.cancelThenClose(CLOSE_PATIENCE, Platform::exit);
            } else {
                Platform.exit();
            }
        };
        new KioskView(services.kioskViewModel(till, leave), services.kioskDisplayModel(till)).showIn(stage);
    }
}
