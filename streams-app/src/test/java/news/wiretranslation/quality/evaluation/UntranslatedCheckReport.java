package news.wiretranslation.quality.evaluation;

import java.util.List;
import java.util.Locale;

import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.detect.evaluation.DetectionCpu;
import news.wiretranslation.quality.QualityChecker;

/**
 * Prints the untranslated-fragment check's precision and recall on each file of its labelled set, the words it
 * flagged wrongly and those it missed, and its CPU time per text. Run by the detection report's command
 * (docs/detection.md) after the detection figures.
 */
public final class UntranslatedCheckReport {

    private UntranslatedCheckReport() {
    }

    public static void main(String[] args) {
        LinguaLanguageDetector detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500);
        for (double margin : new double[]{0.1, 0.2, 0.25, 0.3, 0.4}) {
            QualityChecker checker = new QualityChecker(detector, 0.5, 2.0, margin);
            UntranslatedCheckEvaluation.Score score = UntranslatedCheckEvaluation.score(checker, LabelledTranslation.load("apertium.tsv"));
            System.out.printf(Locale.ROOT, "copied-word margin %.2f: precision %.3f, recall %.3f%n", margin, score.precision(), score.recall());
        }
        QualityChecker checker = UntranslatedCheckEvaluation.serviceChecker();
        SentenceDetectionCheck before = new SentenceDetectionCheck(new LinguaLanguageDetector(SourceLanguages.deepLDefaults(),
                DetectionAccuracy.LOW, 500, LinguaLanguageDetector.Passes.original()));
        System.out.println("Untranslated-fragment check, labelled set: before (a detector per sentence and quotation),"
                + " after (comparison with the source)");
        System.out.println("| check | file | translations | clean ones flagged | words flagged | precision | untranslated words | recall |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String file : List.of("apertium.tsv", "demo-cases.tsv")) {
            List<LabelledTranslation> set = LabelledTranslation.load(file);
            for (boolean after : new boolean[]{false, true}) {
                UntranslatedCheckEvaluation.Score score = UntranslatedCheckEvaluation.score(
                        after ? checker::untranslatedSpans : before::untranslatedSpans, set);
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %d of %d | %d | %.3f | %d | %.3f |%n", after ? "after" : "before",
                        file, set.size(), score.cleanTextsFlagged(), score.cleanTexts(), score.flagged(), score.precision(),
                        score.untranslated(), score.recall());
                if (after) {
                    System.out.println("  wrongly flagged: " + score.falseFlags());
                    System.out.println("  missed: " + score.missed());
                }
            }
        }
        List<LabelledTranslation> all = LabelledTranslation.load("apertium.tsv");
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 5; round++) { // alternating; the least of five (the first warms up)
            for (int check = 0; check < 2; check++) {
                long start = DetectionCpu.now();
                for (LabelledTranslation row : all) {
                    if (check == 0) {
                        before.untranslatedSpans(row.source(), row.translation(), row.sourceLanguage(), row.targetLanguage());
                    } else {
                        checker.untranslatedSpans(row.source(), row.translation(), row.sourceLanguage(), row.targetLanguage());
                    }
                }
                least[check] = Math.min(least[check], DetectionCpu.now() - start);
            }
        }
        System.out.printf(Locale.ROOT, "Thread CPU per translated paragraph (caller and fork-join pool, least of 5 rounds):"
                + " before %.0f µs, after %.0f µs%n", least[0] / 1e3 / all.size(), least[1] / 1e3 / all.size());
    }
}
