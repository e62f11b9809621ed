package news.wiretranslation.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.detect.Detection;
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

    /**
     * @param sources        the texts sent (headline first, then paragraphs)
     * @param translations   the engine's texts, same order
     * @param sourceLanguage ISO 639-1 of the original
     * @param targetLanguage ISO 639-1 of the translation
     */
    public List<QualityFlag> check(List<String> sources, List<String> translations, String sourceLanguage,
                                   String targetLanguage) {
        List<QualityFlag> flags = new ArrayList<>();
        long sourceChars = 0;
        long translatedChars = 0;
        for (int i = 0; i < translations.size(); i++) {
            String source = sources.get(i);
            String translation = translations.get(i);
            sourceChars += source.length();
            translatedChars += translation.length();
            int paragraph = i - 1;
            if (translation.isBlank() && !source.isBlank()) {
                flags.add(flag(EMPTY_TRANSLATION, (paragraph < 0 ? "the headline" : "paragraph " + paragraph)
                        + " came back empty", null, paragraph, -1));
                continue;
            }
            if (!sourceLanguage.equals(targetLanguage)) {
                untranslatedSpans(translation, sourceLanguage, targetLanguage, paragraph, flags);
            }
        }
        if (sourceChars > 0 && translatedChars > 0) {
            double ratio = (double) translatedChars / sourceChars;
            if (ratio < minLengthRatio || ratio > maxLengthRatio) {
                flags.add(flag(LENGTH_RATIO, String.format(Locale.ROOT,
                        "the translation has %.2f times the source's length (expected %.2f to %.2f)",
                        ratio, minLengthRatio, maxLengthRatio), null, -1, -1));
            }
        }
        return flags;
    }

    /** Judges the shortest spans first, so that a fragment is flagged itself rather than the sentence around it. */
    private void untranslatedSpans(String text, String sourceLanguage, String targetLanguage, int paragraph,
                                   List<QualityFlag> flags) {
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
        for (int[] span : candidates) {
            judge(text, span[0], span[1], sourceLanguage, targetLanguage, paragraph, flags, flagged);
        }
        flags.sort(java.util.Comparator.comparingInt(QualityFlag::getParagraph).thenComparingInt(QualityFlag::getOffset));
    }

    private void judge(String text, int start, int end, String sourceLanguage, String targetLanguage, int paragraph,
                       List<QualityFlag> flags, List<int[]> flagged) {
        String span = text.substring(start, end).strip();
        if (span.length() < minSpanChars || span.split("\\s+").length < 2 || overlaps(flagged, start, end)) {
            return;
        }
        boolean inSource = detector.detect(span).map(Detection::language)
                .filter(language -> language.equals(sourceLanguage) && !language.equals(targetLanguage))
                .isPresent();
        if (inSource) {
            flagged.add(new int[]{start, end});
            flags.add(flag(UNTRANSLATED_FRAGMENT, "\"" + span + "\" is still in the source language (" + sourceLanguage + ")",
                    span, paragraph, start));
        }
    }

    private static boolean overlaps(List<int[]> flagged, int start, int end) {
        return flagged.stream().anyMatch(r -> start < r[1] && r[0] < end);
    }

    private static QualityFlag flag(String code, String message, String text, int paragraph, int offset) {
        return QualityFlag.newBuilder().setCode(code).setMessage(message).setText(text)
                .setParagraph(paragraph).setOffset(offset).build();
    }
}
