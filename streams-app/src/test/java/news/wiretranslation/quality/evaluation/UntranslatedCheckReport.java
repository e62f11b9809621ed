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
        System.out.println("Untranslated-fragment check (comparison with the source), labelled set:");
        System.out.println("| file | translations | clean ones flagged | words flagged | precision | untranslated words | recall |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String file : List.of("apertium.tsv", "demo-cases.tsv")) {
            List<LabelledTranslation> set = LabelledTranslation.load(file);
            UntranslatedCheckEvaluation.Score score = UntranslatedCheckEvaluation.score(checker, set);
            System.out.printf(Locale.ROOT, "| %s | %d | %d of %d | %d | %.3f | %d | %.3f |%n", file, set.size(),
                    score.cleanTextsFlagged(), score.cleanTexts(), score.flagged(), score.precision(), score.untranslated(),
                    score.recall());
            System.out.println("  wrongly flagged: " + score.falseFlags());
            System.out.println("  missed: " + score.missed());
        }
        List<LabelledTranslation> all = LabelledTranslation.load("apertium.tsv");
        for (int round = 0; round < 3; round++) {
            long start = DetectionCpu.now();
            for (LabelledTranslation row : all) {
                checker.untranslatedSpans(row.source(), row.translation(), row.sourceLanguage(), row.targetLanguage());
            }
            long used = DetectionCpu.now() - start;
            if (round == 2) {
                System.out.printf(Locale.ROOT, "CPU per translated paragraph (third of three rounds): %.0f µs%n",
                        used / 1e3 / all.size());
            }
        }
    }
}
