package news.wiretranslation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cases come from the offline demo's Apertium output (issue 20): three false flags, one glued word. */
class CopiedWordsTest {
    private static CopiedWords copiedWords;

    @BeforeAll
    static void loadModels() {
        copiedWords = new CopiedWords(new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500),
                QualityChecker.COPIED_WORD_MIN_MARGIN);
    }

    @Test
    void aWordBothLanguagesShareIsNotFlagged() {
        List<UntranslatedSpan> spans = copiedWords.find(
                "As chamas consumiram cerca de 900 hectares de mato e pinhal.",
                "The llamas consumed near of 900 hectares of kill and pinhal.", "pt", "en");

        assertThat(spans).extracting(UntranslatedSpan::text).doesNotContain("hectares", "900 hectares");
    }

    @Test
    void aClumsyButTranslatedSentenceIsNotFlagged() {
        String source = "affirmant que le calcul avait changé en raison de « La brutalité que subissent les Ukrainiens de la part"
                + " des Russes. » et faire de l’Amérique « une partie directe au conflit ».";
        String translation = "that affirms that the calculation had changed because of « The brutality that suffer the Ukrainiens"
                + " of the part of the Russians. » and do of America « a direct part to the conflict ».";

        assertThat(copiedWords.find(source, translation, "fr", "en")).isEmpty();
    }

    @Test
    void copiedWordsTheTargetLanguageDoesNotUseAreNamedNotTheirSentence() {
        String translation = "He said that la situation était préoccupante.";

        List<UntranslatedSpan> spans = copiedWords.find("Il a dit que la situation était préoccupante.", translation, "fr", "en");

        assertThat(spans).containsExactly(new UntranslatedSpan(translation.indexOf("était"), "était préoccupante"));
    }

    @Test
    void twoSourceWordsGluedIntoOneAreFlagged() {
        String translation = "« We cannot tell them what to do », hadeclarado the minister.";

        List<UntranslatedSpan> spans = copiedWords.find("« No podemos decirles qué hacer », ha declarado el ministro.",
                translation, "es", "en");

        assertThat(spans).containsExactly(new UntranslatedSpan(translation.indexOf("hadeclarado"), "hadeclarado"));
    }

    @Test
    void namesNumbersAndShortWordsCopiedFromTheSourceAreNotFlagged() {
        assertThat(copiedWords.find("Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée le 12 mars, avec l'OTAN.",
                "Emmanuel Macron received Volodymyr Zelensky at the Élysée on 12 March, with NATO.", "fr", "en")).isEmpty();
    }

    @Test
    void aPhraseCopiedWholeIsNamedWithItsNames() {
        String translation = "According to a source, the Pentagon no longer tells Kyiv \"ne frappez pas les Russes en Russie ou en Crimée\".";

        List<UntranslatedSpan> spans = copiedWords.find(
                "Selon une source, le Pentagone ne dit plus à Kiev « ne frappez pas les Russes en Russie ou en Crimée ».",
                translation, "fr", "en");

        assertThat(spans).containsExactly(new UntranslatedSpan(translation.indexOf("ne frappez"),
                "ne frappez pas les Russes en Russie ou en Crimée"));
    }

    @Test
    void aNameAfterUntranslatedWordsIsNotNamedWithThem() {
        List<UntranslatedSpan> spans = copiedWords.find(
                "Le Journal Hebdomadaire et son confrère arabophone Assahifa Al Ousbouiya.",
                "El Periódico Semanal y su confrère arabophone Assahifa Al Ousbouiya.", "fr", "es");

        assertThat(spans).extracting(UntranslatedSpan::text).noneMatch(text -> text.contains("Assahifa"));
    }
}
