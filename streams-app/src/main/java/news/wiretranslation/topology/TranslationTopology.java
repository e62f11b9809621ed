package news.wiretranslation.topology;

import java.util.Map;
import java.util.Optional;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.metrics.EnginePrice;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.registry.AvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The data flow of wire-translation, top to bottom:
 *
 * <pre>
 * articles.raw ─► validate ─► normalize ─► detect language ─► revision gate ─┬─► to EN-US (pass through or translate + label) ─► articles.normalized.en-us
 *                                                                          └─► to DE    (...)                               ─► articles.normalized.de
 * </pre>
 *
 * A step that can never succeed for a record while it is being processed throws a {@code DeadLetterException}; the
 * processing and deserialization exception handlers write it to the dead-letter topic with the original bytes, in the
 * same transaction. An article the engine refuses (known later, when its translation comes back) is dead-lettered by
 * the translate step itself, in the same format. So every input ends, per target language, on that language's topic
 * or on the dead-letter topic.
 *
 * <p>The parts (detector, translator, checks, labels, meters) are assembled by the service; this class knows
 * nothing of how the process starts, so tests drive it with {@code TopologyTestDriver}.
 */
public final class TranslationTopology {
    private TranslationTopology() {
    }

    /**
     * The topology for {@code config}'s topics and target languages, from the parts the service assembled. With a
     * replay selection, only the records and targets it selects are translated, and what is written is marked as
     * reprocessed.
     */
    public static Topology build(ServiceConfig config, PipelineParts parts) {
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
        ArticlePreparation preparation = parts.preparation();
        PipelineMetrics metrics = parts.metrics();
        Optional<ReplaySelection> replay = parts.replay();

        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<RawArticle> rawSerde = serde(RawArticle.class, registry);
        // Too large an article is refused before it is decoded (dead-lettered as ARTICLE_TOO_LARGE).
        Serde<RawArticle> limited = Serdes.serdeFrom(rawSerde.serializer(),
                new ArticleSizeLimit<>(rawSerde.deserializer(), config.sizes().maxArticleBytes()));
        KStream<String, RawArticle> raw = builder.stream(config.topics().input(),
                Consumed.with(Serdes.String(), limited).withName("read-raw-articles"));
        if (replay.isPresent()) {
            // A replay instance: records outside its plan go no further (not even to detection).
            raw = raw.processValues(ReplayFilter.anyTarget(replay.get()), Named.as("replay-select"));
        }
        KStream<String, DetectedArticle> detected = raw
                .mapValues(preparation::validate, Named.as("validate"))
                .peek((key, article) -> {
                    metrics.articleIn(article);
                    ArticleLog.received(article);
                }, Named.as("count-in"))
                .mapValues(metrics.stageCpu("normalize").around(preparation::normalize)::apply, Named.as("normalize"))
                .mapValues(metrics.stageCpu("detect").around(preparation::detect)::apply, Named.as("detect-language"))
                .peek((key, article) -> {
                    metrics.detected(article);
                    ArticleLog.detected(article);
                }, Named.as("count-detected"))
                // Output is keyed by story id, whatever key (or none) the producer used.
                .selectKey((key, article) -> article.raw().getId(), Named.as("key-by-article-id"))
                // Per story, only a revision newer than the last one accepted goes on (a compacted output must not
                // turn back); before translation, so a superseded revision costs no MT characters.
                .processValues(RevisionGate.supplier(metrics), Named.as("revision-gate"));

        for (ArticleTranslation translation : parts.targets()) {
            TargetLanguage target = translation.target();
            String suffix = target.topicSuffix();
            KStream<String, DetectedArticle> toTranslate = replay.isEmpty() ? detected
                    : detected.processValues(ReplayFilter.forTarget(replay.get(), target), Named.as("replay-select-" + suffix));
            KStream<String, Article> articles = translate(config, toTranslate, parts.translateStep(), translation, metrics, registry);
            if (replay.isPresent()) {
                articles = articles.processValues(ReplayFilter.marker(replay.get(), target), Named.as("replay-mark-" + suffix));
            }
            articles = articles.peek((id, article) -> {
                metrics.articleOut(article);
                ArticleLog.written(article);
            }, Named.as("count-" + suffix));
            write(config, articles, target, serde(Article.class, registry));
        }
        return builder.build();
    }

    /**
     * The translate step for one target: articles go on, their characters (billed, from memory, sent) counted; dead
     * letters for articles the engine refused go to the dead-letter topic from here, in the same Avro format as the
     * exception handlers write.
     */
    private static KStream<String, Article> translate(ServiceConfig config, KStream<String, DetectedArticle> detected,
                                                      TranslateStep step, ArticleTranslation translation,
                                                      PipelineMetrics metrics, Map<String, Object> registry) {
        String suffix = translation.target().topicSuffix();
        KStream<String, TranslationOutcome> outcomes = detected.process(step.forTarget(translation, metrics.stageCpu("translate")),
                Named.as("to-" + suffix));
        outcomes.filter((id, outcome) -> outcome.isDeadLetter(), Named.as("refused-" + suffix))
                .peek((id, outcome) -> metrics.deadLettered(outcome.deadLetter().getReason(), outcome.deadLetter().getStage()),
                        Named.as("count-refused-" + suffix))
                .map((id, outcome) -> KeyValue.pair(outcome.deadLetterKey(), outcome.deadLetter()), Named.as("dead-letter-" + suffix))
                .to(config.topics().deadLetter(), Produced.with(Serdes.ByteArray(), serde(DeadLetter.class, registry))
                        .withName("write-dead-letter-" + suffix));
        EnginePrice price = new EnginePrice(translation.translator().engine(),
                translation.translator().billsCharacters(), config.prices().perMillion(config.engine()));
        metrics.enginePrice(price);
        return outcomes.filter((id, outcome) -> !outcome.isDeadLetter(), Named.as("translated-" + suffix))
                // The engine's billed figure (in the label) beside the service's own count of what it sent, which the
                // label has no field for: counted here, where both are at hand.
                .peek((id, outcome) -> metrics.charactersOut(outcome.article(), outcome.sentCharacters(), price),
                        Named.as("count-characters-" + suffix))
                .mapValues(config.labelling().reviewTopic().isPresent() ? new ReviewRouting(config.review())::routed
                        : TranslationOutcome::article, Named.as("article-" + suffix));
    }

    /**
     * To the target's topic; with a review topic set, flagged translations (and those of the sources and urgencies
     * chosen for review) wait there for an editor instead.
     */
    private static void write(ServiceConfig config, KStream<String, Article> articles, TargetLanguage target,
                              AvroSerde<Article> articleSerde) {
        String suffix = target.topicSuffix();
        Produced<String, Article> produced = Produced.with(Serdes.String(), articleSerde);
        Optional<String> reviewTopic = config.labelling().reviewTopic();
        if (reviewTopic.isPresent()) {
            ReviewRouting routing = new ReviewRouting(config.review());
            articles.split(Named.as("review-" + suffix + "-"))
                    .branch((id, article) -> routing.waitsForReview(article), Branched.withConsumer(
                            flagged -> flagged.to(reviewTopic.get(), produced.withName("write-review-" + suffix))))
                    .defaultBranch(Branched.withConsumer(
                            clean -> clean.to(config.topics().output(target), produced.withName("write-" + suffix))));
        } else {
            articles.to(config.topics().output(target), produced.withName("write-" + suffix));
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> AvroSerde<T> serde(Class<T> type,
                                                                                         Map<String, Object> registry) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(registry, false);
        return serde;
    }
}
