package app.scantill.ui.cashier;

import app.scantill.catalog.CatalogProblem;
import app.scantill.i18n.Translator;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Pane;

/**
 * "Catalog problems (n)": every skipped catalog row with its line number and reason. Shown only
 * while there are problems.
 */
final class CatalogProblemsPanel extends TitledPane {

    private CatalogProblemsPanel(ObservableList<CatalogProblem> problems, Translator words) {
        ListView<CatalogProblem> list = new ListView<>(problems);
        list.setFocusTraversable(false);
        list.getStyleClass().add("problem-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(CatalogProblem problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : words.text(problem.describe()));
            }
        });
        setId("catalogProblems");
        getStyleClass().add("problems-panel");
        setContent(list);
        setFocusTraversable(false);
        textProperty().bind(Bindings.createStringBinding(
                () -> words.text("cashier.catalog.problems", problems.size()), problems));
        visibleProperty().bind(Bindings.isNotEmpty(problems));
        managedProperty().bind(visibleProperty());
    }

    /**
     * Adds the panel to {@code area} when the first problem arrives (at once if there already is one).
     * A TitledPane around a ListView, with their skins and CSS, is not built for the first frame: the
     * catalog loads after that frame (ADR 0071) and most catalogs have no problems at all (ADR 0080).
     */
    static void addWhenNeeded(Pane area, ObservableList<CatalogProblem> problems, Translator words) {
        if (!problems.isEmpty()) {
            area.getChildren().add(new CatalogProblemsPanel(problems, words));
            return;
        }
        ListChangeListener<CatalogProblem> firstProblem = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends CatalogProblem> change) {
                if (!problems.isEmpty()) {
                    problems.removeListener(this);
                    area.getChildren().add(new CatalogProblemsPanel(problems, words));
                }
            }
        };
        problems.addListener(firstProblem);
    }
}
