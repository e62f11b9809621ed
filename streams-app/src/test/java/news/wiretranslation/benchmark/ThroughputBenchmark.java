package news.wiretranslation.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * End-to-end throughput of wire-translation on one machine, measured so that another engineer can repeat it and get
 * the same answer: the real in-process Kafka broker and schema registry, the DeepL-API stand-in (150 ms a request by
 * default), and the service itself in a JVM of its own ({@code WireTranslation run}, as in production), so that its
 * CPU time and memory are its own. Each repetition runs three phases, each with a fresh application (its own consumer
 * group, state and output topic):
 *
 * <ol>
 *   <li><b>sync</b>: the synchronous design ({@code TRANSLATION_MODE=sync}, one engine request per article on the
 *       stream thread) on the feed, for a fixed window from its first output; the feed is far longer than the
 *       window needs, and the report says whether (and when) the phase ran out of input;</li>
 *   <li><b>async</b>: the default design, warmed up on other articles, then the same feed published at once, to its
 *       last article: a window that opens and closes on an empty pipeline;</li>
 *   <li><b>flash</b>: after the same warm-up, a backlog of routine new stories published at once, then flash articles (IPTC urgency 1)
 *       published while it drains; each flash article's latency from its {@code receivedAt} (stamped as it is sent)
 *       to its arrival on a {@code read_committed} consumer.</li>
 * </ol>
 *
 * <p>It prints each figure's median over the repetitions with its range, the MT-bound ideal computed from what was
 * measured, the CPU per article by stage and by thread, the load average at the start and end of each repetition,
 * and the targets, met or not; everything also goes to {@code target/benchmark/throughput.json}. Options:
 * {@link BenchmarkOptions} ({@code --help} lists them).
 *
 * <p>Run: {@code mvn -B -ntp -pl streams-app -am test-compile exec:exec@benchmark}; a short check:
 * {@code -Dbenchmark.args="--repetitions=1 --stories=250 --backlog-articles=1000 --flash-articles=200 --sync-seconds=10"}.
 */
public final class ThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FEED_TOPIC = "wt-feed.raw";
    /** The flash phase's guess of the drain rate when no async phase ran before it. */
    private static final double DEFAULT_DRAIN_RATE = 100;
    /** Articles out before the synchronous baseline's window opens. */
    private static final int SYNC_WARM_UP_ARTICLES = 20;

    private final BenchmarkOptions options;
    private EmbeddedKafkaBroker broker;
    private EmbeddedSchemaRegistry registry;
    private DeepLStandIn deepL;
    private PublishedArticles published;
    private Path stateRoot;
    private List<RawArticle> feed;

    private ThroughputBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (args.length > 0 && String.join(" ", args).contains("--help")) {
            System.out.print(BenchmarkOptions.usage());
            System.exit(0);
        }
        int status = 0;
        try {
            new ThroughputBenchmark(BenchmarkOptions.parse(args)).run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    // ---- the run ----

    private void run() throws Exception {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "wire-translation throughput (docs/benchmarks.md)");
        figures.put("command", options.command());
        figures.put("startedAt", startedAt.toString());
        figures.put("machine", machine());
        figures.put("options", options.effective());
        log("%s", options.command());
        log("machine: %s; load average at the start %s", figures.get("machine"), load(ProcStats.loadAverage()));

        stateRoot = Files.createTempDirectory("wire-translation-benchmark-");
        broker = EmbeddedKafkaBroker.start(Map.of("num.partitions", options.text("partitions")));
        registry = EmbeddedSchemaRegistry.start();
        deepL = new DeepLStandIn("benchmark:fx").start();
        deepL.setLatency(Duration.ofMillis(options.integer("latency-ms")), Duration.ofMillis(options.integer("jitter-ms")));
        deepL.setRateLimit(options.integer("rate-limit"));
        published = new PublishedArticles(broker.bootstrapServers(), registry.url());
        try {
            List<StoryFeed.Item> items = StoryFeed.generate(StoryFeed.Options.wireCopy(options.integer("stories"),
                    Long.parseLong(options.text("seed")), options.integer("article-chars")));
            answerInEnglish(items);
            feed = items.stream().map(StoryFeed.Item::article).toList();
            figures.put("feed", FeedShape.of(feed));
            log("feed: %s", FeedShape.of(feed));
            createTopic(FEED_TOPIC);
            published.publish(FEED_TOPIC, feed, false);

            List<Repetition> repetitions = new ArrayList<>();
            figures.put("complete", false);
            figures.put("repetitions", repetitions);
            for (int r = 1; r <= options.integer("repetitions"); r++) {
                repetitions.add(repetition(r, repetitions));
                // Written after each repetition, so that a run cut short still leaves what it measured.
                write(figures);
            }
            figures.put("complete", true);
            BenchmarkReport report = new BenchmarkReport(options, FeedShape.of(feed), repetitions);
            figures.put("summary", report.summary());
            figures.put("targets", report.targets());
            String table = report.table();
            System.out.print(table);
            figures.put("table", table.lines().toList());
        } finally {
            deepL.close();
            registry.close();
            broker.close();
        }
        figures.put("finishedAt", Instant.now().toString());
        figures.put("elapsedSeconds", (System.nanoTime() - started) / 1e9);
        write(figures);
        log("figures written to %s (%.0f s in all)", options.out().toAbsolutePath(), (System.nanoTime() - started) / 1e9);
    }

    private void write(Map<String, Object> figures) throws IOException {
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), figures);
    }

    private Repetition repetition(int r, List<Repetition> earlier) throws Exception {
        double[] loadStart = ProcStats.loadAverage();
        log("repetition %d of %d: load average %s", r, options.integer("repetitions"), load(loadStart));
        SyncPhase sync = options.runs("sync") ? sync(r) : null;
        AsyncPhase async = options.runs("async") ? async(r) : null;
        double drainRate = async != null ? async.window().articlesPerSecond()
                : earlier.stream().filter(e -> e.async() != null).mapToDouble(e -> e.async().window().articlesPerSecond())
                .findFirst().orElse(DEFAULT_DRAIN_RATE);
        FlashPhase flash = options.runs("flash") ? flash(r, drainRate) : null;
        double[] loadEnd = ProcStats.loadAverage();
        log("repetition %d done: load average %s", r, load(loadEnd));
        return new Repetition(r, loadStart, loadEnd, sync, async, flash);
    }

    /** One repetition of every phase, with the machine's load average before and after. */
    record Repetition(int repetition, double[] loadAverageStart, double[] loadAverageEnd, SyncPhase sync,
                      AsyncPhase async, FlashPhase flash) {
    }

    /**
     * @param ranDry        whether every article of the feed came out before the window ended (the rate then
     *                      measures the feed, not the design)
     * @param drySeconds    when, from the window's start; -1 when it did not
     * @param feedArticles  articles available to it
     * @param startSeconds  from the service's launch to its first output
     */
    record SyncPhase(Window window, boolean ranDry, double drySeconds, int feedArticles, double startSeconds) {
    }

    /**
     * @param readySeconds from the launch to ready (language models loaded, Kafka Streams running)
     * @param rssMb        resident memory of the service at the end; peakRssMb its high-water mark (VmHWM)
     */
    record AsyncPhase(Window window, double readySeconds, long rssMb, long peakRssMb, boolean ownProcess) {
    }

    /**
     * @param flashLatencyMillis   each flash article's latency, receivedAt to committed output
     * @param flashBehindBacklog   flash articles sent while routine articles of the backlog were still to come out
     * @param backlogAheadMedian   the median number of routine articles still to come out when a flash was sent
     * @param flashPerSecond       the rate the flash articles were sent at (spread over the expected drain)
     * @param backlogDrainSeconds  from the backlog's publication to its last article out
     */
    record FlashPhase(Window window, int backlogArticles, List<Long> flashLatencyMillis, List<Long> routineLatencyMillis,
                      int flashBehindBacklog, double backlogAheadMedian, double flashPerSecond, double backlogDrainSeconds) {
    }

    private SyncPhase sync(int r) throws Exception {
        String app = "wt-sync-" + r;
        Map<String, String> env = env(app, "sync", FEED_TOPIC);
        int seconds = options.integer("sync-seconds");
        log("sync %d: the synchronous design on the feed (%d articles), a window of %d s after its first %d articles", r, feed.size(), seconds, SYNC_WARM_UP_ARTICLES);
        long launched = System.nanoTime();
        try (ServiceUnderTest service = startService(app, env);
             OutputWatcher watcher = watchOutput(service, env)) {
            watcher.awaitCount(1, Duration.ofMinutes(5), service::isAlive, "sync");
            double startSeconds = (System.nanoTime() - launched) / 1e9;
            // A few articles first, so that the window does not time the JVM compiling its code (a handful of
            // seconds at the synchronous design's pace; an article at a time is in flight, so nothing else skews it).
            watcher.awaitCount(SYNC_WARM_UP_ARTICLES, Duration.ofMinutes(2), service::isAlive, "sync warm-up");
            Window.Sample start = Window.Sample.take(service, watcher, deepL);
            long end = start.nanos() + Duration.ofSeconds(seconds).toNanos();
            double dry = -1;
            while (System.nanoTime() < end) {
                if (watcher.count() >= feed.size()) { // every article out: no input left
                    dry = (System.nanoTime() - start.nanos()) / 1e9;
                    break;
                }
                if (!service.isAlive()) {
                    throw new IllegalStateException("sync: the service stopped: " + service.diagnosis());
                }
                Thread.sleep(50);
            }
            Window window = Window.between(start, Window.Sample.take(service, watcher, deepL), app, deepL.requests());
            log("sync %d: %d articles in %.1f s = %.1f articles/s; %s", r, window.articles(), window.seconds(),
                    window.articlesPerSecond(), dry < 0 ? "input left at the end (" + (feed.size() - watcher.count())
                            + " articles not yet read)" : String.format(Locale.ROOT, "RAN DRY after %.1f s", dry));
            return new SyncPhase(window, dry >= 0, dry, feed.size(), startSeconds);
        }
    }

    private AsyncPhase async(int r) throws Exception {
        String app = "wt-async-" + r;
        String topic = app + ".raw";
        Map<String, String> env = env(app, "async", topic);
        List<RawArticle> warmUp = newStories(options.integer("warm-up-articles"), 0.0,
                Long.parseLong(options.text("seed")) + 1000L * r + 4, "r" + r + "-warm-up-");
        createTopic(topic);
        log("async %d: the asynchronous design, warmed up on %d articles, then the feed (%d articles) at once", r,
                warmUp.size(), feed.size());
        long launched = System.nanoTime();
        try (ServiceUnderTest service = startService(app, env);
             OutputWatcher watcher = watchOutput(service, env)) {
            double readySeconds = (System.nanoTime() - launched) / 1e9;
            // The window opens on an empty pipeline and closes on one: every article counted was read, detected,
            // translated and written inside it (a window opened on the Nth output would count articles already
            // read, and their CPU, from the queue before it). The warm-up before it: a fresh JVM compiles its hot
            // code in its first seconds, which a long-running instance did long before a backlog reaches it.
            published.publish(topic, warmUp, false);
            watcher.awaitCount(warmUp.size(), Duration.ofMinutes(2), service::isAlive, "async warm-up");
            Window.Sample start = Window.Sample.take(service, watcher, deepL);
            published.publish(topic, feed, false);
            watcher.awaitCount(warmUp.size() + feed.size(), Duration.ofMinutes(2), service::isAlive, "async");
            Window.Sample end = Window.Sample.take(service, watcher, deepL);
            long[] rss = ProcStats.residentMb(service.pid());
            Window window = Window.between(start, end, app, deepL.requests());
            log("async %d: %d articles in %.1f s = %.1f articles/s; %.2f ms of process CPU an article; RSS %d MB (peak %d MB)",
                    r, window.articles(), window.seconds(), window.articlesPerSecond(), window.processCpuMsPerArticle(),
                    rss[0], rss[1]);
            return new AsyncPhase(window, readySeconds, rss[0], rss[1], service.ownProcess());
        }
    }

    private FlashPhase flash(int r, double drainRate) throws Exception {
        String app = "wt-flash-" + r;
        String topic = app + ".raw";
        Map<String, String> env = env(app, "async", topic);
        int backlogCount = options.integer("backlog-articles");
        int flashCount = options.integer("flash-articles");
        long seed = Long.parseLong(options.text("seed")) + 1000L * r;
        List<RawArticle> backlog = newStories(backlogCount, 0.0, seed + 1, "r" + r + "-routine-");
        List<RawArticle> flash = newStories(flashCount, 1.0, seed + 2, "r" + r + "-flash-");
        List<RawArticle> warmUp = newStories(options.integer("warm-up-articles"), 0.0, seed + 3, "r" + r + "-warm-up-");
        createTopic(topic);
        // Spread over 80% of the drain the async phase's rate predicts, so that they arrive behind the backlog.
        double drainSeconds = backlogCount / Math.max(1, drainRate);
        double flashPerSecond = Math.max(1, Math.min(1000, flashCount / (0.8 * drainSeconds)));
        try (ServiceUnderTest service = startService(app, env)) {
            try (OutputWatcher watcher = watchOutput(service, env)) {
                log("flash %d: %d routine articles at once, then %d flash articles at %.1f/s while they drain", r,
                        backlogCount, flashCount, flashPerSecond);
                // Warm, as an instance that has been running is when a backlog builds up; not timed.
                published.publish(topic, warmUp, false);
                watcher.awaitCount(warmUp.size(), Duration.ofMinutes(2), service::isAlive, "flash warm-up");
                Window.Sample start = Window.Sample.take(service, watcher, deepL);
                published.publish(topic, backlog, true);
                AtomicIntegerArray ahead = new AtomicIntegerArray(flashCount);
                Thread flashes = new Thread(() -> published.publish(topic, flash, true, flashPerSecond,
                        i -> ahead.set(i, Math.max(0, warmUp.size() + backlogCount - watcher.count()))), "benchmark-flash-publisher");
                flashes.start();
                watcher.awaitCount(warmUp.size() + backlogCount + flashCount, Duration.ofMinutes(2), service::isAlive, "flash");
                flashes.join();
                Window.Sample end = Window.Sample.take(service, watcher, deepL);
                Window window = Window.between(start, end, app, deepL.requests());
                List<OutputWatcher.Arrival> arrivals = watcher.arrivals().subList(warmUp.size(), warmUp.size() + backlogCount + flashCount);
                List<Long> flashLatency = arrivals.stream().filter(a -> a.flash() && a.latencyMillis() >= 0)
                        .map(OutputWatcher.Arrival::latencyMillis).toList();
                List<Long> routineLatency = arrivals.stream().filter(a -> !a.flash() && a.latencyMillis() >= 0)
                        .map(OutputWatcher.Arrival::latencyMillis).toList();
                long lastRoutine = arrivals.stream().filter(a -> !a.flash()).mapToLong(OutputWatcher.Arrival::nanos).max().orElse(start.nanos());
                List<Integer> aheadList = new ArrayList<>();
                for (int i = 0; i < flashCount; i++) {
                    aheadList.add(ahead.get(i));
                }
                int behind = (int) aheadList.stream().filter(a -> a > 0).count();
                Distribution latency = Distribution.of(flashLatency);
                log("flash %d: %d flash articles, %d of them sent behind routine articles still to come out; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                        r, latency.count(), behind, latency.percentile(0.5), latency.percentile(0.99), latency.max());
                return new FlashPhase(window, backlogCount, flashLatency, routineLatency, behind,
                        Distribution.of(aheadList).median(), flashPerSecond, (lastRoutine - start.nanos()) / 1e9);
            }
        }
    }

    /** New stories, published once each (no revisions), with ids of their own. */
    private List<RawArticle> newStories(int count, double flashShare, long seed, String prefix) {
        StoryFeed.Options shape = StoryFeed.Options.wireCopy(count, seed, options.integer("article-chars"))
                .withRevisions(1, flashShare, seed);
        List<StoryFeed.Item> items = StoryFeed.generate(shape);
        answerInEnglish(items);
        return items.stream().map(item -> RawArticle.newBuilder(item.article()).setId(prefix + item.article().getId()).build())
                .toList();
    }

    // ---- the service ----

    private ServiceUnderTest startService(String app, Map<String, String> env) throws IOException {
        return options.inProcess() ? InProcessService.start(env)
                : ChildService.start(env, options.serviceJvmFlags(), Path.of("target/benchmark/logs", app + ".log"));
    }

    /** Reads the service's output topic from its start, once the service is ready (it creates the topic). */
    private OutputWatcher watchOutput(ServiceUnderTest service, Map<String, String> env) throws InterruptedException {
        return OutputWatcher.start(broker.bootstrapServers(), registry.url(), outputTopic(env), published, service::awaitReady);
    }

    /** The service's settings, as environment variables; empty options leave the service's defaults. */
    private Map<String, String> env(String app, String mode, String inputTopic) {
        Map<String, String> env = TestConfigs.ownTopicSettings(broker.bootstrapServers(), registry.url(), deepL, app);
        env.put("INPUT_TOPIC", inputTopic);
        env.put("TARGET_LANGUAGES", options.text("targets"));
        env.put("NUM_STREAM_THREADS", options.text("threads"));
        env.put("STATE_DIR", stateRoot.resolve(app).toString());
        env.put("TRANSLATION_MODE", mode);
        Map.of("concurrency", "TRANSLATION_CONCURRENCY", "batch", "TRANSLATION_BATCH_MAX_TEXTS",
                "detection", "DETECTION_ACCURACY", "quality", "QUALITY_CHECKS").forEach((option, setting) -> {
                    if (!options.text(option).isEmpty()) {
                        env.put(setting, options.text(option));
                    }
                });
        return env;
    }

    private static String outputTopic(Map<String, String> env) {
        ServiceConfig config = new ConfigLoader(env, new Properties()).load();
        return config.topics().output(config.targetLanguages().get(0));
    }

    // ---- Kafka plumbing ----

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Integer.parseInt(options.text("partitions")), (short) 1))).all().get();
            // Producing before every partition has its leader makes the first batches fail and retry.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                    if (description.partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() >= 0)) {
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

    /**
     * Makes the stand-in answer English targets with the feed's own English texts, as a real engine would: the
     * quality check then judges real translations (the stand-in's default, the source text behind a tag, would look
     * untranslated in every sentence and cost the check its worst case on every article).
     */
    private void answerInEnglish(List<StoryFeed.Item> items) {
        for (String target : options.text("targets").split(",")) {
            if (target.trim().toUpperCase(Locale.ROOT).startsWith("EN")) {
                items.forEach(item -> item.english().forEach((text, english) -> deepL.fixTranslation(text, target.trim(), english)));
            }
        }
    }

    // ---- the machine ----

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name", l -> l.substring(l.indexOf(':') + 1).trim()));
        machine.put("memoryMb", firstLine(Path.of("/proc/meminfo"), "MemTotal", l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("benchmarkJvm", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return machine;
    }

    private static Object firstLine(Path file, String prefix, Function<String, Object> value) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().map(value).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String load(double[] load) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f (1, 5, 15 min)", load[0], load[1], load[2]);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[benchmark %s] " + format + "%n", concat(Instant.now().toString().substring(11, 19), args));
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
