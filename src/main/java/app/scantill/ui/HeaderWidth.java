package app.scantill.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column header of a table whole: once the headers are laid out (in the reader's language
 * and the theme's font), each column's minimum width becomes what its header needs, so a table that
 * shares out its width never cuts "Line total" or "Zeilensumme" to an ellipsis.
 */
public final class HeaderWidth {

    /** Room for the sort arrow beside a header's text, in pixels. */
    private static final double ARROW = 14;

    private HeaderWidth() {
    }

    public static void keepWhole(TableView<?> table) {
        table.widthProperty().addListener(new ChangeListener<Number>() {
            @Override
            public void changed(ObservableValue<? extends Number> width, Number old, Number now) {
                if (fit(table)) {
                    width.removeListener(this); // the headers' words never change
                }
            }
        });
    }

    /** Sets each column's minimum width from its laid-out header; false while there is no header yet. */
    private static boolean fit(TableView<?> table) {
        boolean any = false;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double need = label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + ARROW;
                column.setMinWidth(Math.max(column.getMinWidth(), Math.ceil(need)));
                any = true;
            }
        }
        return any;
    }
}
