package news.wiretranslation.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.pemistahl.lingua.api.Language;
import org.junit.jupiter.api.Test;

class SourceLanguagesTest {

    @Test
    void deepLDefaultsAreTheDeepLSourceLanguages() {
        assertThat(SourceLanguages.deepLDefaults()).containsExactly(
                "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja", "ko",
                "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi", "zh");
    }

    @Test
    void everyCodeMapsToTheLinguaLanguageWithThatCode() {
        for (String code : SourceLanguages.deepLDefaults()) {
            Language language = SourceLanguages.toLingua(code);
            assertThat(language).as(code).isNotEqualTo(Language.UNKNOWN);
            assertThat(SourceLanguages.isoCode(language)).isEqualTo(code);
        }
        assertThat(SourceLanguages.toLingua("nb")).isEqualTo(Language.BOKMAL);
    }

    @Test
    void parsesAConfiguredList() {
        assertThat(SourceLanguages.parse(" fr, DE ,es,,fr ")).containsExactly("de", "es", "fr");
    }

    @Test
    void rejectsAnUnknownCodeByName() {
        assertThatThrownBy(() -> SourceLanguages.parse("fr,xx,de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xx'");
        assertThatThrownBy(() -> SourceLanguages.parse("fr,no"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no'");
    }

    @Test
    void rejectsAnEmptyList() {
        assertThatThrownBy(() -> SourceLanguages.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No source language");
    }
}
