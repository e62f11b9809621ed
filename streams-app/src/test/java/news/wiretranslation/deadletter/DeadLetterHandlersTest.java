package news.wiretranslation.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.registry.SchemaRegistryException;
import news.wiretranslation.registry.WireFormatException;
import news.wiretranslation.translate.TranslationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handlers decide, per failure, between a dead letter and a retry. (TopologyTestDriver does not capture
 * the records a deserialization handler returns; the integration test checks them on a real broker.)
 */
class DeadLetterHandlersTest {
    private static final byte[] KEY = "story-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "definitely not avro".getBytes(StandardCharsets.UTF_8);

    private final String scope = "handlers-" + UUID.randomUUID();
    private final Map<String, Object> configs = Map.of(
            "schema.registry.url", "mock://" + scope,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dlq");

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    private static final ErrorHandlerContext CONTEXT = new TestErrorContext("articles.raw", 2, 41, "to-en-us", KEY, VALUE);

    private DeadLetter decode(List<ProducerRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        ProducerRecord<byte[], byte[]> record = records.get(0);
        assertThat(record.topic()).isEqualTo("articles.dlq");
        assertThat(record.key()).isEqualTo(KEY);
        AvroSerde<DeadLetter> serde = new AvroSerde<>(DeadLetter.class);
        serde.configure(configs, false);
        return serde.deserializer().deserialize("articles.dlq", record.value());
    }

    private DeserializationExceptionHandler.Response deserializationFailure(Exception e) {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(configs);
        return handler.handleError(CONTEXT, new ConsumerRecord<>("articles.raw", 2, 41, KEY, VALUE), e);
    }

    private ProcessingExceptionHandler.Response processingFailure(Exception e) {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(configs);
        return handler.handleError(CONTEXT, new Record<>("story-1", "value", 0L), e);
    }

    @Test
    void unreadableBytesBecomeADeadLetterWithTheReasonAndTheOriginalBytes() {
        var response = deserializationFailure(
                new WireFormatException(WireFormatException.Reason.BAD_MAGIC_BYTE, "first byte is 100"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        DeadLetter letter = decode(response.deadLetterQueueRecords());
        assertThat(letter.getReason()).isEqualTo("BAD_MAGIC_BYTE");
        assertThat(letter.getStage()).isEqualTo("deserialize");
        assertThat(letter.getMessage()).contains("first byte is 100");
        assertThat(letter.getOriginalTopic()).isEqualTo("articles.raw");
        assertThat(letter.getOriginalPartition()).isEqualTo(2);
        assertThat(letter.getOriginalOffset()).isEqualTo(41);
        assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(VALUE));
        assertThat(letter.getOriginalKey()).isEqualTo(ByteBuffer.wrap(KEY));
        assertThat(letter.getPipelineVersion()).startsWith("wire-translation/");
    }

    @Test
    void aTruncatedBodyIsDescribedByTheWireFormatMessageNotByItsEofCause() {
        var response = deserializationFailure(new WireFormatException(WireFormatException.Reason.MALFORMED_AVRO,
                "Cannot read value: the body ends before the record does (truncated?); decoding stopped in field 'body'",
                new java.io.EOFException()));

        DeadLetter letter = decode(response.deadLetterQueueRecords());
        assertThat(letter.getReason()).isEqualTo("MALFORMED_AVRO");
        assertThat(letter.getMessage()).contains("field 'body'").isNotEqualTo("EOFException");
    }

    @Test
    void eachWireFormatProblemKeepsItsOwnReason() {
        for (WireFormatException.Reason reason : WireFormatException.Reason.values()) {
            var response = deserializationFailure(new WireFormatException(reason, "problem"));
            assertThat(decode(response.deadLetterQueueRecords()).getReason()).isEqualTo(reason.name());
        }
    }

    @Test
    void unreachableRegistryFailsTheThreadInsteadOfDeadLetteringAGoodRecord() {
        var response = deserializationFailure(new SchemaRegistryException("connection refused", -1, -1, null));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void registryRefusingOurCredentialsFailsTheThreadToo() {
        var response = deserializationFailure(new SchemaRegistryException("HTTP 401 unauthorized", 401, 40101, null));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    }

    @Test
    void unknownSchemaIdReportedByTheRegistryIsTheRecordsFault() {
        var response = deserializationFailure(new WireFormatException(WireFormatException.Reason.UNKNOWN_SCHEMA_ID,
                "schema id 99 unknown", new SchemaRegistryException("HTTP 404", 404, 40403, null)));

        assertThat(decode(response.deadLetterQueueRecords()).getReason()).isEqualTo("UNKNOWN_SCHEMA_ID");
    }

    @Test
    void stepFailureBecomesADeadLetterForItsTargetLanguage() {
        var response = processingFailure(new DeadLetterException(DeadLetterReason.TRANSLATION_REJECTED,
                Stage.TRANSLATE, "story-1", "DE", "deepl refused fi->DE", null));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        DeadLetter letter = decode(response.deadLetterQueueRecords());
        assertThat(letter.getReason()).isEqualTo("TRANSLATION_REJECTED");
        assertThat(letter.getStage()).isEqualTo("translate");
        assertThat(letter.getArticleId()).isEqualTo("story-1");
        assertThat(letter.getTargetLanguage()).isEqualTo("DE");
    }

    @Test
    void transientTranslationFailureFailsTheThreadSoTheRecordIsRetried() {
        var response = processingFailure(new RuntimeException("wrapped",
                new TranslationException(TranslationException.Kind.RATE_LIMITED, "429")));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void rejectedKeyFailsRatherThanDeadLetteringEveryArticle() {
        var response = processingFailure(new RuntimeException(
                new TranslationException(TranslationException.Kind.AUTHENTICATION, "403")));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    }

    @Test
    void unexpectedErrorIsDeadLetteredAsProcessingErrorNamingTheStep() {
        var response = processingFailure(new IllegalStateException("boom"));

        DeadLetter letter = decode(response.deadLetterQueueRecords());
        assertThat(letter.getReason()).isEqualTo("PROCESSING_ERROR");
        assertThat(letter.getMessage()).contains("to-en-us").contains("boom");
    }
}
