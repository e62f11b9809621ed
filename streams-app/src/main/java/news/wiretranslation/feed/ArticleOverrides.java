package news.wiretranslation.feed;

import java.util.Optional;

/**
 * Values given on the command line that win over what an input says or implies: the person publishing knows better
 * than a file name or a feed's defaults.
 *
 * @param id               the article id (only meaningful for an input that holds one article)
 * @param source           the source, e.g. {@code afp}
 * @param declaredLanguage the language to declare, e.g. {@code fr}
 * @param revision         the revision, 1 or more
 * @param skipLines        plain text only: lines to drop before looking for the headline (site chrome such as
 *                         "Skip to content" in text copied from a web page); 0 for none
 */
public record ArticleOverrides(String id, String source, String declaredLanguage, Integer revision, int skipLines) {

    public static final ArticleOverrides NONE = new ArticleOverrides(null, null, null, null, 0);

    public ArticleOverrides {
        if (skipLines < 0) {
            throw new IllegalArgumentException("skipLines must be 0 or more, not " + skipLines);
        }
    }

    public Optional<String> idOverride() {
        return Optional.ofNullable(id);
    }

    public Optional<String> sourceOverride() {
        return Optional.ofNullable(source);
    }

    public ArticleOverrides withId(String newId) {
        return new ArticleOverrides(newId, source, declaredLanguage, revision, skipLines);
    }

    public ArticleOverrides withSkipLines(int lines) {
        return new ArticleOverrides(id, source, declaredLanguage, revision, lines);
    }
}
