package news.wiretranslation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure the topics the service writes to exist before it starts. Output topics are compacted: keyed by
 * story id, they converge to the latest revision of each story per language, and a replay overwrites in place.
 * The dead-letter topic keeps everything for its retention time. The input topic is the producers' and must
 * already exist. Every topic the service writes to must hold the records of an article of MAX_ARTICLE_BYTES: those it
 * creates are made so, those that exist are checked, and its own changelogs raised ({@link TopicLimits}).
 */
public final class TopicProvisioner {
    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** @return the topics it created */
    public List<String> ensureTopics(ServiceConfig config) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            String input = config.topics().input();
            if (!existing.contains(input)) {
                throw new ConfigException("The input topic '" + input + "' (" + Setting.INPUT_TOPIC.env()
                        + ") does not exist on " + config.bootstrapServers() + "; create it or point the setting at the raw-article topic");
            }
            TopicDescription inputDescription = admin.describeTopics(List.of(input)).allTopicNames().get().get(input);
            int partitions = inputDescription.partitions().size();
            Optional<Short> replication = config.streams().replicationFactor() < 0
                    ? Optional.empty() : Optional.of(config.streams().replicationFactor());

            // Each holds the largest record the service may write for an article (MAX_ARTICLE_BYTES).
            String recordLimit = String.valueOf(config.sizes().recordLimit());
            List<NewTopic> missing = new ArrayList<>();
            for (TargetLanguage target : config.targetLanguages()) {
                String topic = config.topics().output(target);
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), replication)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, recordLimit)));
                }
            }
            config.labelling().reviewTopic().filter(topic -> !existing.contains(topic))
                    .ifPresent(topic -> missing.add(new NewTopic(topic, Optional.of(partitions), replication)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, recordLimit))));
            if (!existing.contains(config.topics().deadLetter())) {
                missing.add(new NewTopic(config.topics().deadLetter(), Optional.of(partitions), replication)
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, recordLimit)));
            }
            new TopicLimits(admin).check(config, existing);
            createIgnoringRaces(missing);
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot check or create topics on " + config.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Another instance starting at the same moment may create a topic first; that is fine. */
    private void createIgnoringRaces(List<NewTopic> topics) throws InterruptedException, ExecutionException {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
