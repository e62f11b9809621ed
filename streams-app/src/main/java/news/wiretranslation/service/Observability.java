package news.wiretranslation.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.health.EngineReport;
import news.wiretranslation.health.HealthServer;
import news.wiretranslation.health.Readiness;
import news.wiretranslation.metrics.PrometheusMetrics;
import news.wiretranslation.translate.meters.EngineStateGauges;
import news.wiretranslation.translate.meters.TranslationQueueGauges;

/**
 * What operators see of a running instance: the Prometheus registry and the HTTP server with {@code /metrics},
 * {@code /health/live}, {@code /health/ready} and {@code /health/engine}. Started before the service is built, so that liveness answers and
 * readiness says "starting" while the language models load; {@link #attach} then binds the service's Kafka Streams
 * metrics, its engine state (endpoint and gauges) and its readiness.
 */
public final class Observability implements AutoCloseable {
    /** How often new Kafka client metrics (a partition assigned, a task created) are looked for and bound. */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMetrics metrics;
    private final Readiness readiness;
    private final EngineReport engineReport;
    private final HealthServer server;
    private final ScheduledExecutorService kafkaMetricsScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wire-translation-kafka-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaStreamsMetrics kafkaStreamsMetrics;

    private Observability(PrometheusMetrics metrics, Readiness readiness, EngineReport engineReport, HealthServer server) {
        this.metrics = metrics;
        this.readiness = readiness;
        this.engineReport = engineReport;
        this.server = server;
        Gauge.builder("wire_translation_ready", readiness, r -> r.report().ready() ? 1 : 0)
                .description("1 when the instance is ready (language models loaded, Kafka Streams RUNNING, stream threads not failing);"
                        + " an engine pause does not make it 0, see wire_translation_engine_state")
                .register(metrics.registry());
    }

    /** Starts the registry and the HTTP server on {@code HTTP_BIND_ADDRESS:HTTP_PORT}. */
    public static Observability start(ServiceConfig config) {
        PrometheusMetrics metrics = new PrometheusMetrics();
        Readiness readiness = new Readiness();
        EngineReport engineReport = new EngineReport(InstantSource.system());
        try {
            return new Observability(metrics, readiness, engineReport,
                    HealthServer.start(config.http(), metrics::scrape, readiness, engineReport));
        } catch (IOException e) {
            metrics.close();
            throw new UncheckedIOException("Cannot serve metrics and health on " + config.http().bindAddress() + ":"
                    + config.http().port() + " (HTTP_BIND_ADDRESS, HTTP_PORT): " + e.getMessage(), e);
        }
    }

    /** Binds a built service: Kafka Streams' client metrics, the engine state gauges, readiness. */
    public void attach(TranslationService service) {
        kafkaStreamsMetrics = new KafkaStreamsMetrics(service.streams(), List.<Tag>of(), kafkaMetricsScheduler,
                KAFKA_METRICS_REFRESH);
        kafkaStreamsMetrics.bindTo(metrics.registry());
        EngineStateGauges.bind(metrics.registry(), service.engineState());
        service.translateStep().batched().ifPresent(dispatcher -> TranslationQueueGauges.bind(metrics.registry(), dispatcher));
        engineReport.serviceBuilt(service.engineState());
        readiness.serviceBuilt(service::state);
        readiness.watch(service.threadFailures());
    }

    public int port() {
        return server.port();
    }

    public PrometheusMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (kafkaStreamsMetrics != null) {
            kafkaStreamsMetrics.close();
        }
        kafkaMetricsScheduler.shutdownNow();
        server.close();
        metrics.close();
    }
}
