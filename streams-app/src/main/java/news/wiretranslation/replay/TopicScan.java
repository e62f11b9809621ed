package news.wiretranslation.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.config.ServiceConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads stretches of a topic's partitions as they are now, with {@code read_committed} and no consumer group: what
 * the replay looks at before it runs (the input range, the outputs, the translation memory's changelog).
 */
final class TopicScan {
    private TopicScan() {
    }

    /** A consumer of raw bytes for scans, reading only committed records, committing nothing. */
    static Consumer<byte[], byte[]> consumer(ServiceConfig cluster) {
        Properties props = new Properties();
        props.putAll(cluster.kafkaClientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition of {@code topic} from its first record kept to its end now. */
    static List<PartitionRange> whole(Consumer<byte[], byte[]> consumer, String topic) {
        return ReplayRange.everything().resolve(consumer, topic);
    }

    /** Calls {@code visitor} with each record of the ranges, partition by partition in offset order. */
    static void read(Consumer<byte[], byte[]> consumer, String topic, List<PartitionRange> ranges,
                     java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
        for (PartitionRange range : ranges) {
            if (range.size() == 0) {
                continue;
            }
            TopicPartition tp = new TopicPartition(topic, range.partition());
            consumer.assign(List.of(tp));
            consumer.seek(tp, range.start());
            while (consumer.position(tp) < range.end()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < range.end()) {
                        visitor.accept(record);
                    }
                }
            }
        }
        consumer.assign(List.of());
    }

    /** Whether the topic exists. */
    static boolean exists(Consumer<byte[], byte[]> consumer, String topic) {
        return consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic);
    }

    /** Per partition, the records' values by key, the last one winning, as compaction leaves them (tombstones delete). */
    static Map<Integer, Map<org.apache.kafka.common.utils.Bytes, byte[]>> compacted(Consumer<byte[], byte[]> consumer, String topic) {
        Map<Integer, Map<org.apache.kafka.common.utils.Bytes, byte[]>> state = new HashMap<>();
        read(consumer, topic, whole(consumer, topic), record -> {
            Map<org.apache.kafka.common.utils.Bytes, byte[]> partition = state.computeIfAbsent(record.partition(), p -> new HashMap<>());
            org.apache.kafka.common.utils.Bytes key = org.apache.kafka.common.utils.Bytes.wrap(record.key());
            if (record.value() == null) {
                partition.remove(key);
            } else {
                partition.put(key, record.value());
            }
        });
        return state;
    }
}
