package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.benchmark.StoryFeed;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.translate.async.BatchLimits;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import news.wiretranslation.translate.deepl.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asynchronous translate step on a real broker, with the real DeepL client against the DeepL-API stand-in (with
 * latency): per-story order under concurrency, DeepL's request limits, and exactly-once output across a crash of
 * the process (killed with SIGKILL mid-batch) and across an orchestrator's stop (SIGTERM mid-batch), each followed by
 * a new instance on the same state directory.
 */
class AsyncTranslationIT {
    private static ServiceTestBench bench;
    private static DeepLStandIn deepL;

    @BeforeAll
    static void start() throws Exception {
        bench = ServiceTestBench.start("async-it:fx");
        deepL = bench.deepL;
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @BeforeEach
    void resetStandIn() {
        deepL.clearFaults();
        deepL.reset();
    }

    private Map<String, String> settings(String app, Path stateDir) {
        Map<String, String> env = bench.settings(app, stateDir);
        env.put("TRANSLATION_MODE", "async");
        env.put("HTTP_PORT", "0"); // the child process serves metrics and health; any free port, not 8080
        return env;
    }

    @Test
    void storiesStayInOrderAndRequestsWithinDeepLsLimitsUnderConcurrency(@TempDir Path stateDir) throws Exception {
        Map<String, String> env = settings("async-order-it", stateDir);
        env.put("NUM_STREAM_THREADS", "2");
        env.put("TRANSLATION_CONCURRENCY", "8");
        ServiceConfig config = TestConfigs.load(env);
        bench.createTopic(config.topics().input(), 3);
        deepL.setLatency(Duration.ofMillis(30), Duration.ofMillis(120)); // completions overtake each other

        List<RawArticle> feed = new ArrayList<>();
        StoryFeed.generate(StoryFeed.Options.defaults(80, 42)).forEach(item -> feed.add(item.article()));
        for (int i = 0; i < 3; i++) {
            feed.add(feed.size() / 2, hugeArticle("huge-" + i)); // each well over 128 KiB: split by size
        }

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.publish(config, feed);
            for (String language : List.of("en-us", "de")) {
                List<ConsumerRecord<byte[], Article>> out = read(config, language, feed.size(), Duration.ofSeconds(120));
                assertExactlyOnceInOrder(out, feed);
            }
        }

        List<RecordedRequest> requests = deepL.requests();
        assertThat(deepL.limitViolations()).isEmpty();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.texts()).hasSizeLessThanOrEqualTo(BatchLimits.DEEPL.maxTexts());
            assertThat(r.bodyBytes()).isLessThanOrEqualTo(128 * 1024);
            assertThat(r.status()).isEqualTo(200);
        });
        int maxTexts = requests.stream().mapToInt(r -> r.texts().size()).max().orElse(0);
        long maxBytes = requests.stream().mapToLong(RecordedRequest::bodyBytes).max().orElse(0);
        System.out.printf("async order IT: %d articles, %d DeepL requests, at most %d texts and %d bytes in one%n",
                feed.size(), requests.size(), maxTexts, maxBytes);
        assertThat(maxTexts).as("texts of several articles share requests").isGreaterThan(12);
        assertThat(maxBytes).as("the huge articles filled requests by size").isGreaterThan(100 * 1024);
    }

    @Test
    void aProcessKilledMidBatchLeavesEveryArticleExactlyOnceAfterARestart(@TempDir Path stateDir) throws Exception {
        interruptMidBatchThenRestart("async-crash-it", stateDir, Map.of(), ServiceProcess::kill);
    }

    /** An orchestrator's stop: the translations in flight are handed back (their articles stay pending), not awaited. */
    @Test
    void aProcessStoppedWithSigtermMidBatchStopsInTimeAndTheNextInstanceFinishesEveryArticleOnce(@TempDir Path stateDir)
            throws Exception {
        Duration shutdownTimeout = Duration.ofSeconds(10);
        interruptMidBatchThenRestart("async-sigterm-it", stateDir,
                Map.of("SHUTDOWN_TIMEOUT_MS", Long.toString(shutdownTimeout.toMillis())), child -> {
                    long signalled = System.nanoTime();
                    child.terminate(shutdownTimeout.plusSeconds(10));
                    System.out.printf("async-sigterm-it: stopped %d ms after SIGTERM%n", (System.nanoTime() - signalled) / 1_000_000);
                    assertThat(child.logText()).as("closed cleanly; its log: %s", child.log())
                            .contains("Kafka Streams closed cleanly in");
                });
    }

    /** How a test stops the first instance. */
    private interface Stop {
        void stop(ServiceProcess child) throws Exception;
    }

    /**
     * Runs a first instance in its own JVM with a slow engine, stops it ({@code stop}) while requests are in flight,
     * then lets a new instance on the same state directory finish: every article exactly once, in order.
     */
    private void interruptMidBatchThenRestart(String app, Path stateDir, Map<String, String> extra, Stop stop)
            throws Exception {
        Map<String, String> env = settings(app, stateDir);
        env.put("TARGET_LANGUAGES", "EN-US");
        env.put("NUM_STREAM_THREADS", "1");
        env.put("TRANSLATION_CONCURRENCY", "1");
        env.put("TRANSLATION_BATCH_MAX_TEXTS", "20");
        env.putAll(extra);
        ServiceConfig config = TestConfigs.load(env);
        bench.createTopic(config.topics().input(), 2);
        deepL.setLatency(Duration.ofMillis(400), Duration.ofMillis(100));

        List<RawArticle> feed = StoryFeed.generate(StoryFeed.Options.defaults(40, 7)).stream()
                .map(StoryFeed.Item::article).toList();
        bench.publish(config, feed);
        long translatable = feed.stream().filter(a -> !a.getSource().startsWith("wire-en") && !a.getSource().startsWith("press")).count();

        // The first instance, in its own JVM, stopped while requests are in flight.
        Path log = Path.of("target", app + "-child.log");
        try (ServiceProcess child = ServiceProcess.start(env, log, "768m")) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> deepL.requestCount() >= 8 || !child.isAlive());
            assertThat(child.isAlive()).as("the first instance runs; its log: %s", log.toAbsolutePath()).isTrue();
            stop.stop(child);
        }
        int requestsBeforeStop = deepL.requestCount();
        List<ConsumerRecord<byte[], Article>> beforeRestart = read(config, "en-us", Integer.MAX_VALUE, Duration.ofSeconds(3));
        System.out.printf("%s: stopped the first instance after %d DeepL requests, %d of %d articles out%n",
                app, requestsBeforeStop, beforeRestart.size(), feed.size());
        assertThat(beforeRestart.size()).as("stopped mid-way").isLessThan(feed.size());

        // A new instance on the same state directory finishes the job.
        deepL.setLatency(Duration.ofMillis(50), Duration.ofMillis(50));
        Map<String, String> restart = new HashMap<>(env);
        restart.put("TRANSLATION_CONCURRENCY", "8");
        restart.put("TRANSLATION_BATCH_MAX_TEXTS", "50");
        try (TranslationService service = TranslationService.create(TestConfigs.load(restart))) {
            service.start();
            List<ConsumerRecord<byte[], Article>> out = read(config, "en-us", feed.size(), Duration.ofSeconds(120));
            assertExactlyOnceInOrder(out, feed);
            assertThat(service.translateStep().counters().snapshot().articles())
                    .as("the restarted instance did not start over").isLessThan(feed.size() + 5L);
        }
        Set<String> texts = new HashSet<>();
        long sent = 0;
        for (RecordedRequest request : deepL.requests()) {
            if (request.succeeded()) {
                texts.addAll(request.texts());
                sent += request.texts().size();
            }
        }
        System.out.printf("%s: %d texts translated, %d of them again after the stop; %d translatable articles%n",
                app, sent, sent - texts.size(), translatable);
        assertThat(deepL.limitViolations()).isEmpty();
    }

    // ---- helpers ----

    /** Every article exactly once, and each story's revisions in order. */
    private static void assertExactlyOnceInOrder(List<ConsumerRecord<byte[], Article>> out, List<RawArticle> feed) {
        Map<String, List<Integer>> versions = new HashMap<>();
        for (ConsumerRecord<byte[], Article> record : out) {
            Article article = record.value();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(article.getId());
            versions.computeIfAbsent(article.getId(), id -> new ArrayList<>()).add(article.getVersion());
        }
        Map<String, List<Integer>> expected = new HashMap<>();
        for (RawArticle article : feed) {
            expected.computeIfAbsent(article.getId(), id -> new ArrayList<>()).add(article.getRevision());
        }
        assertThat(out).as("one output per input").hasSize(feed.size());
        for (Map.Entry<String, List<Integer>> story : expected.entrySet()) {
            assertThat(versions.get(story.getKey())).as("revisions of %s, in the order they came out", story.getKey())
                    .containsExactlyElementsOf(story.getValue());
        }
    }

    private static RawArticle hugeArticle(String id) {
        String sentence = "Le ministère a précisé que les économies prévues étaient réparties entre les collectivités, "
                + "l'éducation et la santé, selon un échéancier détaillé présenté aux élus. ";
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            paragraphs.add(("(" + id + ", §" + p + ") ") + sentence.repeat(120));
        }
        Instant now = Instant.now();
        return RawArticle.newBuilder().setId(id).setSource("afp-fr").setUrl(null)
                .setHeadline("Budget : le détail des économies ministère par ministère (" + id + ")")
                .setBody(String.join("\n\n", paragraphs)).setBodyFormat(BodyFormat.TEXT).setDeclaredLanguage("fr")
                .setRevision(1).setUrgency(5).setPublishedAt(now).setReceivedAt(now).setAttributes(Map.of()).build();
    }

    private static List<ConsumerRecord<byte[], Article>> read(ServiceConfig config, String language, int expected, Duration timeout) {
        return TopicReader.readUntil(bench.broker.bootstrapServers(), config.topics().outputPrefix() + language,
                ServiceTopics.serde(Article.class, config).deserializer(), records -> records.size() >= expected, timeout);
    }
}
