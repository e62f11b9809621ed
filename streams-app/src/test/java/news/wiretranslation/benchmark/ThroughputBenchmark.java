package news.wiretranslation.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import news.wiretranslation.article.Detection;
import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.normalize.TextNormalizer;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.service.TranslationService;
import news.wiretranslation.service.Translators;
import news.wiretranslation.topology.TranslationCounters;
import news.wiretranslation.translate.async.DispatcherStats;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end throughput of wire-translation on one machine: the real in-process Kafka broker, the service with the real
 * DeepL client, and the DeepL-API stand-in with DeepL-like latency (150 ms ± jitter by default) and an optional rate
 * limit. One run measures, side by side:
 *
 * <ol>
 *   <li>the synchronous baseline ({@code TRANSLATION_MODE=sync}) on the first articles of the feed;</li>
 *   <li>the asynchronous pipeline on the whole revision stream, published beforehand (a backlog);</li>
 *   <li>a full replay of that topic by the same application (offsets reset, state kept);</li>
 *   <li>end-to-end latency of new stories (with their revisions) published at half the measured throughput;</li>
 *   <li>urgent news first: a burst of new stories with the engine slowed down, flash items against the others.</li>
 * </ol>
 *
 * It prints a table and writes the figures as JSON ({@code --out}, default {@code target/benchmark/throughput.json}).
 * Options ({@code --name=value}): latency-ms (150), jitter-ms (50), rate-limit (0: none; requests/s, 429 beyond),
 * stories (1000), sync-seconds (20), concurrency (8), batch (50), threads (2: one stream thread per core), partitions (6), targets (EN-US),
 * latency-seconds (15), backlog-latency-ms (1500), backlog-articles (500), quality (true: QUALITY_CHECKS), detection
 * (low or high: Lingua's accuracy mode), commit-interval-ms (the service's COMMIT_INTERVAL_MS; empty: its default), seed
 * (2026), out.
 *
 * <p>Run: {@code mvn -B -pl streams-app -am test-compile exec:exec@benchmark -Dbenchmark.args="--stories=800"}.
 */
public final class ThroughputBenchmark {
    private static final String REGISTRY = "mock://benchmark";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> options;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private EmbeddedKafkaBroker broker;
    private DeepLStandIn deepL;
    private TimingDetector detector;
    private Path stateRoot;

    private ThroughputBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--") && part.contains("=")) {
                    options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                } else if (!part.isBlank()) {
                    throw new IllegalArgumentException("expected --name=value, got " + part);
                }
            }
        }
        int status = 0;
        try {
            new ThroughputBenchmark(options).run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    // ---- the run ----

    private void run() throws Exception {
        int latencyMs = intOption("latency-ms", 150);
        int jitterMs = intOption("jitter-ms", 50);
        int rateLimit = intOption("rate-limit", 0);
        int stories = intOption("stories", 1000);
        int concurrency = intOption("concurrency", 8);
        int batch = intOption("batch", 50);
        long seed = Long.parseLong(option("seed", "2026"));
        Path out = Path.of(option("out", "target/benchmark/throughput.json"));

        long started = System.nanoTime();
        stateRoot = Files.createTempDirectory("wire-translation-benchmark-");
        log("starting the broker and the DeepL stand-in (latency %d ms + up to %d ms jitter, rate limit %s)",
                latencyMs, jitterMs, rateLimit == 0 ? "none" : rateLimit + " requests/s");
        broker = EmbeddedKafkaBroker.start(Map.of("num.partitions", option("partitions", "6")));
        deepL = new DeepLStandIn("benchmark:fx").start();
        deepL.setLatency(Duration.ofMillis(latencyMs), Duration.ofMillis(jitterMs));
        deepL.setRateLimit(rateLimit);
        DetectionAccuracy accuracy = option("detection", "low").equalsIgnoreCase("high") ? DetectionAccuracy.HIGH : DetectionAccuracy.LOW;
        detector = new TimingDetector(new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), accuracy, 500));
        figures.put("detectionAccuracy", accuracy.name().toLowerCase(Locale.ROOT));

        List<StoryFeed.Item> feed = StoryFeed.generate(StoryFeed.Options.defaults(stories, seed));
        answerInEnglish(feed);
        List<RawArticle> articles = feed.stream().map(StoryFeed.Item::article).toList();
        Map<String, Object> feedFigures = new LinkedHashMap<>();
        feedFigures.put("stories", stories);
        feedFigures.put("articles", articles.size());
        feedFigures.put("languages", StoryFeed.LANGUAGES);
        feedFigures.put("meanParagraphs", articles.stream().mapToInt(a -> a.getBody().split("\n\n").length).average().orElse(0));
        feedFigures.put("meanCharacters", articles.stream().mapToInt(a -> a.getHeadline().length() + a.getBody().length()).average().orElse(0));
        feedFigures.put("flashArticles", articles.stream().filter(a -> a.getUrgency() == 1).count());
        figures.put("feed", feedFigures);
        figures.put("standIn", Map.of("latencyMs", latencyMs, "jitterMs", jitterMs, "rateLimit", rateLimit));
        log("feed: %d stories, %d articles (revisions), %.1f paragraphs and %.0f characters an article on average",
                stories, articles.size(), feedFigures.get("meanParagraphs"), feedFigures.get("meanCharacters"));

        Phase sync = syncBaseline(articles);
        Phase async = asyncRevisionStream(articles, concurrency, batch);
        Phase replay = replay(articles.size());
        Phase paced = pacedLatency(async.rate, seed);
        Phase backlog = flashUnderBacklog(seed, latencyMs, jitterMs);
        stopService();
        Map<String, Object> stages = stageCosts(articles, async);
        List<ServiceFootprint.Result> footprints = footprints(seed);

        report(sync, async, replay, paced, backlog, stages, concurrency, batch, latencyMs, jitterMs, rateLimit);
        reportFootprints(footprints);
        figures.put("elapsedSeconds", (System.nanoTime() - started) / 1e9);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), figures);
        log("figures written to %s (%.0f s in all)", out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        deepL.close();
        broker.close();
    }

    /** What one phase measured. */
    private static final class Phase {
        String name;
        int articles;
        double seconds;
        double rate;
        long billedCharacters;
        long requests;
        long textsSent;
        TranslationCounters.Snapshot counters;
        DispatcherStats.Snapshot dispatcher;
        Watcher watcher;
        double cpuCores;
        Map<String, Object> memory;
        long detectionNanos;
        long qualityNanos;
        long detections;
        long commits;
    }

    private TranslationService service;

    private Phase syncBaseline(List<RawArticle> articles) throws Exception {
        int seconds = intOption("sync-seconds", 20);
        String app = "bench-sync";
        int count = Math.min(articles.size(), seconds * 6 + 10);
        ServiceConfig config = config(app, "sync", Map.of());
        createTopic(config.topics().input());
        publish(config, articles.subList(0, count), 0, null);
        long billed = deepL.billedCharacters();
        int requests = deepL.requestCount();
        long texts = deepL.textCount();
        service = TranslationService.create(config, detector, Translators.create(config));
        Watcher watcher = Watcher.start(broker.bootstrapServers(), config.topics().outputPrefix() + "en-us", Map.of());
        log("sync baseline: %s stream thread(s) wait for DeepL, %d s", option("threads", "2"), seconds);
        service.start();
        watcher.awaitCount(1, Duration.ofSeconds(60));
        long windowStart = System.nanoTime();
        int startCount = watcher.count();
        long startCommits = commits();
        Thread.sleep(seconds * 1000L);
        int endCount = watcher.count();
        long endCommits = commits();
        double elapsed = (System.nanoTime() - windowStart) / 1e9;
        stopService();
        watcher.close();
        Phase phase = new Phase();
        phase.name = "sync";
        phase.articles = endCount - startCount;
        phase.seconds = elapsed;
        phase.rate = phase.articles / elapsed;
        phase.billedCharacters = deepL.billedCharacters() - billed;
        phase.requests = deepL.requestCount() - requests;
        phase.textsSent = deepL.textCount() - texts;
        phase.commits = endCommits - startCommits;
        phase.watcher = watcher;
        log("sync baseline: %d articles in %.1f s = %.1f articles/s", phase.articles, elapsed, phase.rate);
        return phase;
    }

    private Phase asyncRevisionStream(List<RawArticle> articles, int concurrency, int batch) throws Exception {
        ServiceConfig config = config("bench-async", "async", Map.of(
                "TRANSLATION_CONCURRENCY", Integer.toString(concurrency), "TRANSLATION_BATCH_MAX_TEXTS", Integer.toString(batch)));
        createTopic(config.topics().input());
        publish(config, articles, 0, null);
        log("async: %d articles published beforehand; starting the service", articles.size());
        service = TranslationService.create(config, detector, Translators.create(config));
        Phase phase = measure("async", config, articles.size(), Map.of(), () -> service.start());
        phase.memory = memoryFigures();
        return phase;
    }

    private Phase replay(int articles) throws Exception {
        ServiceConfig config = config("bench-async", "async", Map.of(
                "TRANSLATION_CONCURRENCY", option("concurrency", "8"), "TRANSLATION_BATCH_MAX_TEXTS", option("batch", "50")));
        stopService();
        Map<TopicPartition, Long> from = endOffsets(config.topics().outputPrefix() + "en-us");
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (TopicPartition partition : endOffsets(config.topics().input()).keySet()) {
                zero.put(partition, new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(config.applicationId(), zero).all().get();
        }
        log("replay: the same application reads the whole topic again (offsets reset, state and memory kept)");
        service = TranslationService.create(config, detector, Translators.create(config));
        return measure("replay", config, articles, from, () -> service.start());
    }

    private Phase pacedLatency(double asyncRate, long seed) throws Exception {
        int seconds = intOption("latency-seconds", 15);
        ServiceConfig config = config("bench-async", "async", Map.of());
        double rate = Math.max(5, Math.min(asyncRate * 0.5, 400));
        int count = (int) (rate * seconds);
        List<RawArticle> fresh = new ArrayList<>();
        List<StoryFeed.Item> freshItems = StoryFeed.generate(StoryFeed.Options.defaults(count / 3, seed + 1));
        answerInEnglish(freshItems);
        for (StoryFeed.Item item : freshItems) {
            fresh.add(RawArticle.newBuilder(item.article()).setId("paced-" + item.article().getId()).build());
            if (fresh.size() == count) {
                break;
            }
        }
        Map<TopicPartition, Long> from = endOffsets(config.topics().outputPrefix() + "en-us");
        log("latency: %d articles of new stories (with their revisions) published at %.0f articles/s (half the async rate)",
                fresh.size(), rate);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        return measure("paced", config, fresh.size(), from, () -> {
            Thread publisher = new Thread(() -> publish(config, fresh, rate, sentAt), "benchmark-publisher");
            publisher.setDaemon(true);
            publisher.start();
        }, sentAt);
    }

    /**
     * Urgent news first: with the engine slowed down (so that the dispatcher's queue, not the stream thread, is the
     * bottleneck), a burst of new stories is published at once; flash items (urgency 1) should spend less time in
     * the translate step than routine ones.
     */
    private Phase flashUnderBacklog(long seed, int latencyMs, int jitterMs) throws Exception {
        int slowMs = intOption("backlog-latency-ms", 1500);
        int count = intOption("backlog-articles", 500);
        ServiceConfig config = config("bench-async", "async", Map.of());
        List<RawArticle> burst = new ArrayList<>();
        List<StoryFeed.Item> burstItems = StoryFeed.generate(new StoryFeed.Options(count, 1, 1, StoryFeed.LANGUAGES, 0.05, seed + 2));
        answerInEnglish(burstItems);
        for (StoryFeed.Item item : burstItems) {
            burst.add(RawArticle.newBuilder(item.article()).setId("burst-" + item.article().getId()).build());
        }
        deepL.setLatency(Duration.ofMillis(slowMs), Duration.ZERO);
        Map<TopicPartition, Long> from = endOffsets(config.topics().outputPrefix() + "en-us");
        log("urgent first: %d new stories at once, the engine slowed to %d ms a request", burst.size(), slowMs);
        try {
            return measure("backlog", config, burst.size(), from, () -> publish(config, burst, 0, null));
        } finally {
            deepL.setLatency(Duration.ofMillis(latencyMs), Duration.ofMillis(jitterMs));
        }
    }

    private Phase measure(String name, ServiceConfig config, int expected, Map<TopicPartition, Long> from, Runnable start)
            throws Exception {
        return measure(name, config, expected, from, start, null);
    }

    private Phase measure(String name, ServiceConfig config, int expected, Map<TopicPartition, Long> from, Runnable start,
                          Map<String, Long> sentAt) throws Exception {
        Watcher watcher = Watcher.start(broker.bootstrapServers(), config.topics().outputPrefix() + "en-us", from);
        watcher.sentAt = sentAt;
        long billed = deepL.billedCharacters();
        int requests = deepL.requestCount();
        TranslationCounters.Snapshot counters = counters();
        DispatcherStats.Snapshot dispatcher = dispatcherStats();
        long cpu = processCpuNanos();
        long detection = detector.streamNanos.sum();
        long quality = detector.otherNanos.sum();
        long detections = detector.streamCalls.sum();
        long commits = commits();
        long wallStart = System.nanoTime();
        start.run();
        watcher.awaitCount(expected, Duration.ofSeconds(600));
        long wall = System.nanoTime() - wallStart;
        Phase phase = new Phase();
        phase.name = name;
        phase.articles = watcher.count();
        phase.seconds = (watcher.lastNanos.get() - watcher.firstNanos.get()) / 1e9;
        phase.rate = phase.seconds > 0 ? (phase.articles - 1) / phase.seconds : 0;
        phase.billedCharacters = deepL.billedCharacters() - billed;
        phase.requests = deepL.requestCount() - requests;
        phase.counters = counters().minus(counters);
        phase.dispatcher = dispatcherStats().minus(dispatcher);
        phase.textsSent = phase.dispatcher.textsSent();
        phase.cpuCores = (processCpuNanos() - cpu) / (double) wall;
        phase.detectionNanos = detector.streamNanos.sum() - detection;
        phase.qualityNanos = detector.otherNanos.sum() - quality;
        phase.detections = detector.streamCalls.sum() - detections;
        phase.commits = commits() - commits;
        phase.watcher = watcher;
        watcher.close();
        log("%s: %d articles in %.1f s (first to last output) = %.1f articles/s; %d DeepL requests, %d characters billed",
                name, phase.articles, phase.seconds, phase.rate, phase.requests, phase.billedCharacters);
        return phase;
    }

    /** Closes the service, leaving its consumer group at once (so that its offsets can be reset). */
    private void stopService() {
        if (service != null) {
            service.streams().close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                    org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
            service.close(Duration.ofSeconds(30));
            service = null;
        }
    }

    /** Transactions committed so far by the service's stream threads (Kafka Streams' commit-total). */
    private long commits() {
        return service.streams().metrics().values().stream()
                .filter(m -> m.metricName().name().equals("commit-total") && m.metricName().group().equals("stream-thread-metrics"))
                .mapToLong(m -> ((Number) m.metricValue()).longValue()).sum();
    }

    private TranslationCounters.Snapshot counters() {
        return service.translateStep().counters().snapshot();
    }

    private DispatcherStats.Snapshot dispatcherStats() {
        return service.translateStep().batched().orElseThrow().stats().snapshot();
    }

    private ServiceConfig config(String app, String mode, Map<String, String> extra) {
        return new ConfigLoader(env(app, mode, extra), new java.util.Properties()).load();
    }

    /** The service's settings, as environment variables. */
    private Map<String, String> env(String app, String mode, Map<String, String> extra) {
        Map<String, String> env = TestConfigs.ownTopicSettings(broker.bootstrapServers(), REGISTRY, deepL, app);
        env.put("TARGET_LANGUAGES", option("targets", "EN-US"));
        env.put("NUM_STREAM_THREADS", option("threads", "2"));
        env.put("STATE_DIR", stateRoot.resolve(app).toString());
        env.put("TRANSLATION_MODE", mode);
        env.put("QUALITY_CHECKS", option("quality", "true"));
        env.put("DETECTION_ACCURACY", option("detection", "low"));
        env.put("COMMIT_INTERVAL_MS", option("commit-interval-ms", ""));
        env.putAll(extra);
        return env;
    }

    // ---- the service alone: memory ----

    /**
     * Runs the service alone in a child JVM once per accuracy mode named by {@code --footprint} (default
     * {@code low,high}; {@code none} skips), each on a fresh backlog of new stories, and reads its memory after.
     * The child needs a registry it can reach over HTTP, so one is started for this phase.
     */
    private List<ServiceFootprint.Result> footprints(long seed) throws Exception {
        List<ServiceFootprint.Result> results = new ArrayList<>();
        String modes = option("footprint", "low,high");
        if (modes.equals("none")) {
            return results;
        }
        deepL.setLatency(Duration.ofMillis(intOption("latency-ms", 150)), Duration.ofMillis(intOption("jitter-ms", 50)));
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            for (String accuracy : modes.split(",")) {
                List<String> flags = List.of(option("footprint-jvm-" + accuracy,
                        accuracy.equals("high") ? "-Xmx1200m" : "-Xmx320m").split(" "));
                String app = "bench-footprint-" + accuracy;
                Map<String, String> env = env(app, "async", Map.of("SCHEMA_REGISTRY_URL", registry.url(),
                        "DETECTION_ACCURACY", accuracy, "HTTP_PORT", "0"));
                ServiceConfig config = new ConfigLoader(env, new java.util.Properties()).load();
                List<StoryFeed.Item> items = StoryFeed.generate(StoryFeed.Options.defaults(intOption("footprint-stories", 300),
                        seed + 3 + accuracy.hashCode()));
                answerInEnglish(items);
                List<RawArticle> backlog = items.stream()
                        .map(item -> RawArticle.newBuilder(item.article()).setId("footprint-" + item.article().getId()).build())
                        .toList();
                createTopic(config.topics().input());
                publish(config, backlog, 0, null);
                log("service alone (%s accuracy, %s): %d articles in a child JVM", accuracy, String.join(" ", flags), backlog.size());
                ServiceFootprint.Result result = ServiceFootprint.measure(accuracy, flags, env, broker.bootstrapServers(),
                        config.topics().output(config.targetLanguages().get(0)), backlog.size(),
                        stateRoot.resolve(app + ".log"));
                log("service alone (%s): %d articles in %.1f s (%.0f/s, start-up included); RSS %d MB (peak %d MB), heap %d MB used of %d MB",
                        accuracy, result.articles(), result.seconds(), result.rate(), result.rssMb(), result.peakRssMb(),
                        result.heapUsedMb(), result.heapCommittedMb());
                results.add(result);
            }
        }
        figures.put("serviceAlone", results);
        return results;
    }

    private void reportFootprints(List<ServiceFootprint.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder();
        table.append("the service alone (child JVM, after a backlog; start-up included in its rate)\n");
        for (ServiceFootprint.Result r : results) {
            table.append(String.format(Locale.ROOT, "  Lingua %-4s %-12s RSS %5d MB (peak %5d MB), heap after GC %4d MB of %4d MB; %5d articles, %4.0f/s%n",
                    r.accuracy(), String.join(" ", r.jvmFlags()), r.rssMb(), r.peakRssMb(), r.heapUsedMb(),
                    r.heapCommittedMb(), r.articles(), r.rate()));
        }
        table.append("-".repeat(96)).append('\n');
        System.out.print(table);
    }

    // ---- where time goes ----

    private Map<String, Object> stageCosts(List<RawArticle> articles, Phase async) throws Exception {
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config("bench-async", "async", Map.of()).registry());
        AvroSerde<RawArticle> raw = new AvroSerde<>(RawArticle.class);
        raw.configure(registry, false);
        AvroSerde<Article> article = new AvroSerde<>(Article.class);
        article.configure(registry, false);
        TextNormalizer normalizer = new TextNormalizer();
        List<RawArticle> sample = articles.subList(0, Math.min(articles.size(), 2000));
        List<byte[]> bytes = sample.stream().map(a -> raw.serializer().serialize("bench-async.raw", a)).toList();
        List<Article> outputs = async.watcher.sample;
        for (int warm = 0; warm < 2; warm++) {
            sample.forEach(normalizer::normalize);
            bytes.forEach(b -> raw.deserializer().deserialize("bench-async.raw", b));
            outputs.forEach(a -> article.serializer().serialize("bench-async.out.en-us", a));
        }
        long t0 = System.nanoTime();
        sample.forEach(normalizer::normalize);
        long normalization = (System.nanoTime() - t0) / sample.size();
        t0 = System.nanoTime();
        bytes.forEach(b -> raw.deserializer().deserialize("bench-async.raw", b));
        long serdeIn = (System.nanoTime() - t0) / sample.size();
        t0 = System.nanoTime();
        outputs.forEach(a -> article.serializer().serialize("bench-async.out.en-us", a));
        long serdeOut = outputs.isEmpty() ? 0 : (System.nanoTime() - t0) / outputs.size();

        Map<String, Object> stages = new LinkedHashMap<>();
        int n = Math.max(1, async.articles);
        stages.put("detectionMicrosPerArticle", async.detectionNanos / 1e3 / n);
        stages.put("normalizationMicrosPerArticle", normalization / 1e3);
        stages.put("serdeMicrosPerArticle", (serdeIn + serdeOut) / 1e3);
        stages.put("translateStepStreamThreadMicrosPerArticle",
                (async.counters.processNanos() + async.counters.emitNanos() - async.counters.backpressureNanos()) / 1e3 / n);
        stages.put("backpressureWaitMicrosPerArticle", async.counters.backpressureNanos() / 1e3 / n);
        stages.put("qualityCheckMicrosPerArticle (dispatcher threads)", async.qualityNanos / 1e3 / n);
        stages.put("mtRequestMillisMean", async.dispatcher.meanRequestMillis());
        stages.put("mtQueueWaitMillisMean", async.dispatcher.meanQueueWaitMillis());
        stages.put("processCpuCoresBusy", async.cpuCores);
        stages.put("availableCores", Runtime.getRuntime().availableProcessors());
        return stages;
    }

    // ---- the report ----

    private void report(Phase sync, Phase async, Phase replay, Phase paced, Phase backlog, Map<String, Object> stages, int concurrency,
                        int batch, int latencyMs, int jitterMs, int rateLimit) {
        double meanLatency = (latencyMs + jitterMs / 2.0) / 1000.0;
        double requestsPerSecond = concurrency / meanLatency;
        if (rateLimit > 0) {
            requestsPerSecond = Math.min(requestsPerSecond, rateLimit);
        }
        double idealTexts = requestsPerSecond * batch;
        double textsPerArticle = async.articles == 0 ? 0 : (double) async.textsSent / async.articles;
        double idealArticles = textsPerArticle == 0 ? 0 : idealTexts / textsPerArticle;
        long naiveRevisions = async.counters.sourceCharacters();
        long naiveReplay = replay.counters.sourceCharacters();

        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("syncArticlesPerSecond", sync.rate);
        throughput.put("asyncArticlesPerSecond", async.rate);
        throughput.put("ratio", sync.rate == 0 ? 0 : async.rate / sync.rate);
        throughput.put("replayArticlesPerSecond", replay.rate);
        throughput.put("syncCommits", sync.commits);
        throughput.put("asyncCommits", async.commits);
        throughput.put("pacedCommits", paced.commits);
        throughput.put("mtBoundIdealArticlesPerSecond", idealArticles);
        throughput.put("fractionOfIdeal", idealArticles == 0 ? 0 : async.rate / idealArticles);
        throughput.put("mtTextsPerArticle", textsPerArticle);
        throughput.put("meanTextsPerRequest", async.dispatcher.meanTextsPerRequest());
        throughput.put("maxTextsPerRequest", async.dispatcher.maxTextsPerRequest());
        throughput.put("maxBytesPerRequest", async.dispatcher.maxBytesPerRequest());
        throughput.put("standInLimitViolations", deepL.limitViolations().size());
        figures.put("throughput", throughput);

        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("revisionStreamNaiveCharacters", naiveRevisions);
        cost.put("revisionStreamBilledCharacters", async.billedCharacters);
        cost.put("revisionStreamBilledShareOfNaive", naiveRevisions == 0 ? 0 : (double) async.billedCharacters / naiveRevisions);
        cost.put("revisionStreamMemoryCharacters", async.counters.memoryCharacters());
        cost.put("revisionStreamSharedCharacters", async.counters.sharedCharacters());
        cost.put("syncBaselineBilledCharactersPerArticle", sync.articles == 0 ? 0 : (double) sync.billedCharacters / sync.articles);
        cost.put("replayNaiveCharacters", naiveReplay);
        cost.put("replayBilledCharacters", replay.billedCharacters);
        cost.put("replayArticlesFullyFromMemory", replay.counters.fullyFromMemory());
        figures.put("characters", cost);

        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("pacedRateArticlesPerSecond", paced.articles / Math.max(0.001, paced.seconds));
        latency.put("p50Millis", paced.watcher.percentile(0.50));
        latency.put("p99Millis", paced.watcher.percentile(0.99));
        latency.put("maxMillis", paced.watcher.percentile(1.0));
        latency.put("backlogEngineLatencyMs", intOption("backlog-latency-ms", 1500));
        latency.put("backlogArticles", backlog.articles);
        latency.put("backlogFlashMeanMillisInTranslateStep", backlog.counters.meanFlashWaitMillis());
        latency.put("backlogOtherMeanMillisInTranslateStep", backlog.counters.meanOtherWaitMillis());
        latency.put("backlogFlashArticles", backlog.counters.flashWaited());
        latency.put("revisionStreamFlashMeanMillisInTranslateStep", async.counters.meanFlashWaitMillis());
        latency.put("revisionStreamOtherMeanMillisInTranslateStep", async.counters.meanOtherWaitMillis());
        figures.put("latency", latency);
        figures.put("stages", stages);
        figures.put("memoryAfterWarmUp", async.memory);
        figures.put("settings", Map.of("concurrency", concurrency, "batch", batch, "streamThreads", option("threads", "2"),
                "partitions", option("partitions", "6"), "targets", option("targets", "EN-US")));

        StringBuilder table = new StringBuilder();
        String line = "-".repeat(96) + "\n";
        table.append("\n").append(line);
        table.append(String.format(Locale.ROOT, "wire-translation throughput benchmark  (stand-in %d ms + 0-%d ms, %s; %d MT requests in flight, "
                + "batches of %d)%n", latencyMs, jitterMs, rateLimit == 0 ? "no rate limit" : rateLimit + " req/s", concurrency, batch));
        table.append(line);
        table.append(String.format(Locale.ROOT, "%-52s %18s %22s%n", "", "sync (baseline)", "async"));
        table.append(String.format(Locale.ROOT, "%-52s %18.1f %22.1f%n", "articles/s end to end", sync.rate, async.rate));
        table.append(String.format(Locale.ROOT, "%-52s %18s %21.1fx%n", "ratio async / sync", "", async.rate / Math.max(1e-9, sync.rate)));
        table.append(String.format(Locale.ROOT, "%-52s %18s %22.1f%n", "MT-bound ideal (articles/s)", "", idealArticles));
        table.append(String.format(Locale.ROOT, "%-52s %18s %21.0f%%%n", "fraction of ideal reached", "", 100 * async.rate / Math.max(1e-9, idealArticles)));
        table.append(String.format(Locale.ROOT, "%-52s %18d %22d%n", "DeepL requests", sync.requests, async.requests));
        table.append(String.format(Locale.ROOT, "%-52s %18.1f %22.1f%n", "texts per request (mean)", sync.requests == 0 ? 0 : (double) sync.textsSent / sync.requests,
                async.dispatcher.meanTextsPerRequest()));
        table.append(String.format(Locale.ROOT, "%-52s %18s %22.2f%n", "texts sent to MT per article", "", textsPerArticle));
        table.append(String.format(Locale.ROOT, "%-52s %18.1f %22.1f%n", "articles per transaction (all stream threads)",
                (double) sync.articles / Math.max(1, sync.commits), (double) async.articles / Math.max(1, async.commits)));
        table.append(String.format(Locale.ROOT, "%-52s %18s %22.0f%n", "replay articles/s (all from memory)", "", replay.rate));
        table.append(line);
        table.append("characters sent to MT                                      naive       with memory\n");
        table.append(String.format(Locale.ROOT, "  revision stream (%6d articles)                  %12d %12d  (%.1f%%)%n", async.articles,
                naiveRevisions, async.billedCharacters, 100.0 * async.billedCharacters / Math.max(1, naiveRevisions)));
        table.append(String.format(Locale.ROOT, "  full replay of the topic                         %12d %12d%n", naiveReplay, replay.billedCharacters));
        table.append(line);
        table.append(String.format(Locale.ROOT, "latency end to end (%.0f articles/s, new stories)     p50 %6.0f ms   p99 %6.0f ms   max %6.0f ms%n",
                paced.articles / Math.max(0.001, paced.seconds), paced.watcher.percentile(0.5), paced.watcher.percentile(0.99),
                paced.watcher.percentile(1.0)));
        table.append(String.format(Locale.ROOT, "  commits: %d in %.0f s while caught up, against %d in %.0f s through the backlog%n",
                paced.commits, paced.seconds, async.commits, async.seconds));
        table.append(String.format(Locale.ROOT, "burst of %d new stories, engine at %d ms a request: time in the translate step%n",
                backlog.articles, intOption("backlog-latency-ms", 1500)));
        table.append(String.format(Locale.ROOT, "  flash (urgency 1, %d articles) %.0f ms on average, the others %.0f ms%n",
                backlog.counters.flashWaited(), backlog.counters.meanFlashWaitMillis(), backlog.counters.meanOtherWaitMillis()));
        table.append(line);
        table.append("where time goes (async run)\n");
        table.append(String.format(Locale.ROOT, "  detection (stream thread)            %8.0f us/article%n", stages.get("detectionMicrosPerArticle")));
        table.append(String.format(Locale.ROOT, "  normalization                        %8.0f us/article%n", stages.get("normalizationMicrosPerArticle")));
        table.append(String.format(Locale.ROOT, "  Avro serde (raw in, article out)     %8.0f us/article%n", stages.get("serdeMicrosPerArticle")));
        table.append(String.format(Locale.ROOT, "  translate step on the stream thread  %8.0f us/article  (memory, pending store, labels)%n",
                stages.get("translateStepStreamThreadMicrosPerArticle")));
        table.append(String.format(Locale.ROOT, "  waiting for room (back-pressure)     %8.0f us/article%n", stages.get("backpressureWaitMicrosPerArticle")));
        table.append(String.format(Locale.ROOT, "  quality check (dispatcher threads)   %8.0f us/article%n", stages.get("qualityCheckMicrosPerArticle (dispatcher threads)")));
        table.append(String.format(Locale.ROOT, "  MT request (mean)                    %8.0f ms; queued before it %.0f ms%n",
                async.dispatcher.meanRequestMillis(), async.dispatcher.meanQueueWaitMillis()));
        table.append(String.format(Locale.ROOT, "  process CPU during the async run     %8.2f of %d cores (broker, stand-in and clients included)%n",
                async.cpuCores, Runtime.getRuntime().availableProcessors()));
        table.append(line);
        table.append(String.format(Locale.ROOT, "memory after warm-up: RSS %s MB, heap used %s MB (one JVM: broker, stand-in, service, clients; "
                + "Lingua %s accuracy)%n", async.memory.get("rssMb"), async.memory.get("heapUsedMb"), option("detection", "low")));
        table.append(line);
        figures.put("table", table.toString());
        System.out.print(table);
    }

    private Map<String, Object> memoryFigures() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapUsedMb", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        memory.put("heapCommittedMb", runtime.totalMemory() / (1024 * 1024));
        memory.put("rssMb", rssMb().map(Object::toString).orElse("n/a"));
        return memory;
    }

    private static Optional<Long> rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (Exception e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    // ---- Kafka plumbing ----

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Integer.parseInt(option("partitions", "6")), (short) 1))).all().get();
            // Producing before every partition has its leader makes the first batches fail and retry.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                    if (description.partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() >= 0)) {
                        Thread.sleep(500);
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // not known yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " has no leaders");
                }
                Thread.sleep(50);
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Publishes in order; at {@code rate} articles/s when positive, noting each article's send time. */
    private void publish(ServiceConfig config, List<RawArticle> articles, double rate, Map<String, Long> sentAt) {
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, rate > 0 ? 0 : 20,
                // Not idempotent, one request in flight: retries after a fresh topic's first NOT_LEADER errors keep
                // order without the idempotent producer's sequence trouble on this one-node broker.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                RawArticle article = articles.get(i);
                if (sentAt != null) {
                    article = RawArticle.newBuilder(article).setReceivedAt(Instant.now()).build();
                    sentAt.put(article.getId() + "#" + article.getRevision(), System.nanoTime());
                }
                producer.send(new ProducerRecord<>(config.topics().input(), article.getId(),
                        serde.serializer().serialize(config.topics().input(), article)), (metadata, failure) -> {
                    if (failure != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " articles could not be published");
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", args);
    }

    /** Counts what arrives on an output topic (read_committed), when, and how long after it was sent. */
    private static final class Watcher implements AutoCloseable {
        private final KafkaConsumer<byte[], Article> consumer;
        private final Thread thread;
        private final AtomicLong firstNanos = new AtomicLong();
        private final AtomicLong lastNanos = new AtomicLong();
        private final LongAdder count = new LongAdder();
        private final List<Long> latenciesNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Article> sample = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Map<String, Long> sentAt;
        private volatile boolean running = true;

        private Watcher(KafkaConsumer<byte[], Article> consumer) {
            this.consumer = consumer;
            this.thread = new Thread(this::poll, "benchmark-watcher");
            this.thread.setDaemon(true);
        }

        static Watcher start(String bootstrap, String topic, Map<TopicPartition, Long> from) {
            AvroSerde<Article> serde = new AvroSerde<>(Article.class);
            serde.configure(Map.of("schema.registry.url", REGISTRY), false);
            KafkaConsumer<byte[], Article> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), serde.deserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.isEmpty()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                if (partitions.isEmpty() && System.nanoTime() > deadline) {
                    throw new IllegalStateException("no topic " + topic);
                }
            }
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition, 0L));
            }
            Watcher watcher = new Watcher(consumer);
            watcher.thread.start();
            return watcher;
        }

        private void poll() {
            while (running) {
                for (ConsumerRecord<byte[], Article> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    firstNanos.compareAndSet(0, now);
                    lastNanos.set(now);
                    count.increment();
                    if (sample.size() < 2000) {
                        sample.add(record.value());
                    }
                    Map<String, Long> sent = sentAt;
                    if (sent != null) {
                        Long at = sent.get(record.value().getId() + "#" + record.value().getVersion());
                        if (at != null) {
                            latenciesNanos.add(now - at);
                        }
                    }
                }
            }
            consumer.close();
        }

        int count() {
            return (int) count.sum();
        }

        void awaitCount(int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (count() < expected) {
                throw new IllegalStateException("only " + count() + " of " + expected + " articles arrived in " + timeout);
            }
        }

        double percentile(double p) {
            List<Long> sorted;
            synchronized (latenciesNanos) {
                sorted = new ArrayList<>(latenciesNanos);
            }
            if (sorted.isEmpty()) {
                return 0;
            }
            sorted.sort(Long::compare);
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }

    /**
     * Makes the stand-in answer English targets with the feed's own English texts, as a real engine would: the
     * quality check then judges real translations (the stand-in's default, the source text behind a tag, would look
     * untranslated in every sentence and cost the check its worst case on every article).
     */
    private void answerInEnglish(List<StoryFeed.Item> items) {
        for (String target : option("targets", "EN-US").split(",")) {
            if (target.trim().toUpperCase(Locale.ROOT).startsWith("EN")) {
                items.forEach(item -> item.english().forEach((text, english) -> deepL.fixTranslation(text, target.trim(), english)));
            }
        }
    }

    /** The detector, timed: stream-thread calls (language detection) apart from the others (quality checks). */
    private static final class TimingDetector implements LanguageDetector {
        private final LanguageDetector delegate;
        final LongAdder streamNanos;
        final LongAdder streamCalls;
        final LongAdder otherNanos;

        TimingDetector(LanguageDetector delegate) {
            this(delegate, new LongAdder(), new LongAdder(), new LongAdder());
        }

        private TimingDetector(LanguageDetector delegate, LongAdder streamNanos, LongAdder streamCalls, LongAdder otherNanos) {
            this.delegate = delegate;
            this.streamNanos = streamNanos;
            this.streamCalls = streamCalls;
            this.otherNanos = otherNanos;
        }

        /** The narrowed detector the quality check uses, timed into the same counters. */
        @Override
        public LanguageDetector among(Set<String> languages) {
            return new TimingDetector(delegate.among(languages), streamNanos, streamCalls, otherNanos);
        }

        @Override
        public Optional<Detection> detect(String text) {
            long start = System.nanoTime();
            try {
                return delegate.detect(text);
            } finally {
                long took = System.nanoTime() - start;
                if (Thread.currentThread().getName().contains("StreamThread")) {
                    streamNanos.add(took);
                    streamCalls.increment();
                } else {
                    otherNanos.add(took);
                }
            }
        }
    }
}
