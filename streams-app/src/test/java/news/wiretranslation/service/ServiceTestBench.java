package news.wiretranslation.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.translate.deepl.DeepLStandIn;

/**
 * What the service integration tests run the service against: a real broker, a schema registry and the DeepL-API stand-in,
 * all on 127.0.0.1; settings for one application on them, and a producer for the raw topic.
 */
final class ServiceTestBench implements AutoCloseable {
    final EmbeddedKafkaBroker broker;
    final EmbeddedSchemaRegistry registry;
    final DeepLStandIn deepL;

    private ServiceTestBench(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, DeepLStandIn deepL) {
        this.broker = broker;
        this.registry = registry;
        this.deepL = deepL;
    }

    static ServiceTestBench start(String authKey) throws Exception {
        return new ServiceTestBench(EmbeddedKafkaBroker.start(), EmbeddedSchemaRegistry.start(),
                new DeepLStandIn(authKey).start());
    }

    /** Settings of application {@code app}: its own topics ({@code app.raw}, {@code app.out.<lang>}, {@code app.dlq}). */
    Map<String, String> settings(String app, Path stateDir) {
        Map<String, String> env = TestConfigs.ownTopicSettings(broker.bootstrapServers(), registry.url(), deepL, app);
        env.put("STATE_DIR", stateDir.toString());
        return env;
    }

    void createTopic(String topic, int partitions) throws Exception {
        ServiceTopics.createTopic(broker.bootstrapServers(), topic, partitions);
    }

    void publish(ServiceConfig config, List<RawArticle> feed) {
        ServiceTopics.publish(broker.bootstrapServers(), config, feed);
    }

    /** Where each article ended, per target (read_committed). */
    List<DeliveryLedger.Tally> tally(ServiceConfig config, List<RawArticle> feed) {
        return DeliveryLedger.tally(config, broker.bootstrapServers(), ids(feed));
    }

    /** True when no article is missing on any target. */
    boolean delivered(ServiceConfig config, List<RawArticle> feed) {
        return tally(config, feed).stream().allMatch(t -> t.missing().isEmpty());
    }

    static List<String> ids(List<RawArticle> feed) {
        return feed.stream().map(a -> a.getId() + "#" + a.getRevision()).toList();
    }

    @Override
    public void close() {
        deepL.close();
        registry.close();
        broker.close();
    }
}
