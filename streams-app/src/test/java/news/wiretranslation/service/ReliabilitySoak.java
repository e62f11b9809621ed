package news.wiretranslation.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.benchmark.StoryFeed;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import news.wiretranslation.translate.deepl.RecordedRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reliability soak test (docs/benchmarks.md): N articles (default 10,000) through the service, run as a child
 * JVM, while the DeepL-API stand-in injects 429s (with Retry-After), 5xx, timeouts and one quota episode, and the
 * service is killed with SIGKILL and restarted twice. At the end it reads every output topic and the dead-letter topic
 * with read_committed, prints the counts, the faults injected by kind, the restarts and the wall time, and exits 1 on
 * any lost or duplicated article.
 *
 * <p>With {@code max-size-article=true} the feed also holds, among the ordinary articles, one whose serialized
 * RawArticle (Confluent-framed Avro) is exactly MAX_ARTICLE_BYTES, which must come out translated on every target,
 * and one 1.5 times as large, which must end as an ARTICLE_TOO_LARGE dead letter (the raw topic allows both). A
 * watcher reads every output and the dead-letter topic (read_committed) while the run lasts and records when the last
 * expected result is read: the time from the last kill until every result is out. {@code faults=false} turns the
 * stand-in's fault injection off.
 *
 * <pre>mvn -B -pl streams-app -am test-compile exec:exec@soak [-Dsoak.args="--articles=2000 --seed=7"]
 * mvn -B -pl streams-app -am test-compile exec:exec@soak -Dsoak.args="articles=2000 kills=2 max-size-article=true"</pre>
 */
public final class ReliabilitySoak {
    private static final String APP = "soak";

    private final int articles;
    private final long seed;
    private final int kills;
    private final boolean maxSizeArticle;
    private final boolean faults;
    private final Random random;
    private final Map<String, AtomicLong> injected = new HashMap<>();

    private ServiceTestBench bench;
    private DeepLStandIn deepL;

    /** The two articles of {@code max-size-article=true}: ids and serialized sizes. */
    private String maxSizeId;
    private String overSizeId;
    private int maxSizeBytes;
    private int overSizeBytes;

    private ReliabilitySoak(int articles, long seed, int kills, boolean maxSizeArticle, boolean faults) {
        this.articles = articles;
        this.seed = seed;
        this.kills = kills;
        this.maxSizeArticle = maxSizeArticle;
        this.faults = faults;
        this.random = new Random(seed);
        for (String kind : List.of("429", "5xx", "timeout", "quota episode")) {
            injected.put(kind, new AtomicLong());
        }
    }

    public static void main(String[] args) throws Exception {
        int articles = 10_000;
        long seed = 1;
        int kills = 2;
        boolean maxSizeArticle = false;
        boolean faults = true;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            switch (kv[0]) {
                case "articles" -> articles = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "kills" -> kills = Integer.parseInt(kv[1]);
                case "max-size-article" -> maxSizeArticle = bool(arg, kv);
                case "faults" -> faults = bool(arg, kv);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (articles, seed, kills, max-size-article, faults)");
            }
        }
        int exit = new ReliabilitySoak(articles, seed, kills, maxSizeArticle, faults).run();
        System.exit(exit);
    }

    private static boolean bool(String arg, String[] kv) {
        String value = kv.length == 1 ? "true" : kv[1];
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(arg + ": true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        Path stateDir = Files.createTempDirectory("wire-translation-soak-");
        bench = ServiceTestBench.start("soak:fx");
        deepL = bench.deepL;
        try {
            Map<String, String> env = settings(stateDir);
            ServiceConfig config = TestConfigs.load(env);
            List<RawArticle> feed = feed();
            if (maxSizeArticle) {
                // The producers' topic must hold the over-size article, so that the service is what refuses it.
                int limit = config.sizes().maxArticleBytes();
                createTopic(config.topics().input(), 4, 2 * limit + 64 * 1024);
                addSizeArticles(config, feed);
                publish(config, feed, 2 * limit + 64 * 1024);
            } else {
                bench.createTopic(config.topics().input(), 4);
                bench.publish(config, feed);
            }
            System.out.printf("soak: %d articles published (%d stories' revisions), targets %s%n", feed.size(),
                    feed.stream().map(RawArticle::getId).distinct().count(), config.targetLanguages());

            deepL.setLatency(Duration.ofMillis(30), Duration.ofMillis(40));
            deepL.setCharacterLimit(1_000_000_000L); // a paid plan: only the injected episode exhausts the quota
            AtomicBoolean done = new AtomicBoolean();
            ResultWatch watch = new ResultWatch(config, ServiceTestBench.ids(feed), done);
            AtomicLong out = watch.firstTargetOut;
            Thread progress = new Thread(watch, "soak-progress");
            progress.setDaemon(true);
            progress.start();
            if (faults) {
                Thread injector = new Thread(() -> injectFaults(out, feed.size(), done), "soak-faults");
                injector.setDaemon(true);
                injector.start();
            }

            Path logDir = Path.of("target", "soak");
            Files.createDirectories(logDir);
            int restarts = 0;
            long lastKill = System.nanoTime(); // the service's first start when there are no kills
            watch.killedAt(lastKill);
            Process child = startChild(env, logDir.resolve("service-0.log"));
            for (int k = 1; k <= kills; k++) {
                long at = (long) feed.size() * k / (kills + 1);
                Process running = child;
                waitFor(() -> out.get() >= at || !running.isAlive(), Duration.ofMinutes(20));
                requireAlive(child, logDir);
                child.destroyForcibly().waitFor(); // SIGKILL
                lastKill = System.nanoTime();
                watch.killedAt(lastKill);
                restarts++;
                System.out.printf("soak: killed the service (SIGKILL) with %d of %d articles out for %s, %d of %d results"
                                + " out on all targets; restarting%n", out.get(), feed.size(),
                        config.targetLanguages().get(0).code(), watch.resultsOut(), watch.resultsExpected());
                child = startChild(env, logDir.resolve("service-" + k + ".log"));
            }
            Process last = child;
            // Every expected result: each input on every target's topic or on the dead-letter topic.
            waitFor(() -> watch.completedAt() > 0 || !last.isAlive(), Duration.ofMinutes(30));
            requireAlive(last, logDir);
            long completedAt = watch.completedAt();
            done.set(true);
            last.destroy();
            last.waitFor();
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            long afterKillMillis = (completedAt - lastKill) / 1_000_000;
            long pauseMillis = watch.longestPause() / 1_000_000;

            List<DeliveryLedger.Tally> tallies = bench.tally(config, feed);
            return report(tallies, restarts, wallMillis, afterKillMillis, pauseMillis);
        } finally {
            bench.close();
        }
    }

    private Map<String, String> settings(Path stateDir) {
        Map<String, String> env = bench.settings(APP, stateDir);
        env.put("DEEPL_TIMEOUT_MS", "1000");
        env.put("TARGET_LANGUAGES", "EN-US,DE");
        env.put("TRANSLATION_RETRY_BACKOFF_MS", "50");
        env.put("TRANSLATION_RETRY_MAX_BACKOFF_MS", "2000");
        env.put("CIRCUIT_BREAKER_FAILURES", "8");
        env.put("CIRCUIT_BREAKER_PROBE_INTERVAL_MS", "1000");
        env.put("QUOTA_PROBE_INTERVAL_MS", "1000");
        env.put("QUALITY_CHECKS", "false"); // CPU for the service, not for the quality check: this test counts records
        env.put("HTTP_PORT", "0");
        return env;
    }

    private List<RawArticle> feed() {
        List<RawArticle> feed = new ArrayList<>();
        for (StoryFeed.Item item : StoryFeed.generate(StoryFeed.Options.defaults(articles / 3 + 1, seed))) {
            if (feed.size() == articles) {
                break;
            }
            feed.add(item.article());
        }
        return feed;
    }

    /**
     * While the run lasts, after every 20-60 translate requests: a burst of 1-4 429s (with Retry-After), 5xx or hangs
     * longer than the client's timeout (so faults stay mixed with traffic, and a paused engine is not kept failing
     * by faults it never met); once, at about 40% of the articles out, a quota episode of 8 seconds.
     */
    private void injectFaults(AtomicLong out, int total, AtomicBoolean done) {
        boolean quotaDone = false;
        try {
            while (!done.get()) {
                int lastCount = deepL.requestCount();
                int gap = 20 + random.nextInt(41);
                while (!done.get() && deepL.requestCount() < lastCount + gap
                        && (quotaDone || out.get() < total * 2L / 5)) {
                    Thread.sleep(100);
                }
                if (!quotaDone && out.get() >= total * 2L / 5) {
                    quotaDone = true;
                    injected.get("quota episode").incrementAndGet();
                    System.out.printf("soak: quota used up (HTTP 456) for 8 s at %d articles out%n", out.get());
                    deepL.setQuotaExceeded(true);
                    Thread.sleep(8_000);
                    deepL.setQuotaExceeded(false);
                    continue;
                }
                int n = 1 + random.nextInt(4);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        deepL.failNext(n, 429, Duration.ofSeconds(1));
                        injected.get("429").addAndGet(n);
                    }
                    case 1 -> {
                        deepL.failNext(n, List.of(500, 502, 503).get(random.nextInt(3)));
                        injected.get("5xx").addAndGet(n);
                    }
                    default -> {
                        deepL.hangNext(n, Duration.ofMillis(1500));
                        injected.get("timeout").addAndGet(n);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The two articles of {@code max-size-article=true}, placed among the ordinary ones: the one at MAX_ARTICLE_BYTES
     * a third of the way into the feed (about where the first kill falls), the one 1.5 times larger halfway.
     */
    private void addSizeArticles(ServiceConfig config, List<RawArticle> feed) {
        AvroSerde<RawArticle> serde = ServiceTopics.serde(RawArticle.class, config);
        int limit = config.sizes().maxArticleBytes();
        maxSizeId = "soak-max-size";
        overSizeId = "soak-over-size";
        RawArticle atMaximum = sized(serde, config, maxSizeId, limit);
        RawArticle over = sized(serde, config, overSizeId, limit + limit / 2);
        maxSizeBytes = serde.serializer().serialize(config.topics().input(), atMaximum).length;
        overSizeBytes = serde.serializer().serialize(config.topics().input(), over).length;
        feed.add(feed.size() / 2, over);
        feed.add(feed.size() / 3, atMaximum);
        System.out.printf("soak: article %s of %d bytes serialized (MAX_ARTICLE_BYTES %d) at position %d, %s of %d bytes"
                        + " at position %d%n", maxSizeId, maxSizeBytes, limit, feed.indexOf(atMaximum), overSizeId,
                overSizeBytes, feed.indexOf(over));
    }

    /** A French article whose Confluent-framed Avro value is exactly {@code bytes} long (as ArticleSizesIT's). */
    private static RawArticle sized(AvroSerde<RawArticle> serde, ServiceConfig config, String id, int bytes) {
        byte[] value = ArticleSizesIT.frenchOfSize(id, bytes, serde, config);
        return serde.deserializer().deserialize(config.topics().input(), value);
    }

    private void createTopic(String topic, int partitions, int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes))))).all().get();
        }
    }

    /** As {@link ServiceTopics#publish}, with a producer that sends records up to {@code maxRequestSize}. */
    private void publish(ServiceConfig config, List<RawArticle> feed, int maxRequestSize) {
        AvroSerde<RawArticle> serde = ServiceTopics.serde(RawArticle.class, config);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize),
                new StringSerializer(), new ByteArraySerializer())) {
            for (RawArticle article : feed) {
                producer.send(new ProducerRecord<>(config.topics().input(), article.getId(),
                        serde.serializer().serialize(config.topics().input(), article)));
            }
            producer.flush();
        }
    }

    /**
     * Reads every target's topic and the dead-letter topic (read_committed) while the run lasts: counts the first
     * target's records (for progress and the kills' timing) and notes when each expected result is first read, an
     * input ("id#revision") on a target's topic or a dead letter standing for it (as {@link DeliveryLedger} counts);
     * {@link #completedAt()} is the moment the last of them was read.
     */
    private final class ResultWatch implements Runnable {
        final AtomicLong firstTargetOut = new AtomicLong();
        private final ServiceConfig config;
        private final AtomicBoolean done;
        private final Map<String, List<String>> inputsById = new HashMap<>();
        private final Map<String, Set<String>> seen = new HashMap<>(); // per target code
        private final int expectedPerTarget;
        private final AtomicLong resultsOut = new AtomicLong();
        private volatile long completedAt = -1;
        private volatile long lastNewResult = -1;
        private volatile long longestPause;

        ResultWatch(ServiceConfig config, List<String> inputs, AtomicBoolean done) {
            this.config = config;
            this.done = done;
            this.expectedPerTarget = inputs.size();
            for (String input : inputs) {
                inputsById.computeIfAbsent(input.substring(0, input.lastIndexOf('#')), id -> new ArrayList<>()).add(input);
            }
            for (TargetLanguage target : config.targetLanguages()) {
                seen.put(target.code(), new HashSet<>());
            }
        }

        long completedAt() {
            return completedAt;
        }

        /** The last kill (or the first start): {@link #longestPause()} is measured from it. */
        void killedAt(long nanos) {
            longestPause = 0;
            lastNewResult = nanos;
        }

        /** Since the last kill, the longest time without a new result read (the kill itself counting as one). */
        long longestPause() {
            return longestPause;
        }

        long resultsOut() {
            return resultsOut.get();
        }

        long resultsExpected() {
            return (long) expectedPerTarget * config.targetLanguages().size();
        }

        @Override
        public void run() {
            Map<String, TargetLanguage> outputs = new HashMap<>();
            for (TargetLanguage target : config.targetLanguages()) {
                outputs.put(config.topics().output(target), target);
            }
            String deadLetters = config.topics().deadLetter();
            Set<String> topics = new HashSet<>(outputs.keySet());
            topics.add(deadLetters);
            String first = config.topics().output(config.targetLanguages().get(0));
            Deserializer<Article> articleValues = ServiceTopics.serde(Article.class, config).deserializer();
            Deserializer<DeadLetter> letterValues = ServiceTopics.serde(DeadLetter.class, config).deserializer();
            Map<String, Object> props = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers()));
                 KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                         new ByteArrayDeserializer())) {
                // The service creates its topics when it starts: assign their partitions once they all exist.
                while (!done.get() && !admin.listTopics().names().get().containsAll(topics)) {
                    Thread.sleep(500);
                }
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long lastPrint = System.nanoTime();
                while (!done.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        long now = System.nanoTime();
                        if (record.topic().equals(deadLetters)) {
                            letter(record, letterValues.deserialize(record.topic(), record.value()), now);
                        } else {
                            Article article = articleValues.deserialize(record.topic(), record.value());
                            if (record.topic().equals(first)) {
                                firstTargetOut.incrementAndGet();
                            }
                            mark(outputs.get(record.topic()).code(), article.getId() + "#" + article.getVersion(), now);
                        }
                    }
                    if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                        lastPrint = System.nanoTime();
                        System.out.printf("soak: %d articles out, %d of %d results out on all targets%n",
                                firstTargetOut.get(), resultsOut.get(), resultsExpected());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("soak: result watcher failed: " + e);
            }
        }

        private void letter(ConsumerRecord<byte[], byte[]> record, DeadLetter letter, long now) {
            String id = letter.getArticleId() != null ? letter.getArticleId().toString()
                    : record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8);
            String language = letter.getTargetLanguage() == null ? null : letter.getTargetLanguage().toString();
            for (TargetLanguage target : config.targetLanguages()) {
                if (language == null || language.equalsIgnoreCase(target.code())) {
                    // A dead letter names the article, not its revision: it stands for one input of that id.
                    Set<String> read = seen.get(target.code());
                    inputsById.getOrDefault(id, List.of()).stream().filter(i -> !read.contains(i)).findFirst()
                            .ifPresent(input -> mark(target.code(), input, now));
                }
            }
        }

        private void mark(String target, String input, long now) {
            if (!inputsById.getOrDefault(input.substring(0, input.lastIndexOf('#')), List.of()).contains(input)
                    || !seen.get(target).add(input)) {
                return; // not an input, or read before: the ledger counts it at the end
            }
            if (lastNewResult > 0) {
                longestPause = Math.max(longestPause, now - lastNewResult);
            }
            lastNewResult = now;
            if (resultsOut.incrementAndGet() == resultsExpected()) {
                completedAt = now;
            }
        }
    }

    private int report(List<DeliveryLedger.Tally> tallies, int restarts, long wallMillis, long afterKillMillis,
                       long pauseMillis) {
        Map<Integer, Long> statuses = new HashMap<>();
        for (RecordedRequest request : deepL.requests()) {
            statuses.merge(request.status(), 1L, Long::sum);
        }
        long lost = tallies.stream().mapToLong(t -> t.missing().size()).sum();
        long duplicated = tallies.stream().mapToLong(t -> t.duplicates().size()).sum();
        System.out.println("------------------------------------------------------------------------------------");
        System.out.printf("wire-translation reliability soak (seed %d)%n", seed);
        System.out.println("------------------------------------------------------------------------------------");
        System.out.printf("articles in                      %d%s%n", tallies.get(0).in(), maxSizeArticle
                ? String.format(" (%d ordinary, 1 at MAX_ARTICLE_BYTES, 1 above it)", tallies.get(0).in() - 2) : "");
        for (DeliveryLedger.Tally t : tallies) {
            System.out.printf("  %-30s %s%n", t.target(), t);
        }
        System.out.printf("dead letters by reason           %s (a letter for all targets counts on each)%n",
                String.join(", ", tallies.stream().map(t -> t.target() + " " + (t.deadLettersByReason().isEmpty()
                        ? "none" : t.deadLettersByReason().toString())).toList()));
        boolean sizesOk = true;
        if (maxSizeArticle) {
            String atMax = maxSizeId + "#1";
            String over = overSizeId + "#1";
            boolean translated = tallies.stream().allMatch(t -> "out".equals(t.endedAs().get(atMax)));
            boolean refused = tallies.stream().allMatch(t -> "ARTICLE_TOO_LARGE".equals(t.endedAs().get(over)));
            sizesOk = translated && refused;
            System.out.printf("article at the maximum           %s, %d bytes: %s%n", maxSizeId, maxSizeBytes,
                    translated ? "translated on every target" : "NOT translated on every target: "
                            + tallies.stream().map(t -> t.target() + "=" + t.endedAs().get(atMax)).toList());
            System.out.printf("article above it                 %s, %d bytes: %s%n", overSizeId, overSizeBytes,
                    refused ? "dead letter ARTICLE_TOO_LARGE for every target" : "NOT dead-lettered as ARTICLE_TOO_LARGE: "
                            + tallies.stream().map(t -> t.target() + "=" + t.endedAs().get(over)).toList());
        }
        if (faults) {
            System.out.printf("faults injected                  429 x%d (Retry-After 1 s), 5xx x%d, timeouts x%d, quota episodes x%d%n",
                    injected.get("429").get(), injected.get("5xx").get(), injected.get("timeout").get(),
                    injected.get("quota episode").get());
        } else {
            System.out.println("faults injected                  none (faults=false)");
        }
        System.out.printf("translate requests by status     %s%n", new java.util.TreeMap<>(statuses));
        System.out.printf("service killed (SIGKILL) and restarted  %d times%n", restarts);
        System.out.printf("lost                             %d%n", lost);
        System.out.printf("duplicated                       %d%n", duplicated);
        System.out.printf("%s%.1f s (the longest stretch without a new result in it %.1f s)%n", restarts > 0
                ? "last kill to every result out    " : "service start to every result out ", afterKillMillis / 1000.0,
                pauseMillis / 1000.0);
        System.out.printf("wall time                        %.1f s%n", wallMillis / 1000.0);
        System.out.println("------------------------------------------------------------------------------------");
        boolean ok = lost == 0 && duplicated == 0 && sizesOk && tallies.stream().allMatch(DeliveryLedger.Tally::exact);
        System.out.println(ok ? "soak: PASSED" : "soak: FAILED");
        return ok ? 0 : 1;
    }

    private static Process startChild(Map<String, String> env, Path log) throws Exception {
        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath,
                "news.wiretranslation.cli.WireTranslation", "run");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private static void requireAlive(Process child, Path logDir) {
        if (!child.isAlive()) {
            throw new IllegalStateException("the service exited with " + child.exitValue() + "; logs in " + logDir.toAbsolutePath());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("soak: timed out after " + timeout);
            }
            Thread.sleep(500);
        }
    }
}
