package news.wiretranslation.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.glossary.TerminologyChecker;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.async.Lane;

/**
 * Translating one article into one target language, whichever way the engine is reached: whether it passes through
 * (already in the target language), what is asked of the engine (texts and options), why a refusal is dead-lettered,
 * and, once every text is translated, the quality and terminology checks and the label. The translate step calls it;
 * where the translations come from (memory, engine, a text shared in flight) is the step's business.
 */
public final class ArticleTranslation {
    private final TargetLanguage target;
    private final Translator translator;
    private final ArticleLabeler labeler;
    private final Optional<QualityChecker> quality;
    private final TerminologyChecker terminology;

    public ArticleTranslation(TargetLanguage target, Translator translator, ArticleLabeler labeler,
                              Optional<QualityChecker> quality) {
        this.target = target;
        this.translator = translator;
        this.labeler = labeler;
        this.quality = quality;
        this.terminology = new TerminologyChecker(translator::terminology);
    }

    /** What one article asks of the engine: its texts (headline first, then paragraphs) and the request's options. */
    public record Request(DetectedArticle article, List<String> texts, TranslationOptions options, Lane lane) {
    }

    public TargetLanguage target() {
        return target;
    }

    public Translator translator() {
        return translator;
    }

    /** The article as published when it is already in the target language; empty when it needs translating. */
    public Optional<Article> passThrough(DetectedArticle article) {
        return target.isSameLanguageAs(article.language())
                ? Optional.of(labeler.passedThrough(article, target)) : Optional.empty();
    }

    public Request request(DetectedArticle article) {
        List<String> texts = ArticleLabeler.textsToTranslate(article);
        TranslationOptions options = TranslationOptions.forArticle(translator, article.language(), target.code(), texts.get(0));
        return new Request(article, texts, options, new Lane(article.language(), target.code(), options));
    }

    /**
     * The labelled article, from one translation per text.
     *
     * @param result           the translations in the request's order, with the engine's model, detected language and
     *                         the characters billed to this article
     * @param spansFound       per text, the untranslated spans already found, or null where still to be looked for
     * @param memoryCharacters source characters whose translation was reused rather than billed
     */
    public Article finish(Request request, TranslationResult result, List<List<UntranslatedSpan>> spansFound,
                          long memoryCharacters) {
        DetectedArticle article = request.article();
        List<QualityFlag> flags = new ArrayList<>(quality
                .map(checker -> checker.check(request.texts(), result.texts(), spansFound, article.language(), target.language()))
                .orElse(List.of()));
        flags.addAll(terminology.check(request.texts(), result.texts(), article.language(), target.code()));
        return labeler.translated(article, target, result,
                SettingsFingerprint.of(translator, request.options(), article.language(), target.code()), flags,
                memoryCharacters);
    }

    /** The dead letter's message for an article the engine refused. */
    public String refusal(DetectedArticle article, TranslationException refused) {
        return translator.engine() + " refused " + article.language() + "->" + target.code() + ": " + refused.getMessage();
    }
}
