package news.wiretranslation.glossary;

/**
 * Something wrong in a terminology file, where it is.
 *
 * @param file the file's name as given
 * @param line 1-based; 0 when it concerns the whole file (its name, its pair)
 */
public record GlossaryProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + message : file + ": " + message;
    }
}
