package app.scantill.ui.history;

import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/** History's rows of controls (the day and filter, the report's dates). */
final class Toolbar {

    private Toolbar() {
    }

    /**
     * A row of controls that wraps onto a second line where the window is narrow (a 1024x768 till screen,
     * a portrait one), each control at its full width: nothing is cut to an ellipsis.
     */
    static FlowPane wrapping(Node... controls) {
        for (Node control : controls) {
            if (control instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        FlowPane bar = new FlowPane(8, 8, controls);
        bar.getStyleClass().add("history-toolbar");
        return bar;
    }
}
