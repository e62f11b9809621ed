package news.wiretranslation.deadletter;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.registry.AvroSerde;
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
    private final String topic;
    private final Serializer<DeadLetter> serializer;
    private final Clock clock;

    public DeadLetterRecords(String topic, Serializer<DeadLetter> serializer, Clock clock) {
        this.topic = topic;
        this.serializer = serializer;
        this.clock = clock;
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
        return new DeadLetterRecords(topic.toString(), serde.serializer(), Clock.systemUTC());
    }

    public List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, DeadLetterReason reason, Stage stage,
                                                    String articleId, String targetLanguage, String message) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setReason(reason.name())
                .setMessage(message == null ? reason.name() : message)
                .setStage(stage.label())
                .setArticleId(articleId)
                .setTargetLanguage(targetLanguage)
                .setOriginalTopic(context.topic() == null ? "" : context.topic())
                .setOriginalPartition(context.partition())
                .setOriginalOffset(context.offset())
                .setOriginalKey(wrap(context.sourceRawKey()))
                .setOriginalValue(wrap(context.sourceRawValue()))
                .setFailedAt(clock.instant())
                .setPipelineVersion(BuildInfo.pipelineVersion())
                .build();
        byte[] value = serializer.serialize(topic, letter);
        return List.of(new ProducerRecord<>(topic, null, context.sourceRawKey(), value));
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
