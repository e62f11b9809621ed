package news.wiretranslation.translate.meters;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.wiretranslation.translate.ForwardingTranslator;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.fault.MtErrorKind;

/**
 * Measures every request to the translation engine: latency (a timer with a percentiles histogram, by outcome),
 * texts and characters sent, requests in flight. Failed requests are counted by kind by the fault policy
 * ({@code translate/fault/EngineGuard}), which hears of every outcome; this class only makes each kind's series exist
 * from start-up, so that rate() sees the first error.
 * Sits directly around the engine, under any retrying, so each attempt is one request.
 */
public final class MeteredTranslator implements ForwardingTranslator {

    private final Translator engine;
    private final Timer succeeded;
    private final Timer failed;
    private final Counter texts;
    private final Counter characters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MeterRegistry registry;
    private final Gauge inFlightGauge;
    private final Gauge quotaPeriodEndGauge;

    public MeteredTranslator(Translator engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        this.succeeded = requestTimer(registry, engine.engine(), "success");
        this.failed = requestTimer(registry, engine.engine(), "error");
        this.texts = Counter.builder("wire_translation_mt_texts").description("Texts sent to the engine")
                .tag("engine", engine.engine()).register(registry);
        this.characters = Counter.builder("wire_translation_mt_characters_sent")
                .description("Characters of the texts sent to the engine (what it bills for, before its own counting)")
                .tag("engine", engine.engine()).register(registry);
        this.inFlightGauge = Gauge.builder("wire_translation_mt_in_flight", inFlight, AtomicInteger::get)
                .description("Requests to the engine waiting for an answer now")
                .tag("engine", engine.engine()).register(registry);
        // NaN while the engine reports no billing period (DeepL Free keys, Apertium): "unknown", not the epoch.
        this.quotaPeriodEndGauge = Gauge.builder("wire_translation_engine_quota_period_end_seconds", engine,
                        e -> e.quotaPeriodEnd().map(end -> (double) end.getEpochSecond()).orElse(Double.NaN))
                .description("When the engine account's billing period ends (Unix seconds), and a used-up quota with it,"
                        + " as the engine last reported it; NaN when it reports none")
                .tag("engine", engine.engine()).register(registry);
        MtErrorKind.KINDS.forEach(kind -> registry.counter("wire_translation_mt_errors", "kind", kind));
    }

    private static Timer requestTimer(MeterRegistry registry, String engine, String outcome) {
        return Timer.builder("wire_translation_mt_request")
                .description("Duration of one request to the translation engine")
                .publishPercentileHistogram()
                .tags("engine", engine, "outcome", outcome)
                .register(registry);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        texts.increment(request.texts().size());
        characters.increment(request.characters());
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        boolean ok = false;
        try {
            TranslationResult result = engine.translate(request);
            ok = true;
            return result;
        } finally {
            inFlight.decrementAndGet();
            (ok ? succeeded : failed).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public Translator delegate() {
        return engine;
    }

    /** Closes the engine and removes the gauges, which read this instance's counter and engine. */
    @Override
    public void close() {
        registry.remove(inFlightGauge);
        registry.remove(quotaPeriodEndGauge);
        engine.close();
    }
}
