package news.wiretranslation.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.RawArticle;

/**
 * The service's own meters, named and tagged for dashboards: tags carry codes and languages, never article ids
 * or free text. Backed by any Micrometer registry (the global composite by default, so an exporter added to it at
 * start-up sees them).
 */
public final class PipelineMetrics {
    /**
     * Said by the description of every meter the topology counts while processing a record, before the record's
     * transaction commits: an aborted transaction's records are processed, and counted, again.
     */
    static final String ATTEMPTS = " Counts attempts: counted when the stream thread processes the record, before its"
            + " transaction commits; processing that a later abort repeats is counted again.";
    /**
     * Buckets of the detection confidence histogram, in percent: Micrometer's summary histograms count in whole
     * numbers (0.15 lands in the bucket of 1), so the confidence (0 to 1) is recorded times 100.
     */
    private static final double[] CONFIDENCE_BUCKETS = {5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100};
    /**
     * Article revisions whose arrival time is remembered until their outputs leave (for the end-to-end latency): well
     * above what an instance holds in flight (the dispatcher queues 4,000 texts by default); about 4 MB.
     */
    private static final int RECEIVED_TIMES_REMEMBERED = 20_000;

    private final MeterRegistry registry;
    private final ReceivedTimes received = new ReceivedTimes(RECEIVED_TIMES_REMEMBERED);

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Present from the start at 0, so that its alert's query has a series to compare before the first failure.
        threadFailures();
    }

    private Counter threadFailures() {
        return Counter.builder("wire_translation_stream_thread_failures")
                .description("Stream threads that died (and were replaced, or stopped the instance); a few in a row mean"
                        + " a thread keeps failing on the same record")
                .register(registry);
    }

    /** A valid article read from the input topic; remembers when it was received, for the end-to-end latency. */
    public void articleIn(RawArticle article) {
        Counter.builder("wire_translation_articles_in")
                .description("Valid articles read from the input topic, by source." + ATTEMPTS)
                .tag("source", article.getSource())
                .register(registry).increment();
        if (article.getReceivedAt() != null) {
            received.put(article.getId(), article.getRevision(), article.getReceivedAt());
        }
    }

    /**
     * An article whose source language was decided: counted by that language, its confidence in a histogram, and a
     * disagreement when the producer declared another language.
     */
    public void detected(DetectedArticle article) {
        String language = article.language();
        Counter.builder("wire_translation_articles_detected")
                .description("Articles whose source language was decided, by that language." + ATTEMPTS)
                .tag("detected_language", language)
                .register(registry).increment();
        DistributionSummary.builder("wire_translation_detection_confidence")
                .description("How far ahead of the runner-up the detected language was, 0 to 100." + ATTEMPTS)
                .baseUnit("percent")
                .serviceLevelObjectives(CONFIDENCE_BUCKETS)
                .tag("detected_language", language)
                .register(registry)
                .record(article.confidence() * 100);
        String declared = LanguageTag.primary(article.raw().getDeclaredLanguage());
        if (declared != null && !declared.equals(LanguageTag.primary(language))) {
            Counter.builder("wire_translation_language_disagreements")
                    .description("Articles whose producer declared another language than the one detected." + ATTEMPTS)
                    .tags("declared_language", declared, "detected_language", language)
                    .register(registry).increment();
        }
    }

    /** A dead letter written for an article (or an unreadable record), by reason and stage. */
    public void deadLettered(String reason, String stage) {
        Counter.builder("wire_translation_articles_dead_lettered")
                .description("Dead letters handed to Kafka, by reason and stage." + ATTEMPTS)
                .tags("reason", reason, "stage", stage)
                .register(registry).increment();
    }

    /**
     * A revision the revision gate let no further without a dead letter, by reason: {@code repeat}, the accepted
     * revision again with the same content (already on its way to the outputs).
     */
    public void revisionSkipped(String reason) {
        Counter.builder("wire_translation_revisions_skipped")
                .description("Revisions the revision gate let no further without a dead letter, by reason." + ATTEMPTS)
                .tag("reason", reason)
                .register(registry).increment();
    }

    /** One failed machine-translation request (or probe), by kind: 429, 456, 5xx, timeout, connection, 403, 400, other. */
    public void mtError(String kind) { registry.counter("wire_translation_mt_errors", "kind", kind).increment(); }

    /**
     * A request the engine refused because it does not translate the pair (Apertium without a route from
     * {@code source} to {@code target}): the article is dead-lettered, but the engine did not fail, so this is not an
     * MT error and stays out of the MT error ratio.
     */
    public void unsupportedPair(String source, String target, String engine) {
        Counter.builder("wire_translation_unsupported_pairs")
                .description("Engine requests refused because the engine does not translate the language pair (not an"
                        + " engine failure: not in wire_translation_mt_errors_total)")
                .tags("source", Objects.requireNonNullElse(LanguageTag.primary(source), "other"), "target", target,
                        "engine", engine)
                .register(registry).increment();
    }

    /** Time from the article's {@code receivedAt} to its output leaving for one target language. */
    void endToEnd(Article article, Instant now) {
        Instant receivedAt = received.get(article.getId(), article.getVersion());
        if (receivedAt == null) {
            // Received before this instance started (a task that moved here, a restart): the arrival is unknown.
            return;
        }
        Timer.builder("wire_translation_end_to_end")
                .description("From the article's receivedAt to its output leaving, per target language." + ATTEMPTS)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .tag("target_language", article.getLanguage())
                .register(registry)
                .record(receivedAt.isAfter(now) ? Duration.ZERO : Duration.between(receivedAt, now));
    }

    /** Counts what a finished article carries: its quality flags and the normalization rules that changed it. */
    public void articleOut(Article article) {
        String target = article.getLanguage();
        for (QualityFlag flag : article.getQualityFlags()) {
            Counter.builder("wire_translation_quality_flags")
                    .description("Quality flags on translated articles, by code and target language." + ATTEMPTS)
                    .tags("code", flag.getCode(), "target_language", target)
                    .register(registry).increment();
        }
        List<String> rules = article.getNormalization();
        for (String rule : rules) {
            Counter.builder("wire_translation_normalization_rules")
                    .description("Boilerplate and normalization rules that changed an article, per output." + ATTEMPTS)
                    .tag("rule", rule)
                    .register(registry).increment();
        }
        // Counted when the article is handed to Kafka, before its transaction commits: an aborted transaction's
        // articles are counted again when they are processed again. The name says so.
        Counter.builder("wire_translation_articles_out_attempts")
                .description("Articles handed to Kafka for an output (or review) topic, by target language." + ATTEMPTS)
                .tags("target_language", target, "machine_translated", String.valueOf(article.getMachineTranslated()))
                .register(registry).increment();
        if (!article.getMachineTranslated()) {
            Counter.builder("wire_translation_articles_passed_through")
                    .description("Articles already in the target language, passed through untranslated." + ATTEMPTS)
                    .tags("target_language", target, "source", article.getSource())
                    .register(registry).increment();
        }
        endToEnd(article, Instant.now());
    }

    /**
     * The characters of an article the translate step translated, per target language: what the engine billed (the
     * label's {@code billedCharacters}, DeepL's own figure), what the translation memory (or a text shared in
     * flight) saved, and what the service sent to the engine for it by its own count; and what they cost at the
     * engine's price ({@link EnginePrice}: billed characters where the engine bills, sent ones otherwise). When the
     * engine bills by the character, the difference between billed and sent is counted by direction: {@code over},
     * the engine billed more than the service sent; {@code under}, less. An engine that bills nothing (Apertium) is
     * not compared: its 0 billed is no under-billing. Nothing for an article passed through.
     *
     * @param sentCharacters source characters (code points) of the article's texts sent to the engine
     * @param price          the engine's name, whether it bills by the character, and its price
     */
    public void charactersOut(Article article, long sentCharacters, EnginePrice price) {
        if (article.getTranslation() == null) {
            return;
        }
        String target = article.getLanguage();
        long billed = article.getTranslation().getBilledCharacters();
        characters(target, "billed").increment(billed);
        characters(target, "memory").increment(article.getTranslation().getMemoryCharacters());
        characters(target, "sent").increment(sentCharacters);
        cost(price).increment(price.cost(price.chargeable(billed, sentCharacters)));
        if (price.billsCharacters()) {
            // Both directions from the first comparison on, at 0, so that rates and alerts have a series to read.
            billingDifference(target, "over").increment(Math.max(0, billed - sentCharacters));
            billingDifference(target, "under").increment(Math.max(0, sentCharacters - billed));
        }
    }

    /**
     * Makes the engine's cost meters exist from start-up: its price as a gauge, and its cost at 0, so that the cost
     * panel shows the engine (and 0) before the first translation.
     */
    public void enginePrice(EnginePrice price) {
        // Once per engine: every target's branch of the topology asks, and a second registration only logs a warning.
        if (registry.find("wire_translation_price_per_million_characters").tag("engine", price.engine()).gauge() != null) {
            return;
        }
        Gauge.builder("wire_translation_price_per_million_characters", price, EnginePrice::perMillion)
                .description("The engine's configured price per million characters (DEEPL_PRICE_PER_MILLION_CHARACTERS,"
                        + " APERTIUM_PRICE_PER_MILLION_CHARACTERS), in the contract's currency")
                .tags("engine", price.engine(), "charged_for", price.billsCharacters() ? "billed" : "sent")
                // Micrometer holds a gauge's object weakly: the price is a value no one else keeps, so without a
                // strong reference it is collected and the gauge reads NaN (Prometheus then has no sample).
                .strongReference(true)
                .register(registry);
        cost(price);
    }

    private Counter cost(EnginePrice price) {
        return Counter.builder("wire_translation_cost")
                .description("What the translated articles cost at the engine's configured price: billed characters"
                        + " where the engine bills (DeepL), characters sent otherwise (Apertium, 0 by default)." + ATTEMPTS)
                .tag("engine", price.engine())
                .register(registry);
    }

    /**
     * The characters of {@code kind} ({@code sent}, {@code billed}, {@code memory}) counted so far in {@code registry},
     * all targets together: for a run's own summary (the replay reads the difference before and after).
     */
    public static long charactersCounted(MeterRegistry registry, String kind) {
        return Math.round(registry.find("wire_translation_characters").tag("kind", kind).counters().stream()
                .mapToDouble(Counter::count).sum());
    }

    private Counter characters(String target, String kind) {
        return Counter.builder("wire_translation_characters")
                .description("Characters of the articles translated, by kind: billed by the engine, sent to it (the"
                        + " service's own count), taken from the translation memory." + ATTEMPTS)
                .tags("target_language", target, "kind", kind)
                .register(registry);
    }

    private Counter billingDifference(String target, String direction) {
        return Counter.builder("wire_translation_billing_difference_characters")
                .description("Characters the engine billed over (or under) what the service sent, per article." + ATTEMPTS)
                .tags("target_language", target, "direction", direction)
                .register(registry);
    }

    /** The CPU-time meter of one stage of the pipeline ({@code normalize}, {@code detect}, {@code translate}). */
    public StageCpu stageCpu(String stage) {
        return new StageCpu(registry, stage);
    }

    /** A stream thread died and was replaced (or the instance stopped): see StreamFailurePolicy. */
    public void streamThreadFailed() {
        threadFailures().increment();
    }

    /**
     * Translation paused: the circuit opened ({@code circuit_open}) or the quota ran out ({@code quota_paused}). One
     * per pause episode: a quota pause that goes on (the held work did not fit) or comes back at once counts once.
     */
    public void enginePaused(String state) {
        registry.counter("wire_translation_engine_pauses", "state", state).increment();
    }

    /** A pause ended after {@code duration}: added to the time paused, per state. */
    public void enginePausedFor(String state, Duration duration) {
        registry.counter("wire_translation_engine_paused_seconds", "state", state)
                .increment(duration.toNanos() / 1e9);
    }

    /**
     * A request held because the engine's configuration was at fault ({@code kind}, e.g. {@code glossary_not_found}):
     * {@code wire_translation_engine_configuration_faults_total}.
     */
    public void engineConfigurationFault(String kind) {
        configurationFaults(kind).increment();
    }

    /**
     * Makes the configuration-faults series of each of {@code kinds} exist from start-up, at 0, so that its alert's
     * rate has a series before the first fault.
     */
    public void engineConfigurationFaultKinds(Collection<String> kinds) {
        kinds.forEach(this::configurationFaults);
    }

    private Counter configurationFaults(String kind) {
        return Counter.builder("wire_translation_engine_configuration_faults")
                .description("Engine requests held because the engine's configuration was at fault (a glossary it lost,"
                        + " a proxy refusing the credentials), each failed attempt; never dead-lettered")
                .tag("kind", kind)
                .register(registry);
    }
}
