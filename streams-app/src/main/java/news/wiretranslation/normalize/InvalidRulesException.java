package news.wiretranslation.normalize;

/**
 * A rules file that cannot be loaded, with where and why.
 *
 * <p>Rules are validated in full at load, before any article is touched: a typo in an operator-edited file must
 * stop the service at start-up with a message that points at the line, not silently keep chrome in (or cut text
 * out of) every article.
 */
public final class InvalidRulesException extends IllegalArgumentException {

    private final String origin;
    private final int lineNumber;
    private final String problem;

    InvalidRulesException(String origin, int lineNumber, String problem) {
        super(origin + ":" + lineNumber + ": " + problem);
        this.origin = origin;
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    /** The file (or other origin) the rules came from. */
    public String origin() {
        return origin;
    }

    /** The 1-based number of the offending line. */
    public int lineNumber() {
        return lineNumber;
    }

    /** What is wrong with the line. */
    public String problem() {
        return problem;
    }
}
