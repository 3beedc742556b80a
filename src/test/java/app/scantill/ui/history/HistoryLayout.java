package app.scantill.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;

/** What a person sees of the history's tables: whole headers, no sideways scroll bar. */
final class HistoryLayout {

    private HistoryLayout() {
    }

    static void assertHeadersWholeAndNoSidewaysScrolling(FxRobot robot) {
        List<Node> tables = List.copyOf(robot.lookup(".history-table").queryAll());
        assertThat(tables).as("tables of the history").hasSize(4);
        for (Node table : tables) {
            for (Node node : table.lookupAll(".column-header .label")) {
                Label header = (Label) node;
                // A cut header shows its text shortened with an ellipsis in the label's Text node.
                Text drawn = (Text) header.lookup(".text");
                assertThat(drawn.getText()).as("header of %s", table.getId()).isEqualTo(header.getText());
            }
            for (Node node : table.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                    assertThat(bar.isVisible()).as("sideways scroll bar of %s", table.getId()).isFalse();
                }
            }
        }
    }
}
