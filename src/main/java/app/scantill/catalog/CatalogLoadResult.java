package app.scantill.catalog;

import java.util.List;

/**
 * What loading a catalog file produced: the products that passed validation and every row (or
 * file-level problem) that was skipped.
 *
 * @param source where the catalog came from, for messages (usually the file path)
 */
public record CatalogLoadResult(Catalog catalog, List<CatalogProblem> problems, String source) {

    public CatalogLoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
