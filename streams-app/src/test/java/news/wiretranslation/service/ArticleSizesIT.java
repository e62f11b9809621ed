package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.topology.TestArticles;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Article sizes on a real broker left at Kafka's defaults, apart from what the service configures: an article at
 * MAX_ARTICLE_BYTES is translated and published; larger ones are dead-lettered on arrival (whole, or a prefix with
 * their size and checksum when even the dead-letter topic cannot hold them); an article after each still arrives.
 */
class ArticleSizesIT {
    private static final int MAX_ARTICLE_BYTES = 1_048_576; // the default
    private static ServiceTestBench bench;

    @BeforeAll
    static void start() throws Exception {
        bench = ServiceTestBench.start("sizes-it:fx");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void anArticleAtTheMaximumIsPublishedAndLargerOnesAreDeadLetteredWithoutHoldingThePartition(@TempDir Path stateDir)
            throws Exception {
        ServiceConfig config = TestConfigs.load(bench.settings("sizes-it", stateDir));
        assertThat(config.sizes().maxArticleBytes()).isEqualTo(MAX_ARTICLE_BYTES);
        createRawTopic(config.topics().input(), 10 * 1024 * 1024); // the producers' topic allows 10 MB
        AvroSerde<RawArticle> raw = ServiceTopics.serde(RawArticle.class, config);

        byte[] atMaximum = frenchOfSize("at-max", MAX_ARTICLE_BYTES, raw, config);
        byte[] slightlyOver = frenchOfSize("over", 1_500_000, raw, config);
        byte[] sixMegabytes = frenchOfSize("six-mb", 6_000_000, raw, config);
        byte[] good = raw.serializer().serialize(config.topics().input(), TestArticles.french("good"));

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            publish(config.topics().input(), List.of(Map.entry("six-mb", sixMegabytes), Map.entry("good-1", good),
                    Map.entry("over", slightlyOver), Map.entry("at-max", atMaximum)));
            // a good article after all of them must still come out
            publish(config.topics().input(), List.of(Map.entry("good", good)));

            AvroSerde<Article> articles = ServiceTopics.serde(Article.class, config);
            String english = config.topics().output(config.targetLanguages().get(0));
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).until(() -> TopicReader.readToEnd(bench.broker.bootstrapServers(),
                    english, articles.deserializer(), Duration.ofSeconds(10)).stream()
                    .anyMatch(r -> r.value().getId().equals("at-max")));
            System.out.printf("article at the maximum (%d bytes) translated and published in %d ms%n", atMaximum.length,
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(service.threadFailures().recent()).as("no stream thread failed").isZero();
        }
        for (var target : config.targetLanguages()) {
            List<String> ids = TopicReader.readToEnd(bench.broker.bootstrapServers(), config.topics().output(target),
                    ServiceTopics.serde(Article.class, config).deserializer(), Duration.ofSeconds(30)).stream()
                    .map(r -> r.value().getId()).toList();
            assertThat(ids).as("on %s", target).contains("at-max", "good").doesNotContain("over", "six-mb");
        }

        List<ConsumerRecord<byte[], DeadLetter>> letters = TopicReader.readToEnd(bench.broker.bootstrapServers(),
                config.topics().deadLetter(), ServiceTopics.serde(DeadLetter.class, config).deserializer(), Duration.ofSeconds(30));
        DeadLetter over = only(letters, "over");
        assertThat(over.getReason()).isEqualTo("ARTICLE_TOO_LARGE");
        assertThat(over.getStage()).isEqualTo("deserialize");
        assertThat(bytes(over.getOriginalValue())).as("kept whole: it fits the dead-letter topic").isEqualTo(slightlyOver);
        assertThat(over.getMessage()).contains("1500000").contains("MAX_ARTICLE_BYTES");

        DeadLetter six = only(letters, "six-mb");
        assertThat(six.getReason()).isEqualTo("ARTICLE_TOO_LARGE");
        byte[] kept = bytes(six.getOriginalValue());
        assertThat(kept).as("a prefix").hasSize(64 * 1024);
        assertThat(kept).isEqualTo(java.util.Arrays.copyOf(sixMegabytes, kept.length));
        assertThat(six.getMessage()).contains(String.valueOf(sixMegabytes.length)).contains(sha256(sixMegabytes))
                .contains("first 65536 bytes");
        assertThat(letters).as("only the two too large").hasSize(2);
    }

    @Test
    void anExistingOutputTopicTooSmallForTheMaximumStopsStartUpNamingItAndTheSetting(@TempDir Path stateDir) throws Exception {
        ServiceConfig config = TestConfigs.load(bench.settings("small-topic-it", stateDir));
        bench.createTopic(config.topics().input(), 1);
        String output = config.topics().output(config.targetLanguages().get(0));
        bench.createTopic(output, 1); // Kafka's default max.message.bytes, 1 MB

        assertThatThrownBy(() -> TranslationService.create(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(output).hasMessageContaining("MAX_ARTICLE_BYTES")
                .hasMessageContaining("max.message.bytes");
    }

    private static DeadLetter only(List<ConsumerRecord<byte[], DeadLetter>> letters, String key) {
        List<DeadLetter> found = letters.stream().filter(r -> r.key() != null && new String(r.key()).equals(key))
                .map(ConsumerRecord::value).toList();
        assertThat(found).as("dead letters of %s", key).hasSize(1);
        return found.get(0);
    }

    /** A French article whose serialized value is exactly {@code size} bytes (plain text, paragraphs of 6 sentences). */
    static byte[] frenchOfSize(String id, int size, AvroSerde<RawArticle> serde, ServiceConfig config) {
        String[] sentences = {
                "Le gouvernement a présenté mercredi un projet de loi sur la transition énergétique des bâtiments publics.",
                "Les élus de l'opposition ont dénoncé un texte qu'ils jugent insuffisant face à l'urgence climatique.",
                "Selon le ministère, les travaux de rénovation devraient commencer dès le printemps prochain dans trois régions.",
                "Les syndicats du secteur attendent des précisions sur le financement et sur le calendrier des chantiers."};
        RawArticle article = TestArticles.article(id, "Transition énergétique : le projet de loi présenté", "");
        int overhead = serde.serializer().serialize(config.topics().input(), article).length + 8; // + the length varint
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < size - overhead - 300; ) {
            for (int n = 0; n < 200; n++, i++) {
                body.append(sentences[i % sentences.length]).append(i % 6 == 5 ? "\n\n" : " ");
            }
        }
        // Cut down to the size, then pad with ASCII to the exact byte (the varint of the length may shift by one).
        while (true) {
            article.setBody(body.toString());
            int current = serde.serializer().serialize(config.topics().input(), article).length;
            if (current == size) {
                return serde.serializer().serialize(config.topics().input(), article);
            }
            if (current > size) {
                int excess = current - size;
                body.setLength(Math.max(0, body.length() - Math.max(1, excess / 2)));
            } else {
                body.append("x".repeat(size - current));
            }
        }
    }

    private void createRawTopic(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes))))).all().get();
        }
    }

    private void publish(String topic, List<Map.Entry<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
            }
            producer.flush();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
