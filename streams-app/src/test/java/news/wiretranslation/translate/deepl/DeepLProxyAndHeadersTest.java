package news.wiretranslation.translate.deepl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.fault.RetryingTranslator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code DEEPL_PROXY_URL} and {@code DEEPL_EXTRA_HEADERS}: requests go through an HTTP proxy started here on
 * 127.0.0.1 (which wants Basic credentials), carry the extra headers to DeepL, and neither the proxy's password nor
 * a header's value reaches a log, an exception or the printed configuration; bad values stop start-up naming the
 * setting.
 */
class DeepLProxyAndHeadersTest {
    private static final String PROXY_USER = "wire-proxy";
    private static final String PROXY_PASSWORD = "pr0xy-pa55-secret";
    private static final String HEADER_VALUE = "gateway-token-secret-77";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private DeepLStandIn standIn;
    private ForwardProxy proxy;

    /** A forward HTTP proxy: answers 407 until the request carries its Basic credentials, then forwards it. */
    static final class ForwardProxy implements AutoCloseable {
        private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
                "upgrade", "proxy-authorization", "proxy-connection", "keep-alive", "transfer-encoding");
        final HttpServer server;
        final List<String> forwarded = new CopyOnWriteArrayList<>();
        final List<String> challenged = new CopyOnWriteArrayList<>();
        private final String expected;
        private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

        ForwardProxy(String user, String password) throws IOException {
            expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                URI target = exchange.getRequestURI();
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    challenged.add(target.toString());
                    exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                if (target.getHost() == null) {
                    exchange.sendResponseHeaders(400, -1); // not a proxy request
                    return;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                forwarded.add(exchange.getRequestMethod() + " " + target.getPath());
                response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
                if (response.body().length > 0) {
                    exchange.getResponseBody().write(response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeEach
    void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        standIn = new DeepLStandIn().start();
        proxy = new ForwardProxy(PROXY_USER, PROXY_PASSWORD);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        standIn.close();
        proxy.close();
    }

    private DeepLTranslator translatorThroughTheProxy(String user, String password) {
        return new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null,
                Map.of(), false, Map.of(), new DeepLProxy("127.0.0.1", proxy.port(), user, password),
                Map.of("X-Mock-Scenario", "slow-lane", "X-Gateway-Token", HEADER_VALUE)));
    }

    @Test
    void requestsGoThroughTheProxyWithItsCredentialsAndCarryTheExtraHeaders() throws TranslationException {
        DeepLTranslator translator = translatorThroughTheProxy(PROXY_USER, PROXY_PASSWORD);

        translator.verify();
        assertThat(translator.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour"))).texts()).hasSize(1);

        assertThat(proxy.forwarded).containsExactly("GET /v2/usage", "POST /v2/translate");
        assertThat(proxy.challenged).as("the proxy asked, the client answered its challenge").isNotEmpty();
        assertThat(standIn.headerValues("X-Mock-Scenario")).containsExactly("slow-lane", "slow-lane");
        assertThat(standIn.headerValues("X-Gateway-Token")).containsOnly(HEADER_VALUE);
        assertThat(standIn.headerValues("Proxy-Authorization")).as("credentials stay with the proxy").containsOnlyNulls();
        assertThat(standIn.headerValues("Authorization")).allSatisfy(a -> assertThat(a).startsWith("DeepL-Auth-Key "));
    }

    @Test
    void wrongProxyCredentialsAreAConfigurationFaultHeldAndRetriedNeverARejectionOfTheArticle() {
        DeepLTranslator translator = translatorThroughTheProxy(PROXY_USER, "not-the-password");

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour"))))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TranslationException.Kind.CONFIGURATION);
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.configurationFault()).isEqualTo("proxy_authentication");
                    assertThat(e.getMessage()).contains("DEEPL_PROXY_URL", "407").doesNotContain("not-the-password");
                });
        assertThat(proxy.forwarded).isEmpty();
        assertThat(standIn.requests()).isEmpty();
    }

    @Test
    void neitherTheProxyPasswordNorAHeaderValueReachesALogAMessageOrTheConfiguration() throws Exception {
        DeepLTranslator translator = translatorThroughTheProxy(PROXY_USER, PROXY_PASSWORD);
        List<String> messages = new CopyOnWriteArrayList<>();
        for (int status : new int[] {429, 503, 400, 456, 403}) {
            standIn.failNext(1, status);
            try {
                new RetryingTranslator(translator, 1, Duration.ofMillis(1))
                        .translate(new TranslationRequest("fr", "EN-US", List.of("Salut")));
            } catch (TranslationException e) {
                messages.add(e.getMessage());
                org.slf4j.LoggerFactory.getLogger(getClass()).warn("as the service logs a failure", e);
            }
        }
        messages.add(translator.toString());
        messages.add(new DeepLSettings(standIn.authKey(), standIn.url(), null, null, Map.of(), false, Map.of(),
                new DeepLProxy("127.0.0.1", proxy.port(), PROXY_USER, PROXY_PASSWORD), Map.of("X-Gateway-Token", HEADER_VALUE))
                .toString());
        Map<String, String> env = new java.util.HashMap<>(TestConfigs.baseSettings("127.0.0.1:9092", "http://127.0.0.1:8081"));
        env.put("DEEPL_AUTH_KEY", "some-key:fx");
        env.put("DEEPL_PROXY_URL", "http://" + PROXY_USER + ":" + PROXY_PASSWORD + "@127.0.0.1:3128");
        env.put("DEEPL_EXTRA_HEADERS", "X-Gateway-Token=" + HEADER_VALUE + ",X-Mock-Scenario=slow-lane");
        ServiceConfig config = TestConfigs.load(env);
        messages.add(config.toString());

        assertThat(config.deepL().orElseThrow().headers()).containsEntry("X-Gateway-Token", HEADER_VALUE);
        assertThat(DeepLProxy.of(config.deepL().orElseThrow().proxy().orElseThrow()))
                .isEqualTo(new DeepLProxy("127.0.0.1", 3128, PROXY_USER, PROXY_PASSWORD));
        assertThat(messages).hasSizeGreaterThanOrEqualTo(7).allSatisfy(m ->
                assertThat(String.valueOf(m)).doesNotContain(PROXY_PASSWORD).doesNotContain(HEADER_VALUE));
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(PROXY_PASSWORD).doesNotContain(HEADER_VALUE);
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(PROXY_PASSWORD).doesNotContain(HEADER_VALUE);
            }
        }
    }

    @Test
    void malformedProxyOrHeaderSettingsStopStartUpNamingTheSettingNeverTheValue() {
        Map<String, String> bad = Map.of(
                "DEEPL_PROXY_URL", "ftp://user:s3cret-value@127.0.0.1:21",
                "DEEPL_PROXY_URL ", "http://127.0.0.1",
                "DEEPL_PROXY_URL  ", "http://s3cret-value@127.0.0.1:3128",
                "DEEPL_EXTRA_HEADERS", "Authorization=DeepL-Auth-Key s3cret-value",
                "DEEPL_EXTRA_HEADERS ", "X-Token s3cret-value",
                "DEEPL_EXTRA_HEADERS  ", "X Token=s3cret-value");
        bad.forEach((setting, value) -> {
            Map<String, String> env = new java.util.HashMap<>(TestConfigs.baseSettings("127.0.0.1:9092", "http://127.0.0.1:8081"));
            env.put("DEEPL_AUTH_KEY", "some-key:fx");
            env.put(setting.strip(), value);
            assertThatThrownBy(() -> TestConfigs.load(env)).as(value)
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                            .contains(setting.strip()).doesNotContain("s3cret-value"));
        });
    }
}
