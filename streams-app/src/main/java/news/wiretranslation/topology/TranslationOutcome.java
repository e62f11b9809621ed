package news.wiretranslation.topology;

import java.util.Objects;

import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;

/**
 * What the asynchronous translate step emits for one article and target: the article, or a dead letter (keyed by
 * the original record's key bytes) when the engine refused it. The topology sends each to its topic.
 *
 * @param sentCharacters the service's own count of what the engine was asked to translate for this article: the
 *                       source characters (Unicode code points, as DeepL counts them) of its texts sent to the engine,
 *                       not those taken from the translation memory or shared with another article in flight. Set
 *                       beside the label's {@code billedCharacters} (the engine's figure) for the meters; the label's
 *                       schema has no field for it. 0 for a dead letter and an article passed through.
 * @param original       the normalized original the article was translated from, or null: the review desk shows it
 *                       beside the translation when the article goes to the review topic
 */
public record TranslationOutcome(Article article, byte[] deadLetterKey, DeadLetter deadLetter, long sentCharacters,
                                 NormalizedArticle original) {
    public TranslationOutcome {
        if ((article == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("an outcome is an article or a dead letter");
        }
    }

    public static TranslationOutcome of(Article article, long sentCharacters) {
        return of(article, sentCharacters, null);
    }

    public static TranslationOutcome of(Article article, long sentCharacters, NormalizedArticle original) {
        return new TranslationOutcome(Objects.requireNonNull(article, "article"), null, null, sentCharacters, original);
    }

    public static TranslationOutcome deadLetter(byte[] key, DeadLetter letter) {
        return new TranslationOutcome(null, key, Objects.requireNonNull(letter, "letter"), 0, null);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }
}
