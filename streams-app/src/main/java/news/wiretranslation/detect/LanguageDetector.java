package news.wiretranslation.detect;

import java.util.Optional;

/** Decides which language an article is written in. Implementations are thread-safe. */
public interface LanguageDetector {

    /**
     * Detects the language of a text.
     *
     * @return the most likely language with a confidence, or empty when no supported language fits
     */
    Optional<Detection> detect(String text);
}
