package news.wiretranslation.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.benchmark.StoryFeed;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import news.wiretranslation.translate.deepl.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The reliability soak test (docs/benchmarks.md): N articles (default 10,000) through the service, run as a child
 * JVM, while the DeepL-API stand-in injects 429s (with Retry-After), 5xx, timeouts and one quota episode, and the
 * service is killed with SIGKILL and restarted twice. At the end it reads every output topic and the dead-letter topic
 * with read_committed, prints the counts, the faults injected by kind, the restarts and the wall time, and exits 1 on
 * any lost or duplicated article.
 *
 * <pre>mvn -B -pl streams-app -am test-compile exec:exec@soak [-Dsoak.args="--articles=2000 --seed=7"]</pre>
 */
public final class ReliabilitySoak {
    private static final String APP = "soak";

    private final int articles;
    private final long seed;
    private final int kills;
    private final Random random;
    private final Map<String, AtomicLong> injected = new HashMap<>();

    private ServiceTestBench bench;
    private DeepLStandIn deepL;

    private ReliabilitySoak(int articles, long seed, int kills) {
        this.articles = articles;
        this.seed = seed;
        this.kills = kills;
        this.random = new Random(seed);
        for (String kind : List.of("429", "5xx", "timeout", "quota episode")) {
            injected.put(kind, new AtomicLong());
        }
    }

    public static void main(String[] args) throws Exception {
        int articles = 10_000;
        long seed = 1;
        int kills = 2;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            switch (kv[0]) {
                case "articles" -> articles = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "kills" -> kills = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + arg + " (articles, seed, kills)");
            }
        }
        int exit = new ReliabilitySoak(articles, seed, kills).run();
        System.exit(exit);
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        Path stateDir = Files.createTempDirectory("wire-translation-soak-");
        bench = ServiceTestBench.start("soak:fx");
        deepL = bench.deepL;
        try {
            Map<String, String> env = settings(stateDir);
            ServiceConfig config = TestConfigs.load(env);
            bench.createTopic(config.topics().input(), 4);
            List<RawArticle> feed = feed();
            bench.publish(config, feed);
            System.out.printf("soak: %d articles published (%d stories' revisions), targets %s%n", feed.size(),
                    feed.stream().map(RawArticle::getId).distinct().count(), config.targetLanguages());

            deepL.setLatency(Duration.ofMillis(30), Duration.ofMillis(40));
            deepL.setCharacterLimit(1_000_000_000L); // a paid plan: only the injected episode exhausts the quota
            AtomicLong out = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            Thread progress = new Thread(() -> countOutput(config, out, done), "soak-progress");
            progress.setDaemon(true);
            progress.start();
            Thread faults = new Thread(() -> injectFaults(out, feed.size(), done), "soak-faults");
            faults.setDaemon(true);
            faults.start();

            Path logDir = Path.of("target", "soak");
            Files.createDirectories(logDir);
            int restarts = 0;
            Process child = startChild(env, logDir.resolve("service-0.log"));
            for (int k = 1; k <= kills; k++) {
                long at = (long) feed.size() * k / (kills + 1);
                Process running = child;
                waitFor(() -> out.get() >= at || !running.isAlive(), Duration.ofMinutes(20));
                requireAlive(child, logDir);
                child.destroyForcibly().waitFor(); // SIGKILL
                restarts++;
                System.out.printf("soak: killed the service (SIGKILL) with %d of %d articles out for %s; restarting%n",
                        out.get(), feed.size(), config.targetLanguages().get(0).code());
                child = startChild(env, logDir.resolve("service-" + k + ".log"));
            }
            Process last = child;
            waitFor(() -> out.get() >= feed.size() || !last.isAlive(), Duration.ofMinutes(30));
            requireAlive(last, logDir);
            // Let the other targets finish too, then stop the service cleanly.
            waitFor(() -> bench.delivered(config, feed), Duration.ofMinutes(5));
            done.set(true);
            last.destroy();
            last.waitFor();
            long wallMillis = (System.nanoTime() - started) / 1_000_000;

            List<DeliveryLedger.Tally> tallies = bench.tally(config, feed);
            return report(tallies, restarts, wallMillis);
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

    /** Counts what the first target's topic holds (read_committed), for progress and for the kills' timing. */
    private void countOutput(ServiceConfig config, AtomicLong out, AtomicBoolean done) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "soak-progress",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.topics().output(config.targetLanguages().get(0))));
            long lastPrint = System.nanoTime();
            while (!done.get()) {
                out.addAndGet(consumer.poll(Duration.ofMillis(500)).count());
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf("soak: %d articles out%n", out.get());
                }
            }
        } catch (RuntimeException e) {
            System.err.println("soak: progress reader failed: " + e);
        }
    }

    private int report(List<DeliveryLedger.Tally> tallies, int restarts, long wallMillis) {
        Map<Integer, Long> statuses = new HashMap<>();
        for (RecordedRequest request : deepL.requests()) {
            statuses.merge(request.status(), 1L, Long::sum);
        }
        long lost = tallies.stream().mapToLong(t -> t.missing().size()).sum();
        long duplicated = tallies.stream().mapToLong(t -> t.duplicates().size()).sum();
        System.out.println("------------------------------------------------------------------------------------");
        System.out.printf("wire-translation reliability soak (seed %d)%n", seed);
        System.out.println("------------------------------------------------------------------------------------");
        System.out.printf("articles in                      %d%n", tallies.get(0).in());
        for (DeliveryLedger.Tally t : tallies) {
            System.out.printf("  %-30s %s%n", t.target(), t);
        }
        System.out.printf("faults injected                  429 x%d (Retry-After 1 s), 5xx x%d, timeouts x%d, quota episodes x%d%n",
                injected.get("429").get(), injected.get("5xx").get(), injected.get("timeout").get(),
                injected.get("quota episode").get());
        System.out.printf("translate requests by status     %s%n", new java.util.TreeMap<>(statuses));
        System.out.printf("service killed (SIGKILL) and restarted  %d times%n", restarts);
        System.out.printf("lost                             %d%n", lost);
        System.out.printf("duplicated                       %d%n", duplicated);
        System.out.printf("wall time                        %.1f s%n", wallMillis / 1000.0);
        System.out.println("------------------------------------------------------------------------------------");
        boolean ok = lost == 0 && duplicated == 0 && tallies.stream().allMatch(DeliveryLedger.Tally::exact);
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
