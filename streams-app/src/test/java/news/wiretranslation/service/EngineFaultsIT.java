package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.deepl.RecordedRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MT fault policy on a real broker, with the real DeepL client against the DeepL-API stand-in: an exhausted
 * quota and sustained server errors pause consumption and resume by themselves; a key revoked while running stops
 * the service loudly. In every case each article ends exactly once per target, and none is dead-lettered for the
 * engine's trouble.
 */
class EngineFaultsIT {
    private static ServiceTestBench bench;
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        Metrics.addRegistry(meters);
        bench = ServiceTestBench.start("faults-it:fx");
    }

    @AfterAll
    static void stop() {
        Metrics.removeRegistry(meters);
        if (bench != null) {
            bench.close();
        }
    }

    @BeforeEach
    void resetStandIn() {
        bench.deepL.clearFaults();
        bench.deepL.reset();
    }

    /** A service configuration on its own topics (2 input partitions), with short backoffs and probe intervals. */
    private static ServiceConfig config(String app, Path stateDir) throws Exception {
        Map<String, String> env = bench.settings(app, stateDir);
        env.put("TRANSLATION_RETRY_BACKOFF_MS", "20");
        env.put("TRANSLATION_RETRY_MAX_BACKOFF_MS", "200");
        env.put("CIRCUIT_BREAKER_FAILURES", "3");
        env.put("CIRCUIT_BREAKER_PROBE_INTERVAL_MS", "300");
        env.put("QUOTA_PROBE_INTERVAL_MS", "300");
        ServiceConfig config = TestConfigs.load(env);
        bench.createTopic(config.topics().input(), 2);
        return config;
    }

    @Test
    void anExhaustedQuotaPausesConsumptionAndTranslationResumesByItselfWithNothingDeadLettered(@TempDir Path stateDir)
            throws Exception {
        ServiceConfig config = config("quota-it", stateDir);
        List<RawArticle> feed = feed(30);
        double quotaErrorsBefore = mtErrors("456");

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.deepL.setQuotaExceeded(true);
            bench.publish(config, feed);

            await().atMost(Duration.ofSeconds(60)).until(() -> service.engineState().status() == EngineState.Status.QUOTA_PAUSED);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.streams().isPaused());
            assertThat(service.engineState().reason()).contains("456");
            Thread.sleep(1500); // several probes while the quota stays used up
            assertThat(service.engineState().status()).isEqualTo(EngineState.Status.QUOTA_PAUSED);
            assertThat(service.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

            bench.deepL.setQuotaExceeded(false);

            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, feed));
            assertThat(service.engineState().isAvailable()).isTrue();
            assertThat(service.streams().isPaused()).isFalse();
        }
        assertExactlyOnceWithoutDeadLetters(config, feed);
        assertThat(mtErrors("456")).isGreaterThan(quotaErrorsBefore);
    }

    /**
     * Issue 16: the quota frees up partly (less than the held article needs): the pause holds, as one pause, with
     * nothing consumed and nothing sent; then fully: one resume, the held article's texts go before any newer one's.
     */
    @Test
    void aQuotaThatFreesUpPartlyHoldsOnePauseAndTheHeldArticleGoesFirstWhenItFreesUpFully(@TempDir Path stateDir)
            throws Exception {
        ServiceConfig config = config("quota-room-it", stateDir);
        RawArticle held = GeneratedArticles.article(0); // French: translated into both targets
        List<RawArticle> newer = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            newer.add(GeneratedArticles.article(i));
        }
        List<RawArticle> feed = new ArrayList<>(List.of(held));
        feed.addAll(newer);
        bench.deepL.enforceCharacterLimit(true);
        bench.deepL.setCharactersUsedElsewhere(356);
        bench.deepL.setCharacterLimit(376); // 20 left, less than any text: the first request gets 456
        double pausesBefore = enginePauses();
        double pausedSecondsBefore = meterSum("wire_translation_engine_paused_seconds");
        List<EngineState.Status> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (TranslationService service = TranslationService.create(config)) {
            service.guard().addListener(heard::add); // the same calls that pause and resume Kafka Streams
            service.start();
            bench.publish(config, List.of(held));

            await().atMost(Duration.ofSeconds(60)).until(() -> service.engineState().status() == EngineState.Status.QUOTA_PAUSED);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.streams().isPaused());
            Thread.sleep(500); // the second target's request meets the pause too
            List<String> heldTexts = bench.deepL.requests().stream().flatMap(r -> r.texts().stream()).distinct().toList();
            long heldCharacters = heldTexts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
            int requestsAtPause = bench.deepL.requestCount();
            double articlesInAtPause = meterSum("wire_translation_articles_in");
            assertThat(bench.deepL.requests()).as("only refusals so far").noneMatch(r -> r.succeeded());

            bench.publish(config, newer);
            Thread.sleep(1500); // five probes while the quota stays used up
            assertHeld(service, requestsAtPause, articlesInAtPause, heard);

            bench.deepL.setCharacterLimit(376 + heldCharacters / 3); // room, but not for the held article
            Thread.sleep(1500); // five probes that see the room and weigh it against what is held
            assertHeld(service, requestsAtPause, articlesInAtPause, heard);
            System.out.println("quota room IT: " + heldCharacters + " characters held, " + (20 + heldCharacters / 3)
                    + " left: still paused after 3 s, " + (bench.deepL.requestCount() - requestsAtPause)
                    + " requests sent, " + (meterSum("wire_translation_articles_in") - articlesInAtPause)
                    + " articles consumed, engine state changes heard: " + heard);

            bench.deepL.setCharacterLimit(1_000_000);

            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, feed));
            assertThat(service.engineState().isAvailable()).isTrue();
            assertThat(service.streams().isPaused()).isFalse();
            assertThat(heard).as("one pause, one resume: consumption and readiness flipped once each way")
                    .containsExactly(EngineState.Status.QUOTA_PAUSED, EngineState.Status.AVAILABLE);

            List<RecordedRequest> after = bench.deepL.requests().subList(requestsAtPause, bench.deepL.requestCount());
            assertThat(after).as("no refusal after the quota freed up").allMatch(RecordedRequest::succeeded);
            int firstNewer = -1;
            for (int i = 0; i < after.size() && firstNewer < 0; i++) {
                if (!heldTexts.containsAll(after.get(i).texts())) {
                    firstNewer = i;
                }
            }
            assertThat(firstNewer).as("newer articles were translated").isPositive();
            assertThat(after.subList(0, firstNewer).stream().flatMap(r -> r.texts().stream()).toList())
                    .as("every held text went before any newer text").containsAll(heldTexts);
            System.out.println("quota room IT: after the quota freed up, requests " + after.stream()
                    .map(r -> r.texts().size() + (heldTexts.containsAll(r.texts()) ? " held" : " newer") + " texts "
                            + r.targetLang()).toList() + "; heard " + heard);
        }
        assertExactlyOnceWithoutDeadLetters(config, feed);
        assertThat(enginePauses() - pausesBefore).as("pause episodes counted").isEqualTo(1);
        assertThat(meterSum("wire_translation_engine_paused_seconds") - pausedSecondsBefore).isGreaterThan(3.0);
    }

    private static void assertHeld(TranslationService service, int requestsAtPause, double articlesInAtPause,
                                   List<EngineState.Status> heard) {
        assertThat(service.engineState().status()).isEqualTo(EngineState.Status.QUOTA_PAUSED);
        assertThat(service.streams().isPaused()).isTrue();
        assertThat(bench.deepL.requestCount()).as("no translation sent while the held work does not fit")
                .isEqualTo(requestsAtPause);
        assertThat(meterSum("wire_translation_articles_in")).as("nothing consumed while paused").isEqualTo(articlesInAtPause);
        assertThat(heard).as("one pause, no resume").containsExactly(EngineState.Status.QUOTA_PAUSED);
    }

    @Test
    void glossariesDeletedOnDeepLMidRunAreRecreatedAndNoArticleIsDeadLettered(@TempDir Path stateDir) throws Exception {
        Path glossaryDir = java.nio.file.Files.createDirectory(stateDir.resolve("glossaries"));
        java.nio.file.Files.writeString(glossaryDir.resolve("fr-en.tsv"), "Parlement\tParliament of France\n");
        java.nio.file.Files.writeString(glossaryDir.resolve("fr-de.tsv"), "Parlement\tFranzösisches Parlament\n");
        Map<String, String> env = bench.settings("glossary-lost-it", stateDir);
        env.put("TRANSLATION_RETRY_BACKOFF_MS", "20");
        env.put("TRANSLATION_RETRY_MAX_BACKOFF_MS", "200");
        env.put("GLOSSARY_DIR", glossaryDir.toString());
        env.put("GLOSSARY_RELOAD_INTERVAL_MS", "0"); // only the repair can bring the glossaries back
        ServiceConfig config = TestConfigs.load(env);
        bench.createTopic(config.topics().input(), 2);
        bench.deepL.setUnknownGlossaryStatus(400); // as the DeepL API answered in the issue
        List<RawArticle> first = feed(12);
        List<RawArticle> second = new ArrayList<>();
        for (int i = 12; i < 36; i++) {
            second.add(GeneratedArticles.article(i));
        }
        double faultsBefore = configurationFaults();

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.publish(config, first);
            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, first));

            // Someone deletes the service's glossaries through DeepL's API, and for a while none can be created.
            bench.deepL.setGlossaryCreationRefused(true);
            bench.deepL.glossaries().forEach(g -> bench.deepL.deleteGlossary(g.id()));
            bench.publish(config, second);
            await().atMost(Duration.ofSeconds(60)).until(() -> configurationFaults() > faultsBefore);
            assertThat(service.engineState().isAvailable()).isTrue(); // held, not an engine outage

            bench.deepL.setGlossaryCreationRefused(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, second));
        }
        List<RawArticle> feed = new ArrayList<>(first);
        feed.addAll(second);
        assertExactlyOnceWithoutDeadLetters(config, feed);
        assertThat(bench.deepL.glossaries()).hasSize(2);
        List<String> recreated = bench.deepL.glossaries().stream().map(g -> g.id()).toList();
        assertThat(bench.deepL.requests()).filteredOn(r -> r.status() == 200 && "fr".equals(r.sourceLang()))
                .last().satisfies(r -> assertThat(recreated).contains(r.glossaryId()));
    }

    @Test
    void aStyleRuleDeletedAtDeepLMidRunHoldsItsTargetUntilItIsBackAndNoArticleIsDeadLettered(@TempDir Path stateDir)
            throws Exception {
        String style = bench.deepL.addStyleRule("house style", "de");
        Map<String, String> env = bench.settings("style-lost-it", stateDir);
        env.put("TRANSLATION_RETRY_BACKOFF_MS", "20");
        env.put("TRANSLATION_RETRY_MAX_BACKOFF_MS", "200");
        env.put("DEEPL_STYLE_ID", "DE=" + style);
        ServiceConfig config = TestConfigs.load(env);
        bench.createTopic(config.topics().input(), 2);
        List<RawArticle> first = feed(6);
        List<RawArticle> second = new ArrayList<>();
        for (int i = 6; i < 18; i++) {
            second.add(GeneratedArticles.article(i));
        }
        double faultsBefore = configurationFaults(TranslationException.CUSTOMIZATION_NOT_FOUND);

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.publish(config, first);
            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, first));

            // Someone deletes the newsroom's style rule at DeepL: the service cannot make it again; DE waits for it.
            bench.deepL.deleteCustomization(style);
            bench.publish(config, second);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> configurationFaults(TranslationException.CUSTOMIZATION_NOT_FOUND) > faultsBefore);
            assertThat(service.engineState().isAvailable()).as("held, not an engine outage").isTrue();

            bench.deepL.restoreCustomization(style);
            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, second));
        }
        List<RawArticle> feed = new ArrayList<>(first);
        feed.addAll(second);
        assertExactlyOnceWithoutDeadLetters(config, feed);
        assertThat(bench.deepL.requests()).filteredOn(r -> "DE".equalsIgnoreCase(r.targetLang()))
                .as("every German request names the style rule (requests: %s)", bench.deepL.requests().stream()
                        .map(r -> r.targetLang() + " " + r.status() + " " + r.parameters().keySet()).distinct().toList())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.parameter("style_id")).isEqualTo(style));
        assertThat(bench.deepL.requests()).filteredOn(r -> "EN-US".equalsIgnoreCase(r.targetLang()))
                .allSatisfy(r -> assertThat(r.parameter("style_id")).isNull());
    }

    @Test
    void sustainedServerErrorsOpenTheCircuitPauseConsumptionAndLoseNothing(@TempDir Path stateDir) throws Exception {
        ServiceConfig config = config("circuit-it", stateDir);
        List<RawArticle> feed = feed(30);
        double serverErrorsBefore = mtErrors("5xx");

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.deepL.failNext(12, 503); // requests and probes alike
            bench.publish(config, feed);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> service.engineState().status() == EngineState.Status.CIRCUIT_OPEN);
            assertThat(service.engineState().reason()).contains("failed in a row");

            await().atMost(Duration.ofSeconds(60)).until(() -> bench.delivered(config, feed));
            assertThat(service.engineState().isAvailable()).isTrue();
            assertThat(service.streams().isPaused()).isFalse();
        }
        assertExactlyOnceWithoutDeadLetters(config, feed);
        assertThat(mtErrors("5xx") - serverErrorsBefore).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aKeyRevokedWhileRunningStopsTheServiceLoudlyWithoutDeadLetteringOrCommittingTheArticles(@TempDir Path stateDir)
            throws Exception {
        ServiceConfig config = config("revoked-key-it", stateDir);
        List<RawArticle> feed = feed(20);

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            bench.deepL.failNext(1, 403);
            bench.publish(config, feed);

            await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.ERROR);
            assertThat(mtErrors("403")).isGreaterThanOrEqualTo(1);
        }
        List<DeliveryLedger.Tally> tallies = bench.tally(config, feed);
        assertThat(tallies).as("nothing dead-lettered for a bad key").allSatisfy(t -> {
            assertThat(t.deadLettered()).isZero();
            assertThat(t.duplicates()).isEmpty();
        });
        // What was not written out was not consumed either: the next start (with a good key) takes it up again.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.broker.bootstrapServers()))) {
            long committed = admin.listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(config.topics().input()))
                    .mapToLong(e -> e.getValue().offset()).sum();
            assertThat(committed).as("input offsets committed").isLessThan(feed.size());
            assertThat(tallies.get(0).out()).as("articles out").isLessThan(feed.size());
        }
    }

    // ---- helpers ----

    static List<RawArticle> feed(int n) {
        List<RawArticle> feed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            feed.add(GeneratedArticles.article(i));
        }
        return feed;
    }

    private static void assertExactlyOnceWithoutDeadLetters(ServiceConfig config, List<RawArticle> feed) {
        List<DeliveryLedger.Tally> tallies = bench.tally(config, feed);
        System.out.println("engine faults IT: " + tallies);
        assertThat(tallies).allSatisfy(t -> {
            assertThat(t.exact()).as(t.toString()).isTrue();
            assertThat(t.deadLettered()).as(t.toString()).isZero();
        });
    }

    private static double enginePauses() {
        return meters.find("wire_translation_engine_pauses").tag("state", "quota_paused").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static double meterSum(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static double configurationFaults() {
        return configurationFaults(TranslationException.GLOSSARY_NOT_FOUND);
    }

    private static double configurationFaults(String kind) {
        return meters.find("wire_translation_engine_configuration_faults").tag("kind", kind).counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    private static double mtErrors(String kind) {
        return meters.find("wire_translation_mt_errors").tag("kind", kind).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
