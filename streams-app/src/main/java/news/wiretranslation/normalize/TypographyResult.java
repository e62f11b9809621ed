package news.wiretranslation.normalize;

import java.util.List;

/**
 * A text after {@link Typography#apply(String, String)}.
 *
 * @param text    the text with the language's typography
 * @param changed whether anything in the text changed
 * @param rule    the typography rule that was considered, {@code typography:<lang>}
 */
public record TypographyResult(String text, boolean changed, String rule) {

    /** {@code [rule]} when the text changed, otherwise empty: ready to append to a list of applied rules. */
    public List<String> rulesApplied() {
        return changed ? List.of(rule) : List.of();
    }
}
