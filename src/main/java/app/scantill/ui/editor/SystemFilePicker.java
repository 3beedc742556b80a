package app.scantill.ui.editor;

import app.scantill.i18n.Translator;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's own open and save dialogs, for CSV files. */
public final class SystemFilePicker implements FilePicker {

    private final Translator words;

    public SystemFilePicker(Translator words) {
        this.words = Objects.requireNonNull(words, "words");
    }

    @Override
    public Optional<Path> fileToImport(Window owner) {
        return Optional.ofNullable(chooser("catalog.editor.choose_import").showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> fileToExport(Window owner) {
        FileChooser chooser = chooser("catalog.editor.choose_export");
        chooser.setInitialFileName("catalog-export.csv");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(words.text(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(words.text("catalog.editor.csv_files"),
                "*.csv"));
        return chooser;
    }
}
