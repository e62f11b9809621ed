package news.wiretranslation.normalize;

import java.util.List;

/**
 * An article's text after normalization: clean, NFC-normalized plain text, split into paragraphs.
 *
 * @param headline   the headline, one line
 * @param paragraphs the body's paragraphs in order, none empty
 */
public record NormalizedArticle(String headline, List<String> paragraphs) {
    public NormalizedArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    public boolean isEmpty() {
        return headline.isBlank() && paragraphs.isEmpty();
    }
}
