package news.wiretranslation.replay;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.metrics.EnginePrice;
import news.wiretranslation.registry.AvroDeserializer;
import news.wiretranslation.topology.ArticlePreparation;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.memory.MemoryKeys;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;

/**
 * Decides what a replay does, reading the input range, the output topics and the live translation memory with the
 * service's own steps (validation, normalization, detection, the memory's keys and the settings fingerprint), so
 * that what it predicts is what the service will do:
 *
 * <ul>
 *   <li>a record outside {@code --source}/{@code --id} is not replayed;</li>
 *   <li>with {@code latestOnly}, only the record of each article that the service's revision gate accepted last is
 *       replayed (its highest revision, first arrival, up to the input's end now, past the range): outputs are
 *       compacted by article id, writing an older revision after the current one would turn the output back, and a
 *       later record of the same revision was a repeat or a conflict the gate let no further;</li>
 *   <li>a record that validation, normalization or detection refuses is not replayed (it was dead-lettered
 *       already);</li>
 *   <li>unless {@code force}, a target whose output already holds this revision with the same pipeline version and
 *       settings fingerprint is left alone; one whose output holds a later revision always is (even with
 *       {@code force}: the replay instance's revision gate starts empty and cannot know it);</li>
 *   <li>the cost: each text to translate is looked up in the memory of its target and input partition, as the
 *       translate step does; one not found is sent (its characters, as DeepL counts and bills them; Apertium bills
 *       nothing) and remembered; one another partition's article sends at the same time is counted as from memory,
 *       as the labels count it.</li>
 * </ul>
 */
public final class ReplayPlanner {
    /** What the operator asked for. An empty {@code sources} or {@code ids} means all. */
    public record Request(ReplayRange range, Set<String> sources, Set<String> ids, List<TargetLanguage> targets,
                          boolean force, boolean latestOnly) {
        public Request {
            sources = Set.copyOf(sources);
            ids = Set.copyOf(ids);
            targets = List.copyOf(targets);
        }
    }

    private final ServiceConfig config;
    private final ArticlePreparation preparation;
    private final Translator translator;
    private final Clock clock;

    public ReplayPlanner(ServiceConfig config, ArticlePreparation preparation, Translator translator, Clock clock) {
        this.config = config;
        this.preparation = preparation;
        this.translator = translator;
        this.clock = clock;
    }

    /**
     * @param memoryApplicationId whose translation memory the replay will use (the live service's)
     */
    public ReplayPlan plan(Request request, String memoryApplicationId) {
        Map<String, Object> serde = RegistrySettings.serdeConfigs(config.registry());
        AvroDeserializer<RawArticle> raws = new AvroDeserializer<>(RawArticle.class);
        raws.configure(serde, false);
        AvroDeserializer<Article> articles = new AvroDeserializer<>(Article.class);
        articles.configure(serde, false);
        String input = config.topics().input();
        boolean memoryInUse = config.memory().enabled() && config.async().mode() == ServiceConfig.TranslationMode.ASYNC;

        try (Consumer<byte[], byte[]> consumer = TopicScan.consumer(config)) {
            List<PartitionRange> ranges = request.range().resolve(consumer, input);
            ReplayPlan plan = new ReplayPlan(ranges, request.targets(), new EnginePrice(translator.engine(),
                    translator.billsCharacters(), config.prices().perMillion(config.engine())));
            List<PartitionRange> toEnd = ReplayRange.everything().resolve(consumer, input).stream()
                    .map(whole -> ranges.stream().filter(r -> r.partition() == whole.partition()).findFirst()
                            .map(r -> new PartitionRange(r.partition(), r.start(), Math.max(r.start(), whole.end()))).orElse(whole))
                    .toList();
            toEnd.forEach(r -> plan.inputEnds.put(r.partition(), r.end()));
            Map<String, Position> latest = request.latestOnly() ? latestPositions(consumer, input, toEnd, raws) : Map.of();

            Map<TargetLanguage, OutputIndex> outputs = new HashMap<>();
            Map<TargetLanguage, Map<Integer, Set<Bytes>>> memory = new HashMap<>();
            for (TargetLanguage target : request.targets()) {
                outputs.put(target, OutputIndex.read(consumer, config.topics().output(target), articles));
                memory.put(target, memoryInUse ? MemoryChangelog.remembered(consumer, memoryApplicationId, target,
                        config.memory().maxAge(), clock.millis()) : new HashMap<>());
            }
            Map<String, MemoryKeys> keys = new HashMap<>();
            Map<TargetLanguage, Set<Bytes>> billedByTarget = new HashMap<>();
            String pipeline = BuildInfo.pipelineVersion();

            TopicScan.read(consumer, input, ranges, record -> {
                plan.recordsInRange++;
                RawArticle raw = decode(raws, input, record);
                if (raw == null) {
                    plan.skipped.unreadable++;
                    return;
                }
                if (!request.sources().isEmpty() && !request.sources().contains(raw.getSource())
                        || !request.ids().isEmpty() && !request.ids().contains(raw.getId())) {
                    plan.skipped.filteredOut++;
                    return;
                }
                if (request.latestOnly() && !latest.get(raw.getId()).is(record)) {
                    plan.skipped.superseded++;
                    return;
                }
                DetectedArticle article;
                try {
                    article = preparation.prepare(raw);
                } catch (DeadLetterException e) {
                    plan.skipped.refused++;
                    return;
                }
                boolean any = false;
                for (TargetLanguage target : request.targets()) {
                    boolean passThrough = target.isSameLanguageAs(article.language());
                    String fingerprint = passThrough ? null : SettingsFingerprint.of(translator, article.language(), target.code());
                    OutputIndex.Current current = outputs.get(target).get(raw.getId());
                    if (current != null && current.version() > raw.getRevision()) {
                        plan.skipped.newerOutput++;
                        continue;
                    }
                    if (!request.force() && current != null && current.same(raw.getRevision(), pipeline, fingerprint)) {
                        plan.skipped.unchanged++;
                        continue;
                    }
                    any = true;
                    plan.select(target, record.partition(), record.offset());
                    ReplayPlan.PairEstimate pair = plan.pair(article.language(), target);
                    pair.articles++;
                    if (passThrough) {
                        continue;
                    }
                    MemoryKeys pairKeys = keys.computeIfAbsent(article.language() + "\u0000" + target.code(),
                            k -> MemoryKeys.of(translator, article.language(), target.code()));
                    Set<Bytes> remembered = memory.get(target).computeIfAbsent(record.partition(), p -> new HashSet<>());
                    Set<Bytes> billed = billedByTarget.computeIfAbsent(target, t -> new HashSet<>());
                    for (String text : ArticleLabeler.textsToTranslate(article)) {
                        if (text.isEmpty()) {
                            continue;
                        }
                        pair.texts++;
                        long characters = text.codePointCount(0, text.length());
                        Bytes key = pairKeys.key(text);
                        if (remembered.contains(key)) {
                            pair.memoryCharacters += characters;
                            continue;
                        }
                        // Not in this partition's memory: billed, unless another partition's article needs the same
                        // text at the same moment (the dispatcher sends it once). A replay's backlog is queued at
                        // once, so that is counted as shared; at most, every partition pays for it.
                        pair.billedAtMost += characters;
                        if (!memoryInUse || billed.add(key)) {
                            pair.billedCharacters += characters;
                        } else {
                            pair.sharedCharacters += characters;
                        }
                        if (memoryInUse) {
                            remembered.add(key);
                        }
                    }
                }
                if (any) {
                    plan.articlesSelected++;
                }
            });
            return plan;
        }
    }

    /** Where the record of an article that the revision gate accepted last is on the input. */
    private record Position(int partition, long offset, long timestamp, int revision) {
        boolean is(ConsumerRecord<?, ?> record) {
            return partition == record.partition() && offset == record.offset();
        }

        /**
         * Whether {@code record}, of revision {@code next}, replaces this one as the accepted: a higher revision does;
         * the same revision only when it came first (across partitions, a producer keyed otherwise: the earlier time).
         */
        boolean supersededBy(ConsumerRecord<?, ?> record, int next) {
            if (next != revision) {
                return next > revision;
            }
            return partition != record.partition() && record.timestamp() < timestamp;
        }
    }

    /** The record of each article the revision gate accepted last, from the range's start to the input's end now. */
    private static Map<String, Position> latestPositions(Consumer<byte[], byte[]> consumer, String input,
                                                         List<PartitionRange> toEnd, AvroDeserializer<RawArticle> raws) {
        Map<String, Position> latest = new HashMap<>();
        TopicScan.read(consumer, input, toEnd, record -> {
            RawArticle raw = decode(raws, input, record);
            if (raw == null || raw.getId() == null) {
                return;
            }
            Position known = latest.get(raw.getId());
            if (known == null || known.supersededBy(record, raw.getRevision())) {
                latest.put(raw.getId(), new Position(record.partition(), record.offset(), record.timestamp(), raw.getRevision()));
            }
        });
        return latest;
    }

    static RawArticle decode(AvroDeserializer<RawArticle> raws, String topic, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return raws.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            return null; // dead-lettered by the service when it first read it
        }
    }
}
