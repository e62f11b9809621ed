package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** {@link ApertiumApyTranslator} talking HTTP to an {@link ApyStandIn} on 127.0.0.1. */
class ApertiumApyTranslatorTest {

    /** Debian's pairs as APY lists them: three-letter codes, variants included. */
    private static final String[] APY_PAIRS = {"fra-spa", "spa-fra", "spa-eng", "spa-eng_US", "eng-spa",
            "fra-cat", "cat-fra", "cat-eng", "eng-cat", "spa-por", "por-spa", "spa-ita", "ita-spa"};

    private ApyStandIn apy;
    private ApertiumApyTranslator translator;

    @BeforeEach
    void start() throws IOException {
        apy = new ApyStandIn(APY_PAIRS).start();
        translator = new ApertiumApyTranslator(settings(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        translator.close();
        apy.close();
    }

    @Test
    void translatesADirectPairWithOneRequestPerText() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES", List.of("Bonjour", "Merci")));

        assertThat(result.texts()).containsExactly("[spa] Bonjour", "[spa] Merci");
        assertThat(result.engine()).isEqualTo("apertium");
        assertThat(result.engineModel()).isEqualTo("fra-spa");
        assertThat(result.billedCharacters()).isZero();
        assertThat(result.detectedSourceLanguage()).isNull();
        assertThat(apy.requestsTo("/translate")).extracting(r -> r.param("q")).containsExactly("Bonjour", "Merci");
        assertThat(apy.requestsTo("/translate")).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.param("langpair")).isEqualTo("fra|spa");
            assertThat(request.param("format")).isEqualTo("txt");
            assertThat(request.param("markUnknown")).isEqualTo("no");
        });
    }

    @Test
    void pivotsFrenchToEnglishThroughSpanishHopByHop() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour")));

        assertThat(result.texts()).containsExactly("[eng] [spa] Bonjour");
        assertThat(result.engineModel()).isEqualTo("fra-spa>spa-eng");
        assertThat(apy.requestsTo("/translate")).extracting(r -> r.param("langpair"), r -> r.param("q"))
                .containsExactly(
                        tuple("fra|spa", "Bonjour"),
                        tuple("spa|eng", "[spa] Bonjour"));
    }

    @Test
    void urlEncodesThePipeOfTheLangpairAndTheText() throws TranslationException {
        String text = "« L'été » à 100 % & co = a+b | c/d ?x#y\nligne 2";

        translator.translate(new TranslationRequest("fr", "ES", List.of(text)));

        ApyStandIn.Request request = apy.requestsTo("/translate").get(0);
        assertThat(request.rawBody()).contains("langpair=fra%7Cspa")
                .doesNotContain("|", "« ", "& co", "a+b");
        assertThat(request.param("q")).isEqualTo(text);
        assertThat(request.rawQuery()).isNull();
    }

    @Test
    void sendsNoBlankTextAndKeepsTheWhitespaceAroundTexts() throws TranslationException {
        TranslationResult result = translator.translate(new TranslationRequest("fr", "ES",
                List.of("", " Titre\n", "  ")));

        assertThat(result.texts()).containsExactly("", " [spa] Titre\n", "  ");
        assertThat(apy.requestsTo("/translate")).extracting(r -> r.param("q")).containsExactly("Titre");
    }

    @Test
    void listsThePairsOnceForManyTranslations() throws TranslationException {
        translator.translate(new TranslationRequest("fr", "ES", List.of("Un")));
        translator.translate(new TranslationRequest("pt", "IT", List.of("Dois")));

        assertThat(apy.requestsTo("/listPairs")).hasSize(1).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(apy.requestsTo("/translate")).extracting(r -> r.param("langpair"))
                .containsExactly("fra|spa", "por|spa", "spa|ita");
    }

    @Test
    void rejectsAPairWithoutRouteNamingItAndTheServersPairsWithoutTranslating() {
        assertThatThrownBy(() -> translator.translate(new TranslationRequest("de", "EN-US", List.of("Hallo"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("de -> EN-US", "fra-spa", "spa-eng");
                });
        assertThat(apy.requestsTo("/translate")).isEmpty();
    }

    @Test
    void reportsA400AsRejectedWithApysExplanation() throws TranslationException {
        translator.verify();
        apy.failNext(400);

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP 400", "scripted failure", "fra|spa");
                });
    }

    @Test
    void reportsServerErrorsAsRetriableServerErrors() throws TranslationException {
        translator.verify();
        apy.failNext(503);
        apy.failNext(500);

        for (int status : new int[] {503, 500}) {
            assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                    .isInstanceOfSatisfying(TranslationException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                        assertThat(e.isRetriable()).isTrue();
                        assertThat(e.getMessage()).contains("HTTP " + status);
                    });
        }
    }

    @Test
    void reportsASecondHopFailureLikeTheFirst() throws TranslationException {
        translator.verify();
        apy.hangNext(Duration.ZERO); // the first hop passes
        apy.failNext(503);

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                    assertThat(e.getMessage()).contains("spa|eng");
                });
    }

    @Test
    void reportsAnAnswerThatIsNotJsonAsAServerError() throws TranslationException {
        translator.verify();
        apy.answerMalformedNext();

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                    assertThat(e.getMessage()).contains("not json");
                });
    }

    @Test
    void reportsATimeoutAsUnavailable() throws TranslationException {
        ApertiumApyTranslator impatient = new ApertiumApyTranslator(settings(Duration.ofMillis(300)));
        impatient.verify();
        apy.hangNext(Duration.ofSeconds(5));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("did not answer within PT0.3S");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void reportsAnUnreachableServerAsUnavailable() {
        String url = apy.url();
        apy.close();
        ApertiumApyTranslator unreachable = new ApertiumApyTranslator(ApertiumApySettings.of(url));

        assertThatThrownBy(unreachable::verify).isInstanceOfSatisfying(TranslationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThatThrownBy(() -> unreachable.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void verifiesThatTheServerListsPairs() throws TranslationException {
        translator.verify();

        assertThat(translator.pairs().route("fr", "en")).isPresent();
        assertThat(apy.requestsTo("/listPairs")).hasSize(1);
    }

    @Test
    void reportsAServerWithoutPairsAsUnavailableRatherThanRejectingArticles() throws IOException {
        try (ApyStandIn empty = new ApyStandIn().start()) {
            ApertiumApyTranslator nothing = new ApertiumApyTranslator(ApertiumApySettings.of(empty.url() + "/"));

            assertThatThrownBy(nothing::verify).isInstanceOfSatisfying(TranslationException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("no language pairs");
            });
            assertThatThrownBy(() -> nothing.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                    .isInstanceOfSatisfying(TranslationException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
            assertThat(empty.requestsTo("/listPairs")).hasSize(2); // not remembered: asked again
        }
    }

    @Test
    void reportsAFailedPairListingAsClassifiedAndAsksAgainNextTime() throws TranslationException {
        apy.failNext(500);

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
        assertThat(translator.translate(new TranslationRequest("fr", "ES", List.of("Bonjour"))).texts())
                .containsExactly("[spa] Bonjour");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"400, REJECTED", "404, REJECTED", "401, AUTHENTICATION", "403, AUTHENTICATION",
            "408, UNAVAILABLE", "429, RATE_LIMITED", "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR"})
    void classifiesErrorStatuses(int status, Kind kind) {
        assertThat(ApyClient.failure(status, "why", "translating fra|spa").kind()).isEqualTo(kind);
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> ApertiumApySettings.of("ftp://127.0.0.1:2737"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ApertiumApySettings.of("http://127.0.0.1:2737/").baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:2737"));
    }

    private ApertiumApySettings settings(Duration timeout) {
        return new ApertiumApySettings(URI.create(apy.url()), timeout, 0);
    }
}
