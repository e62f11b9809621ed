package news.wiretranslation.detect;

import java.util.Optional;
import java.util.Set;

import news.wiretranslation.article.Detection;

/** Decides which language an article is written in. Implementations are thread-safe. */
public interface LanguageDetector {

    /**
     * Detects the language of a text.
     *
     * @return the most likely language with a confidence, or empty when no supported language fits
     */
    Optional<Detection> detect(String text);

    /**
     * A detector that chooses only among {@code languages}: much cheaper when a question has two plausible
     * answers (is this sentence of a French-to-English translation still French?), since the cost grows with the
     * number of candidate languages. Implementations that cannot narrow return themselves.
     *
     * @param languages ISO 639-1 lower-case codes
     */
    default LanguageDetector among(Set<String> languages) {
        return this;
    }
}
