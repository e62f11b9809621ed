package news.wiretranslation.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.translate.memory.MemoryEntry;
import news.wiretranslation.translate.memory.TranslationMemory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The translation memory as its changelog topics hold it, outside the service: Kafka Streams names a store's
 * changelog {@code <application.id>-<store>-changelog}, and partition {@code p} of it is the memory of input
 * partition {@code p}'s task. The replay reads it to know what is remembered (the dry run), and copies it to a replay
 * instance's own changelogs so that the instance restores the live memory before it starts and bills nothing the
 * live service already paid for.
 */
final class MemoryChangelog {
    private MemoryChangelog() {
    }

    static String entriesTopic(String applicationId, TargetLanguage target) {
        return applicationId + "-" + TranslationMemory.ENTRIES_STORE_PREFIX + target.topicSuffix() + "-changelog";
    }

    static String ageIndexTopic(String applicationId, TargetLanguage target) {
        return applicationId + "-" + TranslationMemory.AGE_INDEX_STORE_PREFIX + target.topicSuffix() + "-changelog";
    }

    /**
     * The memory keys remembered for {@code target}, per input partition, leaving out entries older than
     * {@code maxAge} (the service does not serve them). Empty when the service never translated to the target.
     */
    static Map<Integer, Set<Bytes>> remembered(Consumer<byte[], byte[]> consumer, String applicationId,
                                               TargetLanguage target, Duration maxAge, long nowMillis) {
        String topic = entriesTopic(applicationId, target);
        Map<Integer, Set<Bytes>> keys = new HashMap<>();
        if (!TopicScan.exists(consumer, topic)) {
            return keys;
        }
        long oldest = nowMillis - maxAge.toMillis();
        TopicScan.compacted(consumer, topic).forEach((partition, entries) -> {
            Set<Bytes> fresh = new HashSet<>();
            entries.forEach((key, value) -> {
                if (MemoryEntry.fromBytes(value).storedAtMillis() >= oldest) {
                    fresh.add(key);
                }
            });
            keys.put(partition, fresh);
        });
        return keys;
    }

    /**
     * Copies the live memory of {@code target} (both changelogs, as compaction would leave them) into the changelogs
     * of {@code replayApplicationId}, created with the input's partition count. Returns the entries copied.
     */
    static long seed(Admin admin, Consumer<byte[], byte[]> consumer, ServiceConfig cluster, String liveApplicationId,
                     String replayApplicationId, TargetLanguage target, int partitions, Optional<Short> replication)
            throws InterruptedException, ExecutionException {
        long copied = 0;
        List<String[]> pairs = List.of(
                new String[]{entriesTopic(liveApplicationId, target), entriesTopic(replayApplicationId, target)},
                new String[]{ageIndexTopic(liveApplicationId, target), ageIndexTopic(replayApplicationId, target)});
        Properties props = new Properties();
        props.putAll(cluster.kafkaClientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String[] pair : pairs) {
                if (!TopicScan.exists(consumer, pair[0])) {
                    continue;
                }
                createCompacted(admin, pair[1], partitions, replication, cluster.sizes().recordLimit());
                Map<Integer, Map<Bytes, byte[]>> state = TopicScan.compacted(consumer, pair[0]);
                List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
                for (Map.Entry<Integer, Map<Bytes, byte[]>> partition : state.entrySet()) {
                    for (Map.Entry<Bytes, byte[]> entry : partition.getValue().entrySet()) {
                        sent.add(producer.send(new ProducerRecord<>(pair[1], partition.getKey(), entry.getKey().get(), entry.getValue())));
                        copied++;
                    }
                }
                producer.flush();
                for (java.util.concurrent.Future<?> future : sent) {
                    future.get();
                }
            }
        }
        return copied;
    }

    /**
     * Created as Kafka Streams would create the replay's changelog: compacted, and holding the records the service may
     * write (the start-up check of topic limits reads it like every changelog).
     */
    private static void createCompacted(Admin admin, String topic, int partitions, Optional<Short> replication,
                                        int recordLimit) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(recordLimit))))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
