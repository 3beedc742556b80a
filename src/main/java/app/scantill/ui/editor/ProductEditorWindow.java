package app.scantill.ui.editor;

import app.scantill.ui.Theme;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
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
        // At most the screen: a 1024x768 till screen shows the whole window.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight()));
        Theme.applyTo(scene);
        stage.setScene(scene);
        view.closeOnEscape(stage::close);
        stage.setOnHidden(e -> model.dispose());
        stage.show();
        return stage;
    }
}
