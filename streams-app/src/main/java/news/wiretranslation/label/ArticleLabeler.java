package news.wiretranslation.label;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.avro.Translation;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.DetectedArticle;
import news.wiretranslation.translate.TranslationResult;

/**
 * Builds the normalized {@link Article} for one target language, labelled so that no reader or system can
 * mistake a machine translation for an original: the translation block says by what, from which language and
 * article, and with what confidence; the disclaimer says it in words.
 */
public final class ArticleLabeler {
    /** IPTC digital source type for content produced by a trained model. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private final Clock clock;

    public ArticleLabeler(Clock clock) {
        this.clock = clock;
    }

    /** The original, already in the target language, published unchanged but normalized. */
    public Article passedThrough(DetectedArticle article, TargetLanguage target) {
        return base(article, target)
                .setHeadline(article.text().headline())
                .setBody(article.text().paragraphs())
                .setMachineTranslated(false)
                .setTranslation(null)
                .build();
    }

    /**
     * A translation. {@code result.texts()} holds the headline first, then the paragraphs in order, as
     * {@link #textsToTranslate(DetectedArticle)} asked for them.
     */
    public Article translated(DetectedArticle article, TargetLanguage target, TranslationResult result) {
        List<String> texts = result.texts();
        Translation translation = Translation.newBuilder()
                .setEngine(result.engine())
                .setEngineModel(result.engineModel())
                .setSourceLanguage(article.language())
                .setDetectionConfidence(article.confidence())
                .setOriginalArticleId(article.raw().getId())
                .setTranslatedAt(clock.instant())
                .setBilledCharacters(result.billedCharacters())
                .setDisclaimer(Disclaimers.disclaimer(target.language(), article.language(), result.engine()))
                .setDigitalSourceType(TRAINED_ALGORITHMIC_MEDIA)
                .build();
        return base(article, target)
                .setHeadline(texts.get(0))
                .setBody(texts.subList(1, texts.size()))
                .setMachineTranslated(true)
                .setTranslation(translation)
                .build();
    }

    /** What to send to the engine for one article: the headline first, then each paragraph. */
    public static List<String> textsToTranslate(DetectedArticle article) {
        return Stream.concat(Stream.of(article.text().headline()),
                article.text().paragraphs().stream()).toList();
    }

    private Article.Builder base(DetectedArticle article, TargetLanguage target) {
        RawArticle raw = article.raw();
        return Article.newBuilder()
                .setUri(uri(raw, target))
                .setId(raw.getId())
                .setVersion(raw.getRevision())
                .setLanguage(target.bcp47())
                .setVersionCreated(raw.getPublishedAt())
                .setSource(raw.getSource())
                .setOriginalUrl(raw.getUrl())
                .setDetectedLanguage(article.language())
                .setDetectionConfidence(article.confidence())
                .setProcessedAt(clock.instant())
                .setPipelineVersion(BuildInfo.pipelineVersion());
    }

    static String uri(RawArticle raw, TargetLanguage target) {
        return "urn:wire-translation:" + encode(raw.getSource()) + ":" + encode(raw.getId()) + ":" + target.bcp47();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
