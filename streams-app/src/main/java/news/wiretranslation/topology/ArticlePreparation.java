package news.wiretranslation.topology;

import news.wiretranslation.article.ArticleValidator;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.detect.LanguageResolver;

/**
 * The steps before translation, validate, normalize and detect: one object, assembled by the service, so that the
 * topology and the tools that must reach the same decisions (the replay's dry run) cannot drift apart.
 * Each step throws a {@code DeadLetterException} for a record that can never succeed.
 */
public final class ArticlePreparation {
    private final ArticleValidator validator = new ArticleValidator();
    private final NormalizationStep normalization;
    private final LanguageResolver resolver;

    public ArticlePreparation(NormalizationStep normalization, LanguageResolver resolver) {
        this.normalization = normalization;
        this.resolver = resolver;
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
