package app.scantill.catalog;

import app.scantill.i18n.Message;
import java.util.Objects;

/**
 * A catalog row that was skipped, or a problem with the whole file.
 *
 * @param lineNumber the 1-based line where the row starts; 0 when the problem concerns the whole file
 * @param message what is wrong, in any language
 */
public record CatalogProblem(int lineNumber, Message message) {

    public CatalogProblem {
        Objects.requireNonNull(message, "message");
    }

    public static CatalogProblem ofFile(Message message) {
        return new CatalogProblem(0, message);
    }

    public boolean concernsWholeFile() {
        return lineNumber == 0;
    }

    /** The form shown to the cashier and written to the log, e.g. {@code line 12: name is missing}. */
    public Message describe() {
        return concernsWholeFile() ? message : Message.of("catalog.problem.line", lineNumber, message);
    }
}
