package news.wiretranslation.translate.meters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.translate.FakeTranslator;
import news.wiretranslation.translate.async.BatchLimits;
import news.wiretranslation.translate.async.DispatcherSettings;
import news.wiretranslation.translate.async.Lane;
import news.wiretranslation.translate.async.TranslationDispatcher;
import org.junit.jupiter.api.Test;

class TranslationQueueGaugesTest {

    @Test
    void theGaugesShowTextsWaitingForTheEngineAndTheQueuesRoomTaken() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // A long linger keeps a partial batch in the queue while the gauges are read.
        try (TranslationDispatcher dispatcher = new TranslationDispatcher(new FakeTranslator(), new DispatcherSettings(
                2, BatchLimits.DEEPL, Duration.ofMinutes(1), 500, Duration.ofMillis(10), Duration.ofMillis(100)))) {
            TranslationQueueGauges.bind(registry, dispatcher);
            assertThat(registry.get("wire_translation_queue_texts").gauge().value()).isZero();

            dispatcher.submitNow(new Lane("fr", "EN-US"), List.of("Un.", "Deux.", "Trois."), 5);

            assertThat(registry.get("wire_translation_queue_texts").gauge().value()).isEqualTo(3);
            assertThat(registry.get("wire_translation_queue_held_texts").gauge().value()).isEqualTo(3);
            assertThat(registry.get("wire_translation_queue_capacity_texts").gauge().value()).isEqualTo(500);
        }
    }
}
