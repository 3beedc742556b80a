package app.scantill.ui.cashier;

import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;

/** The category filter over the product grid: "All" and one toggle per catalog category, exactly one on. */
final class CategoryBar extends FlowPane {

    private final CashierViewModel model;
    private final ToggleGroup group = new ToggleGroup();

    CategoryBar(CashierViewModel model) {
        this.model = model;
        getStyleClass().add("category-bar");
        model.categories().addListener((ListChangeListener<String>) change -> rebuild());
        // The keys (PageUp, PageDown) change the category through the model: the bar follows it.
        model.categoryProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> Objects.equals(t.getUserData(), now)).findFirst().ifPresent(t -> t.setSelected(true)));
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one category toggle is always on; "All" included
                return;
            }
            model.categoryProperty().set((String) toggle.getUserData());
        });
        rebuild();
    }

    private void rebuild() {
        String current = model.categoryProperty().get();
        group.getToggles().clear();
        getChildren().clear();
        ToggleButton all = toggle(model.words().text("cashier.category.all"), null);
        getChildren().add(all);
        for (String name : model.categories()) {
            getChildren().add(toggle(name, name));
        }
        Label keys = new Label(model.words().text(CashierShortcut.CATEGORY.keys()));
        keys.getStyleClass().add("key-cap");
        keys.setAccessibleText(model.words().text(CashierShortcut.CATEGORY.action()));
        getChildren().add(keys);
        group.getToggles().stream()
                .filter(t -> Objects.equals(t.getUserData(), current))
                .findFirst().orElse(all).setSelected(true);
    }

    private ToggleButton toggle(String text, String category) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setUserData(category);
        toggle.setToggleGroup(group);
        toggle.setFocusTraversable(false);
        toggle.getStyleClass().add("category-toggle");
        return toggle;
    }
}
