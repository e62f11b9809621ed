package news.wiretranslation.translate.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DeepLStandIn} speaking DeepL's API to a plain HTTP client, as other tests and benchmarks rely on it. */
class DeepLStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private DeepLStandIn standIn;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn("test-key").start();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static String form(List<String> texts, String... pairs) {
        String textPart = texts.stream().map(t -> "text=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        StringBuilder body = new StringBuilder(textPart);
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private HttpResponse<String> post(String key, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.url() + "/v2/translate"))
                .header("Authorization", "DeepL-Auth-Key " + key)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> translate(List<String> texts, String... pairs) throws Exception {
        return post("test-key", "application/x-www-form-urlencoded", form(texts, pairs));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.url() + pathAndQuery))
                .header("Authorization", "DeepL-Auth-Key test-key").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(standIn.url()).startsWith("http://127.0.0.1:");
        assertThat(standIn.port()).isPositive();
    }

    @Test
    void translatesFormRequestsIntoTaggedTextsAndRecordsThem() throws Exception {
        // As DeepL does, the stand-in answers billed_characters only when asked (deepl-java always asks).
        HttpResponse<String> response = translate(List.of("Bonjour", "Ça va ?"),
                "source_lang", "fr", "target_lang", "EN-US", "model_type", "quality_optimized", "context", "Sport",
                "show_billed_characters", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode translations = json(response).get("translations");
        assertThat(translations.get(0).get("text").asText()).isEqualTo("[EN-US] Bonjour");
        assertThat(translations.get(1).get("text").asText()).isEqualTo("[EN-US] Ça va ?");
        assertThat(translations.get(0).get("detected_source_language").asText()).isEqualTo("FR");
        assertThat(translations.get(1).get("billed_characters").asInt()).isEqualTo(7);
        assertThat(translations.get(0).get("model_type_used").asText()).isEqualTo("quality_optimized");

        RecordedRequest recorded = standIn.requests().get(0);
        assertThat(recorded.sourceLang()).isEqualTo("fr");
        assertThat(recorded.targetLang()).isEqualTo("EN-US");
        assertThat(recorded.texts()).containsExactly("Bonjour", "Ça va ?");
        assertThat(recorded.modelType()).isEqualTo("quality_optimized");
        assertThat(recorded.context()).isEqualTo("Sport");
        assertThat(recorded.bodyBytes()).isPositive();
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(standIn.textCount()).isEqualTo(2);
        assertThat(standIn.billedCharacters()).isEqualTo(14);
    }

    @Test
    void acceptsJsonBodiesToo() throws Exception {
        HttpResponse<String> response = post("test-key", "application/json",
                "{\"text\":[\"Hallo\"],\"source_lang\":\"DE\",\"target_lang\":\"fr\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/translations/0/text").asText()).isEqualTo("[FR] Hallo");
    }

    @Test
    void answersFixedTranslations() throws Exception {
        standIn.fixTranslation("Bonjour", "Good morning");

        assertThat(json(translate(List.of("Bonjour"), "target_lang", "EN-GB")).at("/translations/0/text").asText())
                .isEqualTo("Good morning");
    }

    @Test
    void refusesAWrongKeyWith403() throws Exception {
        HttpResponse<String> response = post("other-key", "application/x-www-form-urlencoded",
                form(List.of("x"), "target_lang", "DE"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("message").asText()).isNotBlank();
        assertThat(standIn.requests()).singleElement().extracting(RecordedRequest::status).isEqualTo(403);
    }

    @Test
    void refusesMoreThan50TextsAndRecordsTheViolation() throws Exception {
        List<String> texts = IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();

        assertThat(translate(texts, "target_lang", "DE").statusCode()).isEqualTo(400);
        assertThat(standIn.limitViolations()).singleElement().asString().contains("51 texts");
        assertThat(standIn.textCount()).isZero();
    }

    @Test
    void refusesABodyOver128KiBAndRecordsTheViolation() throws Exception {
        String big = "a".repeat(DeepLStandIn.MAX_BODY_BYTES);

        assertThat(translate(List.of(big), "target_lang", "DE").statusCode()).isEqualTo(413);
        assertThat(standIn.limitViolations()).singleElement().asString().contains("bytes");
    }

    @Test
    void refusesAnUnsupportedSourceLanguageLikeDeepL() throws Exception {
        HttpResponse<String> response = translate(List.of("x"), "source_lang", "xx", "target_lang", "DE");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("Value for 'source_lang' not supported.");
    }

    @Test
    void supportsAConfiguredSetOfSourceLanguages() throws Exception {
        standIn.setSupportedSourceLanguages(List.of("FR"));

        assertThat(translate(List.of("x"), "source_lang", "fr", "target_lang", "DE").statusCode()).isEqualTo(200);
        assertThat(translate(List.of("x"), "source_lang", "de", "target_lang", "FR").statusCode()).isEqualTo(400);
    }

    @Test
    void answersScriptedFailuresInOrderThenRecovers() throws Exception {
        standIn.failNext(1, 429, Duration.ofMillis(1500));
        standIn.passNext(1);
        standIn.failNext(1, 503);

        HttpResponse<String> first = translate(List.of("x"), "target_lang", "DE");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(200);
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(503);
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(200);
        assertThat(standIn.requests()).extracting(RecordedRequest::status).containsExactly(429, 200, 503, 200);
    }

    @Test
    void answers429BeyondTheRateLimit() throws Exception {
        standIn.setRateLimit(2);

        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(200);
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(200);
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(429);

        standIn.setRateLimit(0);
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(200);
    }

    @Test
    void reportsAnExhaustedQuotaOnTranslateAndUsage() throws Exception {
        standIn.setQuotaExceeded(true);

        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(456);
        JsonNode usage = json(get("/v2/usage"));
        assertThat(usage.get("character_count").asLong()).isGreaterThanOrEqualTo(usage.get("character_limit").asLong());

        standIn.setQuotaExceeded(false);
        assertThat(translate(List.of("x"), "target_lang", "DE").statusCode()).isEqualTo(200);
        assertThat(json(get("/v2/usage")).get("character_count").asLong()).isEqualTo(1);
    }

    @Test
    void listsSourceAndTargetLanguages() throws Exception {
        JsonNode sources = json(get("/v2/languages?type=source"));
        JsonNode targets = json(get("/v2/languages?type=target"));

        assertThat(sources.findValuesAsText("language")).contains("FR", "DE", "EN").doesNotContain("EN-US");
        assertThat(targets.findValuesAsText("language")).contains("EN-US", "PT-BR", "DE");
    }

    @Test
    void delaysAnswersByTheConfiguredLatency() throws Exception {
        standIn.setLatency(Duration.ofMillis(200), Duration.ofMillis(50));

        long start = System.nanoTime();
        translate(List.of("x"), "target_lang", "DE");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void overlapsConcurrentRequests() {
        standIn.setLatency(Duration.ofMillis(300), Duration.ZERO);
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.url() + "/v2/translate"))
                .header("Authorization", "DeepL-Auth-Key test-key")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(List.of("x"), "target_lang", "DE"))).build();

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        responses.forEach(CompletableFuture::join);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(8 * 300 / 2));
        assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
        assertThat(standIn.requestCount()).isEqualTo(8);
    }

    @Test
    void releasesHungRequestsWhenClosed() throws Exception {
        standIn.hangNext(1, Duration.ofSeconds(30));
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.url() + "/v2/usage"))
                .header("Authorization", "DeepL-Auth-Key test-key").GET().build();
        CompletableFuture<HttpResponse<String>> hung = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);

        long start = System.nanoTime();
        standIn.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        // The client sees the connection end (a reset or an answer) instead of waiting out the hang.
        assertThat(hung.handle((response, failure) -> true)).succeedsWithin(Duration.ofSeconds(3));
    }

    @Test
    void resetForgetsRequestsAndCounters() throws Exception {
        translate(List.of("x"), "target_lang", "DE");
        translate(IntStream.range(0, 51).mapToObj(i -> "t").toList(), "target_lang", "DE");

        standIn.reset();

        assertThat(standIn.requests()).isEmpty();
        assertThat(standIn.requestCount()).isZero();
        assertThat(standIn.textCount()).isZero();
        assertThat(standIn.billedCharacters()).isZero();
        assertThat(standIn.limitViolations()).isEmpty();
    }
}
