package news.wiretranslation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import news.wiretranslation.article.Detection;
import news.wiretranslation.article.SourceLanguages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HIGH accuracy: loads in about 8-9 s into about 850 MB of heap, so it has one class of its own. It matters only
 * for texts under 120 characters, hence headlines here.
 */
class LinguaHighAccuracyTest {

    private static LinguaLanguageDetector detector;

    @BeforeAll
    static void loadModels() {
        detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.HIGH, 1000);
        System.out.println("HIGH detector for " + SourceLanguages.deepLDefaults().size() + " languages loaded in "
                + detector.loadTime().toMillis() + " ms");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Inondations : le gouvernement débloque une aide d'urgence
            de | Hochwasser: Regierung sagt Soforthilfe zu
            es | Inundaciones: el Gobierno aprueba ayudas de emergencia
            it | Alluvione, il governo stanzia aiuti d'emergenza
            pt | Cheias: governo aprova ajuda de emergência
            en | Floods: government approves emergency aid
            sk | Povodne: vláda schválila mimoriadnu pomoc
            """)
    void detectsHeadlines(String language, String headline) {
        assertThat(detector.detect(headline)).hasValueSatisfying(detection -> {
            assertThat(detection.language()).isEqualTo(language);
            assertThat(detection.confidence()).isGreaterThan(0.8);
        });
    }

    /** LOW accuracy answers Vietnamese for this one (measured): it needs the 1- to 5-gram models. */
    @Test
    void detectsAShortItalianPhrase() {
        assertThat(detector.detect("Ciao come stai oggi")).map(Detection::language).contains("it");
    }

    @Test
    void agreesWithLowAccuracyOnLongText() {
        LinguaLanguageDetector low =
                new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 1000);

        // Same language; the confidence only nearly the same, as each mode shortlists the contenders on its own.
        Detection high = detector.detect(LinguaLanguageDetectorTest.FRENCH).orElseThrow();
        Detection lowAnswer = low.detect(LinguaLanguageDetectorTest.FRENCH).orElseThrow();
        assertThat(high.language()).isEqualTo(lowAnswer.language()).isEqualTo("fr");
        assertThat(high.confidence()).isCloseTo(lowAnswer.confidence(), org.assertj.core.api.Assertions.within(0.05));
    }
}
