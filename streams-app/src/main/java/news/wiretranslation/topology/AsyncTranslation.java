package news.wiretranslation.topology;

import java.time.Clock;
import java.util.Optional;

import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.translate.RetryingTranslator;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.async.BatchLimits;
import news.wiretranslation.translate.async.TranslationDispatcher;
import news.wiretranslation.translate.fault.EngineGuard;

/**
 * What the asynchronous translate step shares across stream threads and tasks: the dispatcher (its threads and
 * queue) and the counters. Owned by the service, which closes it after Kafka Streams.
 */
public final class AsyncTranslation implements AutoCloseable {
    private final TranslationDispatcher dispatcher;
    private final TranslationCounters counters = new TranslationCounters();
    private final CommitPacing.PerThread commits = new CommitPacing.PerThread(Clock.systemUTC());

    public AsyncTranslation(TranslationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Starts the dispatcher for {@code translator} with the configured concurrency, batch limits, linger, capacity and
     * retry backoff. A {@link RetryingTranslator} is unwrapped: the dispatcher retries itself, without limit.
     */
    public static AsyncTranslation start(ServiceConfig config, Translator translator, LanguageDetector detector) {
        return start(config, translator, detector, null);
    }

    /** The same, with the instance's fault policy ({@code null} for none): the dispatcher reports to it and waits on it. */
    public static AsyncTranslation start(ServiceConfig config, Translator translator, LanguageDetector detector,
                                         EngineGuard guard) {
        ServiceConfig.Async async = config.async();
        Translator engine = translator instanceof RetryingTranslator retrying ? retrying.delegate() : translator;
        Optional<QualityChecker> quality = TranslationTopology.qualityChecker(config, detector);
        TranslationDispatcher.SpanCheck spans = quality
                .<TranslationDispatcher.SpanCheck>map(checker -> (translation, lane) -> checker.untranslatedSpans(
                        translation, lane.sourceLanguage(), TargetLanguage.parse(lane.targetLanguage()).language()))
                .orElse(null);
        TranslationDispatcher dispatcher = new TranslationDispatcher(engine, new TranslationDispatcher.Settings(
                async.concurrency(), new BatchLimits(async.batchMaxTexts(), async.batchMaxBytes()), async.linger(),
                async.queueCapacity(), config.retry().initialBackoff(), async.retryMaxBackoff()),
                spans, d -> Thread.sleep(d.toMillis()), guard);
        return new AsyncTranslation(dispatcher);
    }

    public TranslationDispatcher dispatcher() {
        return dispatcher;
    }

    public TranslationCounters counters() {
        return counters;
    }

    /** When each stream thread asks for commits (see {@link CommitPacing}). */
    public CommitPacing.PerThread commits() {
        return commits;
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
