package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.health.Endpoints;
import news.wiretranslation.health.MonitoringQueries;
import news.wiretranslation.health.PrometheusServer;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators see of a running instance, on the real broker with the production wiring (the DeepL client against
 * the DeepL-API stand-in): the health endpoints through start-up and a quota pause, and the monitoring they install
 * (a real Prometheus with the project's alert rules, the Grafana dashboard's queries).
 */
class ObservabilityIT {
    private static final String JOB = "wire-translation";
    private static final int ARTICLES = 36;

    /**
     * Panel targets whose data cannot exist in this test, each with why; every other query must return data. Named
     * here, so that the exclusion is deliberate and fails when the panel goes.
     */
    private static final Map<String, String> NO_DATA_HERE = Map.of(
            "Pod restarts [A]", "kube-state-metrics' kube_pod_container_status_restarts_total: no Kubernetes here"
                    + " (its fallback, [B], from process_start_time_seconds, is checked)",
            "Unsupported language pairs (not MT errors) [A]", "counted only when an engine refuses a pair (Apertium);"
                    + " the DeepL stand-in translates every pair (EngineGuardTest checks the meter)");

    private static EmbeddedKafkaBroker broker;
    private static DeepLStandIn deepL;

    @BeforeAll
    static void startBrokerAndStandIn() throws IOException {
        broker = EmbeddedKafkaBroker.start();
        deepL = new DeepLStandIn("metrics-key:fx").start();
    }

    @AfterAll
    static void stop() {
        if (deepL != null) {
            deepL.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * A real Prometheus scrapes {@code /metrics} every second and evaluates {@code docker/prometheus/alerts.yml};
     * articles go through; then every PromQL expression of the Grafana dashboard and of the rules must return data
     * through Prometheus's query API.
     */
    @Test
    void everyDashboardAndAlertQueryReturnsDataFromARealPrometheus(@TempDir Path stateDir, @TempDir Path prometheusDir)
            throws Exception {
        assertThat(promtool("check", "config", MonitoringQueries.PROMETHEUS_CONFIG.toString()))
                .as("promtool check config docker/prometheus/prometheus.yml").isZero();

        Map<String, String> env = TestConfigs.standInSettings(broker.bootstrapServers(),
                "mock://prometheus-it-" + UUID.randomUUID(), deepL, "prometheus-it");
        env.put("STATE_DIR", stateDir.toString());
        env.put("HTTP_BIND_ADDRESS", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        ServiceConfig config = TestConfigs.load(env);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(config.topics().input(), 2, (short) 1))).all().get();
        }

        try (Observability observability = Observability.start(config);
             PrometheusServer prometheus = PrometheusServer.start(prometheusDir, JOB,
                     "127.0.0.1:" + observability.port(), MonitoringQueries.ALERT_RULES)) {
            TranslationService service = TranslationService.create(config);
            try (service) {
                observability.attach(service);
                service.start();
                // Micrometer records GC pauses from the JVM's GC notifications: with this test JVM's large heap there
                // may be no collection during the run, and the GC panels would have no series. A service under load
                // collects all the time; here one collection is asked for.
                System.gc();
                // Some engine requests fail (and are retried), so that the error panels have something to show.
                deepL.failNext(2, 429);
                long started = System.nanoTime();
                publish(config);
                TopicReader.readUntil(broker.bootstrapServers(), "articles.normalized.de",
                        serde(Article.class, config).deserializer(), records -> records.size() >= ARTICLES + 1,
                        Duration.ofSeconds(90));

                System.out.printf("Prometheus IT: all articles out %d ms after publishing%n", (System.nanoTime() - started) / 1_000_000);
                printScrapeSample(observability.port());
                Map<String, String> queries = new LinkedHashMap<>(MonitoringQueries.dashboard());
                assertThat(queries).as("panel targets excluded below").containsKeys(NO_DATA_HERE.keySet().toArray(String[]::new));
                queries.keySet().removeAll(NO_DATA_HERE.keySet());
                queries.putAll(MonitoringQueries.rules(prometheus.rules()));
                assertThat(queries).hasSizeGreaterThan(30);
                List<String> empty = awaitData(prometheus, queries, Duration.ofSeconds(60));
                assertThat(empty).as("queries that return nothing from Prometheus").isEmpty();
                assertRulesEvaluateWithoutErrors(prometheus.rules());
                assertThat(prometheus.targets()).allSatisfy(target ->
                        assertThat(target.path("health").asText()).as(target.toString()).isEqualTo("up"));
            }
        }
    }

    /**
     * Articles in five languages for EN-US and DE (so some pass through), one whose producer declared the wrong
     * language, one the engine never gets (Georgian) and one unreadable record (both dead-lettered).
     */
    private static void publish(ServiceConfig config) {
        AvroSerde<RawArticle> serde = serde(RawArticle.class, config);
        String topic = config.topics().input();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            List<RawArticle> articles = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                articles.add(RawArticle.newBuilder(GeneratedArticles.article(i)).setReceivedAt(Instant.now()).build());
            }
            // A French article declared as Italian: a disagreement between declared and detected language.
            articles.add(RawArticle.newBuilder(GeneratedArticles.article(ARTICLES * 6))
                    .setId("declared-wrong").setDeclaredLanguage("it").setReceivedAt(Instant.now()).build());
            articles.add(RawArticle.newBuilder(GeneratedArticles.article(1)).setId("georgian")
                    .setHeadline("მთავრობამ ახალი ბიუჯეტი წარადგინა")
                    .setBody("ფინანსთა მინისტრმა ოთხშაბათს პარლამენტს მომავალი წლის ბიუჯეტის პროექტი წარუდგინა.")
                    .setDeclaredLanguage("ka").setReceivedAt(Instant.now()).build());
            for (RawArticle article : articles) {
                producer.send(new ProducerRecord<>(topic, article.getId(), serde.serializer().serialize(topic, article)));
            }
            producer.send(new ProducerRecord<>(topic, "garbage", "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    /** Polls every query until each has returned data once, or the time is up; returns those that never did. */
    private static List<String> awaitData(PrometheusServer prometheus, Map<String, String> queries, Duration timeout)
            throws IOException, InterruptedException {
        Map<String, String> waiting = new LinkedHashMap<>(queries);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                if (!prometheus.query(it.next().getValue()).isEmpty()) {
                    it.remove();
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        System.out.printf("Prometheus IT: %d queries checked, %d returned data, in %d ms%n", queries.size(),
                queries.size() - waiting.size(), timeout.toMillis() - Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        List<String> empty = new ArrayList<>();
        waiting.forEach((name, query) -> empty.add(name + ": " + query));
        return empty;
    }

    private static void assertRulesEvaluateWithoutErrors(JsonNode groups) {
        List<JsonNode> rules = new ArrayList<>();
        groups.forEach(group -> group.path("rules").forEach(rules::add));
        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.path("health").asText())
                .as(rule.path("name").asText() + ": " + rule.path("lastError").asText()).isEqualTo("ok"));
    }

    private static void printScrapeSample(int port) throws IOException, InterruptedException {
        String scrape = get(port, Endpoints.METRICS).body();
        // The whole scrape, for whoever writes a panel: which meters exist, with which tags.
        java.nio.file.Files.writeString(Path.of("target", "observability-it-scrape.txt"), scrape);
        System.out.println("--- scrape sample (wire_translation_*) ---");
        scrape.lines().filter(line -> line.startsWith("wire_translation_") && !line.contains("_bucket{"))
                .limit(60).forEach(System.out::println);
        scrape.lines().filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{")).limit(4)
                .forEach(System.out::println);
        System.out.println("---");
    }

    /**
     * Readiness says why not while the models load and Kafka Streams starts, and turns ready once RUNNING; a quota
     * pause leaves it ready (the pause is the engine's, every pod would be unready at once) and shows on the engine
     * endpoint and gauges instead, with since when; liveness stays up throughout.
     */
    @Test
    void readinessGoesFromStartingToReadyAndAQuotaPauseShowsOnTheEngineEndpointOnly(@TempDir Path stateDir) throws Exception {
        Map<String, String> env = TestConfigs.standInSettings(broker.bootstrapServers(),
                "mock://health-it-" + UUID.randomUUID(), deepL, "health-it");
        env.put("INPUT_TOPIC", "health.raw");
        env.put("OUTPUT_TOPIC_PREFIX", "health.out.");
        env.put("DLQ_TOPIC", "health.dlq");
        env.put("STATE_DIR", stateDir.toString());
        env.put("HTTP_PORT", "0");
        ServiceConfig config = TestConfigs.load(env);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(config.topics().input(), 1, (short) 1))).all().get();
        }

        try (Observability observability = Observability.start(config)) {
            int port = observability.port();
            assertLive(port);
            JsonNode starting = assertReady(port, 503);
            assertThat(starting.path("status").asText()).isEqualTo("NOT_READY");
            assertThat(starting.path("checks").path("languageModels").path("ok").asBoolean()).isFalse();
            assertThat(starting.path("reason").asText()).contains("languageModels: loading");
            assertThat(engine(port).path("state").asText()).isEqualTo("NOT_STARTED");

            try (TranslationService service = TranslationService.create(config)) {
                observability.attach(service);
                JsonNode created = assertReady(port, 503);
                assertThat(created.path("checks").path("languageModels").path("ok").asBoolean()).isTrue();
                assertThat(created.path("reason").asText()).isEqualTo("kafkaStreams: CREATED");

                service.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> get(port, Endpoints.READY).statusCode() == 200);
                JsonNode ready = assertReady(port, 200);
                assertThat(ready.path("status").asText()).isEqualTo("READY");
                assertThat(ready.has("reason")).isFalse();
                assertThat(engine(port).path("state").asText()).isEqualTo("AVAILABLE");
                assertThat(get(port, Endpoints.METRICS).body()).contains("wire_translation_ready 1.0",
                        "wire_translation_engine_state{state=\"quota_paused\"} 0.0",
                        "wire_translation_engine_paused_for_seconds 0.0");

                Instant pausedAt = Instant.now();
                service.engineState().set(EngineState.Status.QUOTA_PAUSED, "DeepL character quota used up (HTTP 456)");
                assertThat(assertReady(port, 200).path("status").asText()).as("a pause leaves the pod ready").isEqualTo("READY");
                JsonNode paused = engine(port);
                assertThat(paused.path("state").asText()).isEqualTo("QUOTA_PAUSED");
                assertThat(paused.path("reason").asText()).isEqualTo("DeepL character quota used up (HTTP 456)");
                assertThat(Instant.parse(paused.path("since").asText())).isBetween(pausedAt.minusSeconds(1), Instant.now());
                assertThat(get(port, Endpoints.METRICS).body()).contains("wire_translation_ready 1.0",
                        "wire_translation_engine_state{state=\"quota_paused\"} 1.0",
                        "wire_translation_engine_state{state=\"available\"} 0.0");
                assertLive(port);

                service.engineState().available();
                assertThat(engine(port).path("state").asText()).isEqualTo("AVAILABLE");
            }
        }
    }

    private static JsonNode engine(int port) throws IOException, InterruptedException {
        HttpResponse<String> engine = get(port, Endpoints.ENGINE);
        assertThat(engine.statusCode()).as(engine.body()).isEqualTo(200);
        assertThat(engine.headers().firstValue("Content-Type")).hasValue("application/json");
        return new ObjectMapper().readTree(engine.body());
    }

    private static void assertLive(int port) throws IOException, InterruptedException {
        HttpResponse<String> live = get(port, Endpoints.LIVE);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(live.body()).path("status").asText()).isEqualTo("UP");
    }

    private static JsonNode assertReady(int port, int status) throws IOException, InterruptedException {
        HttpResponse<String> ready = get(port, Endpoints.READY);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(status);
        assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
        return new ObjectMapper().readTree(ready.body());
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> AvroSerde<T> serde(Class<T> type, ServiceConfig config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }
}
