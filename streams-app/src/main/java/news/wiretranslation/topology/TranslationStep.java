package news.wiretranslation.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.glossary.TerminologyChecker;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;

/**
 * Produces one target language's article: passed through when the original is already in that language,
 * otherwise translated (headline and paragraphs in one request, with the pair's glossary), checked for quality
 * doubts and against the terminology, and labelled.
 *
 * <p>This is the synchronous path: the stream thread waits for the engine.
 */
public final class TranslationStep {
    private final Translator translator;
    private final ArticleLabeler labeler;
    private final Optional<QualityChecker> quality;
    private final TerminologyChecker terminology;

    public TranslationStep(Translator translator, ArticleLabeler labeler, Optional<QualityChecker> quality) {
        this.translator = translator;
        this.labeler = labeler;
        this.quality = quality;
        this.terminology = new TerminologyChecker(translator::terminology);
    }

    public Article toTarget(DetectedArticle article, TargetLanguage target) {
        if (target.isSameLanguageAs(article.language())) {
            return labeler.passedThrough(article, target);
        }
        List<String> texts = ArticleLabeler.textsToTranslate(article);
        TranslationOptions options = TranslationOptions.forArticle(translator, article.language(), target.code(), texts.get(0));
        TranslationRequest request = new TranslationRequest(article.language(), target.code(), texts, options);
        TranslationResult result;
        try {
            result = translator.translate(request);
        } catch (TranslationException e) {
            if (e.kind() == TranslationException.Kind.REJECTED) {
                throw new DeadLetterException(DeadLetterReason.TRANSLATION_REJECTED, Stage.TRANSLATE,
                        article.raw().getId(), target.code(),
                        translator.engine() + " refused " + article.language() + "->" + target.code() + ": " + e.getMessage(), e);
            }
            // Retriable or fatal: not this article's fault. The handler fails the thread; the record is retried.
            throw new TranslationFailedException(e);
        }
        List<QualityFlag> flags = new ArrayList<>(quality
                .map(checker -> checker.check(texts, result.texts(), article.language(), target.language()))
                .orElse(List.of()));
        flags.addAll(terminology.check(texts, result.texts(), article.language(), target.code()));
        return labeler.translated(article, target, result,
                SettingsFingerprint.of(translator, options, article.language(), target.code()), flags);
    }

    /** Carries a checked {@link TranslationException} out of a stream step. */
    public static final class TranslationFailedException extends RuntimeException {
        public TranslationFailedException(TranslationException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
