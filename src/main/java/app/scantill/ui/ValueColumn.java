package app.scantill.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/**
 * A table column that shows one value of each row, computed from the row by {@code value}. The
 * screens' tables show values that are replaced, never edited, so a read-only wrapper is enough.
 */
public final class ValueColumn<S, T> extends TableColumn<S, T> {

    public ValueColumn(String title, Function<S, T> value) {
        super(title);
        setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }
}
