package app.scantill.ui.editor;

import app.scantill.catalog.CatalogStore;
import app.scantill.config.ManagerPin;
import java.util.Objects;
import java.util.Optional;

/**
 * What a till needs to let a manager edit its products: the catalog file, the manager PIN asked first when
 * one is set, and how files to import or export are picked. A kiosk has none (no editor there).
 */
public record ProductEditing(CatalogStore store, Optional<ManagerPin> managerPin, FilePicker files) {

    public ProductEditing {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(managerPin, "managerPin");
        Objects.requireNonNull(files, "files");
    }
}
