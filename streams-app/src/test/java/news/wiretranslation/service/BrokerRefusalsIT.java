package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.topology.TestArticles;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the broker refuses under exactly-once, on a real broker whose topic limits the test lowers after the service
 * started (as an operator might): a refused output is dead-lettered after one aborted transaction and the next article
 * is published; a refused changelog record (which can never be skipped) is a failing thread that readiness and the
 * meter report, and that heals once the limit is raised again. Every article is counted with read_committed: nothing
 * lost, nothing duplicated.
 */
class BrokerRefusalsIT {
    private static final TargetLanguage GERMAN = TargetLanguage.parse("DE");
    private static ServiceTestBench bench;

    @BeforeAll
    static void start() throws Exception {
        bench = ServiceTestBench.start("refusals-it:fx");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void anOutputTheBrokerRefusesAfterItsTopicLimitWasLoweredIsDeadLetteredAndTheNextArticleIsPublished(@TempDir Path stateDir)
            throws Exception {
        ServiceConfig config = TestConfigs.load(bench.settings("refused-output-it", stateDir));
        bench.createTopic(config.topics().input(), 1);
        AvroSerde<RawArticle> serde = ServiceTopics.serde(RawArticle.class, config);
        RawArticle first = TestArticles.french("first");
        RawArticle big = serde.deserializer().deserialize(config.topics().input(),
                ArticleSizesIT.frenchOfSize("big", 40_000, serde, config));
        RawArticle next = TestArticles.french("next");
        String german = config.topics().output(GERMAN);

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.publish(config, List.of(first));
            awaitStreams().atMost(Duration.ofSeconds(120)).until(() -> bench.delivered(config, List.of(first)));

            // The operator lowers the German topic's limit: ordinary articles (~2 KB) still fit, the big one (~40 KB) not.
            setMaxMessageBytes(german, 8_192);
            bench.publish(config, List.of(big, next));
            List<RawArticle> feed = List.of(first, big, next);
            awaitStreams().atMost(Duration.ofSeconds(180)).until(() -> bench.delivered(config, feed));

            for (DeliveryLedger.Tally tally : bench.tally(config, feed)) {
                assertThat(tally.exact()).as(tally.toString()).isTrue();
                assertThat(tally.endedAs()).as(tally.target()).containsEntry("first#1", "out").containsEntry("next#1", "out");
            }
            assertThat(bench.tally(config, feed)).filteredOn(t -> t.target().equals("DE")).singleElement()
                    .satisfies(t -> assertThat(t.endedAs()).containsEntry("big#1", "OUTPUT_TOO_LARGE"));
            assertThat(bench.tally(config, feed)).filteredOn(t -> !t.target().equals("DE"))
                    .allSatisfy(t -> assertThat(t.endedAs()).as("the other target publishes it").containsEntry("big#1", "out"));

            DeadLetter letter = deadLetters(config).stream().map(ConsumerRecord::value)
                    .filter(l -> "big".equals(l.getArticleId())).findFirst().orElseThrow();
            assertThat(letter.getReason()).isEqualTo("OUTPUT_TOO_LARGE");
            assertThat(letter.getStage()).isEqualTo("produce");
            assertThat(letter.getTargetLanguage()).isEqualTo("DE");
            assertThat(letter.getMessage()).contains(german).contains("refused");
            assertThat(bytes(letter.getOriginalValue())).isEqualTo(serde.serializer().serialize(config.topics().input(), big));
            // One aborted transaction and one replaced thread: not a loop, so readiness never flagged it.
            assertThat(service.threadFailures().recent()).isBetween(1, 2);
        }
    }

    @Test
    void aThreadThatKeepsFailingOnARefusedChangelogRecordMakesTheInstanceNotReadyAndIsCountedUntilTheLimitIsRaised(
            @TempDir Path stateDir) throws Exception {
        Map<String, String> settings = bench.settings("refused-changelog-it", stateDir);
        settings.put("HTTP_BIND_ADDRESS", "127.0.0.1");
        settings.put("HTTP_PORT", "0");
        // A replaced thread's consumer stays in the group until its session times out (Kafka Streams does not leave on
        // close): a shorter session makes each failure's round shorter, not the outcome different.
        settings.put("SESSION_TIMEOUT_MS", "10000");
        ServiceConfig config = TestConfigs.load(settings);
        bench.createTopic(config.topics().input(), 1);
        RawArticle first = TestArticles.french("first");
        RawArticle stuck = TestArticles.french("stuck");
        RawArticle next = TestArticles.french("next");
        String changelog = config.applicationId() + "-story-revisions-changelog";

        try (Observability observability = Observability.start(config);
             TranslationService service = TranslationService.create(config)) {
            observability.attach(service);
            service.start();
            bench.publish(config, List.of(first));
            awaitStreams().atMost(Duration.ofSeconds(120)).until(() -> bench.delivered(config, List.of(first)));
            awaitStreams().atMost(Duration.ofSeconds(60)).until(() -> get(observability, "/health/ready").statusCode() == 200);
            double failuresBefore = threadFailures(observability);

            // Too small for a batch of the revision gate's changelog (61 bytes of header and a record of about 60),
            // which can never be skipped, yet large enough for the broker's transaction markers (about 80 bytes):
            // a limit below those would leave the aborted transaction hanging on the broker, not the record refused.
            setMaxMessageBytes(changelog, 100);
            bench.publish(config, List.of(stuck, next));
            // Not ready because of the failing thread (a rebalance alone also answers 503, for a moment).
            awaitStreams().atMost(Duration.ofSeconds(300)).until(() -> get(observability, "/health/ready").body()
                    .contains("stream thread failures in the last 5 min"));
            HttpResponse<String> notReady = get(observability, "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"streamThreads\":{\"ok\":false").contains(changelog);
            assertThat(threadFailures(observability) - failuresBefore).isGreaterThanOrEqualTo(3);
            assertThat(bench.tally(config, List.of(stuck))).allSatisfy(t -> assertThat(t.missing()).contains("stuck#1"));

            // The operator raises the limit again: the thread gets past the record, and nothing is lost or doubled.
            setMaxMessageBytes(changelog, config.sizes().recordLimit());
            List<RawArticle> feed = List.of(first, stuck, next);
            awaitStreams().atMost(Duration.ofSeconds(180)).until(() -> bench.delivered(config, feed));
            for (DeliveryLedger.Tally tally : bench.tally(config, feed)) {
                assertThat(tally.exact()).as(tally.toString()).isTrue();
                assertThat(tally.out()).as(tally.target()).isEqualTo(3);
            }
        }
    }

    @Test
    void aChangelogAnOlderVersionCreatedAtOneMegabyteIsRaisedAtStartUpAndAnArticleAtTheMaximumIsPublished(
            @TempDir Path stateDir) throws Exception {
        ServiceConfig config = TestConfigs.load(bench.settings("old-changelog-it", stateDir));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(
                    new NewTopic(config.topics().input(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(10 * 1024 * 1024))))).all().get();
        }
        // What an older version left: its changelogs at Kafka's default limit (1 MB), compacted as Kafka Streams makes them.
        List<String> changelogs = new ArrayList<>();
        for (TargetLanguage target : config.targetLanguages()) {
            changelogs.add(config.applicationId() + "-translation-pending-" + target.topicSuffix() + "-changelog");
        }
        changelogs.add(config.applicationId() + "-story-revisions-changelog");
        try (Admin admin = admin()) {
            admin.createTopics(changelogs.stream().map(topic -> new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList()).all().get();
            assertThat(maxMessageBytes(admin, changelogs)).allSatisfy(limit -> assertThat(limit).isLessThan(config.sizes().recordLimit()));
        }
        AvroSerde<RawArticle> serde = ServiceTopics.serde(RawArticle.class, config);
        byte[] atMaximum = ArticleSizesIT.frenchOfSize("at-max", config.sizes().maxArticleBytes(), serde, config);
        RawArticle maximum = serde.deserializer().deserialize(config.topics().input(), atMaximum);
        RawArticle next = TestArticles.french("next");

        try (TranslationService service = TranslationService.create(config)) {
            try (Admin admin = admin()) {
                assertThat(maxMessageBytes(admin, changelogs)).as("raised at start-up")
                        .allSatisfy(limit -> assertThat(limit).isEqualTo(config.sizes().recordLimit()));
            }
            service.start();
            List<RawArticle> feed = List.of(maximum, next);
            publishLarge(config, feed);
            awaitStreams().atMost(Duration.ofSeconds(180)).until(() -> bench.delivered(config, feed));
            for (DeliveryLedger.Tally tally : bench.tally(config, feed)) {
                assertThat(tally.exact()).as(tally.toString()).isTrue();
                assertThat(tally.endedAs()).as(tally.target()).containsEntry("at-max#1", "out").containsEntry("next#1", "out");
            }
            assertThat(service.threadFailures().recent()).as("no stream thread failed").isZero();
        }
    }

    /**
     * Awaits while stream threads are expected to die: Kafka Streams reports their exceptions to the thread's default
     * handler too, which Awaitility would otherwise take for a failure of the test.
     */
    private static ConditionFactory awaitStreams() {
        return await().dontCatchUncaughtExceptions();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers()));
    }

    private static void setMaxMessageBytes(String topic, int limit) throws Exception {
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(limit)),
                            AlterConfigOp.OpType.SET)))).all().get();
            awaitStreams().atMost(Duration.ofSeconds(30)).until(() -> maxMessageBytes(admin, List.of(topic)).get(0) == limit);
        }
    }

    private static List<Long> maxMessageBytes(Admin admin, Collection<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        var configs = admin.describeConfigs(resources).all().get();
        return resources.stream().map(r -> Long.parseLong(configs.get(r).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())).toList();
    }

    /** Articles larger than a producer's default request size (1 MB). */
    private static void publishLarge(ServiceConfig config, List<RawArticle> feed) {
        AvroSerde<RawArticle> serde = ServiceTopics.serde(RawArticle.class, config);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 * 1024 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (RawArticle article : feed) {
                producer.send(new ProducerRecord<>(config.topics().input(), article.getId(),
                        serde.serializer().serialize(config.topics().input(), article)));
            }
            producer.flush();
        }
    }

    private static List<ConsumerRecord<byte[], DeadLetter>> deadLetters(ServiceConfig config) {
        return TopicReader.readToEnd(bench.broker.bootstrapServers(), config.topics().deadLetter(),
                ServiceTopics.serde(DeadLetter.class, config).deserializer(), Duration.ofSeconds(30));
    }

    private static HttpResponse<String> get(Observability observability, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + observability.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The meter the alert WireTranslationStreamThreadsFailing reads, as Prometheus scrapes it. */
    private static double threadFailures(Observability observability) throws Exception {
        return get(observability, "/metrics").body().lines()
                .filter(line -> line.startsWith("wire_translation_stream_thread_failures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
