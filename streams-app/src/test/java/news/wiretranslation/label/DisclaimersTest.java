package news.wiretranslation.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisclaimersTest {

    @Test
    void englishDisclaimerNamesTheSourceLanguageAndEngine() {
        assertThat(Disclaimers.disclaimer("en", "fr", "deepl"))
                .isEqualTo("This article was machine-translated from French by DeepL and has not been reviewed by an editor.");
    }

    @Test
    void disclaimerIsWrittenInTheTargetLanguage() {
        assertThat(Disclaimers.disclaimer("de", "fr", "deepl")).contains("aus dem Französischen").contains("DeepL");
        assertThat(Disclaimers.disclaimer("fr", "de", "deepl")).contains("traduit automatiquement de l’allemand");
        assertThat(Disclaimers.disclaimer("fr", "es", "apertium")).contains("de l’espagnol par Apertium");
        assertThat(Disclaimers.disclaimer("fr", "pt", "deepl")).contains("du portugais");
        assertThat(Disclaimers.disclaimer("es", "fr", "deepl")).contains("del francés");
        assertThat(Disclaimers.disclaimer("it", "en", "deepl")).contains("dall’inglese");
    }

    @Test
    void languageWithoutATemplateFallsBackToEnglish() {
        assertThat(Disclaimers.disclaimer("ko", "fr", "deepl")).startsWith("This article was machine-translated");
    }
}
