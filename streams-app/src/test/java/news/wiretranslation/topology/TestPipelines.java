package news.wiretranslation.topology;

import java.time.Clock;
import java.util.Optional;

import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.service.Pipeline;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.async.TranslationDispatcher;
import org.apache.kafka.streams.Topology;

/** The topology as the service assembles it ({@link Pipeline}), around a detector and an engine of the test's. */
final class TestPipelines {
    private TestPipelines() {
    }

    /** A built topology and the translate step behind it, which the test closes. */
    record Built(Topology topology, TranslateStep step) implements AutoCloseable {
        /** The batched dispatcher (TRANSLATION_MODE=async). */
        TranslationDispatcher dispatcher() {
            return step.batched().orElseThrow();
        }

        @Override
        public void close() {
            step.close();
        }
    }

    static Built build(ServiceConfig config, LanguageDetector detector, Translator engine, Clock clock,
                       PipelineMetrics metrics) {
        return build(config, detector, engine, clock, metrics, Optional.empty());
    }

    static Built build(ServiceConfig config, LanguageDetector detector, Translator engine, Clock clock,
                       PipelineMetrics metrics, Optional<ReplaySelection> replay) {
        PipelineParts parts = Pipeline.assemble(config, detector, engine, null, metrics, clock, replay);
        return new Built(TranslationTopology.build(config, parts), parts.translateStep());
    }
}
