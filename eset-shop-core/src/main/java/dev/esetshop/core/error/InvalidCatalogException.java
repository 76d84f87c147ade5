package dev.esetshop.core.error;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog that cannot be read or is inconsistent; it lists every problem found at once. */
public final class InvalidCatalogException extends EsetShopException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "INVALID_CATALOG";

    private final transient List<CatalogProblem> problems;

    /**
     * A catalog with these problems.
     *
     * @param problems every problem found, in document order
     */
    public InvalidCatalogException(List<CatalogProblem> problems) {
        super(summary(problems), null);
        this.problems = List.copyOf(problems);
    }

    /**
     * A catalog that could not be read, with the exception that stopped it.
     *
     * @param problems every problem found, in document order
     * @param cause why reading stopped
     */
    public InvalidCatalogException(List<CatalogProblem> problems, Throwable cause) {
        super(summary(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<CatalogProblem> problems() {
        return problems;
    }

    /**
     * The catalog stays wrong until it is fixed and loaded again.
     *
     * @return {@code false}
     */
    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return CODE;
    }

    private static String summary(List<CatalogProblem> problems) {
        return "The catalog is not usable (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "); fix it and load it again: "
                + problems.stream().map(CatalogProblem::describe).collect(Collectors.joining("; "));
    }
}
