package news.wiretranslation.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisclaimersTest {
    private static final List<String> DEEPL_TARGETS = List.of("ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi",
            "fr", "he", "hu", "id", "it", "ja", "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv",
            "th", "tr", "uk", "vi", "zh");
    private final Disclaimers disclaimers = Disclaimers.defaults();

    @Test
    void englishDisclaimerNamesTheSourceLanguageAndEngine() {
        assertThat(disclaimers.disclaimer("en", "fr", "deepl"))
                .isEqualTo("This article was machine-translated from French by DeepL and has not been reviewed by an editor.");
    }

    @Test
    void disclaimerIsWrittenInTheTargetLanguage() {
        assertThat(disclaimers.disclaimer("de", "fr", "deepl")).contains("aus dem Französischen").contains("DeepL");
        assertThat(disclaimers.disclaimer("fr", "de", "deepl")).contains("traduit automatiquement de l’allemand");
        assertThat(disclaimers.disclaimer("fr", "es", "apertium")).contains("de l’espagnol par Apertium");
        assertThat(disclaimers.disclaimer("fr", "pt", "deepl")).contains("du portugais");
        assertThat(disclaimers.disclaimer("es", "fr", "deepl")).contains("del francés");
        assertThat(disclaimers.disclaimer("it", "en", "deepl")).contains("dall’inglese");
    }

    @Test
    void everyDeepLTargetLanguageHasItsOwnDisclaimer() {
        String english = disclaimers.disclaimer("en", "fr", "deepl");
        for (String target : DEEPL_TARGETS) {
            String text = disclaimers.disclaimer(target, "fr", "deepl");
            assertThat(text).as(target).contains("DeepL").doesNotContain("{source}").doesNotContain("{engine}");
            if (!target.equals("en")) {
                assertThat(text).as(target).isNotEqualTo(english);
            }
        }
    }

    @Test
    void languageWithoutATemplateFallsBackToEnglish() {
        assertThat(disclaimers.disclaimer("ga", "fr", "deepl")).startsWith("This article was machine-translated");
    }

    @Test
    void newsroomOverridesReplaceTheDefaultForTheirLanguage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("disclaimers.properties");
        Files.writeString(file, "fr=Traduction automatique ({source}, {engine}), non relue.\n");

        Disclaimers custom = Disclaimers.withOverrides(file);

        assertThat(custom.disclaimer("fr", "en", "deepl")).isEqualTo("Traduction automatique (anglais, DeepL), non relue.");
        assertThat(custom.disclaimer("de", "en", "deepl")).contains("Englischen");
    }

    @Test
    void overrideThatDoesNotNameTheEngineIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("disclaimers.properties");
        Files.writeString(file, "fr=Traduit.\n");

        assertThatThrownBy(() -> Disclaimers.withOverrides(file)).hasMessageContaining("'fr'").hasMessageContaining("{engine}");
    }
}
