package news.wiretranslation.metrics;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;

/**
 * The service's own meters, named and tagged for dashboards: tags carry codes and languages, never article ids
 * or free text. Backed by any Micrometer registry (the global composite by default, so an exporter added to it at
 * start-up sees them).
 */
public final class PipelineMetrics {
    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static PipelineMetrics global() {
        return new PipelineMetrics(Metrics.globalRegistry);
    }

    /** Counts what a finished article carries: its quality flags and the normalization rules that changed it. */
    public void articleOut(Article article) {
        String target = article.getLanguage();
        for (QualityFlag flag : article.getQualityFlags()) {
            registry.counter("wire_translation_quality_flags", "code", flag.getCode(), "target_language", target).increment();
        }
        List<String> rules = article.getNormalization();
        for (String rule : rules) {
            registry.counter("wire_translation_normalization_rules", "rule", rule).increment();
        }
        registry.counter("wire_translation_articles_out", "target_language", target,
                "machine_translated", String.valueOf(article.getMachineTranslated())).increment();
        if (article.getTranslation() != null) {
            // What the engine billed, and what the translation memory (or a text shared in flight) saved.
            registry.counter("wire_translation_characters", "target_language", target, "kind", "billed")
                    .increment(article.getTranslation().getBilledCharacters());
            registry.counter("wire_translation_characters", "target_language", target, "kind", "memory")
                    .increment(article.getTranslation().getMemoryCharacters());
        }
    }

    /** One failed machine-translation request (or probe), by kind: 429, 456, 5xx, timeout, connection, 403, 400, other. */
    public void mtError(String kind) { registry.counter("wire_translation_mt_errors", "kind", kind).increment(); }

    /** Translation paused: the circuit opened ({@code circuit_open}) or the quota ran out ({@code quota_paused}). */
    public void enginePaused(String state) {
        registry.counter("wire_translation_engine_pauses", "state", state).increment();
    }
}
