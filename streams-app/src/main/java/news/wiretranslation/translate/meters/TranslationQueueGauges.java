package news.wiretranslation.translate.meters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.wiretranslation.translate.async.TranslationDispatcher;

/**
 * How full the asynchronous translation queue is: a queue that stays full means the engine (or its quota) does not
 * keep up, and the stream threads are held back (back-pressure) before consumer lag shows it.
 */
public final class TranslationQueueGauges {
    private TranslationQueueGauges() {
    }

    public static void bind(MeterRegistry registry, TranslationDispatcher dispatcher) {
        Gauge.builder("wire_translation_queue_texts", dispatcher, TranslationDispatcher::queuedTexts)
                .description("Texts waiting for an engine request (async mode)")
                .register(registry);
        Gauge.builder("wire_translation_queue_held_texts", dispatcher, TranslationDispatcher::textsHeld)
                .description("Room of TRANSLATION_QUEUE_CAPACITY taken by articles not yet fully translated (async mode)")
                .register(registry);
        Gauge.builder("wire_translation_queue_capacity_texts", dispatcher, d -> d.settings().capacity())
                .description("TRANSLATION_QUEUE_CAPACITY: texts queued or in flight at most")
                .register(registry);
    }
}
