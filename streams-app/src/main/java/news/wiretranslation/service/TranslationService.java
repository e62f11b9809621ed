package news.wiretranslation.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.Metrics;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.deadletter.OutputRefusals;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.health.ThreadFailures;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.topology.PipelineParts;
import news.wiretranslation.topology.ReplaySelection;
import news.wiretranslation.topology.TranslateStep;
import news.wiretranslation.topology.TranslationTopology;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.fault.EngineGuard;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
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
    private final TranslateStep translateStep;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The fault policy: whether the engine takes work (circuit, quota); readiness and metrics read its state. */
    private final EngineGuard guard;
    private final TerminologyReloader terminology;
    /** Stream-thread failures in a recent window: readiness reads them. */
    private final ThreadFailures threadFailures;

    private TranslationService(ServiceConfig config, Translator translator, TranslateStep translateStep,
                               KafkaStreams streams, EngineGuard guard, TerminologyReloader terminology,
                               ThreadFailures threadFailures) {
        this.threadFailures = threadFailures;
        this.config = config;
        this.translator = translator;
        this.translateStep = translateStep;
        this.streams = streams;
        this.guard = guard;
        this.terminology = terminology;
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
        return create(config, detector, translator, Optional.empty());
    }

    /**
     * Builds a replay instance when {@code replay} is present (see {@code news.wiretranslation.replay}): the topology
     * reprocesses only what the replay selects, and a record the live service dead-lettered as unreadable is skipped
     * rather than dead-lettered twice.
     *
     * @param translator the engine, metered, without retries of its own (the dispatcher retries)
     */
    public static TranslationService create(ServiceConfig config, LanguageDetector detector, Translator translator,
                                            Optional<ReplaySelection> replay) {
        // Glossaries and protected terms first: a bad file stops start-up here, naming the line, before Kafka is touched.
        TerminologyReloader terminology = TerminologyReloader.start(config, translator);
        try (Admin admin = Admin.create(config.kafkaClientProperties())) {
            List<String> created = new TopicProvisioner(admin).ensureTopics(config);
            if (!created.isEmpty()) {
                log.info("Created topics {}", created);
            }
        }
        // The service's meters, in Micrometer's process-wide registry, which the Prometheus endpoint joins.
        PipelineMetrics metrics = new PipelineMetrics(Metrics.globalRegistry);
        // The fault policy: one per instance; it sets the engine state that health and metrics read.
        EngineGuard guard = new EngineGuard(new EngineState(), translator, new EngineGuard.Policy(
                config.faults().circuitBreakerFailures(), config.faults().circuitProbeInterval(),
                config.faults().quotaProbeInterval()), metrics);
        PipelineParts parts = Pipeline.assemble(config, detector, translator, guard, metrics, Clock.systemUTC(), replay);
        Topology topology = TranslationTopology.build(config, parts);
        log.debug("Topology:\n{}", topology.describe());
        // The production handler and the translate steps share what the broker refused (see OutputRefusals).
        OutputRefusals refusals = parts.translateStep().refusals();
        KafkaStreams streams = new KafkaStreams(topology, replay.isEmpty()
                ? StreamsSettings.of(config, metrics::deadLettered, refusals)
                : StreamsSettings.forReplay(config, metrics::deadLettered, refusals));
        ThreadFailures threadFailures = new ThreadFailures(Clock.systemUTC());
        streams.setUncaughtExceptionHandler(new StreamFailurePolicy(threadFailures, metrics::streamThreadFailed));
        // While the engine takes no work, consume nothing: records stay in the topic instead of piling up in the
        // translation queue or failing stream threads; the guard's probe resumes both.
        guard.addListener(status -> {
            if (status == EngineState.Status.AVAILABLE) {
                streams.resume();
            } else {
                streams.pause();
            }
        });
        ServiceConfig.Async settings = config.async();
        if (settings.mode() == ServiceConfig.TranslationMode.ASYNC) {
            log.info("Translation is asynchronous: {} requests in flight at most, batches of {} texts / {} bytes at most, "
                            + "{} ms linger, {} texts queued at most; translation memory {}", settings.concurrency(),
                    settings.batchMaxTexts(), settings.batchMaxBytes(), settings.linger().toMillis(),
                    settings.queueCapacity(), config.memory().enabled() ? "on" : "off");
        } else {
            log.info("Translation is synchronous: each article's texts in one request on the stream thread");
        }
        return new TranslationService(config, translator, parts.translateStep(), streams, guard, terminology, threadFailures);
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

    /** The translate step's dispatcher and counters, shared by every target language. */
    public TranslateStep translateStep() {
        return translateStep;
    }

    /** The fault policy (tests listen to its changes of state). */
    EngineGuard guard() {
        return guard;
    }

        /** The engine's state for this instance (one per instance): readiness and the metrics read it. */
    public EngineState engineState() {
        return guard.state();
    }

    /** Recent stream-thread failures (readiness reports a thread that keeps failing). */
    public ThreadFailures threadFailures() {
        return threadFailures;
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

    /**
     * Stops within {@code timeout}: Kafka Streams commits what is finished, and articles still waiting for the
     * engine stay in the changelogged pending store, for whichever instance takes their partition next to resume
     * (handed back, not lost). A dynamic member leaves the group, so its partitions move at once; a static member
     * ({@code GROUP_INSTANCE_ID}) stays, so a restart within the session timeout causes no rebalance.
     */
    public void close(Duration timeout) {
        CloseOptions.GroupMembershipOperation membership = config.streams().staticMembership()
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
        log.info("Stopping: closing Kafka Streams within {} ms ({})", timeout.toMillis(),
                membership == CloseOptions.GroupMembershipOperation.LEAVE_GROUP ? "leaving the group"
                        : "staying in the group as " + config.streams().groupInstanceId().orElseThrow());
        long start = System.nanoTime();
        boolean clean = streams.close(CloseOptions.timeout(timeout).withGroupMembershipOperation(membership));
        if (clean) {
            log.info("Kafka Streams closed cleanly in {} ms", (System.nanoTime() - start) / 1_000_000);
        } else {
            log.warn("Kafka Streams did not close within {}", timeout);
        }
        guard.close();
        terminology.close();
        translateStep.close();
        translator.close();
        stopped.countDown();
    }
}
