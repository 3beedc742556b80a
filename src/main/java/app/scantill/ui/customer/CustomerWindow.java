package app.scantill.ui.customer;

import app.scantill.ui.Theme;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;

/**
 * The customer's window: full screen on the screen facing the customer, or an ordinary window beside
 * the till's ({@code display.customer=window}, for a demo or a screenshot without a second screen).
 * Nothing on it takes input, and full screen cannot be left with Esc: the customer cannot close it.
 * Hiding the window releases its view and its model.
 */
public final class CustomerWindow {

    private final Stage stage;
    private final CustomerDisplayView view;
    private final CustomerDisplayModel model;

    private CustomerWindow(Stage stage, CustomerDisplayModel model) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.model = model;
        this.view = new CustomerDisplayView(model);
        if (model.words().locale().getLanguage().equals(Locale.JAPANESE.getLanguage())) {
            Theme.loadJapaneseFont(); // before the first frame, or its words would show as boxes
        }
        stage.setTitle(model.words().text("customer.window_title", model.shopName()));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> release());
    }

    /** Full screen on {@code screen}, undecorated; {@code stage} must not be showing yet. */
    public static CustomerWindow fullScreenOn(Screen screen, Stage stage, CustomerDisplayModel model) {
        CustomerWindow window = new CustomerWindow(stage, model);
        Rectangle2D bounds = screen.getBounds();
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setScene(window.scene(bounds.getWidth(), bounds.getHeight()));
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.show();
        stage.setFullScreen(true); // once shown: some platforms have no window to make full screen before
        return window;
    }

    /** An ordinary window of the given size (a demo without a second screen, a test). */
    public static CustomerWindow inWindow(Stage stage, CustomerDisplayModel model, double width, double height) {
        CustomerWindow window = new CustomerWindow(stage, model);
        stage.setScene(window.scene(width, height));
        stage.show();
        return window;
    }

    private Scene scene(double width, double height) {
        Scene scene = new Scene(view, width, height);
        Theme.applyTo(scene);
        return scene;
    }

    public CustomerDisplayView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Closes the window; its view and model stop following the till. */
    public void close() {
        stage.hide();
        release();
    }

    private void release() {
        view.dispose();
        model.dispose();
    }
}
