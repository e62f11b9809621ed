package news.wiretranslation.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.detect.LanguageDetector;

/**
 * Looks for what an editor would otherwise find by reading: spans the engine left in the source language (as in
 * a quotation it did not touch), a translation much shorter or longer than its source, and empty translations.
 * Each finding becomes a {@link QualityFlag} with the text and where it is.
 */
public final class QualityChecker {
    public static final String UNTRANSLATED_FRAGMENT = "UNTRANSLATED_FRAGMENT";
    public static final String LENGTH_RATIO = "LENGTH_RATIO";
    public static final String EMPTY_TRANSLATION = "EMPTY_TRANSLATION";

    /**
     * The margin at or above which a copied word's detection among the pair's two languages (a narrowed detector:
     * Lingua's raw margin) places it in the source language; chosen on the labelled set of Apertium translations
     * (docs/detection.md).
     */
    public static final double COPIED_WORD_MIN_MARGIN = 0.3;

    private final CopiedWords copiedWords;
    private final double minLengthRatio;
    private final double maxLengthRatio;

    /**
     * @param minLengthRatio translated/source characters below which the translation is suspiciously short
     * @param maxLengthRatio ... above which it is suspiciously long
     * @param detector       asked about single copied words, among the pair's two languages only
     */
    public QualityChecker(LanguageDetector detector, double minLengthRatio, double maxLengthRatio) {
        this(detector, minLengthRatio, maxLengthRatio, COPIED_WORD_MIN_MARGIN);
    }

    /** The same with another margin for copied words: for the report that chooses it. */
    public QualityChecker(LanguageDetector detector, double minLengthRatio, double maxLengthRatio, double copiedWordMinMargin) {
        this.copiedWords = new CopiedWords(detector, copiedWordMinMargin);
        this.minLengthRatio = minLengthRatio;
        this.maxLengthRatio = maxLengthRatio;
    }

    /** A span of a translated text that is still in the source language: where it starts and what it says. */
    public record UntranslatedSpan(int offset, String text) {
    }

    /**
     * @param sources        the texts sent (headline first, then paragraphs)
     * @param translations   the engine's texts, same order
     * @param sourceLanguage ISO 639-1 of the original
     * @param targetLanguage ISO 639-1 of the translation
     */
    public List<QualityFlag> check(List<String> sources, List<String> translations, String sourceLanguage,
                                   String targetLanguage) {
        return check(sources, translations, null, sourceLanguage, targetLanguage);
    }

    /**
     * The same, with the untranslated spans already found for some texts (by the dispatcher's check, or kept in the
     * translation memory with the text): {@code spansFound} holds them per text, or null where they are still to be
     * looked for; a null list looks for all.
     */
    public List<QualityFlag> check(List<String> sources, List<String> translations, List<List<UntranslatedSpan>> spansFound,
                                   String sourceLanguage, String targetLanguage) {
        List<QualityFlag> flags = new ArrayList<>();
        for (int i = 0; i < translations.size(); i++) {
            String source = sources.get(i);
            String translation = translations.get(i);
            int paragraph = i - 1;
            if (isEmptyTranslation(source, translation)) {
                flags.add(emptyTranslation(paragraph));
                continue;
            }
            List<UntranslatedSpan> spans = spansFound == null ? null : spansFound.get(i);
            if (spans == null) {
                spans = untranslatedSpans(source, translation, sourceLanguage, targetLanguage);
            }
            for (UntranslatedSpan span : spans) {
                flags.add(untranslatedFragment(span, sourceLanguage, paragraph));
            }
        }
        lengthRatio(sources, translations).ifPresent(flags::add);
        return flags;
    }

    /** True when the engine returned nothing for a text that had something. */
    public static boolean isEmptyTranslation(String source, String translation) {
        return translation.isBlank() && !source.isBlank();
    }

    /** The flag for a text that came back empty; {@code paragraph} -1 is the headline. */
    public static QualityFlag emptyTranslation(int paragraph) {
        return flag(EMPTY_TRANSLATION, (paragraph < 0 ? "the headline" : "paragraph " + paragraph)
                + " came back empty", null, paragraph, -1);
    }

    /** The flag for a span still in the source language, in paragraph {@code paragraph} (-1: the headline). */
    public static QualityFlag untranslatedFragment(UntranslatedSpan span, String sourceLanguage, int paragraph) {
        return flag(UNTRANSLATED_FRAGMENT, "\"" + span.text() + "\" is still in the source language (" + sourceLanguage + ")",
                span.text(), paragraph, span.offset());
    }

    /** The LENGTH_RATIO flag when the translation as a whole is much shorter or longer than its source. */
    public Optional<QualityFlag> lengthRatio(List<String> sources, List<String> translations) {
        long sourceChars = 0;
        long translatedChars = 0;
        for (int i = 0; i < translations.size(); i++) {
            sourceChars += sources.get(i).length();
            translatedChars += translations.get(i).length();
        }
        if (sourceChars > 0 && translatedChars > 0) {
            double ratio = (double) translatedChars / sourceChars;
            if (ratio < minLengthRatio || ratio > maxLengthRatio) {
                return Optional.of(flag(LENGTH_RATIO, String.format(Locale.ROOT,
                        "the translation has %.2f times the source's length (expected %.2f to %.2f)",
                        ratio, minLengthRatio, maxLengthRatio), null, -1, -1));
            }
        }
        return Optional.empty();
    }

    /**
     * The spans of one translated text that are still in the source language, by offset: the words the engine copied
     * from its source that are not names, numbers or words both languages share, and source words it glued together
     * ({@link CopiedWords}). Each span names the words, never the sentence around them. Depends only on the texts
     * and the language pair, so the translation memory keeps the answer with the translation.
     */
    public List<UntranslatedSpan> untranslatedSpans(String source, String translation, String sourceLanguage,
                                                    String targetLanguage) {
        if (sourceLanguage.equals(targetLanguage) || translation.isBlank()) {
            return List.of();
        }
        return copiedWords.find(source, translation, sourceLanguage, targetLanguage);
    }

    private static QualityFlag flag(String code, String message, String text, int paragraph, int offset) {
        return QualityFlag.newBuilder().setCode(code).setMessage(message).setText(text)
                .setParagraph(paragraph).setOffset(offset).build();
    }
}
