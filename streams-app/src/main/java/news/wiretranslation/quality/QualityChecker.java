package news.wiretranslation.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.article.Detection;
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

    /** Quotations and brackets: where engines most often leave text untouched. */
    private static final List<Pattern> QUOTED = List.of(
            Pattern.compile("«\\s*([^»]+?)\\s*»"), Pattern.compile("“([^”]+)”"), Pattern.compile("„([^“”]+)[“”]"),
            Pattern.compile("\"([^\"]+)\""), Pattern.compile("\\[([^\\]]+)\\]"), Pattern.compile("\\(([^)]+)\\)"));
    private static final Pattern SENTENCE = Pattern.compile("[^.!?…]+[.!?…]*");

    private final LanguageDetector detector;
    private final double minLengthRatio;
    private final double maxLengthRatio;
    private final int minSpanChars;

    /**
     * @param minLengthRatio translated/source characters below which the translation is suspiciously short
     * @param maxLengthRatio ... above which it is suspiciously long
     * @param minSpanChars   shorter spans are not judged: detection on a word or two is guesswork
     */
    public QualityChecker(LanguageDetector detector, double minLengthRatio, double maxLengthRatio, int minSpanChars) {
        this.detector = detector;
        this.minLengthRatio = minLengthRatio;
        this.maxLengthRatio = maxLengthRatio;
        this.minSpanChars = minSpanChars;
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
                spans = untranslatedSpans(translation, sourceLanguage, targetLanguage);
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
     * The spans of one translated text that are still in the source language, by offset. Judges the shortest spans
     * first, so that a fragment is found itself rather than the sentence around it. Depends only on the text and the
     * language pair, so the translation memory keeps the answer with the translation.
     */
    public List<UntranslatedSpan> untranslatedSpans(String text, String sourceLanguage, String targetLanguage) {
        if (sourceLanguage.equals(targetLanguage) || text.isBlank()) {
            return List.of();
        }
        List<int[]> candidates = new ArrayList<>();
        // Each kind of quotation separately: a bracket inside a quotation is a candidate of its own.
        for (Pattern kind : QUOTED) {
            Matcher quoted = kind.matcher(text);
            while (quoted.find()) {
                candidates.add(new int[]{quoted.start(1), quoted.end(1)});
            }
        }
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            int start = sentence.start();
            while (start < sentence.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            candidates.add(new int[]{start, sentence.end()});
        }
        candidates.sort(java.util.Comparator.comparingInt(span -> span[1] - span[0]));
        List<int[]> flagged = new ArrayList<>();
        List<UntranslatedSpan> spans = new ArrayList<>();
        for (int[] span : candidates) {
            judge(text, span[0], span[1], sourceLanguage, targetLanguage, spans, flagged);
        }
        spans.sort(java.util.Comparator.comparingInt(UntranslatedSpan::offset));
        return spans;
    }

    private void judge(String text, int start, int end, String sourceLanguage, String targetLanguage,
                       List<UntranslatedSpan> spans, List<int[]> flagged) {
        String span = text.substring(start, end).strip();
        if (span.length() < minSpanChars || span.split("\\s+").length < 2 || overlaps(flagged, start, end)) {
            return;
        }
        // Most spans are plainly in the target language, and a detector choosing between the pair's two languages
        // says so at a fraction of the cost of one choosing among all of them. Only a span it places in the source
        // language is judged by the full detector, whose verdict stands (a name or a third language is not flagged).
        boolean inSource = isIn(detector.among(Set.of(sourceLanguage, targetLanguage)), span, sourceLanguage)
                && isIn(detector, span, sourceLanguage);
        if (inSource) {
            flagged.add(new int[]{start, end});
            spans.add(new UntranslatedSpan(start, span));
        }
    }

    private static boolean isIn(LanguageDetector detector, String span, String language) {
        return detector.detect(span).map(Detection::language).filter(language::equals).isPresent();
    }

    private static boolean overlaps(List<int[]> flagged, int start, int end) {
        return flagged.stream().anyMatch(r -> start < r[1] && r[0] < end);
    }

    private static QualityFlag flag(String code, String message, String text, int paragraph, int offset) {
        return QualityFlag.newBuilder().setCode(code).setMessage(message).setText(text)
                .setParagraph(paragraph).setOffset(offset).build();
    }
}
