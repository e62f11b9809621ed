package news.wiretranslation.topology;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.detect.CachingLanguageDetector;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LanguageResolver;
import news.wiretranslation.normalize.TextNormalizer;

/**
 * The steps before translation, validate, normalize and detect, as the service configures them: one place, so that
 * the topology and the tools that must reach the same decisions (the replay's dry run) cannot drift apart.
 * Each step throws a {@code DeadLetterException} for a record that can never succeed.
 */
public final class ArticlePreparation {
    private final ArticleValidator validator = new ArticleValidator();
    private final NormalizationStep normalization;
    private final LanguageResolver resolver;

    private ArticlePreparation(NormalizationStep normalization, LanguageResolver resolver) {
        this.normalization = normalization;
        this.resolver = resolver;
    }

    /** The configured steps; detections are cached by sample (revisions and replays repeat an article's lead). */
    public static ArticlePreparation of(ServiceConfig config, LanguageDetector detector) {
        NormalizationStep normalization = new NormalizationStep(new TextNormalizer(TranslationTopology.boilerplateRules(config)));
        LanguageResolver resolver = new LanguageResolver(
                new CachingLanguageDetector(detector, TranslationTopology.DETECTION_CACHE_ENTRIES),
                config.sourceLanguages(), config.detection().minConfidence(), config.detection().maxChars());
        return new ArticlePreparation(normalization, resolver);
    }

    public RawArticle validate(RawArticle raw) {
        return validator.validate(raw);
    }

    public NormalizationStep.Normalized normalize(RawArticle raw) {
        return normalization.normalize(raw);
    }

    public DetectedArticle detect(NormalizationStep.Normalized article) {
        return resolver.resolve(article.raw(), article.text());
    }

    /** All three steps. */
    public DetectedArticle prepare(RawArticle raw) {
        return detect(normalize(validate(raw)));
    }
}
