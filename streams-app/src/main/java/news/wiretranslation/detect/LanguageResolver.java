package news.wiretranslation.detect;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DeclaredLanguage;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.Detection;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.RawArticle;

/**
 * Decides an article's source language. The detector wins when it is confident; otherwise the producer's
 * declared language is trusted; an article with neither, or in a language the engine does not translate
 * from, cannot be translated and is dead-lettered with a reason that says which: {@code UNSUPPORTED_LANGUAGE} for a
 * declared language the engine does not translate from, or an undeclared text written in a script none of its source
 * languages uses (Georgian, Armenian, Ethiopic: the message names the script); {@code UNDETECTABLE_LANGUAGE} for an
 * undeclared text in a supported script that is too short or ambiguous to tell.
 */
public final class LanguageResolver {
    private final LanguageDetector detector;
    private final Set<String> supported;
    private final double minConfidence;
    private final int maxChars;
    private final WritingSystems writingSystems;

    public LanguageResolver(LanguageDetector detector, Set<String> supportedLanguages, double minConfidence, int maxChars) {
        this.detector = detector;
        this.supported = Set.copyOf(supportedLanguages);
        this.minConfidence = minConfidence;
        this.maxChars = maxChars;
        this.writingSystems = new WritingSystems(this.supported);
    }

    public DetectedArticle resolve(RawArticle raw, NormalizedArticle text) {
        Optional<Detection> detection = detector.detect(sample(text));
        Optional<String> declared = declaredLanguage(raw);
        if (detection.isPresent() && detection.get().confidence() >= minConfidence
                && supported.contains(detection.get().language())) {
            return new DetectedArticle(raw, text, detection.get().language(), detection.get().confidence());
        }
        if (declared.isPresent()) {
            String language = declared.get();
            if (!supported.contains(language)) {
                throw new DeadLetterException(DeadLetterReason.UNSUPPORTED_LANGUAGE, Stage.DETECT, raw.getId(),
                        "declared language '" + language + "' is not one the translation engine translates from"
                                + detection.map(d -> " (detector: " + d.language() + " at " + round(d.confidence()) + ")")
                                .orElse(" (the detector recognised none of the supported languages)"));
            }
            double confidence = detection.filter(d -> d.language().equals(language)).map(Detection::confidence).orElse(0.0);
            return new DetectedArticle(raw, text, language, confidence);
        }
        String sample = sample(text);
        Optional<Character.UnicodeScript> script = writingSystems.foreignScript(sample);
        if (script.isPresent()) {
            // Not a language that cannot be told, but one the engine does not translate from.
            throw new DeadLetterException(DeadLetterReason.UNSUPPORTED_LANGUAGE, Stage.DETECT, raw.getId(),
                    "the text is written in the " + WritingSystems.displayName(script.get()) + " script, which no "
                            + "language the translation engine translates from uses, and no language was declared");
        }
        throw new DeadLetterException(DeadLetterReason.UNDETECTABLE_LANGUAGE, Stage.DETECT, raw.getId(),
                detection.map(d -> "detected " + d.language() + " with confidence " + round(d.confidence())
                                + ", below the minimum " + minConfidence + ", and no language was declared")
                        .orElse("no supported language recognised and no language declared"));
    }

    /** Headline plus the start of the body: enough to decide, and detection cost grows with length. */
    private String sample(NormalizedArticle text) {
        StringBuilder sample = new StringBuilder(text.headline());
        for (String paragraph : text.paragraphs()) {
            if (sample.length() >= maxChars) {
                break;
            }
            sample.append('\n').append(paragraph);
        }
        return sample.length() > maxChars ? sample.substring(0, maxChars) : sample.toString();
    }

    /**
     * "fr", "fr-FR", "FR" and "fr_CA" all mean French; a value that is not a valid BCP 47 tag means nothing was
     * declared ({@link DeclaredLanguage}).
     */
    public static Optional<String> declaredLanguage(RawArticle raw) {
        return DeclaredLanguage.primaryLanguage(raw.getDeclaredLanguage());
    }

    private static String round(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
