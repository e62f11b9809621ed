package news.wiretranslation.quality.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.article.Detection;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;

/**
 * The untranslated-fragment check as it was until 2026-12-07 (a language detector over every sentence and quotation
 * of the translation), kept only as the report's "before": its precision, recall and CPU on the same labelled set.
 */
final class SentenceDetectionCheck {
    private static final List<Pattern> QUOTED = List.of(
            Pattern.compile("«\\s*([^»]+?)\\s*»"), Pattern.compile("“([^”]+)”"), Pattern.compile("„([^“”]+)[“”]"),
            Pattern.compile("\"([^\"]+)\""), Pattern.compile("\\[([^\\]]+)\\]"), Pattern.compile("\\(([^)]+)\\)"));
    private static final Pattern SENTENCE = Pattern.compile("[^.!?…]+[.!?…]*");
    private static final int MIN_SPAN_CHARS = 12;

    private final LanguageDetector detector;
    private final int minSpanChars = MIN_SPAN_CHARS;

    SentenceDetectionCheck(LanguageDetector detector) {
        this.detector = detector;
    }

    /** The source is not looked at: the old check judged the translation alone. */
    List<UntranslatedSpan> untranslatedSpans(String source, String text, String sourceLanguage, String targetLanguage) {
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

}
