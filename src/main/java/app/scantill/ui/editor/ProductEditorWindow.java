package app.scantill.ui.editor;

import app.scantill.ui.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the product editor on a stage of its own; closing it stops its following the till's catalog. */
public final class ProductEditorWindow {

    private ProductEditorWindow() {
    }

    public static Stage open(Window owner, ProductEditorViewModel model, FilePicker files) {
        ProductEditorView view = new ProductEditorView(model, files);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(model.words().text("catalog.editor.window_title"));
        Scene scene = new Scene(view.root(), 1100, 700);
        Theme.applyTo(scene);
        stage.setScene(scene);
        view.closeOnEscape(stage::close);
        stage.setOnHidden(e -> model.dispose());
        stage.show();
        return stage;
    }
}
