package news.wiretranslation.translate.deepl;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How {@link DeepLTranslator} classifies DeepL's refusals and failures, against a {@link DeepLStandIn}. */
class DeepLTranslatorFailureTest {

    private static final TranslationRequest BONJOUR = new TranslationRequest("fr", "EN-US", List.of("Bonjour"));

    private DeepLStandIn standIn;
    private DeepLTranslator translator;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
        translator = translatorFor(standIn.authKey(), standIn.url(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static DeepLTranslator translatorFor(String key, String url, Duration timeout) {
        return new DeepLTranslator(new DeepLSettings(key, url, timeout, null));
    }

    private TranslationException failureOf(DeepLTranslator translator, TranslationRequest request) {
        return catchThrowableOfType(TranslationException.class, () -> translator.translate(request));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"429, RATE_LIMITED", "456, QUOTA_EXCEEDED", "500, SERVER_ERROR", "502, SERVER_ERROR",
            "503, SERVER_ERROR", "400, REJECTED", "404, REJECTED", "413, REJECTED"})
    void classifiesAnErrorStatus(int status, Kind expected) {
        standIn.failNext(1, status);

        TranslationException failure = failureOf(translator, BONJOUR);

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.isRetriable()).isEqualTo(expected.retriable());
    }

    @Test
    void makesExactlyOneRequestWhenDeepLIsUnavailable() throws TranslationException {
        standIn.failNext(1, 503);

        assertThat(failureOf(translator, BONJOUR).kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(standIn.requestCount()).isEqualTo(1);

        assertThat(translator.translate(BONJOUR).texts()).containsExactly("[EN-US] Bonjour");
    }

    @Test
    void makesExactlyOneRequestWhenRateLimited() {
        standIn.failNext(1, 429, Duration.ofSeconds(1));

        assertThat(failureOf(translator, BONJOUR).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(standIn.requestCount()).isEqualTo(1);
    }

    @Test
    void reportsRateLimitingBeyondTheAllowedRate() throws TranslationException {
        standIn.setRateLimit(2);
        translator.translate(BONJOUR);
        translator.translate(BONJOUR);

        assertThat(failureOf(translator, BONJOUR).kind()).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void reportsAnExhaustedQuotaUntilItIsCleared() throws TranslationException {
        standIn.setQuotaExceeded(true);
        assertThat(failureOf(translator, BONJOUR).kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(failureOf(translator, BONJOUR).kind()).isEqualTo(Kind.QUOTA_EXCEEDED);

        standIn.setQuotaExceeded(false);
        assertThat(translator.translate(BONJOUR).texts()).hasSize(1);
    }

    @Test
    void reportsAWrongKeyAsAuthenticationFailureWithoutShowingTheKey() {
        String wrongKey = "wrong-key-0123456789";
        TranslationException failure = failureOf(translatorFor(wrongKey, standIn.url(), Duration.ofSeconds(5)), BONJOUR);

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.isRetriable()).isFalse();
        assertThat(failure.getMessage()).contains("DEEPL_AUTH_KEY").doesNotContain(wrongKey);
    }

    @Test
    void rejectsAnUnsupportedSourceLanguage() {
        TranslationException failure = failureOf(translator, new TranslationRequest("xx", "EN-US", List.of("Bonjour")));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.getMessage()).contains("source_lang").contains("HTTP 400");
    }

    @Test
    void rejectsATargetTheClientRefusesToSend() {
        // deepl-java refuses the deprecated bare "EN" before sending anything.
        TranslationException failure = failureOf(translator, new TranslationRequest("fr", "EN", List.of("Bonjour")));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(standIn.requestCount()).isZero();
    }

    @Test
    void reportsATimeoutAsUnavailable() {
        // deepl-java waits at least about a second for a first attempt, whatever the configured timeout.
        standIn.hangNext(1, Duration.ofSeconds(5));
        DeepLTranslator impatient = translatorFor(standIn.authKey(), standIn.url(), Duration.ofMillis(200));

        long start = System.nanoTime();
        TranslationException failure = failureOf(impatient, BONJOUR);

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        standIn.close(); // ends the hang, so that the held request is recorded
        assertThat(standIn.requestCount()).isEqualTo(1);
    }

    @Test
    void reportsARefusedConnectionAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        DeepLTranslator nowhere = translatorFor(standIn.authKey(), "http://127.0.0.1:" + closedPort, Duration.ofSeconds(2));

        TranslationException failure = failureOf(nowhere, BONJOUR);

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.isRetriable()).isTrue();
    }

    @Test
    void failsTheWholeRequestWhenALaterChunkFails() {
        standIn.passNext(1);
        standIn.failNext(1, 503); // the first of three requests passes, the second fails
        List<String> texts = IntStream.range(0, 120).mapToObj(i -> "Texte " + i).toList();

        TranslationException failure = failureOf(translator, new TranslationRequest("fr", "EN-US", texts));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("request 2 of 3");
        assertThat(standIn.requestCount()).isEqualTo(2);
    }
}
