package news.wiretranslation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.topology.TestArticles;
import news.wiretranslation.translate.TranslationResult;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
    private static final EnginePrice DEEPL = new EnginePrice("deepl", true, 25);
    private static final EnginePrice APERTIUM = new EnginePrice("apertium", false, 0);
    private static final EnginePrice APERTIUM_AT_A_PRICE = new EnginePrice("apertium-priced", false, 2);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void countsArticlesInBySource() {
        metrics.articleIn(TestArticles.french("a"));
        metrics.articleIn(TestArticles.french("b"));
        RawArticle other = TestArticles.english("c");
        other.setSource("dpa");
        metrics.articleIn(other);

        assertThat(registry.counter("wire_translation_articles_in", "source", "test-agency").count()).isEqualTo(2);
        assertThat(registry.counter("wire_translation_articles_in", "source", "dpa").count()).isEqualTo(1);
    }

    @Test
    void countsDetectedLanguagesAndTheirConfidenceInBuckets() {
        metrics.detected(detected(TestArticles.french("a"), "fr", 0.93));
        metrics.detected(detected(TestArticles.french("b"), "fr", 0.15));

        assertThat(registry.counter("wire_translation_articles_detected", "detected_language", "fr").count()).isEqualTo(2);
        DistributionSummary confidence = registry.get("wire_translation_detection_confidence")
                .tag("detected_language", "fr").summary();
        assertThat(confidence.count()).isEqualTo(2);
        assertThat(confidence.totalAmount()).isEqualTo(93 + 15, org.assertj.core.data.Offset.offset(1e-9));
        CountAtBucket[] buckets = confidence.takeSnapshot().histogramCounts();
        assertThat(bucket(buckets, 10)).isZero();
        assertThat(bucket(buckets, 20)).isEqualTo(1);
        assertThat(bucket(buckets, 90)).isEqualTo(1);
        assertThat(bucket(buckets, 95)).isEqualTo(2);
    }

    @Test
    void countsADisagreementOnlyWhenTheDeclaredPrimaryLanguageDiffers() {
        metrics.detected(detected(declared(TestArticles.french("same"), "fr-FR"), "fr", 1));
        metrics.detected(detected(declared(TestArticles.french("none"), null), "fr", 1));
        metrics.detected(detected(declared(TestArticles.french("wrong"), "IT"), "fr", 1));
        metrics.detected(detected(declared(TestArticles.french("typo"), "French!"), "fr", 1));

        assertThat(registry.find("wire_translation_language_disagreements").counters()).hasSize(2);
        assertThat(registry.counter("wire_translation_language_disagreements", "declared_language", "it",
                "detected_language", "fr").count()).isEqualTo(1);
        // Free text the producer put there does not become a tag value.
        assertThat(registry.counter("wire_translation_language_disagreements", "declared_language", "other",
                "detected_language", "fr").count()).isEqualTo(1);
    }

    @Test
    void countsDeadLettersByReasonAndStageAndMtErrorsByKind() {
        metrics.deadLettered("UNSUPPORTED_LANGUAGE", "detect");
        metrics.deadLettered("UNSUPPORTED_LANGUAGE", "detect");
        metrics.mtError("429");

        assertThat(registry.counter("wire_translation_articles_dead_lettered", "reason", "UNSUPPORTED_LANGUAGE",
                "stage", "detect").count()).isEqualTo(2);
        assertThat(registry.counter("wire_translation_mt_errors", "kind", "429").count()).isEqualTo(1);
    }

    @Test
    void countsPassedThroughArticlesAndMeasuresFromReceivedAtToOutput() {
        RawArticle raw = TestArticles.english("story-1");
        Instant received = Instant.parse("2026-11-25T10:00:00Z");
        raw.setReceivedAt(received);
        metrics.articleIn(raw);
        Article out = new ArticleLabeler(Clock.systemUTC()).passedThrough(detected(raw, "en", 1), TargetLanguage.parse("EN-US"));

        metrics.endToEnd(out, received.plusMillis(1500));

        Timer latency = registry.get("wire_translation_end_to_end").tag("target_language", "en-US").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        metrics.articleOut(out);
        assertThat(registry.counter("wire_translation_articles_passed_through", "target_language", "en-US",
                "source", "test-agency").count()).isEqualTo(1);
    }

    @Test
    void countsBilledMemoryAndSentCharactersAndTheDifferenceBetweenBilledAndSentByDirection() {
        metrics.charactersOut(translated("a", 120, 30), 100, DEEPL); // billed 20 over what was sent
        metrics.charactersOut(translated("b", 95, 0), 100, DEEPL);   // 5 under
        metrics.charactersOut(translated("c", 0, 200), 0, DEEPL);    // all from memory: nothing to compare

        assertThat(characters("billed")).isEqualTo(215);
        assertThat(characters("memory")).isEqualTo(230);
        assertThat(characters("sent")).isEqualTo(200);
        assertThat(difference("over")).isEqualTo(20);
        assertThat(difference("under")).isEqualTo(5);
    }

    @Test
    void costsBilledCharactersAtTheEnginesPriceWhereItBillsAndSentOnesOtherwise() {
        metrics.enginePrice(DEEPL);
        metrics.enginePrice(APERTIUM_AT_A_PRICE);
        assertThat(cost("deepl")).as("exists from start-up, at 0").isZero();

        metrics.charactersOut(translated("a", 120_000, 30), 100_000, DEEPL);     // billed 120,000 at 25 per million
        metrics.charactersOut(translated("b", 0, 500), 200_000, APERTIUM_AT_A_PRICE); // sent 200,000 at 2 per million
        metrics.charactersOut(translated("c", 0, 0), 50_000, APERTIUM);           // self-hosted at 0

        assertThat(cost("deepl")).isCloseTo(3.0, within(1e-9));
        assertThat(cost("apertium-priced")).isCloseTo(0.4, within(1e-9));
        assertThat(cost("apertium")).isZero();
        assertThat(registry.get("wire_translation_price_per_million_characters").tags("engine", "deepl",
                "charged_for", "billed").gauge().value()).isEqualTo(25);
        assertThat(registry.get("wire_translation_price_per_million_characters").tags("engine", "apertium-priced",
                "charged_for", "sent").gauge().value()).isEqualTo(2);
    }

    @Test
    void refusesANegativePrice() {
        assertThatThrownBy(() -> new EnginePrice("deepl", true, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private double cost(String engine) {
        return registry.counter("wire_translation_cost", "engine", engine).count();
    }

    @Test
    void comparesNothingForAnEngineThatBillsNothingNorForAnArticlePassedThrough() {
        metrics.charactersOut(translated("a", 0, 0), 100, APERTIUM); // Apertium: 0 billed is no under-billing
        RawArticle raw = TestArticles.english("b");
        metrics.charactersOut(new ArticleLabeler(Clock.systemUTC()).passedThrough(detected(raw, "en", 1),
                TargetLanguage.parse("EN-US")), 0, DEEPL);

        assertThat(characters("sent")).isEqualTo(100);
        assertThat(characters("billed")).isZero();
        assertThat(registry.find("wire_translation_billing_difference_characters").counters()).isEmpty();
    }

    @Test
    void describesEveryMeterTheTopologyCountsBeforeTheTransactionCommitsAsCountingAttempts() {
        RawArticle raw = declared(TestArticles.french("a"), "it");
        raw.setReceivedAt(Instant.now());
        metrics.articleIn(raw);
        metrics.detected(detected(raw, "fr", 1));
        metrics.deadLettered("UNSUPPORTED_LANGUAGE", "detect");
        metrics.revisionSkipped("repeat");
        Article out = translated("a", 120, 0);
        out.setQualityFlags(List.of(QualityFlag.newBuilder().setCode("LENGTH_RATIO").setMessage("long")
                .setText(null).setParagraph(-1).setOffset(-1).build()));
        out.setNormalization(List.of("bidi-controls"));
        metrics.articleOut(out);
        metrics.articleOut(new ArticleLabeler(Clock.systemUTC()).passedThrough(detected(TestArticles.english("b"), "en", 1),
                TargetLanguage.parse("EN-US")));
        metrics.charactersOut(out, 100, DEEPL);

        List<String> topologyMeters = List.of("wire_translation_articles_in", "wire_translation_articles_detected",
                "wire_translation_detection_confidence", "wire_translation_language_disagreements",
                "wire_translation_articles_dead_lettered", "wire_translation_revisions_skipped",
                "wire_translation_quality_flags", "wire_translation_normalization_rules",
                "wire_translation_articles_out_attempts", "wire_translation_articles_passed_through",
                "wire_translation_end_to_end", "wire_translation_characters",
                "wire_translation_billing_difference_characters", "wire_translation_cost");
        for (String name : topologyMeters) {
            assertThat(registry.find(name).meters()).as(name).isNotEmpty().allSatisfy(meter ->
                    assertThat(meter.getId().getDescription()).as("description of %s", name)
                            .isNotBlank().endsWith(PipelineMetrics.ATTEMPTS).contains("before its transaction commits"));
        }
    }

    @Test
    void configurationFaultSeriesExistFromStartAtZeroWithADescription() {
        metrics.engineConfigurationFaultKinds(List.of("glossary_not_found", "proxy_authentication"));

        assertThat(registry.find("wire_translation_engine_configuration_faults").counters()).hasSize(2)
                .allSatisfy(counter -> {
                    assertThat(counter.count()).isZero();
                    assertThat(counter.getId().getDescription()).contains("configuration");
                });
        metrics.engineConfigurationFault("glossary_not_found");
        assertThat(registry.counter("wire_translation_engine_configuration_faults", "kind", "glossary_not_found").count())
                .isEqualTo(1);
    }

    private double characters(String kind) {
        return registry.counter("wire_translation_characters", "target_language", "en-US", "kind", kind).count();
    }

    private double difference(String direction) {
        return registry.counter("wire_translation_billing_difference_characters", "target_language", "en-US",
                "direction", direction).count();
    }

    /** A French article translated into EN-US, with the engine's billed figure and the characters from memory. */
    private static Article translated(String id, long billed, long memory) {
        RawArticle raw = TestArticles.french(id);
        TranslationResult result = new TranslationResult(List.of("Headline", "Body"), "deepl", null, "fr", billed);
        return new ArticleLabeler(Clock.systemUTC()).translated(detected(raw, "fr", 1), TargetLanguage.parse("EN-US"),
                result, "fingerprint", List.of(), memory);
    }

    @Test
    void measuresNoLatencyForAnArticleThisInstanceDidNotSeeArrive() {
        RawArticle raw = TestArticles.english("moved-here");
        Article out = new ArticleLabeler(Clock.systemUTC()).passedThrough(detected(raw, "en", 1), TargetLanguage.parse("EN-US"));

        metrics.endToEnd(out, Instant.now());

        assertThat(registry.find("wire_translation_end_to_end").timer()).isNull();
    }

    @Test
    void remembersArrivalsOfTheNewestArticlesOnly() {
        ReceivedTimes times = new ReceivedTimes(2);
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        times.put("a", 1, t);
        times.put("a", 2, t.plus(Duration.ofSeconds(1)));
        times.put("b", 1, t.plus(Duration.ofSeconds(2)));

        assertThat(times.get("a", 1)).isNull();
        assertThat(times.get("a", 2)).isEqualTo(t.plus(Duration.ofSeconds(1)));
        assertThat(times.get("b", 1)).isEqualTo(t.plus(Duration.ofSeconds(2)));
    }

    private static double bucket(CountAtBucket[] buckets, double upperBound) {
        for (CountAtBucket bucket : buckets) {
            if (bucket.bucket() == upperBound) {
                return bucket.count();
            }
        }
        throw new AssertionError("no bucket " + upperBound + " in " + List.of(buckets));
    }

    private static RawArticle declared(RawArticle raw, String language) {
        raw.setDeclaredLanguage(language);
        return raw;
    }

    private static DetectedArticle detected(RawArticle raw, String language, double confidence) {
        return new DetectedArticle(raw, new NormalizedArticle(raw.getHeadline(), List.of(raw.getBody())), language, confidence);
    }

    @Test
    void theEnginesPriceIsStillReadAfterAGarbageCollectionAndRegisteredOncePerEngine() {
        // A price no one else holds, as the topology builds it: a gauge that held it weakly would read NaN after a GC.
        metrics.enginePrice(new EnginePrice("deepl", true, 25));
        metrics.enginePrice(new EnginePrice("deepl", true, 25));
        System.gc();

        assertThat(registry.find("wire_translation_price_per_million_characters").gauges()).singleElement()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(25.0));
    }
}
