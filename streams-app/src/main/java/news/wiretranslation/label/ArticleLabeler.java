package news.wiretranslation.label;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.avro.Translation;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.LanguageResolver;
import news.wiretranslation.normalize.Typography;
import news.wiretranslation.quality.InputQualityFlags;
import news.wiretranslation.normalize.TypographyResult;
import news.wiretranslation.translate.TranslationResult;

/**
 * Builds the normalized {@link Article} for one target language, labelled so that no reader or system can
 * mistake a machine translation for an original: the translation block says by what, with which settings, from
 * which language (as declared, detected and engine-reported) and which original; the last paragraph says it in
 * words, in the reader's language.
 */
public final class ArticleLabeler {
    /** IPTC digital source type for content produced by a trained model. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private final Clock clock;
    private final Disclaimers disclaimers;

    public ArticleLabeler(Clock clock, Disclaimers disclaimers) {
        this.clock = clock;
        this.disclaimers = disclaimers;
    }

    public ArticleLabeler(Clock clock) {
        this(clock, Disclaimers.defaults());
    }

    /** The original, already in the target language, published normalized but otherwise unchanged. */
    public Article passedThrough(DetectedArticle article, TargetLanguage target) {
        Typeset text = typeset(article.text().headline(), article.text().paragraphs(), target);
        return base(article, target, text)
                .setMachineTranslated(false)
                .setTranslation(null)
                .setQualityFlags(InputQualityFlags.of(article))
                .build();
    }

    /**
     * A translation. {@code result.texts()} holds the headline first, then the paragraphs in order, as
     * {@link #textsToTranslate(DetectedArticle)} asked for them; the disclaimer is appended as a paragraph.
     */
    public Article translated(DetectedArticle article, TargetLanguage target, TranslationResult result,
                              String settingsFingerprint, List<QualityFlag> qualityFlags) {
        return translated(article, target, result, settingsFingerprint, qualityFlags, 0);
    }

    /**
     * As {@link #translated(DetectedArticle, TargetLanguage, TranslationResult, String, List)}, for a translation
     * of which {@code memoryCharacters} source characters were reused (translation memory) rather than billed.
     */
    public Article translated(DetectedArticle article, TargetLanguage target, TranslationResult result,
                              String settingsFingerprint, List<QualityFlag> qualityFlags, long memoryCharacters) {
        List<String> texts = result.texts();
        String disclaimer = disclaimers.disclaimer(target.language(), article.language(), result.engine());
        List<String> body = new ArrayList<>(texts.subList(1, texts.size()));
        body.add(disclaimer);
        Typeset text = typeset(texts.get(0), body, target);
        RawArticle raw = article.raw();
        Translation translation = Translation.newBuilder()
                .setEngine(result.engine())
                .setEngineModel(result.engineModel())
                .setSourceLanguage(article.language())
                .setDetectionConfidence(article.confidence())
                .setEngineDetectedLanguage(result.detectedSourceLanguage())
                .setLanguageDisagreement(disagree(declared(raw), article.language(), result.detectedSourceLanguage()))
                .setOriginalArticleId(raw.getId())
                .setOriginalUri(originalReference(raw))
                .setSettingsFingerprint(settingsFingerprint)
                .setTranslatedAt(clock.instant())
                .setBilledCharacters(result.billedCharacters())
                .setMemoryCharacters(memoryCharacters)
                .setDisclaimer(disclaimer)
                .setDigitalSourceType(TRAINED_ALGORITHMIC_MEDIA)
                .build();
        return base(article, target, text)
                .setMachineTranslated(true)
                .setTranslation(translation)
                .setQualityFlags(Stream.concat(InputQualityFlags.of(article).stream(), qualityFlags.stream()).toList())
                .build();
    }

    /** What to send to the engine for one article: the headline first, then each paragraph. */
    public static List<String> textsToTranslate(DetectedArticle article) {
        return Stream.concat(Stream.of(article.text().headline()), article.text().paragraphs().stream()).toList();
    }

    /** Headline and body after the target language's typography, and the rules that changed anything. */
    private record Typeset(String headline, List<String> body, List<String> rulesApplied) {
    }

    private static Typeset typeset(String headline, List<String> body, TargetLanguage target) {
        Set<String> rules = new LinkedHashSet<>();
        TypographyResult typesetHeadline = Typography.apply(headline, target.language());
        rules.addAll(typesetHeadline.rulesApplied());
        List<String> typesetBody = new ArrayList<>(body.size());
        for (String paragraph : body) {
            TypographyResult result = Typography.apply(paragraph, target.language());
            rules.addAll(result.rulesApplied());
            typesetBody.add(result.text());
        }
        return new Typeset(typesetHeadline.text(), typesetBody, List.copyOf(rules));
    }

    private Article.Builder base(DetectedArticle article, TargetLanguage target, Typeset text) {
        RawArticle raw = article.raw();
        List<String> normalization = new ArrayList<>(article.text().rulesApplied());
        normalization.addAll(text.rulesApplied());
        return Article.newBuilder()
                .setHeadline(text.headline())
                .setBody(text.body())
                .setUri(uri(raw, target))
                .setId(raw.getId())
                .setVersion(raw.getRevision())
                .setLanguage(target.bcp47())
                .setVersionCreated(raw.getPublishedAt())
                .setSource(raw.getSource())
                .setOriginalUrl(raw.getUrl())
                .setByline(raw.getByline())
                .setUrgency(raw.getUrgency())
                .setDeclaredLanguage(declared(raw))
                .setDetectedLanguage(article.language())
                .setDetectionConfidence(article.confidence())
                .setEditorialReview(false)
                .setNormalization(normalization)
                .setProcessedAt(clock.instant())
                .setPipelineVersion(BuildInfo.pipelineVersion());
    }

    /** Declared, detected and engine-reported languages disagree when two of those present differ. */
    static boolean disagree(String... languages) {
        return Stream.of(languages).filter(Objects::nonNull).distinct().count() > 1;
    }

    private static String declared(RawArticle raw) {
        return LanguageResolver.declaredLanguage(raw).orElse(null);
    }

    static String uri(RawArticle raw, TargetLanguage target) {
        return originalUri(raw) + ":" + target.bcp47();
    }

    /**
     * What identifies the original to a consumer: the item's own URI (a ninjs uri), which its provider and the
     * consumer's archive know it by; else its URL; else a URN of the service's.
     */
    static String originalReference(RawArticle raw) {
        if (raw.getItemUri() != null && !raw.getItemUri().isBlank()) {
            return raw.getItemUri();
        }
        return raw.getUrl() != null ? raw.getUrl() : originalUri(raw);
    }

    static String originalUri(RawArticle raw) {
        return "urn:wire-translation:" + encode(raw.getSource()) + ":" + encode(raw.getId());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
