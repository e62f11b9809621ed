package news.wiretranslation.topology;

import news.wiretranslation.translate.TranslationException;

/**
 * A failure of the engine that is not the article's (a rejected key, the engine away for longer than a call may wait,
 * the dispatcher closing): carried out of the translate step so that the stream thread fails, its transaction aborts
 * and the article is processed again.
 */
public final class TranslationFailedException extends RuntimeException {
    public TranslationFailedException(TranslationException cause) {
        super(cause.getMessage(), cause);
    }
}
