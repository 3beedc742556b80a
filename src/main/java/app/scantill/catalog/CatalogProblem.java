package app.scantill.catalog;

/**
 * A catalog row that was skipped, or a problem with the whole file.
 *
 * @param lineNumber the 1-based line where the row starts; 0 when the problem concerns the whole file
 */
public record CatalogProblem(int lineNumber, String message) {

    public static CatalogProblem ofFile(String message) {
        return new CatalogProblem(0, message);
    }

    public boolean concernsWholeFile() {
        return lineNumber == 0;
    }

    /** The form shown to the cashier and written to the log, e.g. {@code line 12: name is missing}. */
    public String describe() {
        return concernsWholeFile() ? message : "line " + lineNumber + ": " + message;
    }
}
