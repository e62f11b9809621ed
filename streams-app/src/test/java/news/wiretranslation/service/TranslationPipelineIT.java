package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.normalize.TextNormalizer;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real KRaft broker, with the production wiring: the real DeepL client talking HTTP to a
 * DeepL-API stand-in, Lingua detection, exactly-once processing. Counts every record on every topic.
 */
class TranslationPipelineIT {
    private static final int GENERATED = 200;
    private static final int UNSUPPORTED = 5;
    private static final int GARBAGE = 5;

    private static EmbeddedKafkaBroker broker;
    private static DeepLStandIn deepL;

    @BeforeAll
    static void startBrokerAndStandIn() throws IOException {
        broker = EmbeddedKafkaBroker.start();
        deepL = new DeepLStandIn("it-key:fx").start();
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

    @Test
    void everyArticleArrivesExactlyOnceOnEachTargetTopicOrOnTheDeadLetterTopic(@TempDir Path stateDir) throws Exception {
        String scope = "pipeline-it-" + UUID.randomUUID();
        Map<String, String> env = TestConfigs.standInSettings(broker.bootstrapServers(), "mock://" + scope, deepL, "pipeline-it");
        env.put("STATE_DIR", stateDir.toString());
        env.put("NUM_STREAM_THREADS", "2");
        ServiceConfig config = TestConfigs.load(env);
        createInputTopic(config.topics().input(), 3);
        fixSeedTranslationIntoEnglish();

        List<String> goodIds = new ArrayList<>();
        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                AvroSerde<RawArticle> rawSerde = serde(RawArticle.class, config);
                RawArticle seed = seedArticle();
                goodIds.add(seed.getId());
                send(producer, config, seed.getId(), rawSerde.serializer().serialize(config.topics().input(), seed));
                for (int i = 0; i < GENERATED; i++) {
                    RawArticle article = GeneratedArticles.article(i);
                    goodIds.add(article.getId());
                    send(producer, config, article.getId(), rawSerde.serializer().serialize(config.topics().input(), article));
                }
                for (int i = 0; i < UNSUPPORTED; i++) {
                    RawArticle georgian = georgian("ka-" + i);
                    send(producer, config, georgian.getId(), rawSerde.serializer().serialize(config.topics().input(), georgian));
                }
                for (int i = 0; i < GARBAGE; i++) {
                    send(producer, config, "garbage-" + i, ("not avro " + i).getBytes(StandardCharsets.UTF_8));
                }
                producer.flush();
            }

            Duration timeout = Duration.ofSeconds(180);
            List<ConsumerRecord<byte[], Article>> english = TopicReader.readUntil(broker.bootstrapServers(),
                    "articles.normalized.en-us", serde(Article.class, config).deserializer(),
                    records -> records.size() >= goodIds.size(), timeout);
            List<ConsumerRecord<byte[], Article>> german = TopicReader.readUntil(broker.bootstrapServers(),
                    "articles.normalized.de", serde(Article.class, config).deserializer(),
                    records -> records.size() >= goodIds.size(), timeout);
            List<ConsumerRecord<byte[], DeadLetter>> deadLetters = TopicReader.readUntil(broker.bootstrapServers(),
                    "articles.dlq", serde(DeadLetter.class, config).deserializer(),
                    records -> records.size() >= UNSUPPORTED + GARBAGE, timeout);
            assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);

            System.out.printf("pipeline IT: in=%d (good %d, unsupported %d, garbage %d) out en-us=%d de=%d dlq=%d; "
                            + "DeepL requests=%d texts=%d billed=%d%n",
                    goodIds.size() + UNSUPPORTED + GARBAGE, goodIds.size(), UNSUPPORTED, GARBAGE, english.size(),
                    german.size(), deadLetters.size(), deepL.requestCount(), deepL.textCount(), deepL.billedCharacters());

            assertExactlyOnce(english, goodIds);
            assertExactlyOnce(german, goodIds);
            assertThat(deadLetters).hasSize(UNSUPPORTED + GARBAGE);
            Map<String, Long> reasons = deadLetters.stream()
                    .collect(Collectors.groupingBy(r -> r.value().getReason(), Collectors.counting()));
            assertThat(reasons).containsExactlyInAnyOrderEntriesOf(
                    Map.of("UNSUPPORTED_LANGUAGE", (long) UNSUPPORTED, "BAD_MAGIC_BYTE", (long) GARBAGE));
            assertThat(deadLetters).filteredOn(r -> r.value().getReason().equals("BAD_MAGIC_BYTE"))
                    .allSatisfy(r -> assertThat(new String(bytes(r.value().getOriginalValue()), StandardCharsets.UTF_8))
                            .startsWith("not avro "));

            assertLabels(english, "EN-US", "en");
            assertLabels(german, "DE", "de");
            assertSeedArticleNormalizedLabelledAndFlagged(byId(english).get("seed-fr"));
            assertThat(deepL.limitViolations()).isEmpty();
            assertThat(deepL.requests()).allSatisfy(r -> assertThat(r.sourceLang()).isNotBlank());
        }
    }

    @Test
    void rejectedDeepLKeyStopsStartUpNamingTheSetting() {
        Map<String, String> env = new HashMap<>(TestConfigs.baseSettings(broker.bootstrapServers(), "mock://bad-key"));
        env.put("DEEPL_AUTH_KEY", "wrong-key:fx");
        env.put("DEEPL_SERVER_URL", deepL.url());

        assertThatThrownBy(() -> TranslationService.create(TestConfigs.load(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DEEPL_AUTH_KEY")
                .hasMessageNotContaining("wrong-key");
    }

    @Test
    void missingInputTopicStopsStartUpNamingTheSetting() {
        Map<String, String> env = new HashMap<>(TestConfigs.baseSettings(broker.bootstrapServers(), "mock://no-topic"));
        env.put("DEEPL_AUTH_KEY", deepL.authKey());
        env.put("DEEPL_SERVER_URL", deepL.url());
        env.put("INPUT_TOPIC", "no.such.topic");

        assertThatThrownBy(() -> TranslationService.create(TestConfigs.load(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INPUT_TOPIC")
                .hasMessageContaining("no.such.topic");
    }

    /**
     * The real machine-translated article from a news site: its site chrome, share prompt, logo line, headline
     * suffix and site disclaimer are gone; the translation is labelled; no words are flagged as untranslated.
     */
    private static void assertSeedArticleNormalizedLabelledAndFlagged(Article seed) {
        assertThat(seed.getTranslation().getSourceLanguage()).isEqualTo("fr");
        assertThat(seed.getHeadline()).isEqualTo("US gives green light to Ukrainian attacks inside Russia – Times");
        assertThat(seed.getBody()).hasSize(12).doesNotContain("RT");
        assertThat(seed.getBody()).noneMatch(p -> p.contains("Skip to content") || p.contains("partager")
                || p.contains("réseaux sociaux") || p.contains("technologie programmatique"));
        assertThat(seed.getBody().get(11)).isEqualTo(seed.getTranslation().getDisclaimer())
                .isEqualTo("This article was machine-translated from French by DeepL and has not been reviewed by an editor.");
        assertThat(seed.getNormalization()).contains("boilerplate:skip-to-content", "boilerplate:rt-headline-suffix",
                "boilerplate:share-prompt", "boilerplate:rt-logo-line", "boilerplate:rt-disclaimer", "typography:en");
        // The stand-in answers with the site's English, whose "[en Russie ou en Crimée]" is not in the French source
        // (which has "[in Russia or Crimea]" there): nothing was copied from the source, so nothing is flagged
        // (the check compares a translation with its source, docs/detection.md).
        assertThat(seed.getQualityFlags()).extracting(flag -> flag.getCode().toString())
                .doesNotContain("UNTRANSLATED_FRAGMENT");
        assertThat(seed.getTranslation().getDigitalSourceType())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(seed.getEditorialReview()).isFalse();
    }

    /** The stand-in answers the seed article's texts with a human English translation (one French fragment kept). */
    private static void fixSeedTranslationIntoEnglish() throws IOException {
        RawArticle seed = seedArticle();
        NormalizedArticle french = new TextNormalizer().normalize(seed);
        List<String> english = Files.readAllLines(Path.of("src/test/resources/fixtures/seed-article-en.txt"));
        List<String> sources = new ArrayList<>();
        sources.add(french.headline());
        sources.addAll(french.paragraphs());
        assertThat(english).as("one English line per French text").hasSameSizeAs(sources);
        for (int i = 0; i < sources.size(); i++) {
            deepL.fixTranslation(sources.get(i), "EN-US", english.get(i));
        }
    }

    /** Every good article exactly once, keyed by its id. */
    private static void assertExactlyOnce(List<ConsumerRecord<byte[], Article>> records, List<String> ids) {
        Map<String, Long> counts = records.stream()
                .collect(Collectors.groupingBy(r -> r.value().getId(), Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(counts.values()).as("duplicates").allMatch(count -> count == 1);
        assertThat(records).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(r.value().getId()));
    }

    /** Articles already in the target language pass through unlabelled; every other one is labelled as DeepL's. */
    private static void assertLabels(List<ConsumerRecord<byte[], Article>> records, String targetCode, String targetLanguage) {
        for (ConsumerRecord<byte[], Article> record : records) {
            Article article = record.value();
            if (article.getDetectedLanguage().equals(targetLanguage)) {
                assertThat(article.getMachineTranslated()).as(article.getId()).isFalse();
                assertThat(article.getTranslation()).isNull();
            } else {
                assertThat(article.getMachineTranslated()).as(article.getId()).isTrue();
                if (!(article.getId().equals("seed-fr") && targetCode.equals("EN-US"))) { // the seed has a fixed translation
                    assertThat(article.getHeadline()).startsWith("[" + targetCode + "] ");
                }
                assertThat(article.getTranslation().getEngine()).isEqualTo("deepl");
                assertThat(article.getTranslation().getEngineModel()).isNotBlank();
                assertThat(article.getTranslation().getBilledCharacters()).isPositive();
                assertThat(article.getTranslation().getDisclaimer()).contains("DeepL");
            }
            String id = article.getId();
            if (id.startsWith("gen-")) {
                int i = Integer.parseInt(id.substring(4));
                assertThat(article.getDetectedLanguage()).as("detected language of " + id)
                        .isEqualTo(GeneratedArticles.language(i));
            }
        }
    }

    private static Map<String, Article> byId(List<ConsumerRecord<byte[], Article>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toMap(Article::getId, Function.identity()));
    }

    static RawArticle seedArticle() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/fixtures/seed-article-fr.txt"));
        Instant now = Instant.now();
        // As a scraper would deliver it: the site's first line ("Skip to content") taken for the headline.
        return RawArticle.newBuilder()
                .setId("seed-fr").setSource("rt-fr").setUrl(null)
                .setHeadline(lines.get(0))
                .setBody(String.join("\n", lines.subList(1, lines.size())))
                .setBodyFormat(BodyFormat.TEXT).setDeclaredLanguage(null).setRevision(1).setUrgency(3)
                .setPublishedAt(now).setReceivedAt(now).setAttributes(Map.of())
                .build();
    }

    private static RawArticle georgian(String id) {
        Instant now = Instant.now();
        return RawArticle.newBuilder()
                .setId(id).setSource("ge-agency").setUrl(null)
                .setHeadline("მთავრობამ ახალი ბიუჯეტი წარადგინა")
                .setBody("ფინანსთა მინისტრმა ოთხშაბათს პარლამენტს მომავალი წლის ბიუჯეტის პროექტი წარუდგინა.")
                .setBodyFormat(BodyFormat.TEXT).setDeclaredLanguage("ka").setRevision(1).setUrgency(null)
                .setPublishedAt(now).setReceivedAt(now).setAttributes(Map.of())
                .build();
    }

    private static void createInputTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, ServiceConfig config, String key, byte[] value) {
        producer.send(new ProducerRecord<>(config.topics().input(), key, value));
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, ServiceConfig config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
