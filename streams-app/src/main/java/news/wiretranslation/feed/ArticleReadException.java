package news.wiretranslation.feed;

/**
 * An input that cannot become articles, naming the input (file name, or {@code <stdin>}), the line when the problem
 * is on one, and what is wrong. Checked, so that a caller reading many inputs decides what to do with each failure
 * before sending anything.
 */
public class ArticleReadException extends Exception {
    private final String input;
    private final int line;
    private final String problem;

    /** A problem with the input as a whole. */
    public ArticleReadException(String input, String problem) {
        this(input, 0, problem, null);
    }

    /**
     * @param line the 1-based line number, or 0 when the problem is not on one line
     */
    public ArticleReadException(String input, int line, String problem, Throwable cause) {
        super(input + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.input = input;
        this.line = line;
        this.problem = problem;
    }

    /** The file (or {@code <stdin>}) that failed. */
    public String input() {
        return input;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** What is wrong, without the input's name. */
    public String problem() {
        return problem;
    }
}
