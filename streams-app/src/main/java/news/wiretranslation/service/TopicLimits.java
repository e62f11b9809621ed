package news.wiretranslation.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Start-up check that every existing topic the service writes to can hold the records an article of
 * MAX_ARTICLE_BYTES needs. A topic that cannot would refuse such a record at the broker, in the middle of a
 * transaction, so the service stops before consuming instead, naming the topic and the setting.
 */
final class TopicLimits {
    private final Admin admin;

    TopicLimits(Admin admin) {
        this.admin = admin;
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

    void check(ServiceConfig config, Collection<String> existing) throws InterruptedException, ExecutionException {
        List<String> topics = writtenTo(config, existing);
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        int needed = config.sizes().recordLimit();
        List<String> tooSmall = new ArrayList<>();
        for (ConfigResource resource : resources) {
            ConfigEntry entry = configs.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            long limit = entry == null || entry.value() == null ? Long.MAX_VALUE : Long.parseLong(entry.value());
            if (limit < needed) {
                tooSmall.add(resource.name() + " (" + limit + ")");
            }
        }
        if (!tooSmall.isEmpty()) {
            throw new ConfigException("Topics the service writes to cannot hold the records of an article of "
                    + Setting.MAX_ARTICLE_BYTES.env() + "=" + config.sizes().maxArticleBytes() + " bytes, which need "
                    + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " >= " + needed + ": " + String.join(", ", tooSmall)
                    + ". Raise their " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " (kafka-configs --alter --entity-type topics"
                    + " --add-config " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + needed + ") or lower "
                    + Setting.MAX_ARTICLE_BYTES.env() + ".");
        }
    }
}
