package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.apertium.ApertiumPairs.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ApertiumCliTranslator} running the REAL {@code apertium} command with Debian's language pairs. The
 * expected words are what Apertium 3.8 with apertium-fr-es 0.9 and apertium-eng-spa 0.8 produce (e.g. it translates
 * "le gouvernement" as "el ejecutivo" but "du gouvernement" as "del gobierno").
 *
 * <p>Without Apertium these tests fail, on purpose: CI installs the packages, and a silent skip would hide a backend
 * that was never tested.
 */
class ApertiumCliTranslatorTest {

    static final String INSTALL_HINT = "Apertium is not installed, or lacks the French-Spanish and English-Spanish"
            + " pairs these tests use; install the Debian packages: sudo apt-get install apertium apertium-fr-es"
            + " apertium-eng-spa apertium-fra-cat apertium-eng-cat apertium-spa-ita apertium-es-pt";

    /** Shared, as in the service: it is thread-safe and reads the installed pairs only once. */
    private static final ApertiumCliTranslator translator = new ApertiumCliTranslator();

    @BeforeAll
    static void requireApertium() throws TranslationException {
        assertThat(ApertiumCliTranslator.isInstalled()).as(INSTALL_HINT).isTrue();
        assertThat(translator.pairs().pairs()).extracting(Pair::mode).as(INSTALL_HINT).contains("fr-es", "spa-eng");
    }

    @Test
    void translatesAFrenchNewsParagraphIntoSpanish() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES", List.of(
                "Le porte-parole du gouvernement a annoncé mardi un projet de loi sur les retraites. Les syndicats"
                        + " ont appelé à une nouvelle journée de grève jeudi.")));

        assertThat(result.texts()).singleElement().asString()
                .contains("del gobierno", "proyecto de ley", "Los sindicatos", "huelga", "jueves")
                .doesNotContain("gouvernement", "grève", "*");
        assertThat(result.engine()).isEqualTo("apertium");
        assertThat(result.engineModel()).startsWith("fr-es").contains("Apertium");
        assertThat(result.billedCharacters()).isZero();
        assertThat(result.detectedSourceLanguage()).isNull();
    }

    @Test
    void translatesFrenchIntoEnglishThroughSpanishAndNamesBothHops() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", List.of(
                "Les syndicats ont appelé à une nouvelle journée de grève jeudi.",
                "Le ministre a parlé de la grève.")));

        assertThat(result.texts()).containsExactly(
                "The unions have called to a new day of strike Thursday.",
                "The minister has spoken of the strike.");
        assertThat(result.engineModel()).startsWith("fr-es>spa-eng ");
    }

    @Test
    void returnsThirtyParagraphsOfOneCallAsThirtyTextsInOrder() throws TranslationException {
        List<String> paragraphs = IntStream.rangeClosed(1, 30)
                .mapToObj(n -> "Paragraphe " + n + " : le ministre a parlé de la grève.").toList();

        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES", paragraphs));

        assertThat(result.texts()).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(result.texts().get(i)).as("text %d", i + 1)
                    .startsWith("Párrafo ").contains("huelga");
            assertThat(numbersIn(result.texts().get(i))).as("numbers in text %d", i + 1).containsExactly(i + 1);
        }
    }

    @Test
    void keepsAccentsQuotesAndApostrophes() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES", List.of(
                "« C’est inacceptable », a déclaré l'élu d'Île-de-France à l'Assemblée nationale.",
                "Le ministre a dit : \"Nous n'avons pas peur\" et l'opposition a répliqué aussitôt.",
                "Le journaliste Sean O'Brien et Conan O’Neill sont arrivés à Paris aujourd'hui.")));

        assertThat(result.texts()).containsExactly(
                "« Es inaceptable », ha declarado el electo de Isla de Francia a la Asamblea nacional.",
                "El ministro ha dicho : \"No hemos  miedo\" y la oposición ha replicado enseguida.",
                "El periodista Sean O'Brien y Conan O’Neill están llegado en París hoy.");
    }

    @Test
    void keepsAccentsQuotesAndApostrophesAcrossBothHopsOfAPivot() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-GB", List.of(
                "« C’est inacceptable », a déclaré l'élu.",
                "Le journaliste Sean O'Brien est arrivé à Paris.")));

        assertThat(result.texts()).containsExactly(
                "« It is unacceptable », has declared the elect.",
                "The journalist Sean O'Brien is arrived in Paris.");
    }

    @Test
    void keepsBlankTextsAndTheWhitespaceAroundTexts() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES",
                List.of("", "  Grève à Paris\n", " ", "Fin sans point")));

        assertThat(result.texts()).containsExactly("", "  Huelga en París\n", " ", "Final sin punto");
    }

    @Test
    void translatesATextThatContainsASeparatorLineOneByOneInsteadOfShiftingTexts() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES", List.of(
                "Grève à Paris\n\n" + ParagraphBatch.marker(1) + "\n\nSuite", "Le ministre a parlé.")));

        assertThat(result.texts()).containsExactly(
                "Huelga en París\n\n" + ParagraphBatch.marker(1) + "\n\nContinuación", "El ministro ha hablado.");
    }

    @Test
    void translatesConcurrentRequestsIndependently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<TranslationResult>> results = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                TranslationRequest request = new TranslationRequest("fr", "ES",
                        List.of("Paragraphe " + n + " : la grève.", "Paragraphe " + (n * 10) + " : la grève."));
                results.add(threads.submit(() -> translator.translate(request)));
            }
            for (int n = 1; n <= 4; n++) {
                assertThat(results.get(n - 1).get().texts())
                        .containsExactly("Párrafo " + n + " : la huelga.", "Párrafo " + (n * 10) + " : la huelga.");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rejectsAPairWithoutRouteNamingThePairAndTheInstalledPairs() throws TranslationException {
        assertThat(translator.pairs().route("de", "en")).as("precondition: no German pair installed").isEmpty();

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("de", "EN-US", List.of("Guten Tag"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("de -> EN-US", "fr-es", "spa-eng");
                });
    }

    @Test
    void verifiesThatApertiumRunsAndHasPairs() throws TranslationException {
        translator.verify();

        assertThat(translator.engine()).isEqualTo("apertium");
        assertThat(translator.pairs().route("fr", "en")).isPresent();
    }

    @Test
    void usesOnlyThePairsOfAConfiguredDataDirectory(@TempDir Path dataDirectory) throws Exception {
        // Debian's mode files name their data by absolute path, so a copy of one is a working installation of it.
        Path modes = Files.createDirectories(dataDirectory.resolve("modes"));
        Files.copy(Path.of("/usr/share/apertium/modes/fr-es.mode"), modes.resolve("fr-es.mode"));
        ApertiumCliTranslator onlyFrEs = new ApertiumCliTranslator(
                new ApertiumCliSettings(null, dataDirectory, null, 0));

        assertThat(onlyFrEs.pairs().pairs()).extracting(Pair::mode).containsExactly("fr-es");
        assertThat(onlyFrEs.translate(new TranslationRequest("fr", "ES", List.of("Grève à Paris"))).texts())
                .containsExactly("Huelga en París");
        assertThatThrownBy(() -> onlyFrEs.translate(new TranslationRequest("fr", "EN-US", List.of("Grève"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    }

    private static List<Integer> numbersIn(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\d+").matcher(text);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group()));
        }
        return numbers;
    }
}
