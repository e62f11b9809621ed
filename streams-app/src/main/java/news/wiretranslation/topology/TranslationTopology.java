package news.wiretranslation.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.label.Disclaimers;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.normalize.BoilerplateRules;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.translate.Translator;
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
 * articles.raw ─► validate ─► normalize ─► detect language ─┬─► to EN-US (pass through or translate + label) ─► articles.normalized.en-us
 *                                                           └─► to DE    (...)                               ─► articles.normalized.de
 * </pre>
 *
 * A step that can never succeed for a record throws a {@code DeadLetterException}; the processing and
 * deserialization exception handlers write it to the dead-letter topic with the original bytes, in the same
 * transaction. So every input ends, per target language, on that language's topic or on the dead-letter topic.
 */
public final class TranslationTopology {
    /** Spans shorter than this are not judged as untranslated: detection on a word or two is guesswork. */
    private static final int MIN_JUDGED_SPAN = 12;
    /** Detections remembered per topology (one text of at most DETECTION_MAX_CHARS characters each). */
    static final int DETECTION_CACHE_ENTRIES = 20_000;

    private TranslationTopology() {
    }

    /** The synchronous topology ({@code TRANSLATION_MODE=sync}): the stream thread waits for the engine. */
    public static Topology build(ServiceConfig config, LanguageDetector detector, Translator translator) {
        return build(config, detector, translator, Clock.systemUTC(), PipelineMetrics.global(), null);
    }

    /** The synchronous topology, with a clock for the labels. */
    public static Topology build(ServiceConfig config, LanguageDetector detector, Translator translator, Clock clock) {
        return build(config, detector, translator, clock, PipelineMetrics.global(), null);
    }

    /** The synchronous topology, with a clock and the meters to count into. */
    public static Topology build(ServiceConfig config, LanguageDetector detector, Translator translator, Clock clock,
                                 PipelineMetrics metrics) {
        return build(config, detector, translator, clock, metrics, null);
    }

    /** The topology of the configured mode, counting into the global meters. */
    public static Topology build(ServiceConfig config, LanguageDetector detector, Translator translator, Clock clock,
                                 AsyncTranslation async) {
        return build(config, detector, translator, clock, PipelineMetrics.global(), async);
    }

    /**
     * The topology of the configured mode: with {@code async} (not null and {@code TRANSLATION_MODE=async}) the
     * translate step is the {@link AsyncTranslationProcessor} feeding {@code async}'s dispatcher; otherwise the
     * synchronous {@link TranslationStep}.
     */
    public static Topology build(ServiceConfig config, LanguageDetector detector, Translator translator, Clock clock,
                                 PipelineMetrics metrics, AsyncTranslation async) {
        return build(config, detector, translator, clock, metrics, async, null);
    }

    /**
     * The topology of the configured mode; with {@code replay} (not null) the topology of a replay instance: only the
     * records and targets the replay selects are translated, and what it writes is marked as reprocessed.
     */
    public static Topology build(ServiceConfig config, LanguageDetector detector, Translator translator, Clock clock,
                                 PipelineMetrics metrics, AsyncTranslation async, ReplaySelection replay) {
        if (config.async().mode() == ServiceConfig.TranslationMode.ASYNC && async == null) {
            throw new IllegalArgumentException("TRANSLATION_MODE=async needs the dispatcher (AsyncTranslation)");
        }
        boolean asynchronous = async != null && config.async().mode() == ServiceConfig.TranslationMode.ASYNC;
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
        AvroSerde<RawArticle> rawSerde = new AvroSerde<>(RawArticle.class);
        rawSerde.configure(registry, false);
        AvroSerde<Article> articleSerde = new AvroSerde<>(Article.class);
        articleSerde.configure(registry, false);

        // Revisions and replays repeat an article's lead: the same sample is not detected twice.
        ArticlePreparation preparation = ArticlePreparation.of(config, detector);
        ArticleLabeler labeler = new ArticleLabeler(clock, disclaimers(config));
        Optional<QualityChecker> quality = qualityChecker(config, detector);
        TranslationStep translation = new TranslationStep(translator, labeler, quality);

        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, RawArticle> raw = builder
                .stream(config.topics().input(), Consumed.with(Serdes.String(), rawSerde).withName("read-raw-articles"));
        if (replay != null) {
            // A replay instance: records outside its plan go no further (not even to detection).
            raw = raw.processValues(ReplayFilter.anyTarget(replay), Named.as("replay-select"));
        }
        KStream<String, DetectedArticle> detected = raw
                .mapValues(preparation::validate, Named.as("validate"))
                .peek((key, article) -> {
                    metrics.articleIn(article);
                    ArticleLog.received(article);
                }, Named.as("count-in"))
                .mapValues(preparation::normalize, Named.as("normalize"))
                .mapValues(preparation::detect, Named.as("detect-language"))
                .peek((key, article) -> {
                    metrics.detected(article);
                    ArticleLog.detected(article);
                }, Named.as("count-detected"))
                // Output is keyed by story id, whatever key (or none) the producer used.
                .selectKey((key, article) -> article.raw().getId(), Named.as("key-by-article-id"));

        for (TargetLanguage target : config.targetLanguages()) {
            KStream<String, DetectedArticle> toTranslate = replay == null ? detected
                    : detected.processValues(ReplayFilter.forTarget(replay, target), Named.as("replay-select-" + target.topicSuffix()));
            KStream<String, Article> articles;
            if (asynchronous) {
                articles = translateAsynchronously(config, toTranslate, target, new AsyncTranslationProcessor.Settings(
                        target, translator, async.dispatcher(), labeler, quality, config.memory().enabled(),
                        config.memory().maxAge(), config.memory().maxEntries(), config.async().emitInterval(),
                        config.async().backpressureTimeout(), clock, async.counters(), async.commits()), registry);
            } else {
                articles = toTranslate.mapValues(article -> translation.toTarget(article, target), Named.as("to-" + target.topicSuffix()));
            }
            if (replay != null) {
                articles = articles.processValues(ReplayFilter.marker(replay, target), Named.as("replay-mark-" + target.topicSuffix()));
            }
            articles = articles.peek((id, article) -> {
                metrics.articleOut(article);
                ArticleLog.written(article);
            }, Named.as("count-" + target.topicSuffix()));
            Produced<String, Article> produced = Produced.with(Serdes.String(), articleSerde);
            Optional<String> reviewTopic = config.labelling().reviewTopic();
            if (reviewTopic.isPresent()) {
                // Flagged translations wait for an editor instead of going out.
                articles.split(Named.as("review-" + target.topicSuffix() + "-"))
                        .branch((id, article) -> !article.getQualityFlags().isEmpty(), Branched.withConsumer(
                                flagged -> flagged.to(reviewTopic.get(), produced.withName("write-review-" + target.topicSuffix()))))
                        .defaultBranch(Branched.withConsumer(
                                clean -> clean.to(config.topics().output(target), produced.withName("write-" + target.topicSuffix()))));
            } else {
                articles.to(config.topics().output(target), produced.withName("write-" + target.topicSuffix()));
            }
        }
        return builder.build();
    }

    /**
     * The asynchronous translate step for one target: articles go on; dead letters for refused articles go to the
     * dead-letter topic from here, in the same Avro format as the exception handlers write.
     */
    private static KStream<String, Article> translateAsynchronously(ServiceConfig config, KStream<String, DetectedArticle> detected,
                                                                    TargetLanguage target, AsyncTranslationProcessor.Settings settings,
                                                                    Map<String, Object> registry) {
        String suffix = target.topicSuffix();
        KStream<String, TranslationOutcome> outcomes = detected.process(AsyncTranslationProcessor.supplier(settings),
                Named.as("to-" + suffix));
        AvroSerde<DeadLetter> deadLetterSerde = new AvroSerde<>(DeadLetter.class);
        deadLetterSerde.configure(registry, false);
        outcomes.filter((id, outcome) -> outcome.isDeadLetter(), Named.as("refused-" + suffix))
                .map((id, outcome) -> KeyValue.pair(outcome.deadLetterKey(), outcome.deadLetter()), Named.as("dead-letter-" + suffix))
                .to(config.topics().deadLetter(), Produced.with(Serdes.ByteArray(), deadLetterSerde).withName("write-dead-letter-" + suffix));
        return outcomes.filter((id, outcome) -> !outcome.isDeadLetter(), Named.as("translated-" + suffix))
                .mapValues(TranslationOutcome::article, Named.as("article-" + suffix));
    }

    static BoilerplateRules boilerplateRules(ServiceConfig config) {
        return config.labelling().normalizationRules().map(file -> {
            try {
                return BoilerplateRules.load(file);
            } catch (RuntimeException e) {
                throw new ConfigException("Cannot use " + Setting.NORMALIZATION_RULES_FILE.env() + ": " + e.getMessage(), e);
            }
        }).orElseGet(BoilerplateRules::defaults);
    }

    private static Disclaimers disclaimers(ServiceConfig config) {
        Optional<Path> file = config.labelling().disclaimers();
        if (file.isEmpty()) {
            return Disclaimers.defaults();
        }
        try {
            return Disclaimers.withOverrides(file.get());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot use " + Setting.DISCLAIMERS_FILE.env() + "=" + file.get() + ": " + e.getMessage(), e);
        }
    }

    /** The quality checker the configuration asks for, if any. */
    public static Optional<QualityChecker> qualityChecker(ServiceConfig config, LanguageDetector detector) {
        ServiceConfig.Labelling labelling = config.labelling();
        return labelling.qualityChecks()
                ? Optional.of(new QualityChecker(detector, labelling.minLengthRatio(), labelling.maxLengthRatio(), MIN_JUDGED_SPAN))
                : Optional.empty();
    }
}
