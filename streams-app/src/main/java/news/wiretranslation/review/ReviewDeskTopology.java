package news.wiretranslation.review;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewDecision;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.label.Disclaimers;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.review.decision.DecisionProcessor;
import news.wiretranslation.review.decision.ReviewedArticle;
import news.wiretranslation.review.queue.PublishedRevisions;
import news.wiretranslation.review.queue.QueueAdmission;
import news.wiretranslation.review.queue.QueueStores;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The review desk's data flow, a Kafka Streams application of its own:
 *
 * <pre>
 * review topic ─────────► admit ──┐
 * output topics ────────► watch ──┼── review-queue, review-settled (stores with changelogs)
 * requests topic ───────► decide ─┴─► output topic of the item's language (approved)
 *                                   └► decisions topic (an audit record per request)
 * </pre>
 *
 * The three sources are read by the same tasks, so the topics must have the same partition count
 * ({@code ReviewDesk} checks); all are keyed by story id.
 */
public final class ReviewDeskTopology {
    private ReviewDeskTopology() {
    }

    public static Topology build(ServiceConfig config, Disclaimers reviewedDisclaimers, Clock clock) {
        String reviewTopic = reviewTopic(config);
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
        AvroSerde<Article> articles = serde(Article.class, registry);
        AvroSerde<ReviewRequest> requests = serde(ReviewRequest.class, registry);
        AvroSerde<ReviewDecision> decisions = serde(ReviewDecision.class, registry);
        List<String> outputs = config.targetLanguages().stream().map(config.topics()::output).toList();

        Topology topology = new Topology();
        topology.addSource("read-review", Serdes.String().deserializer(), articles.deserializer(), reviewTopic)
                .addSource("read-outputs", Serdes.String().deserializer(), articles.deserializer(),
                        outputs.toArray(String[]::new))
                .addSource("read-requests", Serdes.String().deserializer(), requests.deserializer(),
                        config.review().requestsTopic())
                .addProcessor("admit", QueueAdmission::new, "read-review")
                .addProcessor("watch-published", PublishedRevisions::new, "read-outputs")
                .addProcessor("decide", () -> new DecisionProcessor(new ReviewedArticle(reviewedDisclaimers), clock),
                        "read-requests")
                .addSink(DecisionProcessor.PUBLISH,
                        (key, value, context) -> outputTopic(config, ((Article) value).getLanguage()),
                        Serdes.String().serializer(), widened(articles.serializer()), "decide")
                .addSink(DecisionProcessor.AUDIT, config.review().decisionsTopic(), Serdes.String().serializer(),
                        widened(decisions.serializer()), "decide")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.QUEUE),
                        Serdes.String(), articles), "admit", "watch-published", "decide")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueueStores.SETTLED),
                        Serdes.String(), Serdes.Integer()), "admit", "watch-published", "decide");
        return topology;
    }

    /** The review topic the service writes to; the desk has nothing to read without it. */
    public static String reviewTopic(ServiceConfig config) {
        return config.labelling().reviewTopic().orElseThrow(() -> new ConfigException("The review desk needs "
                + Setting.QUALITY_REVIEW_TOPIC.env() + ": the topic the service sends translations to review to"));
    }

    /** The output topic of an article's language: the prefix and the BCP 47 tag in lower case, as the service names it. */
    public static String outputTopic(ServiceConfig config, String language) {
        return config.topics().outputPrefix() + language.toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Serializer<SpecificRecord> widened(Serializer<? extends SpecificRecord> serializer) {
        return (Serializer<SpecificRecord>) serializer;
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, Map<String, Object> registry) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(registry, false);
        return serde;
    }
}
