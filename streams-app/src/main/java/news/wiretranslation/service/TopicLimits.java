package news.wiretranslation.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check that every existing topic the service writes to can hold the records an article of
 * MAX_ARTICLE_BYTES needs. A topic that cannot would refuse such a record at the broker, in the middle of a
 * transaction. The service's own changelogs ({@code <APPLICATION_ID>-<store>-changelog}, which Kafka Streams creates
 * and owns for it; an older version created them with Kafka's 1 MB) are raised to the limit; for any other topic
 * (outputs, review, dead letters: the operator's) the service stops before consuming instead, naming the topic and
 * the setting.
 */
final class TopicLimits {
    private static final Logger log = LoggerFactory.getLogger(TopicLimits.class);

    private final Admin admin;

    TopicLimits(Admin admin) {
        this.admin = admin;
    }

    /** What start-up does about the topics' limits: the own changelogs to raise, and the other topics too small. */
    record Plan(Map<String, Long> toRaise, Map<String, Long> tooSmall) {
    }

    /** The topics the service writes to, among {@code existing}: outputs, review, dead letters, its own changelogs. */
    static List<String> writtenTo(ServiceConfig config, Collection<String> existing) {
        List<String> topics = new ArrayList<>();
        for (TargetLanguage target : config.targetLanguages()) {
            topics.add(config.topics().output(target));
        }
        config.labelling().reviewTopic().ifPresent(topics::add);
        topics.add(config.topics().deadLetter());
        String internal = config.applicationId() + "-";
        existing.stream().filter(name -> name.startsWith(internal)
                && (name.endsWith("-changelog") || name.endsWith("-repartition"))).sorted().forEach(topics::add);
        return topics.stream().filter(existing::contains).distinct().toList();
    }

    /** A changelog Kafka Streams keeps for this application's stores: the service may change its settings. */
    static boolean ownChangelog(ServiceConfig config, String topic) {
        return topic.startsWith(config.applicationId() + "-") && topic.endsWith("-changelog");
    }

    /** Sorts the topics whose {@code max.message.bytes} (by topic) is below the record limit. */
    static Plan plan(ServiceConfig config, Map<String, Long> limits) {
        int needed = config.sizes().recordLimit();
        Map<String, Long> toRaise = new TreeMap<>();
        Map<String, Long> tooSmall = new TreeMap<>();
        limits.forEach((topic, limit) -> {
            if (limit < needed) {
                (ownChangelog(config, topic) ? toRaise : tooSmall).put(topic, limit);
            }
        });
        return new Plan(toRaise, tooSmall);
    }

    void check(ServiceConfig config, Collection<String> existing) throws InterruptedException, ExecutionException {
        List<String> topics = writtenTo(config, existing);
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        Map<String, Long> limits = new TreeMap<>();
        for (ConfigResource resource : resources) {
            ConfigEntry entry = configs.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            limits.put(resource.name(), entry == null || entry.value() == null ? Long.MAX_VALUE : Long.parseLong(entry.value()));
        }
        Plan plan = plan(config, limits);
        int needed = config.sizes().recordLimit();
        if (!plan.tooSmall().isEmpty()) {
            throw new ConfigException("Topics the service writes to cannot hold the records of an article of "
                    + Setting.MAX_ARTICLE_BYTES.env() + "=" + config.sizes().maxArticleBytes() + " bytes, which need "
                    + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " >= " + needed + ": " + describe(plan.tooSmall())
                    + ". Raise their " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " (kafka-configs --alter --entity-type topics"
                    + " --add-config " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + needed + ") or lower "
                    + Setting.MAX_ARTICLE_BYTES.env() + ".");
        }
        raise(config, plan.toRaise());
    }

    /** The service's own changelogs, raised to the record limit; each change logged. */
    private void raise(ServiceConfig config, Map<String, Long> changelogs) throws InterruptedException, ExecutionException {
        if (changelogs.isEmpty()) {
            return;
        }
        String needed = String.valueOf(config.sizes().recordLimit());
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        changelogs.keySet().forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, needed), AlterConfigOp.OpType.SET))));
        try {
            admin.incrementalAlterConfigs(changes).all().get();
        } catch (ExecutionException e) {
            throw new ConfigException("The service's own changelogs cannot hold the records of an article of "
                    + Setting.MAX_ARTICLE_BYTES.env() + "=" + config.sizes().maxArticleBytes() + " bytes, and raising their "
                    + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " to " + needed + " failed (" + e.getCause().getMessage()
                    + "): " + describe(changelogs) + ". Raise it by hand (kafka-configs --alter --entity-type topics"
                    + " --add-config " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + needed + ") or lower "
                    + Setting.MAX_ARTICLE_BYTES.env() + ".", e.getCause());
        }
        changelogs.forEach((topic, old) -> log.atInfo().addKeyValue("topic", topic).addKeyValue("old", old)
                .addKeyValue("new", needed).log("Raised {} of changelog {} from {} to {} (an article of {}={} bytes needs it)",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, topic, old, needed, Setting.MAX_ARTICLE_BYTES.env(),
                        config.sizes().maxArticleBytes()));
    }

    private static String describe(Map<String, Long> limits) {
        return limits.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
