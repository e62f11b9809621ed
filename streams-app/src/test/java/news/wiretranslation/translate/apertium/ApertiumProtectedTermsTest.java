package news.wiretranslation.translate.apertium;

import news.wiretranslation.glossary.TerminologyFiles;
import news.wiretranslation.translate.ProtectedTermsTranslator;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protected terms with the REAL {@code apertium} (French to Spanish): Apertium cannot skip a span, so the text is
 * translated around them. Without protection Apertium turns the newspaper "La Croix" into "La Cruz".
 */
class ApertiumProtectedTermsTest {
    private static final String TEXT = "Selon La Croix et Libération, le gouvernement a annoncé mardi un projet de loi.";
    private static final ApertiumCliTranslator apertium = new ApertiumCliTranslator();

    @TempDir
    static Path dir;
    private static ProtectedTermsTranslator translator;

    @BeforeAll
    static void protectTheNewspapers() throws IOException, TranslationException {
        assertThat(ApertiumCliTranslator.isInstalled()).as(ApertiumCliTranslatorTest.INSTALL_HINT).isTrue();
        Path terms = Files.writeString(dir.resolve("protected.txt"), "La Croix\nLibération\n");
        translator = new ProtectedTermsTranslator(apertium, new TerminologyFiles(Optional.empty(), Optional.of(terms)));
        translator.prepare();
    }

    @Test
    void withoutProtectionApertiumTranslatesTheNames() throws TranslationException {
        assertThat(apertium.translate(new TranslationRequest("fr", "ES", List.of(TEXT))).texts().get(0))
                .contains("La Cruz", "Liberación");
    }

    @Test
    void protectedTermsComeBackUnchangedAndTheRestIsTranslated() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES",
                List.of(TEXT, "La Croix", "Le gouvernement a parlé.")));

        assertThat(result.texts()).hasSize(3);
        assertThat(result.texts().get(0)).startsWith("Según La Croix y Libération, ")
                .contains("anunciado", "proyecto de ley").doesNotContain("Cruz", "Liberación", "gouvernement");
        assertThat(result.texts().get(1)).isEqualTo("La Croix");
        assertThat(result.texts().get(2)).doesNotContain("gouvernement").endsWith(".");
        assertThat(translator.settings("fr", "ES")).as("the terms are part of the settings").contains("protected=");
        assertThat(translator.terminology().glossaries()).as("Apertium applies no glossaries").isEmpty();
    }
}
