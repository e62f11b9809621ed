package news.wiretranslation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayRangeTest {
    private static final String TOPIC = "articles.raw";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    @Test
    void offsetsAreReadAsPartitionColonOffsetAndMistakesAreNamed() {
        assertThat(ReplayRange.parseOffsets("0:120, 1:98")).isEqualTo(Map.of(0, 120L, 1, 98L));
        assertThatThrownBy(() -> ReplayRange.parseOffsets("0=120")).hasMessageContaining("'0=120' is not partition:offset");
        assertThatThrownBy(() -> ReplayRange.parseOffsets("0:-1")).hasMessageContaining("numbers of 0 or more");
        assertThatThrownBy(() -> ReplayRange.parseOffsets("0:1,0:2")).hasMessageContaining("partition 0 is given twice");
    }

    @Test
    void aRangeWhoseEndIsNotAfterItsStartIsRefused() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> new ReplayRange(Optional.of(t), Map.of(), Optional.of(t), Map.of()))
                .hasMessageContaining("is not after its start");
    }

    @Test
    void timesResolveToTheFirstOffsetAtOrAfterThemAndOffsetsAreKeptWithinThePartition() {
        MockConsumer<byte[], byte[]> consumer = consumer();
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-02T00:00:00Z");
        consumer.updateEndOffsets(Map.of(P0, 100L, P1, 80L));
        consumer.updateBeginningOffsets(Map.of(P0, 10L, P1, 0L));
        List<PartitionRange> ranges = new ReplayRange(Optional.empty(), Map.of(0, 5L, 1, 30L), Optional.empty(), Map.of(1, 500L))
                .resolve(consumer, TOPIC);
        assertThat(ranges).containsExactly(new PartitionRange(0, 10, 100), new PartitionRange(1, 30, 80));

        MockConsumer<byte[], byte[]> timed = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()) {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> query) {
                long at = query.values().iterator().next();
                return at == from.toEpochMilli() ? Map.of(P0, new OffsetAndTimestamp(40, at), P1, new OffsetAndTimestamp(20, at))
                        : Map.of(P0, new OffsetAndTimestamp(60, at)); // P1 has nothing at or after --to: its end
            }
        };
        timed.updatePartitions(TOPIC, partitions());
        timed.updateEndOffsets(Map.of(P0, 100L, P1, 80L));
        timed.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        assertThat(new ReplayRange(Optional.of(from), Map.of(), Optional.of(to), Map.of()).resolve(timed, TOPIC))
                .containsExactly(new PartitionRange(0, 40, 60), new PartitionRange(1, 20, 80));
    }

    @Test
    void offsetsOfAPartitionTheTopicDoesNotHaveAreRefused() {
        assertThatThrownBy(() -> new ReplayRange(Optional.empty(), Map.of(7, 0L), Optional.empty(), Map.of())
                .resolve(consumer(), TOPIC)).hasMessageContaining("has no partition 7 (it has 2)");
    }

    private static MockConsumer<byte[], byte[]> consumer() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.updatePartitions(TOPIC, partitions());
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        return consumer;
    }

    private static List<PartitionInfo> partitions() {
        Node node = new Node(0, "127.0.0.1", 9092);
        return List.of(new PartitionInfo(TOPIC, 0, node, new Node[]{node}, new Node[]{node}),
                new PartitionInfo(TOPIC, 1, node, new Node[]{node}, new Node[]{node}));
    }
}
