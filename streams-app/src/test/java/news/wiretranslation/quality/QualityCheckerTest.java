package news.wiretranslation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LinguaLanguageDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QualityCheckerTest {
    private static QualityChecker checker;

    @BeforeAll
    static void loadModels() {
        checker = new QualityChecker(new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500),
                0.5, 2.0, 12);
    }

    @Test
    void frenchQuotationLeftInsideAnEnglishTranslationIsFlaggedWithItsTextAndPosition() {
        String source = "Selon une source, le Pentagone ne dit plus à Kiev « ne frappez pas les Russes en Russie ou en Crimée ».";
        String translation = "According to a source, the Pentagon no longer tells Kyiv \"ne frappez pas les Russes en Russie ou en Crimée\".";

        List<QualityFlag> flags = checker.check(List.of("Headline du jour", source), List.of("Headline of the day", translation), "fr", "en");

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.getCode()).isEqualTo(QualityChecker.UNTRANSLATED_FRAGMENT);
            assertThat(flag.getText()).isEqualTo("ne frappez pas les Russes en Russie ou en Crimée");
            assertThat(flag.getParagraph()).isEqualTo(0);
            assertThat(flag.getOffset()).isEqualTo(translation.indexOf("ne frappez"));
        });
    }

    @Test
    void quotationInAThirdLanguageIsNotTakenForTheSourceLanguage() {
        // A detector choosing between French and English alone would call this German quotation one of the two;
        // the full detector's verdict decides.
        String translation = "The chancellor said \"Wir werden die Ukraine weiter unterstützen, solange es nötig ist\" on Monday.";

        List<QualityFlag> flags = checker.check(List.of("Le chancelier a parlé lundi."), List.of(translation), "fr", "en");

        assertThat(flags).extracting(QualityFlag::getCode).doesNotContain(QualityChecker.UNTRANSLATED_FRAGMENT);
    }

    @Test
    void cleanTranslationHasNoFlags() {
        List<QualityFlag> flags = checker.check(
                List.of("Le gouvernement présente son budget", "Le ministre a présenté mercredi un projet de budget ambitieux."),
                List.of("The government presents its budget", "The minister presented an ambitious draft budget on Wednesday."),
                "fr", "en");

        assertThat(flags).isEmpty();
    }

    @Test
    void muchShorterTranslationIsFlaggedForItsLength() {
        List<QualityFlag> flags = checker.check(
                List.of("Le ministre des Finances a présenté mercredi un projet de budget qui prévoit des économies importantes."),
                List.of("Budget."), "fr", "en");

        assertThat(flags).extracting(QualityFlag::getCode).contains(QualityChecker.LENGTH_RATIO);
    }

    @Test
    void emptyTranslationOfANonEmptyParagraphIsFlagged() {
        List<QualityFlag> flags = checker.check(
                List.of("Le gouvernement présente son budget", "Les syndicats dénoncent des mesures injustes pour les ménages."),
                List.of("The government presents its budget", " "), "fr", "en");

        assertThat(flags).anySatisfy(flag -> {
            assertThat(flag.getCode()).isEqualTo(QualityChecker.EMPTY_TRANSLATION);
            assertThat(flag.getParagraph()).isEqualTo(0);
        });
    }
}
