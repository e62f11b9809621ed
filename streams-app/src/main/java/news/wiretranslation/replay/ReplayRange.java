package news.wiretranslation.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a replay starts and ends on the input topic, as the operator gives it: each end a timestamp, explicit
 * offsets per partition, or open (the start: the oldest record kept; the end: the last committed record now).
 * {@link #resolve} turns it into offsets per partition.
 */
public record ReplayRange(Optional<Instant> fromTime, Map<Integer, Long> fromOffsets, Optional<Instant> toTime,
                          Map<Integer, Long> toOffsets) {
    public ReplayRange {
        fromOffsets = Map.copyOf(fromOffsets);
        toOffsets = Map.copyOf(toOffsets);
        if (fromTime.isPresent() && !fromOffsets.isEmpty() || toTime.isPresent() && !toOffsets.isEmpty()) {
            throw new IllegalArgumentException("give each end of the range as a time or as offsets, not both");
        }
        if (fromTime.isPresent() && toTime.isPresent() && !toTime.get().isAfter(fromTime.get())) {
            throw new IllegalArgumentException("the end of the range (" + toTime.get() + ") is not after its start (" + fromTime.get() + ")");
        }
    }

    /** The whole topic, as it is now. */
    public static ReplayRange everything() {
        return new ReplayRange(Optional.empty(), Map.of(), Optional.empty(), Map.of());
    }

    /** Whether the range ends before the end of the topic (an explicit end was given). */
    public boolean bounded() {
        return toTime.isPresent() || !toOffsets.isEmpty();
    }

    /**
     * Parses {@code 0:120,1:98} (partition:offset, comma-separated).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Map<Integer, Long> parseOffsets(String text) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            int colon = item.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("'" + item + "' is not partition:offset (e.g. 0:120,1:98)");
            }
            try {
                int partition = Integer.parseInt(item.substring(0, colon).trim());
                long offset = Long.parseLong(item.substring(colon + 1).trim());
                if (partition < 0 || offset < 0) {
                    throw new NumberFormatException();
                }
                if (offsets.put(partition, offset) != null) {
                    throw new IllegalArgumentException("partition " + partition + " is given twice");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' is not partition:offset with numbers of 0 or more");
            }
        }
        return offsets;
    }

    /**
     * The offsets of each partition of {@code topic}: a time resolves to the first offset whose timestamp is at or
     * after it; offsets are kept within what the partition holds; a partition that explicit offsets do not name
     * is replayed from its start or to its end. The consumer should read with {@code read_committed}, so that the
     * open end is the last stable offset.
     */
    public List<PartitionRange> resolve(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).sorted((a, b) -> a.partition() - b.partition()).toList();
        for (int partition : fromOffsets.keySet()) {
            requirePartition(partitions, partition, topic);
        }
        for (int partition : toOffsets.keySet()) {
            requirePartition(partitions, partition, topic);
        }
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> from = fromTime.map(t -> atTime(consumer, partitions, t, end)).orElseGet(HashMap::new);
        Map<TopicPartition, Long> to = toTime.map(t -> atTime(consumer, partitions, t, end)).orElseGet(HashMap::new);
        List<PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long first = beginning.get(tp);
            long last = end.get(tp);
            long start = clamp(from.getOrDefault(tp, fromOffsets.getOrDefault(tp.partition(), first)), first, last);
            long stop = clamp(to.getOrDefault(tp, toOffsets.getOrDefault(tp.partition(), last)), first, last);
            ranges.add(new PartitionRange(tp.partition(), start, Math.max(start, stop)));
        }
        return ranges;
    }

    private static Map<TopicPartition, Long> atTime(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                                    Instant time, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            offsets.put(tp, at == null ? end.get(tp) : at.offset()); // nothing at or after the time: the end
        }
        return offsets;
    }

    private static void requirePartition(List<TopicPartition> partitions, int partition, String topic) {
        if (partitions.stream().noneMatch(tp -> tp.partition() == partition)) {
            throw new IllegalArgumentException("topic " + topic + " has no partition " + partition
                    + " (it has " + partitions.size() + ")");
        }
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
