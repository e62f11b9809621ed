package news.wiretranslation.translate.apertium;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LanguageCodes}: every spelling of a language the pipeline or Apertium uses comes out as ISO 639-1. */
class LanguageCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Apertium's three-letter codes
            "fra, fr", "spa, es", "eng, en", "cat, ca", "ita, it", "por, pt", "deu, de", "nob, nb", "oci, oc",
            "glg, gl", "eus, eu",
            // already two letters, any case
            "fr, fr", "ES, es",
            // DeepL-style targets and Apertium variants: the bare language
            "EN-US, en", "PT-BR, pt", "eng_US, en", "pt_BR, pt", "cat_valencia, ca", "ZH-HANS, zh",
            // no two-letter code: kept, lower-cased
            "ast, ast", "AST, ast"})
    void normalizesToTheBareTwoLetterCode(String code, String expected) {
        assertThat(LanguageCodes.normalize(code)).isEqualTo(expected);
    }
}
