package news.wiretranslation.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.deepl.DeepLSettings;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import news.wiretranslation.translate.deepl.DeepLTranslator;
import org.junit.jupiter.api.Test;

/**
 * The example terminology the repository ships ({@code config/glossaries}, {@code config/protected-terms.txt}, shown in
 * the README) is valid, and applied to the seed article through the DeepL stand-in it replaces the style guide's terms
 * and keeps the protected ones. Prints the paragraphs before and after, and the entries synced.
 */
class ExampleTerminologyTest {
    static final Path GLOSSARIES = Path.of("..", "config", "glossaries");
    static final Path PROTECTED_TERMS = Path.of("..", "config", "protected-terms.txt");

    @Test
    void theShippedGlossariesAreValidAndApplyToTheSeedArticle() throws Exception {
        Terminology terminology = new TerminologyFiles(Optional.of(GLOSSARIES), Optional.of(PROTECTED_TERMS)).load();
        assertThat(terminology.glossaries()).containsKeys(new LanguagePair("fr", "en"), new LanguagePair("fr", "de"));
        assertThat(terminology.protectedTerms().terms()).contains("Times");

        List<String> paragraphs = List.of(Files.readString(Path.of("src", "test", "resources", "fixtures",
                "seed-article-fr.txt"), StandardCharsets.UTF_8).split("\n")).stream()
                .filter(p -> p.contains("Kiev") || p.contains("Times") || p.contains("Kuleba")).toList();
        try (DeepLStandIn standIn = new DeepLStandIn().start()) {
            DeepLTranslator plain = new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null));
            DeepLTranslator styled = new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null),
                    new TerminologyFiles(Optional.of(GLOSSARIES), Optional.of(PROTECTED_TERMS)), "example");
            styled.prepare();

            TranslationResult before = plain.translate(new TranslationRequest("fr", "EN-US", paragraphs));
            TranslationResult after = styled.translate(new TranslationRequest("fr", "EN-US", paragraphs, styled.options("fr", "EN-US")));

            System.out.println("Glossaries synced: " + standIn.glossaries().stream()
                    .map(g -> g.name() + " (" + g.dictionaries().values().iterator().next().size() + " entries)").toList());
            for (int i = 0; i < paragraphs.size(); i++) {
                System.out.println("before: " + before.texts().get(i));
                System.out.println("after:  " + after.texts().get(i));
            }
            assertThat(standIn.glossaries()).hasSize(2);
            assertThat(String.join("\n", before.texts())).contains("Kiev", "Dmitry Kuleba");
            assertThat(String.join("\n", after.texts())).contains("Kyiv", "Dmytro Kuleba", "NATO", "Times")
                    .doesNotContain("Kiev", "Dmitry");
            assertThat(new TerminologyChecker(styled::terminology).check(paragraphs, after.texts(), "fr", "EN-US")).isEmpty();
        }
    }
}
