package news.wiretranslation.translate.deepl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.deadletter.DeadLetterRecords;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.fault.RetryingTranslator;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.async.BatchLimits;
import news.wiretranslation.translate.async.DispatcherSettings;
import news.wiretranslation.translate.async.Lane;
import news.wiretranslation.translate.async.TranslationDispatcher;
import news.wiretranslation.translate.fault.EngineGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The DeepL key and the registry's credentials never reach a log line, a dead letter or a metric, whatever fails:
 * every failure kind is provoked against the stand-in, through the retries and the fault policy, with every log
 * event captured.
 */
class AuthKeyNeverLeaksTest {
    private static final String KEY = "0f3c9b2e-secret-key-4d1a:fx";
    private static final String REGISTRY_SECRET = "registry-user:registry-pw-secret";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DeepLStandIn standIn;

    @BeforeEach
    void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        standIn = new DeepLStandIn(KEY).start();
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        standIn.close();
    }

    @Test
    void noFailureOfAnyKindPutsTheKeyInALogADeadLetterOrAMetric() throws Exception {
        DeepLTranslator translator = new DeepLTranslator(new DeepLSettings(KEY, standIn.url(), Duration.ofMillis(500), null));
        EngineGuard guard = new EngineGuard(new EngineState(), translator, new EngineGuard.Policy(2, Duration.ofMillis(50),
                Duration.ofMillis(50)), new PipelineMetrics(registry));
        List<String> messages = new ArrayList<>();
        try (guard; TranslationDispatcher dispatcher = new TranslationDispatcher(translator, new DispatcherSettings(
                2, BatchLimits.DEEPL, Duration.ZERO, 100, Duration.ofMillis(5), Duration.ofMillis(20)), null,
                d -> Thread.sleep(d.toMillis()), guard)) {
            standIn.failNext(2, 429, Duration.ofSeconds(1));
            standIn.failNext(3, 503);
            standIn.hangNext(1, Duration.ofSeconds(2));
            standIn.failNext(1, 456);
            translate(dispatcher, "Bonjour à tous.", messages);
            standIn.failNext(1, 400);
            translate(dispatcher, "Une phrase refusée.", messages);
            standIn.failNext(1, 403);
            translate(dispatcher, "Une clé refusée.", messages);
        }
        // The sync path logs its retries too.
        standIn.failNext(1, 500);
        new RetryingTranslator(translator, 2, Duration.ofMillis(5)).translate(new TranslationRequest("fr", "EN-US", List.of("Salut.")));
        // A wrong key at start-up, as the service checks it.
        try {
            new DeepLTranslator(new DeepLSettings(KEY + "-wrong", standIn.url(), Duration.ofMillis(500), null)).verify();
        } catch (TranslationException e) {
            messages.add(e.getMessage());
        }

        for (String message : messages) {
            byte[] letter = DeadLetterRecords.letter(DeadLetterReason.TRANSLATION_REJECTED, Stage.TRANSLATE, "a-1", "EN-US",
                    message, "articles.raw", 0, 1L, "a-1".getBytes(), "value".getBytes(), java.time.Instant.EPOCH)
                    .toString().getBytes();
            assertThat(new String(letter)).doesNotContain(KEY);
        }
        assertThat(messages).as("failures reached the callers").hasSizeGreaterThanOrEqualTo(3);
        assertThat(logs.list).as("log events were captured").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(KEY).doesNotContain("secret-key");
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(t.getMessage() == null ? "" : t.getMessage()).doesNotContain(KEY);
            }
        }
        assertThat(registry.getMeters()).isNotEmpty();
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().toString()).doesNotContain(KEY);
        }
        for (String kind : List.of("429", "5xx", "timeout", "456", "400", "403")) {
            assertThat(registry.counter("wire_translation_mt_errors", "kind", kind).count()).as(kind).isPositive();
        }
    }

    @Test
    void theConfigurationNeverPrintsTheKeyOrTheRegistryCredentials() {
        Map<String, String> env = new java.util.HashMap<>(TestConfigs.baseSettings("127.0.0.1:9092", "http://127.0.0.1:8081"));
        env.put("DEEPL_AUTH_KEY", KEY);
        env.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", REGISTRY_SECRET);
        env.put("SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "truststore-pw-secret");
        env.put("DEEPL_PROXY_URL", "http://proxy-user:proxy-pw-secret@127.0.0.1:3128");
        env.put("DEEPL_EXTRA_HEADERS", "X-Gateway-Token=header-value-secret");
        ServiceConfig config = TestConfigs.load(env);

        assertThat(config.toString()).doesNotContain(KEY).doesNotContain("registry-pw-secret").doesNotContain("truststore-pw-secret")
                .doesNotContain("proxy-pw-secret").doesNotContain("header-value-secret");
    }

    private static void translate(TranslationDispatcher dispatcher, String text, List<String> messages) throws Exception {
        try {
            dispatcher.trySubmit(new Lane("fr", "EN-US"), List.of(text), 5, Duration.ofSeconds(5))
                    .orElseThrow().result().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            messages.add(e.getCause().getMessage());
        }
    }
}
