package news.wiretranslation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.wiretranslation.avro.QualityFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QualityCheckerTest {
    private static QualityChecker checker;

    @BeforeAll
    static void loadModels() {
        checker = news.wiretranslation.quality.evaluation.UntranslatedCheckEvaluation.serviceChecker();
    }

    @Test
    void wordsLeftInFrenchInsideAnEnglishTranslationAreFlaggedWithTheirTextAndPosition() {
        String source = "Le ministre a dit que la situation était préoccupante.";
        String translation = "The minister said that la situation était préoccupante.";

        List<QualityFlag> flags = checker.check(List.of("Le ministre parle", source), List.of("The minister speaks", translation),
                "fr", "en");

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.getCode()).isEqualTo(QualityChecker.UNTRANSLATED_FRAGMENT);
            assertThat(flag.getText()).isEqualTo("était préoccupante");
            assertThat(flag.getParagraph()).isEqualTo(0);
            assertThat(flag.getOffset()).isEqualTo(translation.indexOf("était"));
        });
    }

    @Test
    void quotationInAThirdLanguageIsNotTakenForTheSourceLanguage() {
        // A detector choosing between French and English alone would call this German quotation one of the two;
        // it is not asked: none of these words was copied from the French source.
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
