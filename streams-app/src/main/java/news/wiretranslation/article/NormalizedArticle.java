package news.wiretranslation.article;

import java.util.List;

/**
 * An article's text after normalization: clean, NFC-normalized plain text, split into paragraphs.
 *
 * @param headline     the headline, one line
 * @param paragraphs   the body's paragraphs in order, none empty
 * @param rulesApplied names of the normalization rules that changed the text (e.g. {@code boilerplate:skip-to-content}),
 *                     so an operator can see what normalization did to an article
 */
public record NormalizedArticle(String headline, List<String> paragraphs, List<String> rulesApplied) {
    public NormalizedArticle {
        paragraphs = List.copyOf(paragraphs);
        rulesApplied = List.copyOf(rulesApplied);
    }

    public NormalizedArticle(String headline, List<String> paragraphs) {
        this(headline, paragraphs, List.of());
    }

    public boolean isEmpty() {
        return headline.isBlank() && paragraphs.isEmpty();
    }
}
