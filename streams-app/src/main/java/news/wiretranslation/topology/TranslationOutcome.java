package news.wiretranslation.topology;

import java.util.Objects;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;

/**
 * What the asynchronous translate step emits for one article and target: the article, or a dead letter (keyed by
 * the original record's key bytes) when the engine refused it. The topology sends each to its topic.
 */
public record TranslationOutcome(Article article, byte[] deadLetterKey, DeadLetter deadLetter) {
    public TranslationOutcome {
        if ((article == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("an outcome is an article or a dead letter");
        }
    }

    public static TranslationOutcome of(Article article) {
        return new TranslationOutcome(Objects.requireNonNull(article, "article"), null, null);
    }

    public static TranslationOutcome deadLetter(byte[] key, DeadLetter letter) {
        return new TranslationOutcome(null, key, Objects.requireNonNull(letter, "letter"));
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }
}
