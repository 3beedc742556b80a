package app.scantill.ui.editor;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Where the owner picks the file to import from or export to. The window uses the system's file dialog
 * ({@link SystemFilePicker}); tests hand in their own paths instead of a native dialog they cannot drive.
 */
public interface FilePicker {

    Optional<Path> fileToImport(Window owner);

    Optional<Path> fileToExport(Window owner);
}
