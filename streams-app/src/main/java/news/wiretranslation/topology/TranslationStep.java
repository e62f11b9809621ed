package news.wiretranslation.topology;

import news.wiretranslation.avro.Article;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.deadletter.DeadLetterException;
import news.wiretranslation.deadletter.DeadLetterReason;
import news.wiretranslation.deadletter.Stage;
import news.wiretranslation.detect.DetectedArticle;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;

/**
 * Produces one target language's article: passed through when the original is already in that language,
 * otherwise translated (headline and paragraphs in one request) and labelled.
 *
 * <p>This is the synchronous path: the stream thread waits for the engine.
 */
public final class TranslationStep {
    private final Translator translator;
    private final ArticleLabeler labeler;

    public TranslationStep(Translator translator, ArticleLabeler labeler) {
        this.translator = translator;
        this.labeler = labeler;
    }

    public Article toTarget(DetectedArticle article, TargetLanguage target) {
        if (target.isSameLanguageAs(article.language())) {
            return labeler.passedThrough(article, target);
        }
        TranslationRequest request = new TranslationRequest(article.language(), target.code(),
                ArticleLabeler.textsToTranslate(article));
        try {
            TranslationResult result = translator.translate(request);
            return labeler.translated(article, target, result);
        } catch (TranslationException e) {
            if (e.kind() == TranslationException.Kind.REJECTED) {
                throw new DeadLetterException(DeadLetterReason.TRANSLATION_REJECTED, Stage.TRANSLATE,
                        article.raw().getId(), target.code(),
                        translator.engine() + " refused " + article.language() + "->" + target.code() + ": " + e.getMessage(), e);
            }
            // Retriable or fatal: not this article's fault. The handler fails the thread; the record is retried.
            throw new TranslationFailedException(e);
        }
    }

    /** Carries a checked {@link TranslationException} out of a stream step. */
    public static final class TranslationFailedException extends RuntimeException {
        public TranslationFailedException(TranslationException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
