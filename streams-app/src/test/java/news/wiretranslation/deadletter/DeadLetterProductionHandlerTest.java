package news.wiretranslation.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.normalize.TextNormalizer;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the production handler does with a record the producer or the broker refused: a dead letter at once under
 * at-least-once; under exactly-once (where the refusal has doomed the transaction) the refused article remembered for
 * the retry and the thread failed; never a skipped changelog record.
 */
class DeadLetterProductionHandlerTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-25T08:00:00Z");
    private static final byte[] RAW_KEY = "story-7".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW_VALUE = {0, 0, 0, 0, 1, 42};
    private static final String OUTPUT = "articles.normalized.en-us";

    private final String scope = "production-" + UUID.randomUUID();
    private final OutputRefusals refusals = new OutputRefusals();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    private static final ErrorHandlerContext CONTEXT = new TestErrorContext("articles.raw", 0, 12, "write-en-us", RAW_KEY, RAW_VALUE);

    private Map<String, Object> configs(String guarantee) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", "mock://" + scope);
        configs.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dlq");
        configs.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        configs.put(OutputRefusals.CONFIG, refusals);
        return configs;
    }

    private DeadLetterProductionHandler handler(String guarantee) {
        DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(configs(guarantee));
        return handler;
    }

    /** The output record of revision 3 of story-7 in American English, as the sink serializes it. */
    private ProducerRecord<byte[], byte[]> output(String topic) {
        RawArticle raw = RawArticle.newBuilder().setId("story-7").setSource("test-agency")
                .setUrl("https://news.example/story-7").setHeadline("Central bank holds rates")
                .setBody("The central bank left its main rate unchanged.").setBodyFormat(BodyFormat.TEXT)
                .setRevision(3).setUrgency(5).setPublishedAt(PUBLISHED).setReceivedAt(PUBLISHED).setAttributes(Map.of())
                .build();
        Article article = new ArticleLabeler(Clock.fixed(PUBLISHED, ZoneOffset.UTC)).passedThrough(
                new DetectedArticle(raw, new TextNormalizer().normalize(raw), "en", 0.9), TargetLanguage.parse("EN-US"));
        AvroSerde<Article> serde = new AvroSerde<>(Article.class);
        serde.configure(configs(StreamsConfig.EXACTLY_ONCE_V2), false);
        return new ProducerRecord<>(topic, "story-7".getBytes(StandardCharsets.UTF_8), serde.serializer().serialize(topic, article));
    }

    @Test
    void underExactlyOnceARefusedArticleIsRememberedWithItsCauseAndTheThreadFailsSinceTheTransactionIsDoomed() {
        ProducerRecord<byte[], byte[]> record = output(OUTPUT);
        ProductionExceptionHandler.Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleError(CONTEXT, record,
                new RecordTooLargeException("The request included a message larger than the max message size the server will accept."));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).as("the producer would refuse it in this transaction").isEmpty();
        OutputRefusals.Refusal refusal = refusals.find("story-7", 3, "en-US").orElseThrow();
        assertThat(refusal.reason()).isEqualTo(DeadLetterReason.OUTPUT_TOO_LARGE);
        assertThat(refusal.topic()).isEqualTo(OUTPUT);
        assertThat(refusal.bytes()).isEqualTo(record.key().length + record.value().length);
        assertThat(refusal.message()).contains(OUTPUT).contains("larger than the max message size");
        assertThat(refusals.find("story-7", 2, "en-US")).as("another revision").isEmpty();
        assertThat(refusals.find("story-7", 3, "de")).as("another target").isEmpty();
    }

    @Test
    void underExactlyOnceAnyOtherBrokerRefusalIsRememberedAsOutputRefused() {
        handler(StreamsConfig.EXACTLY_ONCE_V2).handleError(CONTEXT, output(OUTPUT),
                new InvalidRecordException("This record has failed the validation on the broker"));

        assertThat(refusals.find("story-7", 3, "en-us")).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(DeadLetterReason.OUTPUT_REFUSED))
                .satisfies(r -> assertThat(r.cause()).contains("failed the validation"));
    }

    @Test
    void underAtLeastOnceTheRefusedRecordBecomesADeadLetterAtOnceWithTheInputsBytes() {
        ProductionExceptionHandler.Response response = handler(StreamsConfig.AT_LEAST_ONCE).handleError(CONTEXT,
                output(OUTPUT), new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        AvroSerde<DeadLetter> serde = new AvroSerde<>(DeadLetter.class);
        serde.configure(configs(StreamsConfig.AT_LEAST_ONCE), false);
        DeadLetter letter = serde.deserializer().deserialize("articles.dlq", response.deadLetterQueueRecords().get(0).value());
        assertThat(letter.getReason()).isEqualTo("OUTPUT_TOO_LARGE");
        assertThat(letter.getOriginalValue().array()).isEqualTo(RAW_VALUE);
        assertThat(refusals.find("story-7", 3, "en-US")).isEmpty();
    }

    @Test
    void aChangelogRecordTheBrokerRefusesIsNeverSkippedNorRemembered() {
        ProductionExceptionHandler.Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleError(CONTEXT,
                output("wire-translation-translation-pending-en-us-changelog"), new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(refusals.find("story-7", 3, "en-US")).isEmpty();
    }

    @Test
    void underExactlyOnceARefusedRecordThatIsNotAnArticleFailsTheThreadWithoutRemembering() {
        ProductionExceptionHandler.Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleError(CONTEXT,
                new ProducerRecord<>(OUTPUT, RAW_KEY, new byte[]{9, 9, 9}), new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(refusals.find("story-7", 3, "en-US")).isEmpty();
    }
}
