package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.topology.TestArticles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The hostile inputs of issue 15 on a real broker, through the production wiring (registry, DeepL stand-in, Lingua,
 * exactly-once), each followed by a good article that must still arrive: what comes out is clean, and what cannot
 * be processed is dead-lettered with a reason and a message that names the field or the byte offset.
 */
class InputHygieneIT {
    private static final String ENGLISH_BODY = "The central bank left its main interest rate unchanged on Thursday, "
            + "saying inflation was easing but remained above its target.\n\nEconomists had widely expected the "
            + "decision after a series of weak reports on manufacturing and retail sales.";
    private static final String HEADLINE = "Central bank holds interest rates steady amid slowing growth";

    private static ServiceTestBench bench;

    @BeforeAll
    static void start() throws Exception {
        bench = ServiceTestBench.start("hygiene-it:fx");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void hostileInputsComeOutCleanOrDeadLetteredWithTheFieldAndTheGoodArticleAfterEachStillArrives(@TempDir Path stateDir)
            throws Exception {
        ServiceConfig config = TestConfigs.load(bench.settings("hygiene-it", stateDir));
        bench.createTopic(config.topics().input(), 1);
        AvroSerde<RawArticle> serde = ServiceTopics.serde(RawArticle.class, config);
        String input = config.topics().input();

        RawArticle bidi = english("bidi", "Central bank \u202Eseod\u202C holds \u2067rates\u2069 steady amid slowing growth");
        RawArticle invalidBytes = english("invalid-bytes", HEADLINE);
        invalidBytes.setBody(new String(("The caf\u00e9 owner said the central bank left its main interest rate unchanged "
                + "on Thursday, saying inflation was easing.").getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        RawArticle unreadable = english("unreadable", HEADLINE);
        unreadable.setBody(new String(binaryBytes(), StandardCharsets.UTF_8));
        RawArticle declared = english("declared", HEADLINE);
        declared.setDeclaredLanguage("../../etc/passwd\n<script>");
        RawArticle ancient = english("ancient", HEADLINE);
        ancient.setPublishedAt(Instant.parse("-17700-01-01T00:00:00Z"));
        RawArticle html = english("html", HEADLINE);
        html.setBodyFormat(BodyFormat.HTML);
        html.setBody("<article><h1>" + HEADLINE + "</h1><p>\u001B[31mThe central bank\u001B[0m left its main interest "
                + "rate unchanged on Thursday, saying inflation was easing, see the <a href=\"/x\">link</a>"
                + "<![CDATA[CDATATEXT]]> for details.</p><p>Economists had widely expected the decision.</p></article>");
        byte[] truncated = Arrays.copyOf(serde.serializer().serialize(input, english("truncated", HEADLINE)), 60);

        List<String> goodIds = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            int n = 0;
            for (Object hostile : List.of(bidi, invalidBytes, unreadable, declared, ancient, html, truncated)) {
                byte[] value = hostile instanceof RawArticle raw ? serde.serializer().serialize(input, raw) : (byte[]) hostile;
                String key = hostile instanceof RawArticle raw ? raw.getId() : "truncated";
                producer.send(new ProducerRecord<>(input, key, value));
                RawArticle good = english("good-" + n++, HEADLINE);
                goodIds.add(good.getId());
                producer.send(new ProducerRecord<>(input, good.getId(), serde.serializer().serialize(input, good)));
            }
            producer.flush();
        }

        TargetLanguage english = TargetLanguage.parse("EN-US");
        TargetLanguage german = TargetLanguage.parse("DE");
        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> read(config, english).size() >= 11
                    && read(config, german).size() >= 11 && letters(config).size() >= 3);
        }

        for (TargetLanguage target : List.of(english, german)) {
            Map<String, Article> out = read(config, target);
            assertThat(out.keySet()).as(target.code()).containsAll(goodIds)
                    .contains("bidi", "invalid-bytes", "declared", "html")
                    .doesNotContain("unreadable", "ancient", "truncated");
            for (Article article : out.values()) {
                String text = article.getHeadline() + "\n" + String.join("\n", article.getBody());
                assertThat(text).as(article.getId()).doesNotContain("\uFFFD", "\u001B", "[31m")
                        .doesNotContainPattern("[\u202A-\u202E\u2066-\u2069]");
                assertThat(article.getDeclaredLanguage()).as(article.getId()).isNull();
            }
            assertThat(out.get("bidi").getNormalization()).contains("bidi-controls");
            assertThat(out.get("invalid-bytes").getQualityFlags()).extracting(QualityFlag::getCode).contains("INVALID_CHARACTERS");
            assertThat(out.get("invalid-bytes").getNormalization()).contains("invalid-characters");
            assertThat(out.get("declared").getNormalization()).contains("declared-language-ignored");
            assertThat(out.get("html").getNormalization()).contains("duplicate-heading", "terminal-escapes");
        }
        Article htmlOut = read(config, english).get("html");
        assertThat(htmlOut.getHeadline()).isEqualTo(HEADLINE);
        assertThat(htmlOut.getBody().get(0)).startsWith("The central bank left").contains("link CDATATEXT for details");
        assertThat(read(config, english).get("bidi").getHeadline())
                .isEqualTo("Central bank seod holds rates steady amid slowing growth");

        Map<String, DeadLetter> letters = letters(config);
        assertThat(letters.get("unreadable").getReason()).isEqualTo("UNREADABLE_TEXT");
        assertThat(letters.get("unreadable").getStage()).isEqualTo("normalize");
        assertThat(letters.get("ancient").getReason()).isEqualTo("INVALID_ARTICLE");
        assertThat(letters.get("ancient").getMessage()).startsWith("publishedAt is -17700-01-01T00:00:00Z");
        DeadLetter cut = letters.get("truncated");
        assertThat(cut.getReason()).isEqualTo("MALFORMED_AVRO");
        assertThat(cut.getStage()).isEqualTo("deserialize");
        assertThat(cut.getMessage()).contains("truncated").containsPattern("decoding stopped in field '\\w+'")
                .contains("of 60");
        assertThat(cut.getOriginalValue().remaining()).isEqualTo(60);
        assertThat(letters).hasSize(3);
    }

    private static RawArticle english(String id, String headline) {
        RawArticle raw = TestArticles.article(id, headline, ENGLISH_BODY);
        raw.setPublishedAt(Instant.now().minusSeconds(60));
        raw.setReceivedAt(Instant.now());
        return raw;
    }

    /** Bytes that are not UTF-8 at all (a JPEG's start): decoded as UTF-8, mostly replacement characters. */
    private static byte[] binaryBytes() {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 + (i * 37) % 0x7F);
        }
        return bytes;
    }

    private static Map<String, Article> read(ServiceConfig config, TargetLanguage target) {
        return TopicReader.readToEnd(bench.broker.bootstrapServers(), config.topics().output(target),
                        ServiceTopics.serde(Article.class, config).deserializer(), Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).collect(Collectors.toMap(a -> a.getId().toString(), Function.identity(), (a, b) -> b));
    }

    /** Dead letters by article id; one the record could not be read for is filed under its record key. */
    private static Map<String, DeadLetter> letters(ServiceConfig config) {
        return TopicReader.readToEnd(bench.broker.bootstrapServers(), config.topics().deadLetter(),
                        ServiceTopics.serde(DeadLetter.class, config).deserializer(), Duration.ofSeconds(30)).stream()
                .collect(Collectors.toMap(r -> r.value().getArticleId() != null ? r.value().getArticleId().toString()
                        : new String(r.key(), StandardCharsets.UTF_8), ConsumerRecord::value, (a, b) -> b));
    }
}
