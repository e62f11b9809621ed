package news.wiretranslation.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows one topic like {@code tail -f}: reads every partition, from the start or from the end, until enough
 * records were read, no record came for a while, or {@link #stop()} is called (Ctrl-C).
 *
 * <p>It leaves no trace on the cluster: it assigns itself the partitions instead of joining a consumer group (no
 * rebalance to wait for, so nothing written right after start is missed), under a throwaway group id, and never
 * commits offsets. It reads with {@code isolation.level=read_committed}, as a downstream consumer of the
 * exactly-once service must, so aborted transactions never show. Partitions added while it runs are not followed.
 */
final class TopicTail {
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    /** Stop conditions: 0 or null for none. */
    record Limits(long maxRecords, Duration idleTimeout) {
        boolean enough(long read) {
            return maxRecords > 0 && read >= maxRecords;
        }

        boolean idleTooLong(long idleNanos) {
            return idleTimeout != null && idleNanos >= idleTimeout.toNanos();
        }
    }

    /** What a run ended with. */
    enum End { ENOUGH_RECORDS, IDLE_TIMEOUT, STOPPED, NO_SUCH_TOPIC }

    /** @param cluster the bootstrap servers and security settings ({@code ClusterOptions.kafkaClientProperties}) */
    TopicTail(Map<String, Object> cluster, String topic) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>(cluster);
        props.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "wire-translation-tail-" + UUID.randomUUID(),
                ConsumerConfig.CLIENT_ID_CONFIG, "wire-translation-tail",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Reads records and hands each to {@code handler}, on the calling thread.
     *
     * @param fromBeginning start at the oldest record rather than after the newest
     * @param waiting       told once when the topic does not exist yet (the tail waits for it, within the limits)
     */
    End run(boolean fromBeginning, Limits limits, Consumer<ConsumerRecord<byte[], byte[]>> handler, Runnable waiting) {
        long read = 0;
        long lastActivity = System.nanoTime();
        try (consumer) {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                waiting.run();
                while (partitions.isEmpty()) {
                    if (limits.idleTooLong(System.nanoTime() - lastActivity)) {
                        return End.NO_SUCH_TOPIC;
                    }
                    Thread.sleep(POLL.toMillis());
                    partitions = partitions();
                }
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // fix "the end" now, not at the first poll
            }
            lastActivity = System.nanoTime();
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    handler.accept(record);
                    read++;
                    lastActivity = System.nanoTime();
                    if (limits.enough(read)) {
                        return End.ENOUGH_RECORDS;
                    }
                }
                if (limits.idleTooLong(System.nanoTime() - lastActivity)) {
                    return End.IDLE_TIMEOUT;
                }
            }
        } catch (WakeupException e) {
            return End.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return End.STOPPED;
        }
    }

    /** Makes a running {@link #run} return {@link End#STOPPED}; safe from any thread (a shutdown hook). */
    void stop() {
        consumer.wakeup();
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        return infos == null ? List.of() : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
