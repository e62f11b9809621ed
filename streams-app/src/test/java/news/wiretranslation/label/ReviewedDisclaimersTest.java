package news.wiretranslation.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disclaimers of translations an editor approved: machine-translated, and reviewed by the newsroom. */
class ReviewedDisclaimersTest {
    private static final List<String> LANGUAGES = List.of("ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi",
            "fr", "he", "hu", "id", "it", "ja", "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv",
            "th", "tr", "uk", "vi", "zh");

    private final Disclaimers reviewed = Disclaimers.reviewed();
    private final Disclaimers unreviewed = Disclaimers.defaults();

    @Test
    void saysMachineTranslatedAndReviewedByTheNewsroomInTheTargetLanguage() {
        assertThat(reviewed.disclaimer("en", "fr", "deepl"))
                .isEqualTo("This article was machine-translated from French by DeepL and reviewed by the newsroom.");
        assertThat(reviewed.disclaimer("fr", "en", "deepl")).contains("de l’anglais par DeepL et relu par la rédaction");
        assertThat(reviewed.disclaimer("de", "fr", "apertium")).contains("aus dem Französischen", "Apertium",
                "von der Redaktion geprüft");
    }

    @Test
    void everyLanguageWithADisclaimerHasAReviewedOneThatDiffersFromIt() {
        String english = reviewed.disclaimer("en", "fr", "deepl");
        for (String language : LANGUAGES) {
            String text = reviewed.disclaimer(language, "fr", "deepl");
            assertThat(text).as(language).contains("DeepL").doesNotContain("{source}", "{engine}")
                    .isNotEqualTo(unreviewed.disclaimer(language, "fr", "deepl"));
            if (!language.equals("en")) {
                assertThat(text).as(language).isNotEqualTo(english);
            }
        }
    }

    @Test
    void aFileReplacesTheWordingOfTheLanguagesItNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("reviewed.properties");
        Files.writeString(file, "en=Translated from {source} by {engine}; checked by our editors.\n");

        Disclaimers overridden = Disclaimers.reviewedWithOverrides(file);

        assertThat(overridden.disclaimer("en", "de", "deepl")).isEqualTo("Translated from German by DeepL; checked by our editors.");
        assertThat(overridden.disclaimer("fr", "de", "deepl")).isEqualTo(reviewed.disclaimer("fr", "de", "deepl"));
        Files.writeString(file, "en=Checked by our editors.\n");
        assertThatThrownBy(() -> Disclaimers.reviewedWithOverrides(file)).hasMessageContaining("{engine}");
    }
}
