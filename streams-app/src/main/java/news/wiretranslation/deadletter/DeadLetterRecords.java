package news.wiretranslation.deadletter;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.registry.AvroSerde;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the records that go to the dead-letter topic: an Avro {@link DeadLetter} value keyed by the original
 * key bytes. One format for every failure, whichever handler caught it, so that consumers read one schema.
 */
public final class DeadLetterRecords {
    /**
     * The Kafka Streams setting under which the service hands its {@link Counter} to the exception handlers, which
     * Kafka Streams builds itself from their class names and configures with the application's settings.
     */
    public static final String COUNTER_CONFIG = "wire-translation.dead-letter.counter";

    /** Told of every dead letter written, by reason and stage (the service's meters). */
    @FunctionalInterface
    public interface Counter {
        Counter NONE = (reason, stage) -> { };

        void deadLettered(String reason, String stage);
    }

    /** Kafka's default max.request.size: the record limit when the service's settings do not say. */
    private static final int KAFKA_DEFAULT_RECORD_LIMIT = 1_048_576;
    /** Room in a dead letter for its fields other than the original bytes (reason, message, topic, ...). */
    private static final int FIELDS_BYTES = 64 * 1024;

    private final String topic;
    private final Serializer<DeadLetter> serializer;
    private final Clock clock;
    private final Counter counter;
    private final int recordLimit;

    public DeadLetterRecords(String topic, Serializer<DeadLetter> serializer, Clock clock, Counter counter) {
        this(topic, serializer, clock, counter, KAFKA_DEFAULT_RECORD_LIMIT);
    }

    /** @param recordLimit the largest record the producer sends (max.request.size): a dead letter must fit it */
    public DeadLetterRecords(String topic, Serializer<DeadLetter> serializer, Clock clock, Counter counter, int recordLimit) {
        this.topic = topic;
        this.serializer = serializer;
        this.clock = clock;
        this.counter = counter;
        this.recordLimit = recordLimit;
    }

    /**
     * Built from the Kafka Streams configuration an exception handler receives: the topic is
     * {@code errors.dead.letter.queue.topic.name}, the serde uses the {@code schema.registry.*} settings.
     */
    public static DeadLetterRecords fromStreamsConfig(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must name the dead-letter topic");
        }
        AvroSerde<DeadLetter> serde = new AvroSerde<>(DeadLetter.class);
        serde.configure(configs, false);
        Object counter = configs.get(COUNTER_CONFIG);
        Object limit = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        return new DeadLetterRecords(topic.toString(), serde.serializer(), Clock.systemUTC(),
                counter instanceof Counter given ? given : Counter.NONE,
                limit == null ? KAFKA_DEFAULT_RECORD_LIMIT : Integer.parseInt(limit.toString()));
    }

    /** The dead-letter topic. */
    public String topic() {
        return topic;
    }

    public List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, DeadLetterReason reason, Stage stage,
                                                    String articleId, String targetLanguage, String message) {
        // The original record may be larger than any record the service can write (that may be why it is here).
        BoundedOriginal key = BoundedOriginal.of("key", context.sourceRawKey(), BoundedOriginal.PREFIX_BYTES);
        int keyBytes = key.bytes() == null ? 0 : key.bytes().length;
        BoundedOriginal value = BoundedOriginal.of("value", context.sourceRawValue(),
                Math.max(BoundedOriginal.PREFIX_BYTES, recordLimit - FIELDS_BYTES - 2 * keyBytes));
        String text = (message == null ? reason.name() : message) + key.note() + value.note();
        DeadLetter letter = letter(reason, stage, articleId, targetLanguage, text, context.topic(),
                context.partition(), context.offset(), key.bytes(), value.bytes(), clock.instant());
        byte[] serialized = serializer.serialize(topic, letter);
        counter.deadLettered(reason.name(), stage.label());
        return List.of(new ProducerRecord<>(topic, null, key.bytes(), serialized));
    }

    /**
     * The dead letter for a record, from what is known of it; for steps that fail a record after its record context
     * is gone (the asynchronous translate step keeps the original position and bytes for that) and for the handlers.
     */
    public static DeadLetter letter(DeadLetterReason reason, Stage stage, String articleId, String targetLanguage,
                                    String message, String originalTopic, int originalPartition, long originalOffset,
                                    byte[] originalKey, byte[] originalValue, java.time.Instant failedAt) {
        return DeadLetter.newBuilder()
                .setReason(reason.name())
                .setMessage(message == null ? reason.name() : message)
                .setStage(stage.label())
                .setArticleId(articleId)
                .setTargetLanguage(targetLanguage)
                .setOriginalTopic(originalTopic == null ? "" : originalTopic)
                .setOriginalPartition(originalPartition)
                .setOriginalOffset(originalOffset)
                .setOriginalKey(wrap(originalKey))
                .setOriginalValue(wrap(originalValue))
                .setFailedAt(failedAt)
                .setPipelineVersion(BuildInfo.pipelineVersion())
                .build();
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
