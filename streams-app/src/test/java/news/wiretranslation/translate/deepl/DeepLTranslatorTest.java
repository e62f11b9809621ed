package news.wiretranslation.translate.deepl;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DeepLTranslator} translating through a {@link DeepLStandIn} over real HTTP. */
class DeepLTranslatorTest {

    private DeepLStandIn standIn;
    private DeepLTranslator translator;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
        translator = new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null));
    }

    @AfterEach
    void stop() {
        translator.close();
        standIn.close();
    }

    @Test
    void translatesHeadlineAndParagraphsInOrderIntoTheTargetLanguage() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US",
                List.of("Grève à Paris", "Les syndicats appellent à manifester.", "Le métro est fermé.")));

        assertThat(result.texts()).containsExactly(
                "[EN-US] Grève à Paris",
                "[EN-US] Les syndicats appellent à manifester.",
                "[EN-US] Le métro est fermé.");
        assertThat(result.engine()).isEqualTo("deepl");
        assertThat(translator.engine()).isEqualTo("deepl");
    }

    @Test
    void sendsTheSourceLanguageExplicitlyInOneRequest() throws TranslationException {
        translator.translate(new TranslationRequest("fr", "DE", List.of("Bonjour", "Au revoir")));

        assertThat(standIn.requests()).singleElement().satisfies(request -> {
            assertThat(request.sourceLang()).isEqualTo("fr");
            assertThat(request.targetLang()).isEqualToIgnoringCase("DE"); // deepl-java lower-cases it
            assertThat(request.texts()).containsExactly("Bonjour", "Au revoir");
        });
    }

    @Test
    void returnsTheTranslationTheEngineGives() throws TranslationException {
        standIn.fixTranslation("Bonjour", "Hello");

        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-GB", List.of("Bonjour", "Merci")));

        assertThat(result.texts()).containsExactly("Hello", "[EN-GB] Merci");
    }

    @Test
    void splits120TextsIntoRequestsOfAtMost50AndReassemblesThemInOrder() throws TranslationException {
        List<String> texts = IntStream.range(0, 120).mapToObj(i -> "Paragraphe " + i).toList();

        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", texts));

        assertThat(result.texts()).containsExactlyElementsOf(texts.stream().map(t -> "[EN-US] " + t).toList());
        assertThat(standIn.requests()).extracting(r -> r.texts().size()).containsExactly(50, 50, 20);
        assertThat(standIn.requests()).flatExtracting(RecordedRequest::texts).containsExactlyElementsOf(texts);
        assertThat(standIn.limitViolations()).isEmpty();
    }

    @Test
    void splitsLargeTextsIntoRequestsOfAtMost128KiBAndReassemblesThemInOrder() throws TranslationException {
        // Accented text triples in size when form-encoded: 12 texts of ~40 KiB encoded each need several requests.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            texts.add(i + " " + "é".repeat(6_000 + i * 100) + " fin " + i);
        }

        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", texts));

        assertThat(result.texts()).containsExactlyElementsOf(texts.stream().map(t -> "[EN-US] " + t).toList());
        assertThat(standIn.requests()).hasSizeGreaterThan(1)
                .allSatisfy(r -> assertThat(r.bodyBytes()).isLessThanOrEqualTo(128 * 1024))
                .allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(standIn.requests()).flatExtracting(RecordedRequest::texts).containsExactlyElementsOf(texts);
        assertThat(standIn.limitViolations()).isEmpty();
    }

    @Test
    void sumsBilledCharactersOverAllRequests() throws TranslationException {
        List<String> texts = IntStream.range(0, 75).mapToObj(i -> "Texte numéro " + i).toList();

        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", texts));

        long expected = texts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
        assertThat(standIn.requestCount()).isEqualTo(2);
        assertThat(result.billedCharacters()).isEqualTo(expected).isEqualTo(standIn.billedCharacters());
    }

    @Test
    void reportsTheModelUsedAndTheDetectedSourceLanguageInLowerCase() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour")));

        assertThat(result.engineModel()).isEqualTo("quality_optimized");
        assertThat(result.detectedSourceLanguage()).isEqualTo("fr");
    }

    @Test
    void requestsTheConfiguredModelType() throws TranslationException {
        try (DeepLTranslator latency = new DeepLTranslator(new DeepLSettings(
                standIn.authKey(), standIn.url(), Duration.ofSeconds(5), "prefer_latency_optimized"))) {
            TranslationResult result = latency.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour")));

            assertThat(standIn.requests()).singleElement()
                    .extracting(RecordedRequest::modelType).isEqualTo("prefer_latency_optimized");
            assertThat(result.engineModel()).isEqualTo("latency_optimized");
        }
    }

    @Test
    void eachTargetIsRequestedWithItsOwnModelTypeWhichIsPartOfItsSettings() throws TranslationException {
        try (DeepLTranslator perTarget = new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(),
                Duration.ofSeconds(5), "quality_optimized", java.util.Map.of(), false,
                java.util.Map.of("DE", "latency_optimized")))) {
            perTarget.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour")));
            perTarget.translate(new TranslationRequest("fr", "DE", List.of("Bonjour")));

            assertThat(standIn.requests()).extracting(RecordedRequest::targetLang, RecordedRequest::modelType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("en-US", "quality_optimized"),
                            org.assertj.core.groups.Tuple.tuple("de", "latency_optimized"));
            // A target without a model type of its own keeps the settings (and so the fingerprints) it had.
            assertThat(perTarget.settings("fr", "EN-US")).isEqualTo(perTarget.settings()).contains("quality_optimized");
            assertThat(perTarget.settings("fr", "DE")).contains("model_type=latency_optimized");
        }
    }

    @Test
    void keepsEmptyTextsEmptyWithoutSendingThem() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", List.of("", "Bonjour", "")));

        assertThat(result.texts()).containsExactly("", "[EN-US] Bonjour", "");
        assertThat(standIn.requests()).singleElement().extracting(RecordedRequest::texts).isEqualTo(List.of("Bonjour"));
    }

    @Test
    void sendsNothingForARequestWithoutText() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", List.of()));

        assertThat(result.texts()).isEmpty();
        assertThat(result.billedCharacters()).isZero();
        assertThat(standIn.requestCount()).isZero();
    }

    @Test
    void rejectsATextTooLargeForOneRequestWithoutSendingAnything() {
        String huge = "a".repeat(RequestChunker.MAX_TEXT_BYTES_PER_REQUEST);

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "EN-US", List.of("Titre", huge))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TranslationException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("text 2 of 2").contains("cannot be sent");
                });
        assertThat(standIn.requestCount()).isZero();
    }

    @Test
    void neverShowsTheAuthKeyInItsDescription() {
        assertThat(translator.toString()).doesNotContain(standIn.authKey()).contains(standIn.url());
    }
}
