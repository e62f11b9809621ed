package news.wiretranslation.normalize;

import java.util.List;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * Turns a raw article's headline and body into clean paragraphs of plain text.
 *
 * <p>Everything downstream (language detection, translation memory, the translation engine, the output topics)
 * works on paragraphs of clean text, so every delivery format is brought to that one shape here: HTML bodies
 * through {@link HtmlParagraphs}, plain-text bodies through {@link PlainTextParagraphs}, and each resulting string
 * through {@link TextCleaner}. Paragraphs that end up empty are dropped; the headline becomes one line.
 *
 * <p>Stateless and thread-safe: one instance can serve every stream thread.
 */
public final class TextNormalizer {

    /**
     * Normalizes an article's headline and body.
     *
     * @param raw the article as delivered
     * @return the headline on one line and the non-empty body paragraphs in order
     */
    public NormalizedArticle normalize(RawArticle raw) {
        String headline = TextCleaner.clean(raw.getHeadline());
        List<String> paragraphs = rawParagraphs(raw).stream()
                .map(TextCleaner::clean)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
        return new NormalizedArticle(headline, paragraphs);
    }

    private static List<String> rawParagraphs(RawArticle raw) {
        return raw.getBodyFormat() == BodyFormat.HTML
                ? HtmlParagraphs.extract(raw.getBody())
                : PlainTextParagraphs.split(raw.getBody());
    }
}
