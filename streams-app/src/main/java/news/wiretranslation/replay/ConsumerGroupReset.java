package news.wiretranslation.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Resets the service's own consumer group on the input topic to the start of a replay range: what Kafka's streams
 * application reset tool does for input topics, with the service stopped, but keeping the internal topics and state
 * (the reset tool deletes them), so that the translation memory survives and the replay bills only what it does
 * not hold. Refuses while the group has members: a running instance would overwrite the offsets at its next commit.
 */
public final class ConsumerGroupReset {
    /** The group has members: the service is running. */
    public static final class GroupActiveException extends Exception {
        GroupActiveException(String message) {
            super(message);
        }
    }

    private final Admin admin;

    public ConsumerGroupReset(Admin admin) {
        this.admin = admin;
    }

    /**
     * @return per partition, the committed offset before the reset (-1 when none) and after it
     * @throws GroupActiveException when an instance of the service is running
     */
    public Map<Integer, long[]> reset(String applicationId, String inputTopic, List<PartitionRange> ranges)
            throws GroupActiveException, InterruptedException, ExecutionException {
        requireStopped(applicationId);
        Map<TopicPartition, OffsetAndMetadata> before = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<Integer, long[]> changes = new HashMap<>();
        for (PartitionRange range : ranges) {
            TopicPartition tp = new TopicPartition(inputTopic, range.partition());
            offsets.put(tp, new OffsetAndMetadata(range.start()));
            OffsetAndMetadata previous = before.get(tp);
            changes.put(range.partition(), new long[]{previous == null ? -1 : previous.offset(), range.start()});
        }
        admin.alterConsumerGroupOffsets(applicationId, offsets).all().get();
        return changes;
    }

    /** @throws GroupActiveException naming the members, when the group has any */
    public void requireStopped(String applicationId) throws GroupActiveException, InterruptedException, ExecutionException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
        if (group != null && !group.members().isEmpty()) {
            String members = group.members().stream().map(ConsumerGroupReset::describe).distinct().sorted()
                    .collect(Collectors.joining(", "));
            throw new GroupActiveException("the service is running: consumer group '" + applicationId + "' has "
                    + group.members().size() + " active member(s) (" + members + "). Stop every instance first (one that "
                    + "was killed rather than stopped stays a member until its session times out, 45 s by default), or "
                    + "replay beside the live service with --mode instance.");
        }
    }

    private static String describe(MemberDescription member) {
        return member.clientId() + " on " + member.host();
    }
}
