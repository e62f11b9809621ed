package news.wiretranslation.quality.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;

/**
 * Scores the untranslated-fragment check on labelled translations. Precision: of the words the flagged spans name,
 * the share that really stayed untranslated (a flag on a name or a shared word counts against it); recall: of the
 * words that stayed untranslated, the share some flagged span names. Words are compared per translation, as written.
 */
public final class UntranslatedCheckEvaluation {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*");

    /** The counts, and every wrong or missed word with its translation's id, for the report. */
    public record Score(int flagged, int rightlyFlagged, int untranslated, int found, int cleanTexts, int cleanTextsFlagged,
                        List<String> falseFlags, List<String> missed) {
        public double precision() {
            return flagged == 0 ? 1.0 : rightlyFlagged / (double) flagged;
        }

        public double recall() {
            return untranslated == 0 ? 1.0 : found / (double) untranslated;
        }
    }

    private UntranslatedCheckEvaluation() {
    }

    /** The check as the service builds it by default: Lingua in low-accuracy mode, length ratios 0.5 to 2. */
    public static QualityChecker serviceChecker() {
        return new QualityChecker(new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500),
                0.5, 2.0);
    }

    /** A way to find untranslated spans: the service's check, or the one it replaced. */
    @FunctionalInterface
    public interface SpanFinder {
        List<UntranslatedSpan> find(String source, String translation, String sourceLanguage, String targetLanguage);
    }

    public static Score score(QualityChecker checker, List<LabelledTranslation> set) {
        return score(checker::untranslatedSpans, set);
    }

    public static Score score(SpanFinder finder, List<LabelledTranslation> set) {
        int flagged = 0;
        int right = 0;
        int untranslated = 0;
        int found = 0;
        int clean = 0;
        int cleanFlagged = 0;
        List<String> falseFlags = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (LabelledTranslation row : set) {
            List<UntranslatedSpan> spans = finder.find(row.source(), row.translation(), row.sourceLanguage(),
                    row.targetLanguage());
            Set<String> named = new HashSet<>();
            spans.forEach(span -> named.addAll(words(span.text())));
            flagged += named.size();
            for (String word : named) {
                if (row.untranslated().contains(word)) {
                    right++;
                } else {
                    falseFlags.add(row.id() + ": " + word);
                }
            }
            untranslated += row.untranslated().size();
            for (String word : row.untranslated()) {
                if (named.contains(word)) {
                    found++;
                } else {
                    missed.add(row.id() + ": " + word);
                }
            }
            if (row.untranslated().isEmpty()) {
                clean++;
                cleanFlagged += named.isEmpty() ? 0 : 1;
            }
        }
        return new Score(flagged, right, untranslated, found, clean, cleanFlagged, falseFlags, missed);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
