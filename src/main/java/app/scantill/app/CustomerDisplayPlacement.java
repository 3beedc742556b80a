package app.scantill.app;

import app.scantill.config.CustomerDisplayChoice;
import app.scantill.ui.customer.CustomerWindow;
import app.scantill.ui.till.TillView;
import app.scantill.ui.till.TillViewModel;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.OptionalInt;
import javafx.collections.ListChangeListener;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the customer display where {@code display.customer} says, after the till's first frame: full
 * screen on the customer's screen, or in a window for a demo. With {@code auto} or a screen number it
 * follows the screens: a customer screen plugged in later gets the display, one unplugged takes it away
 * (and the cashier's charge screen grows back over the cart). With {@code off}, or one screen and
 * {@code auto}, no class of the customer display is ever loaded.
 */
final class CustomerDisplayPlacement {

    private static final System.Logger LOG = System.getLogger(CustomerDisplayPlacement.class.getName());
    /** The demo window's size: a common customer display's resolution. */
    private static final double WINDOW_WIDTH = 1024;
    private static final double WINDOW_HEIGHT = 768;

    private final CustomerDisplayChoice choice;
    private final AppServices services;
    private final TillViewModel till;
    private final TillView tillView;
    private CustomerWindow window;
    private Screen shownOn;

    private CustomerDisplayPlacement(CustomerDisplayChoice choice, AppServices services, TillViewModel till,
            TillView tillView) {
        this.choice = choice;
        this.services = services;
        this.till = till;
        this.tillView = tillView;
    }

    /** Opens the display now if it has somewhere to go, and keeps following the screens (JavaFX thread). */
    static void start(CustomerDisplayChoice choice, AppServices services, TillViewModel till, TillView tillView) {
        if (choice.kind() == CustomerDisplayChoice.Kind.OFF) {
            return;
        }
        CustomerDisplayPlacement placement = new CustomerDisplayPlacement(choice, services, till, tillView);
        if (choice.kind() == CustomerDisplayChoice.Kind.WINDOW) {
            placement.openInWindow();
            return;
        }
        placement.follow(Screen.getScreens());
        Screen.getScreens().addListener((ListChangeListener<Screen>) change -> placement.follow(Screen.getScreens()));
    }

    private void openInWindow() {
        window = CustomerWindow.inWindow(new Stage(), services.customerDisplayModel(till), WINDOW_WIDTH, WINDOW_HEIGHT);
        tillView.setCustomerDisplayShown(true);
        giveTheKeyboardBackToTheCashier();
        // Closing the demo window gives the cashier the big code back.
        window.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> tillView.setCustomerDisplayShown(false));
    }

    private void follow(List<Screen> screens) {
        OptionalInt index = choice.screenIndex(screens.size());
        Screen target = index.isPresent() ? screens.get(index.getAsInt()) : null;
        if (target != null && target.equals(shownOn)) {
            return;
        }
        if (window != null) {
            window.close();
            window = null;
            shownOn = null;
            tillView.setCustomerDisplayShown(false);
        }
        if (target == null) {
            if (choice.kind() == CustomerDisplayChoice.Kind.SCREEN) {
                LOG.log(Level.WARNING, "Customer display: screen " + choice.screen() + " is not attached ("
                        + screens.size() + " attached); it opens when the screen is");
            }
            return;
        }
        window = CustomerWindow.fullScreenOn(target, new Stage(), services.customerDisplayModel(till));
        shownOn = target;
        tillView.setCustomerDisplayShown(true);
        giveTheKeyboardBackToTheCashier();
    }

    /**
     * A window that opens takes the keyboard, and the scanner types into whichever window has it: the customer's
     * window only shows, so the cashier's window gets the keyboard back at once.
     */
    private void giveTheKeyboardBackToTheCashier() {
        if (tillView.root().getScene() != null && tillView.root().getScene().getWindow() != null) {
            tillView.root().getScene().getWindow().requestFocus();
        }
    }
}
