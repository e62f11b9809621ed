package news.wiretranslation.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.deadletter.OutputRefusals;
import news.wiretranslation.metrics.StageCpu;
import news.wiretranslation.translate.async.Dispatcher;
import news.wiretranslation.translate.async.TranslationDispatcher;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * What the translate step of every target language and task shares: the dispatcher that reaches the engine, the
 * translation memory's bounds, its timing, its counters and the commit pacing. Owned by the service, which closes
 * it (and so the dispatcher's threads) after Kafka Streams.
 *
 * @param dispatcher          batched and asynchronous, or inline (the synchronous design)
 * @param memory              whether the translation memory is used, and its bounds
 * @param emitInterval        how often finished translations are looked for while no input arrives
 * @param backpressureTimeout how long the stream thread may wait for room in the dispatcher
 * @param recordLimit         the largest record the service may write (from MAX_ARTICLE_BYTES): a larger output
 *                            article is dead-lettered as OUTPUT_TOO_LARGE instead of failing the producer
 * @param refusals            outputs the broker refused under exactly-once (remembered by the production handler):
 *                            dead-lettered when their input is processed again after the aborted transaction
 */
public record TranslateStep(Dispatcher dispatcher, ServiceConfig.Memory memory, Duration emitInterval,
                            Duration backpressureTimeout, Clock clock, TranslationCounters counters,
                            CommitPacing.PerThread commits, int recordLimit,
                            OutputRefusals refusals) implements AutoCloseable {

    /**
     * The step as configured. The synchronous design ({@code TRANSLATION_MODE=sync}, the benchmark's baseline) keeps
     * no translation memory, as it never had one: it is what the batched step with its memory is measured against.
     */
    public TranslateStep(Dispatcher dispatcher, ServiceConfig config, Clock clock) {
        this(dispatcher, config.async().mode() == ServiceConfig.TranslationMode.ASYNC ? config.memory()
                        : new ServiceConfig.Memory(false, config.memory().maxAge(), config.memory().maxEntries()),
                config.async().emitInterval(), config.async().backpressureTimeout(), clock, new TranslationCounters(),
                new CommitPacing.PerThread(Clock.systemUTC()), config.sizes().recordLimit(), new OutputRefusals());
    }

    /** The batched dispatcher, whose queue the gauges and the benchmark look into; empty in the synchronous mode. */
    public Optional<TranslationDispatcher> batched() {
        return dispatcher instanceof TranslationDispatcher batched ? Optional.of(batched) : Optional.empty();
    }

    /** The step for one target language, with the stores it declares; its stream-thread CPU time goes to {@code cpu}. */
    ProcessorSupplier<String, DetectedArticle, String, TranslationOutcome> forTarget(ArticleTranslation translation,
                                                                                     StageCpu cpu) {
        return TranslationProcessor.supplier(this, translation, cpu);
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
