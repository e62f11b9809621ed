package news.wiretranslation.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.topology.AsyncTranslation;
import news.wiretranslation.topology.TranslationTopology;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.RetryingTranslator;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.fault.EngineGuard;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: wires the configured detector and translator into the topology and runs it on Kafka
 * Streams. Start-up checks everything that can be checked before consuming: the configuration, the engine's
 * key, the topics; then preloads the language models, so the first article does not wait for them.
 */
public final class TranslationService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TranslationService.class);

    private final ServiceConfig config;
    private final Translator translator;
    private final AsyncTranslation async;
    private final KafkaStreams streams;
    private final EngineGuard guard;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private TranslationService(ServiceConfig config, Translator translator, AsyncTranslation async, KafkaStreams streams,
                               EngineGuard guard) {
        this.config = config;
        this.translator = translator;
        this.async = async;
        this.streams = streams;
        this.guard = guard;
    }

    /** Builds the service from its configuration with the production detector and translator. */
    public static TranslationService create(ServiceConfig config) {
        Translator translator = Translators.create(config);
        verify(translator);
        LanguageDetector detector = detector(config);
        return create(config, detector, translator);
    }

    /** Builds the service around a given detector and translator (the demo and tests choose their own). */
    public static TranslationService create(ServiceConfig config, LanguageDetector detector, Translator translator) {
        Map<String, Object> adminProps = new java.util.HashMap<>(config.kafkaSecurity().clientProperties());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            List<String> created = new TopicProvisioner(admin).ensureTopics(config);
            if (!created.isEmpty()) {
                log.info("Created topics {}", created);
            }
        }
        // The fault policy: one per instance; it sets the engine state that health and metrics read.
        EngineGuard guard = new EngineGuard(new EngineState(), translator, new EngineGuard.Settings(
                config.faults().circuitBreakerFailures(), config.faults().circuitProbeInterval(),
                config.faults().quotaProbeInterval()), PipelineMetrics.global());
        AsyncTranslation async = config.async().mode() == ServiceConfig.TranslationMode.ASYNC
                ? AsyncTranslation.start(config, translator, detector, guard) : null;
        if (async == null && translator instanceof RetryingTranslator retrying) {
            translator = retrying.guardedBy(guard);
        }
        Topology topology = TranslationTopology.build(config, detector, translator, Clock.systemUTC(), async);
        log.debug("Topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, StreamsSettings.of(config));
        streams.setUncaughtExceptionHandler(new StreamFailurePolicy());
        // While the engine takes no work, consume nothing: records stay in the topic instead of piling up in the
        // translation queue or failing stream threads; the guard's probe resumes both.
        guard.addListener(status -> {
            if (status == EngineState.Status.AVAILABLE) {
                streams.resume();
            } else {
                streams.pause();
            }
        });
        if (async != null) {
            ServiceConfig.Async settings = config.async();
            log.info("Translation is asynchronous: {} requests in flight at most, batches of {} texts / {} bytes at most, "
                            + "{} ms linger, {} texts queued at most; translation memory {}", settings.concurrency(),
                    settings.batchMaxTexts(), settings.batchMaxBytes(), settings.linger().toMillis(),
                    settings.queueCapacity(), config.memory().enabled() ? "on" : "off");
        }
        return new TranslationService(config, translator, async, streams, guard);
    }

    public static LanguageDetector detector(ServiceConfig config) {
        ServiceConfig.Detection detection = config.detection();
        LinguaLanguageDetector detector = new LinguaLanguageDetector(config.sourceLanguages(),
                detection.highAccuracy() ? DetectionAccuracy.HIGH : DetectionAccuracy.LOW, detection.maxChars());
        log.info("Language models for {} languages loaded in {} ms ({} accuracy)", config.sourceLanguages().size(),
                detector.loadTime().toMillis(), detection.highAccuracy() ? "high" : "low");
        return detector;
    }

    /** A bad key stops start-up here, naming the setting, instead of failing every article later. */
    private static void verify(Translator translator) {
        try {
            translator.verify();
        } catch (TranslationException e) {
            if (e.kind() == TranslationException.Kind.AUTHENTICATION) {
                throw new ConfigException(e.getMessage().contains(Setting.DEEPL_AUTH_KEY.env()) ? e.getMessage()
                        : e.getMessage() + " (" + Setting.DEEPL_AUTH_KEY.env() + ")", e);
            }
            log.warn("Could not reach the translation engine at start-up ({}); starting anyway, articles will wait for it",
                    e.getMessage());
        }
    }

    public void start() {
        streams.setStateListener((now, before) -> {
            log.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
        log.info("wire-translation consuming {} for {} (dead letters: {})", config.topics().input(),
                config.targetLanguages(), config.topics().deadLetter());
    }

    /** The asynchronous translate step's dispatcher and counters; empty in sync mode. */
    public java.util.Optional<AsyncTranslation> asyncTranslation() {
        return java.util.Optional.ofNullable(async);
    }

    /** Whether the translation engine takes work now, as the fault policy sees it (health and metrics read it). */
    public EngineState engineState() {
        return guard.state();
    }

    /** Kafka Streams itself, for tests and the benchmark that look inside. */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until Kafka Streams has stopped (after {@link #close()} or a fatal error). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        close(config.streams().shutdownTimeout());
    }

    public void close(Duration timeout) {
        boolean clean = streams.close(timeout);
        if (!clean) {
            log.warn("Kafka Streams did not close within {}", timeout);
        }
        guard.close();
        if (async != null) {
            async.close();
        }
        translator.close();
        stopped.countDown();
    }
}
