package news.wiretranslation.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.service.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The desk's topics before it starts: the service's (review and output topics, created as the service creates them
 * when the desk starts first), the requests topic (as many partitions as the review topic, so that a request meets
 * its item in the same task) and the decisions topic. The desk reads review, output and requests topics in the same
 * tasks, so their partition counts must agree; start-up stops when they do not.
 */
final class DeskTopics {
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);
    private DeskTopics() {
    }

    static void ensure(Admin admin, ServiceConfig config) {
        String review = ReviewDeskTopology.reviewTopic(config);
        try {
            new TopicProvisioner(admin).ensureTopics(config);
            int partitions = partitions(admin, review);
            Optional<Short> replication = config.streams().replicationFactor() < 0
                    ? Optional.empty() : Optional.of(config.streams().replicationFactor());
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(config.review().requestsTopic(), config.review().decisionsTopic())) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), replication).configs(Map.of()));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            List<String> together = new ArrayList<>(List.of(config.review().requestsTopic()));
            config.targetLanguages().forEach(target -> together.add(config.topics().output(target)));
            for (String topic : together) {
                int count = partitions(admin, topic);
                if (count != partitions) {
                    throw new ConfigException("The review desk reads " + topic + " (" + count + " partitions) with "
                            + review + " (" + Setting.QUALITY_REVIEW_TOPIC.env() + ", " + partitions
                            + " partitions) by story: give them the same partition count");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the desk's topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot check or create the desk's topics on " + config.bootstrapServers()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A topic created a moment ago may not be known to every broker yet: ask again for a while. */
    private static int partitions(Admin admin, String topic) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                return description.partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
